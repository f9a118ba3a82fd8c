/// How a YAML 1.1 parser (PyYAML and most tools older than YAML 1.2) would read a plain scalar
/// that the 1.2 core schema reads as a string: the rules of the 1.1 type repository
/// (https://yaml.org/type/): booleans, timestamps, base-60 and underscored numbers.
public enum YAML11Reading {
    /// A phrase naming what YAML 1.1 reads (`a boolean (false)`, `a date`, `a number`), or nil
    /// when YAML 1.1 reads a string too.
    public static func of(_ text: String) -> String? {
        switch text {
        case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON":
            return "a boolean (true)"
        case "n", "N", "no", "No", "NO", "off", "Off", "OFF":
            return "a boolean (false)"
        case "=":
            return "a value key"
        default:
            break
        }
        let bytes = Array(text.utf8)
        if isTimestamp(bytes) { return "a date" }
        if isSexagesimal(bytes) || isUnderscoredOrBinaryNumber(bytes) { return "a number" }
        return nil
    }

    /// Whether a scalar starting with this byte can possibly have a YAML 1.1 reading (a cheap
    /// filter before `of(_:)`): digits, signs, `=` and the initials of the 1.1 boolean words.
    public static func mayDiffer(firstByte byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="),
             UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            return true
        default:
            return false
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// `YYYY-M?M-D?D` optionally followed by a time: https://yaml.org/type/timestamp.html
    private static func isTimestamp(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 8, bytes[0..<4].allSatisfy(isDigit), bytes[4] == UInt8(ascii: "-") else { return false }
        var index = 5
        func digits(max: Int) -> Int {
            var count = 0
            while index < bytes.count, isDigit(bytes[index]), count < max { index += 1; count += 1 }
            return count
        }
        guard digits(max: 2) >= 1, index < bytes.count, bytes[index] == UInt8(ascii: "-") else { return false }
        index += 1
        guard digits(max: 2) >= 1 else { return false }
        // A bare date must be exactly YYYY-MM-DD; with a time part any of the variants count.
        if index == bytes.count { return bytes.count == 10 }
        return bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: "t") || bytes[index] == UInt8(ascii: " ")
    }

    /// `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+` (and the float variant with a fraction).
    private static func isSexagesimal(_ bytes: [UInt8]) -> Bool {
        var body = bytes[...]
        if let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { body = body.dropFirst() }
        let groups = body.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard groups.count >= 2, let head = groups.first, let firstByte = head.first, isDigit(firstByte),
            head.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "_") })
        else { return false }
        for (offset, group) in groups.dropFirst().enumerated() {
            let isLast = offset == groups.count - 2
            var digits = group[...]
            if isLast, let dot = group.firstIndex(of: UInt8(ascii: ".")) {
                guard group[(dot + 1)...].allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "_") }) else { return false }
                digits = group[..<dot]
            }
            guard (1...2).contains(digits.count), digits.allSatisfy(isDigit) else { return false }
            if digits.count == 2, let tens = digits.first, tens > UInt8(ascii: "5") { return false }
        }
        return true
    }

    /// `1_000`, `0b1010`, `0x_FF`-style forms that 1.1 reads as numbers but 1.2 core does not.
    private static func isUnderscoredOrBinaryNumber(_ bytes: [UInt8]) -> Bool {
        var body = bytes[...]
        if let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { body = body.dropFirst() }
        guard let first = body.first, isDigit(first) else { return false }
        if body.starts(with: Array("0b".utf8)) {
            return body.count > 2 && body.dropFirst(2).allSatisfy { $0 == 48 || $0 == 49 || $0 == UInt8(ascii: "_") }
        }
        guard body.contains(UInt8(ascii: "_")) else { return false }
        var seenDot = false
        for byte in body {
            if byte == UInt8(ascii: ".") {
                if seenDot { return false }
                seenDot = true
            } else if !(isDigit(byte) || byte == UInt8(ascii: "_")) {
                return false
            }
        }
        return true
    }
}
