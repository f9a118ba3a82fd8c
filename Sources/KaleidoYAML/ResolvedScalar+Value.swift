extension ResolvedScalar {
    /// Whether two scalars hold the same value: numbers compare as exact decimals (`26450.50`,
    /// `26450.5`, `2.64505e4` are one number; `1` and `1.0` too, as in JSON Schema), anything
    /// else by its resolved form (`"Sfax"` = `Sfax`, `007` = `7`).
    ///
    /// This is the equality a merge and a change list need: re-spelling a number is not an edit.
    public func sameValue(as other: ResolvedScalar) -> Bool {
        if self == other { return true }
        guard let left = decimal, let right = other.decimal else { return false }
        return left == right
    }

    /// A text that is equal for equal values (`sameValue`), for keys and canonical forms.
    public var canonicalValue: String {
        switch self {
        case .null: return "~"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let text), .float(let text):
            guard let value = decimal else { return "n" + text }
            return value.isZero ? "n0" : "n" + (value.negative ? "-" : "") + value.digits + "e" + String(value.point)
        case .infinity(let negative): return negative ? "-inf" : "+inf"
        case .nan: return "nan"
        case .string(let text): return "s" + text
        }
    }

    /// An exact decimal: the value is `±0.DIGITS × 10^point`, DIGITS without leading or
    /// trailing zeros (empty for zero, whatever its sign).
    struct DecimalValue: Equatable {
        var negative: Bool
        var digits: String
        var point: Int
        var isZero: Bool { digits.isEmpty }

        static func == (a: DecimalValue, b: DecimalValue) -> Bool {
            if a.isZero || b.isZero { return a.isZero && b.isZero }
            return a.negative == b.negative && a.digits == b.digits && a.point == b.point
        }
    }

    /// The exact decimal of an integer or a float (both kept as text by the resolver); `nil`
    /// for other scalars and for exponents too large to matter (compared by text then).
    var decimal: DecimalValue? {
        let text: String
        switch self {
        case .integer(let value), .float(let value): text = value
        default: return nil
        }
        var bytes = Array(text.utf8)[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
        var mantissa = bytes
        var exponent = 0
        if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            mantissa = bytes[..<e]
            let exponentText = String(decoding: bytes[(e + 1)...], as: UTF8.self)
            guard exponentText.utf8.count <= 9, let value = Int(exponentText) else { return nil }
            exponent = value
        }
        let whole = mantissa.prefix { $0 != UInt8(ascii: ".") }
        let fraction = mantissa.dropFirst(whole.count + 1)
        var digits = Array(whole) + Array(fraction)
        var point = whole.count + exponent
        let leading = digits.prefix { $0 == UInt8(ascii: "0") }.count
        digits.removeFirst(leading)
        point -= leading
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return DecimalValue(negative: negative, digits: String(decoding: digits, as: UTF8.self), point: point)
    }
}
