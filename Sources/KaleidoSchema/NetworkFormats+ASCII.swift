/// Byte-level answers for the common case of plain ASCII e-mail addresses and host names: the
/// same verdicts as `NetworkFormats.isEmail` and `IDNA.isHostname`, without splitting the text
/// into scalar arrays and lower-cased strings (the format check runs on every record).
///
/// Each answers nil when the general path must decide: non-ASCII text, an `xn--` label (its
/// Punycode and bidirectional rules), an address literal (`[…]`).
extension NetworkFormats {
    /// `isEmail` for ASCII text (both variants agree there: `international` only admits
    /// non-ASCII); nil when the text is not ASCII or the general path must decide.
    static func asciiEmail(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var at = -1
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 { return nil }
            if byte == UInt8(ascii: "@") { at = index }
        }
        guard at >= 0 else { return false }
        let localCount = at
        let domainCount = bytes.count - at - 1
        guard localCount > 0, domainCount > 0, localCount <= 64 else { return false }
        let quote = UInt8(ascii: "\""), dot = UInt8(ascii: ".")
        if bytes[0] == quote {
            // ASCII characters are single bytes except CR LF, which is neither a quote nor one:
            // "starts and ends with a quote, two characters at least" is two bytes at least.
            guard localCount >= 2, bytes[localCount - 1] == quote else { return false }
        } else {
            guard bytes[0] != dot, bytes[localCount - 1] != dot else { return false }
            var previous: UInt8 = 0
            for index in 0..<localCount {
                let byte = bytes[index]
                if byte == dot, previous == dot { return false }
                guard isAtomByte(byte) else { return false }
                previous = byte
            }
        }
        if bytes[at + 1] == UInt8(ascii: "[") { return nil }
        guard let start = bytes.baseAddress else { return false }
        return IDNA.asciiHostname(UnsafeBufferPointer(start: start + at + 1, count: domainCount))
    }

    /// A dot-atom byte: an ASCII letter or digit, or one of ``!#$%&'*+-/=?^_`{|}~.``.
    @inline(__always)
    static func isAtomByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "?"),
             UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"),
             UInt8(ascii: "~"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }
}

extension IDNA {
    /// `isHostname` for ASCII text without `xn--` labels (the same for both variants: the
    /// extra separators and U-labels of `international` are not ASCII, and a name of LDH labels
    /// has no right-to-left label); nil when the general path must decide.
    static func asciiHostname(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var labelStart = 0
        var verdict = bytes.count <= 253
        for index in 0...bytes.count {
            if index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 { return nil }
                if byte != UInt8(ascii: ".") { continue }
            }
            switch asciiLabel(bytes, labelStart, index) {
            case nil: return nil
            case false?: verdict = false
            case true?: break
            }
            labelStart = index + 1
        }
        return verdict
    }

    /// Whether `bytes[start..<end]` is a valid LDH label; nil for an `xn--` one.
    private static func asciiLabel(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool? {
        let count = end - start
        guard count > 0, count <= 63 else { return false }
        let hyphen = UInt8(ascii: "-")
        guard bytes[start] != hyphen, bytes[end - 1] != hyphen else { return false }
        for index in start..<end {
            switch bytes[index] {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), hyphen:
                continue
            default:
                return false
            }
        }
        // Reserved `??--` labels: `xn--` must be a valid A-label (the general path), others fail.
        if count >= 4, bytes[start + 2] == hyphen, bytes[start + 3] == hyphen {
            if bytes[start] | 0x20 == UInt8(ascii: "x"), bytes[start + 1] | 0x20 == UInt8(ascii: "n") { return nil }
            return false
        }
        return true
    }
}
