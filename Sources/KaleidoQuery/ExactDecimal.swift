import Foundation

/// An amount as exact decimal arithmetic (Foundation's base-10 `Decimal`, 38 digits), which
/// also remembers how many decimals its operands were written with, so that
/// 26450.50 + 18432.50 prints `44883.00`, never `44883.0000001` nor `44883`.
public struct ExactDecimal: Hashable, Comparable, Sendable, CustomStringConvertible {
    var value: Decimal
    /// Digits after the decimal point to print (the most any operand had).
    var scale: Int

    /// Zero, with no decimals.
    public static let zero = ExactDecimal(value: 0, scale: 0)

    init(value: Decimal, scale: Int) {
        self.value = value
        self.scale = scale
    }

    /// Parses a plain decimal (`15000`, `-3.5`, `26450.50`); nil for anything else (no
    /// exponents, no thousands separators).
    public init?(_ text: String) {
        let body = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            parts.count == 1 || !parts[1].isEmpty, let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        self.value = value
        scale = parts.count == 2 ? parts[1].count : 0
    }

    /// The exact sum, printed with the larger number of decimals.
    public static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        ExactDecimal(value: lhs.value + rhs.value, scale: max(lhs.scale, rhs.scale))
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool { lhs.value < rhs.value }

    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool { lhs.value == rhs.value }

    public func hash(into hasher: inout Hasher) { hasher.combine(value) }

    /// The amount with exactly `scale` decimals (`44883.00`).
    public var description: String {
        let plain = NSDecimalNumber(decimal: value).description(withLocale: Locale(identifier: "en_US_POSIX"))
        guard scale > 0 else { return plain }
        let parts = plain.split(separator: ".", maxSplits: 1)
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        return String(parts[0]) + "." + fraction + String(repeating: "0", count: max(0, scale - fraction.count))
    }
}
