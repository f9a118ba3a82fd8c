/// What a plain scalar's bytes mean under the YAML 1.2 core schema, decided on the bytes
/// exactly as `ScalarResolver.resolvePlain` decides on the text (and `YAMLConversion` after it),
/// without building a `String`.
enum AcceptorScalar: UInt8 {
    case string, null, isTrue, isFalse
    /// `[-+]?[0-9]+`, `0x…`, `0o…`: an integer.
    case integer
    /// The core schema's float form: a number that may or may not be integral (`1.0`, `1e3`).
    case float
    /// `.inf`, `.nan` or an exponent `JSONNumber` refuses: `YAMLConversion` fails on it.
    case invalid

    static let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")
    static let plus = UInt8(ascii: "+"), minus = UInt8(ascii: "-"), dot = UInt8(ascii: ".")

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }

    /// The meaning of a plain scalar (quoted and block scalars are always strings).
    static func classifyPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> AcceptorScalar {
        guard let first = bytes.first else { return .null }
        switch first {
        case zero...nine, plus, minus, dot:
            return classifyNumeric(bytes)
        case UInt8(ascii: "~"):
            return bytes.count == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return classifyWord(bytes)
        default:
            return .string
        }
    }

    /// null / true / false in the three spellings the core schema knows.
    private static func classifyWord(_ bytes: UnsafeBufferPointer<UInt8>) -> AcceptorScalar {
        func equals(_ word: StaticString) -> Bool {
            guard word.utf8CodeUnitCount == bytes.count else { return false }
            let start = word.utf8Start
            for index in 0..<bytes.count where start[index] != bytes[index] { return false }
            return true
        }
        switch bytes.count {
        case 4:
            if equals("null") || equals("Null") || equals("NULL") { return .null }
            if equals("true") || equals("True") || equals("TRUE") { return .isTrue }
        case 5:
            if equals("false") || equals("False") || equals("FALSE") { return .isFalse }
        default:
            break
        }
        return .string
    }

    /// Text starting with a digit, a sign or a dot: an integer, a float, `.inf`/`.nan`, or a
    /// string (`2011-09-22`, `+33 6…`, `1_000`).
    private static func classifyNumeric(_ bytes: UnsafeBufferPointer<UInt8>) -> AcceptorScalar {
        let count = bytes.count
        // 0x / 0o integers (ScalarResolver.resolveInteger): anything else after the prefix makes
        // the whole text a string (no float starts with `0x`).
        if count > 2, bytes[0] == zero, bytes[1] == UInt8(ascii: "x") || bytes[1] == UInt8(ascii: "o") {
            let hex = bytes[1] == UInt8(ascii: "x")
            for index in 2..<count {
                let byte = bytes[index]
                let valid = hex ? (isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f")))
                    : (byte >= zero && byte <= UInt8(ascii: "7"))
                if !valid { return .string }
            }
            return .integer
        }
        var index = 0
        if bytes[0] == plus || bytes[0] == minus { index = 1 }
        // .inf / .nan (ScalarResolver.resolveFloat's list): YAMLConversion refuses them.
        if index < count, bytes[index] == dot, count - index == 4 {
            let word = (bytes[index + 1], bytes[index + 2], bytes[index + 3])
            let isInfinity = word == (105, 110, 102) || word == (73, 110, 102) || word == (73, 78, 70)  // inf Inf INF
            let isNaN = word == (110, 97, 110) || word == (78, 97, 78) || word == (78, 65, 78)  // nan NaN NAN
            if isInfinity { return .invalid }
            if isNaN, index == 0 { return .invalid }
        }
        let integerStart = index
        while index < count, isDigit(bytes[index]) { index += 1 }
        let integerDigits = index - integerStart
        if index == count { return integerDigits > 0 ? .integer : .string }
        var fractionDigits = 0
        if bytes[index] == dot {
            index += 1
            let fractionStart = index
            while index < count, isDigit(bytes[index]) { index += 1 }
            fractionDigits = index - fractionStart
        }
        if integerDigits == 0 && fractionDigits == 0 { return .string }
        if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < count, bytes[index] == plus || bytes[index] == minus { index += 1 }
            var value = 0
            var exponentDigits = 0
            var tooLarge = false
            while index < count, isDigit(bytes[index]) {
                // JSONNumber refuses an exponent past 1e9 (checked digit by digit, as here).
                if !tooLarge {
                    value = value * 10 + Int(bytes[index] - zero)
                    if value > 1_000_000_000 { tooLarge = true }
                }
                exponentDigits += 1
                index += 1
            }
            if exponentDigits == 0 { return .string }
            if index == count, tooLarge { return .invalid }
        }
        return index == count ? .float : .string
    }
}
