/// The way a French spreadsheet writes numbers, dates and yes/no, read back into the data
/// model's forms: `1 500,50` → `1500.50`, `22/09/2011` → `2011-09-22`, `oui` → true. What is
/// already in the data model's form is kept as is (`1500.50`, `2011-09-22`). Pure.
public enum FrenchValues {
    /// A decimal number: digits grouped by spaces (also no-break and narrow no-break spaces,
    /// as Excel writes them) or not, a decimal comma or point, a leading `-`. The digits are
    /// kept (`1 500,50` → `1500.50`, never `1500.5`): amounts are exact decimals. Nil when the
    /// text is not a number, or is ambiguous (`1,500.50`, two separators).
    public static func number(_ text: String) -> String? {
        let spaces: Set<Character> = [" ", "\u{A0}", "\u{202F}", "\u{2009}"]
        let text = String(text.drop(while: spaces.contains).reversed().drop(while: spaces.contains).reversed())
        var digits = text.filter { !spaces.contains($0) }
        guard !digits.isEmpty else { return nil }
        var sign = ""
        if digits.hasPrefix("-") || digits.hasPrefix("+") {
            sign = digits.hasPrefix("-") ? "-" : ""
            digits.removeFirst()
        }
        let separators = digits.filter { $0 == "," || $0 == "." }
        guard separators.count <= 1 else { return nil }
        let parts = digits.split(separator: separators.first ?? " ", omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigitCharacter),
            parts.count == 1 || (parts[1].count > 0 && parts[1].allSatisfy(\.isASCIIDigitCharacter))
        else { return nil }
        // A space groups thousands: only between groups of three digits.
        if text.contains(where: spaces.contains) {
            let groups = String(text.split(separator: separators.first ?? ";").first ?? "")
                .trimmingPrefix("-").split(whereSeparator: spaces.contains)
            guard groups.dropFirst().allSatisfy({ $0.count == 3 }), (groups.first?.count ?? 0) <= 3 else { return nil }
        }
        return sign + whole + (parts.count == 2 ? "." + parts[1] : "")
    }

    /// A date or partial date: `22/09/2011` and `22-09-2011` → `2011-09-22`, `09/2011` →
    /// `2011-09`, ISO forms (`2011`, `2011-09`, `2011-09-22`) kept. Nil when the text is none
    /// of these or not a calendar date (`31/02/2011`).
    public static func date(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: " ")
        func valid(_ year: Int, _ month: Int?, _ day: Int?) -> Bool {
            guard let month else { return true }
            guard (1...12).contains(month) else { return false }
            guard let day else { return true }
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return (1...lengths[month - 1]).contains(day)
        }
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        if let match = trimmed.wholeMatch(of: /([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?/) {
            let (year, month, day) = (Int(match.1)!, match.2.flatMap { Int($0) }, match.3.flatMap { Int($0) })
            return valid(year, month, day) ? trimmed : nil
        }
        if let match = trimmed.wholeMatch(of: /([0-9]{1,2})[\/.-]([0-9]{1,2})[\/.-]([0-9]{4})/) {
            let (day, month, year) = (Int(match.1)!, Int(match.2)!, Int(match.3)!)
            return valid(year, month, day) ? "\(year)-\(pad(month))-\(pad(day))" : nil
        }
        if let match = trimmed.wholeMatch(of: /([0-9]{1,2})[\/.-]([0-9]{4})/) {
            let (month, year) = (Int(match.1)!, Int(match.2)!)
            return valid(year, month, nil) ? "\(year)-\(pad(month))" : nil
        }
        return nil
    }

    /// `oui`/`non`, `vrai`/`faux`, `true`/`false`, `yes`/`no`, `o`/`n`, `1`/`0` (any case).
    public static func boolean(_ text: String) -> Bool? {
        switch TextFold.fold(text) {
        case "oui", "vrai", "true", "yes", "o", "y", "1", "x": true
        case "non", "faux", "false", "no", "n", "0": false
        default: nil
        }
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

extension String {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
