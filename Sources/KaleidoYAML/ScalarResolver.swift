/// What a scalar means under the YAML 1.2 core schema.
///
/// Numbers are kept as exact decimal text, never as `Double`, so that `19.99` and
/// `123456789012345678901234567890` survive untouched; callers that need arithmetic parse
/// the text with the precision they need.
public enum ResolvedScalar: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A base-10 integer as text: an optional `-` and digits (`0x`/`0o` forms converted).
    case integer(String)
    /// A decimal number as text in JSON form (`.5` → `0.5`, `1.` → `1.0`, `+2e3` → `2e3`).
    case float(String)
    /// `.inf` / `-.inf`.
    case infinity(negative: Bool)
    /// `.nan`.
    case nan
    case string(String)
}

/// The YAML 1.2 core schema's tag resolution (https://yaml.org/spec/1.2.2/#1023-core-schema).
///
/// Only plain scalars are resolved by pattern: quoted and block scalars are strings. There are
/// no YAML 1.1 booleans (`yes`, `no`, `on`, `off`, `y`, `n`), no timestamps and no base-60
/// numbers: `NO` is the string "NO" and `2011-09-22` the string "2011-09-22".
public enum ScalarResolver {
    static let coreTagPrefix = "tag:yaml.org,2002:"

    /// Resolves a scalar by its explicit tag when it has one (`!!str`, `!!int`…), else by the
    /// core schema's patterns for plain scalars, else as a string.
    public static func resolve(_ text: String, style: ScalarStyle, tag: String?) -> ResolvedScalar {
        if let tag, tag != "!" {
            switch tag {
            case coreTagPrefix + "str": return .string(text)
            case coreTagPrefix + "null": return .null
            case coreTagPrefix + "bool": return resolveBool(text) ?? .string(text)
            case coreTagPrefix + "int": return resolveInteger(text) ?? .string(text)
            case coreTagPrefix + "float":
                if let integer = resolveInteger(text), case .integer(let digits) = integer {
                    return .float(digits)
                }
                return resolveFloat(text) ?? .string(text)
            default: return .string(text)
            }
        }
        if tag == "!" || style != .plain { return .string(text) }
        return resolvePlain(text)
    }

    /// The core schema's reading of a plain scalar's text.
    public static func resolvePlain(_ text: String) -> ResolvedScalar {
        // Most plain scalars are words: only text starting with a digit, a sign, a dot, `~` or
        // the first letter of null/true/false can be anything but a string, so the rest skips
        // the patterns below (this runs for every scalar a rule or the conversion reads).
        if let first = text.utf8.first {
            if !mayBeNonString(firstByte: first) { return .string(text) }
            // A letter (n, t, f and capitals: `name`, `type`, `from`…) can only start null or a
            // boolean; no number pattern starts with a letter.
            if (first | 0x20) == UInt8(ascii: "n") || (first | 0x20) == UInt8(ascii: "t") || (first | 0x20) == UInt8(ascii: "f") {
                // null and true have 4 letters, false 5: other words skip the comparisons.
                let count = text.utf8.count
                guard count == 4 || count == 5 else { return .string(text) }
                switch text {
                case "null", "Null", "NULL": return .null
                default: return resolveBool(text) ?? .string(text)
                }
            }
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        default: break
        }
        if let bool = resolveBool(text) { return bool }
        if let integer = resolveInteger(text) { return integer }
        if let float = resolveFloat(text) { return float }
        return .string(text)
    }

    /// Whether a plain scalar starting with `byte` may resolve to null, a boolean or a number.
    static func mayBeNonString(firstByte byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "~"),
             UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            return true
        default:
            return false
        }
    }

    static func resolveBool(_ text: String) -> ResolvedScalar? {
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: return nil
        }
    }

    static func resolveInteger(_ text: String) -> ResolvedScalar? {
        let bytes = Array(text.utf8)
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            if bytes[1] == UInt8(ascii: "x") {
                return convert(bytes[2...], radix: 16).map(ResolvedScalar.integer)
            }
            if bytes[1] == UInt8(ascii: "o") {
                return convert(bytes[2...], radix: 8).map(ResolvedScalar.integer)
            }
        }
        var digits = bytes[...]
        var negative = false
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
        // Leading zeros are not significant in the core schema: `007` is 7.
        let trimmed = digits.drop(while: { $0 == UInt8(ascii: "0") })
        let magnitude = trimmed.isEmpty ? "0" : String(decoding: trimmed, as: UTF8.self)
        return .integer(negative && magnitude != "0" ? "-" + magnitude : magnitude)
    }

    static func resolveFloat(_ text: String) -> ResolvedScalar? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity(negative: false)
        case "-.inf", "-.Inf", "-.INF": return .infinity(negative: true)
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var bytes = Array(text.utf8)[...]
        var sign = ""
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            if first == UInt8(ascii: "-") { sign = "-" }
            bytes = bytes.dropFirst()
        }
        let integerPart = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(integerPart.count)
        var fractionPart: ArraySlice<UInt8> = []
        var hasDot = false
        if bytes.first == UInt8(ascii: ".") {
            hasDot = true
            bytes = bytes.dropFirst()
            fractionPart = bytes.prefix(while: isDigit)
            bytes = bytes.dropFirst(fractionPart.count)
        }
        if integerPart.isEmpty && fractionPart.isEmpty { return nil }
        var exponent = ""
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            var expSign = ""
            if let s = bytes.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") {
                if s == UInt8(ascii: "-") { expSign = "-" }
                bytes = bytes.dropFirst()
            }
            let expDigits = bytes.prefix(while: isDigit)
            guard !expDigits.isEmpty else { return nil }
            bytes = bytes.dropFirst(expDigits.count)
            exponent = "e" + expSign + String(decoding: expDigits, as: UTF8.self)
        }
        guard bytes.isEmpty else { return nil }
        let whole = integerPart.isEmpty ? "0" : String(decoding: integerPart, as: UTF8.self)
        let fraction = hasDot ? "." + (fractionPart.isEmpty ? "0" : String(decoding: fractionPart, as: UTF8.self)) : ""
        return .float(sign + whole + fraction + exponent)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Converts hexadecimal or octal digits to decimal text of any length (no overflow).
    private static func convert(_ digits: ArraySlice<UInt8>, radix: UInt32) -> String? {
        var decimal: [UInt32] = [0]  // little-endian base-10 digits
        for byte in digits {
            guard let value = hexValue(byte), value < radix else { return nil }
            var carry = value
            for index in decimal.indices {
                let product = decimal[index] * radix + carry
                decimal[index] = product % 10
                carry = product / 10
            }
            while carry > 0 {
                decimal.append(carry % 10)
                carry /= 10
            }
        }
        while decimal.count > 1, decimal.last == 0 { decimal.removeLast() }
        return String(decimal.reversed().map { Character(String($0)) })
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
