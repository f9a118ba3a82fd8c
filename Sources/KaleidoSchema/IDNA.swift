/// Internationalized host names: Punycode (RFC 3492) and the label rules of IDNA 2008
/// (RFC 5891–5893), approximated without the IDNA tables.
///
/// What is exact: Punycode decoding and canonical re-encoding, label lengths in A-label form,
/// hyphen rules, leading combining marks, the CONTEXTO rules (middle dot, Greek keraia, Hebrew
/// geresh/gershayim, katakana middle dot, Arabic-Indic digits) and the listed exceptions of
/// RFC 5892 §2.6. What is approximated: "PVALID" is read from general categories (lower-case and
/// other letters, marks, decimal digits), ZWNJ's joining-type rule from Arabic-block letters, and
/// bidirectional classes (RFC 5893) from script blocks. NFC is not checked.
enum IDNA {
    // MARK: Punycode

    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700

    private static func adapt(_ delta: Int, _ count: Int, _ first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func threshold(_ k: Int, _ bias: Int) -> Int {
        k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
    }

    /// Decodes the part after `xn--`; nil when it is not valid Punycode.
    static func decode(_ text: Substring) -> [Unicode.Scalar]? {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 128 }) else { return nil }
        var output: [UInt32] = []
        var rest = bytes[...]
        if let dash = bytes.lastIndex(of: UInt8(ascii: "-")) {
            output = bytes[..<dash].map(UInt32.init)
            rest = bytes[(dash + 1)...]
        }
        var n = 128, i = 0, bias = 72
        while !rest.isEmpty {
            let oldI = i
            var weight = 1
            var k = base
            while true {
                guard let byte = rest.popFirst() else { return nil }
                let digit: Int
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = Int(byte) - 97
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = Int(byte) - 65
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte) - 22
                default: return nil
                }
                let (product, overflow) = digit.multipliedReportingOverflow(by: weight)
                guard !overflow, i <= Int(Int32.max) - product else { return nil }
                i += product
                let t = threshold(k, bias)
                if digit < t { break }
                weight *= base - t
                guard weight < Int(Int32.max) else { return nil }
                k += base
            }
            bias = adapt(i - oldI, output.count + 1, oldI == 0)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard n <= 0x10FFFF, !(0xD800...0xDFFF).contains(n) else { return nil }
            output.insert(UInt32(n), at: i)
            i += 1
        }
        return output.compactMap(Unicode.Scalar.init)
    }

    /// Encodes a label to Punycode (without `xn--`).
    static func encode(_ scalars: [Unicode.Scalar]) -> String {
        let values = scalars.map { Int($0.value) }
        var output = values.filter { $0 < 128 }.map { Character(Unicode.Scalar(UInt8($0))) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append("-") }
        var n = 128, delta = 0, bias = 72
        func digit(_ value: Int) -> Character {
            Character(Unicode.Scalar(UInt8(value < 26 ? value + 97 : value + 22)))
        }
        while handled < values.count {
            let m = values.filter { $0 >= n }.min() ?? n
            delta += (m - n) * (handled + 1)
            n = m
            for value in values {
                if value < n { delta += 1 }
                if value == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = threshold(k, bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return String(output)
    }

    // MARK: Host names

    /// An ASCII host name (`hostname`) or an internationalized one (`idn-hostname`).
    static func isHostname(_ text: String, international: Bool) -> Bool {
        var text = text
        if let verdict = text.withUTF8({ asciiHostname($0) }) { return verdict }
        return generalHostname(text, international: international)
    }

    /// `isHostname` by the rules on scalars, for any text (`asciiHostname` answers the same,
    /// faster, for ASCII names without `xn--` labels).
    static func generalHostname(_ text: String, international: Bool) -> Bool {
        let separators: Set<Unicode.Scalar> = international ? [".", "\u{3002}", "\u{FF0E}", "\u{FF61}"] : ["."]
        var labels: [[Unicode.Scalar]] = [[]]
        for scalar in text.unicodeScalars {
            if separators.contains(scalar) { labels.append([]) } else { labels[labels.count - 1].append(scalar) }
        }
        var unicodeLabels: [[Unicode.Scalar]] = []
        var length = labels.count - 1
        for label in labels {
            guard !label.isEmpty else { return false }
            if label.allSatisfy(\.isASCII) {
                let lower = String(String.UnicodeScalarView(label)).lowercased()
                guard label.count <= 63, isLDH(label) else { return false }
                length += label.count
                if lower.hasPrefix("xn--") {
                    guard let decoded = decode(lower.dropFirst(4)), !decoded.allSatisfy(\.isASCII),
                          encode(decoded) == String(lower.dropFirst(4)), isULabel(decoded) else { return false }
                    unicodeLabels.append(decoded)
                } else {
                    let bytes = Array(lower.utf8)
                    if bytes.count >= 4, bytes[2] == UInt8(ascii: "-"), bytes[3] == UInt8(ascii: "-") { return false }
                    unicodeLabels.append(label)
                }
            } else {
                guard international, isULabel(label) else { return false }
                let aLabel = 4 + encode(label).utf8.count
                guard aLabel <= 63 else { return false }
                length += aLabel
                unicodeLabels.append(label)
            }
        }
        return length <= 253 && satisfiesBidiRule(unicodeLabels)
    }

    private static func isLDH(_ label: [Unicode.Scalar]) -> Bool {
        guard label.first != "-", label.last != "-" else { return false }
        return label.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" }
    }
}
