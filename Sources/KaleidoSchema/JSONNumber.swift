/// An exact decimal number: `sign × digits × 10^exponent`, never rounded through `Double`.
///
/// The value is kept normalized (no leading zeros in `digits`, no trailing zeros: they move into
/// `exponent`; zero has no digits and is never negative), so two numbers are equal exactly when
/// their stored parts are equal: `1`, `1.0` and `10e-1` are the same `JSONNumber`, and
/// `123456789012345678901234567890` keeps all its digits. Hashing follows equality, which is what
/// `enum`, `const` and `uniqueItems` need.
public struct JSONNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Whether the number is below zero.
    public private(set) var isNegative: Bool
    /// The significant decimal digits (0–9), most significant first; empty for zero.
    public private(set) var digits: [UInt8]
    /// The power of ten the digits are multiplied by.
    public private(set) var exponent: Int

    /// A number from its parts; normalizes them (see the type's documentation).
    public init(negative: Bool, digits: [UInt8], exponent: Int) {
        var digits = digits[...].drop(while: { $0 == 0 })
        var exponent = exponent
        while let last = digits.last, last == 0 {
            digits = digits.dropLast()
            exponent += 1
        }
        self.digits = Array(digits)
        self.exponent = self.digits.isEmpty ? 0 : exponent
        self.isNegative = self.digits.isEmpty ? false : negative
    }

    /// A number from a Swift integer.
    public init(_ value: Int) {
        var magnitude = value.magnitude
        var reversed: [UInt8] = []
        while magnitude > 0 {
            reversed.append(UInt8(magnitude % 10))
            magnitude /= 10
        }
        self.init(negative: value < 0, digits: reversed.reversed(), exponent: 0)
    }

    /// Parses JSON number syntax (`-12.5e3`); also accepts a leading `+`, leading zeros and
    /// `1.`/`.5`, as YAML's core schema resolves them. Returns nil for anything else.
    ///
    /// An exponent beyond ±1,000,000,000 is refused so that no later step can be asked to work
    /// with a number of that many digits.
    public init?(_ text: some StringProtocol) {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var digits: [UInt8] = []
        var exponent = 0
        var sawDigit = false
        while let byte = bytes.first, byte >= 48, byte <= 57 {
            digits.append(byte - 48)
            sawDigit = true
            bytes = bytes.dropFirst()
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            var sawFraction = false
            while let byte = bytes.first, byte >= 48, byte <= 57 {
                digits.append(byte - 48)
                exponent -= 1
                sawFraction = true
                bytes = bytes.dropFirst()
            }
            guard sawFraction || sawDigit else { return nil }
            sawDigit = true
        }
        guard sawDigit else { return nil }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            var expNegative = false
            if let s = bytes.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") {
                expNegative = s == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            var value = 0
            var sawExp = false
            while let byte = bytes.first, byte >= 48, byte <= 57 {
                value = value * 10 + Int(byte - 48)
                guard value <= 1_000_000_000 else { return nil }
                sawExp = true
                bytes = bytes.dropFirst()
            }
            guard sawExp else { return nil }
            exponent += expNegative ? -value : value
        }
        guard bytes.isEmpty else { return nil }
        self.init(negative: negative, digits: digits, exponent: exponent)
    }

    /// Whether the number is zero.
    public var isZero: Bool { digits.isEmpty }

    /// Whether the number has no fractional part (`1.0` is an integer, as JSON Schema says).
    public var isInteger: Bool { exponent >= 0 }

    /// The value as an `Int` when it is an integer that fits, else nil.
    public var intValue: Int? {
        guard isInteger, digits.count + exponent <= 18 else { return nil }
        var value = 0
        for digit in digits { value = value * 10 + Int(digit) }
        for _ in 0..<exponent { value *= 10 }
        return isNegative ? -value : value
    }

    /// The nearest `Double` (for display only: comparisons never go through it).
    public var doubleValue: Double { Double(description) ?? .nan }

    /// Canonical JSON text: plain digits up to 21 significant positions, else scientific notation.
    public var description: String {
        if digits.isEmpty { return "0" }
        let sign = isNegative ? "-" : ""
        let text = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
        if exponent >= 0, digits.count + exponent <= 21 {
            return sign + text + String(repeating: "0", count: exponent)
        }
        if exponent < 0, -exponent < digits.count {
            let split = digits.count + exponent
            return sign + text.prefix(split) + "." + text.dropFirst(split)
        }
        if exponent < 0, -exponent <= 21 {
            return sign + "0." + String(repeating: "0", count: -exponent - digits.count) + text
        }
        let mantissa = digits.count == 1 ? text : text.prefix(1) + "." + text.dropFirst()
        return sign + mantissa + "e" + String(exponent + digits.count - 1)
    }

    // MARK: Comparison

    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let order = compareMagnitude(lhs, rhs)
        return lhs.isNegative ? order > 0 : order < 0
    }

    /// -1, 0 or 1 as |lhs| is below, equal to or above |rhs|.
    static func compareMagnitude(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Int {
        if lhs.isZero || rhs.isZero { return lhs.isZero ? (rhs.isZero ? 0 : -1) : 1 }
        // The position of the leading digit decides first: 10^(count + exponent).
        let lhsMagnitude = lhs.digits.count + lhs.exponent
        let rhsMagnitude = rhs.digits.count + rhs.exponent
        if lhsMagnitude != rhsMagnitude { return lhsMagnitude < rhsMagnitude ? -1 : 1 }
        for index in 0..<max(lhs.digits.count, rhs.digits.count) {
            let left = index < lhs.digits.count ? lhs.digits[index] : 0
            let right = index < rhs.digits.count ? rhs.digits[index] : 0
            if left != right { return left < right ? -1 : 1 }
        }
        return 0
    }
}
