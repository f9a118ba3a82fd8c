/// Host names (RFC 1123), IP addresses (RFC 2673 dotted quad, RFC 4291) and e-mail addresses
/// (RFC 5321 mailbox; RFC 6531 when international).
enum NetworkFormats {
    /// RFC 1123 host name: dot-separated labels of letters, digits and hyphens, 1–63 bytes each,
    /// not starting or ending with a hyphen, 253 bytes at most, no trailing dot; `xn--` labels
    /// must be valid IDNA A-labels. With `international`, U-labels too (see `IDNA`).
    static func isHostname(_ text: String, international: Bool = false) -> Bool {
        IDNA.isHostname(text, international: international)
    }

    /// Dotted-quad IPv4: four decimal numbers 0–255 without leading zeros.
    @Sendable static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard !part.isEmpty, part.utf8.count <= 3, part.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
            if part.utf8.count > 1, part.first == "0" { return false }
            guard let value = Int(part), value <= 255 else { return false }
        }
        return true
    }

    /// RFC 4291 text form: eight groups of 1–4 hex digits, `::` once for a run of zero groups,
    /// an IPv4 dotted quad allowed as the last 32 bits. No zone index.
    @Sendable static func isIPv6(_ text: String) -> Bool {
        guard text.utf8.allSatisfy({ $0 < 128 }), !text.isEmpty else { return false }
        var groups = 0
        var body = Substring(text)
        if let lastColon = body.lastIndex(of: ":"), body[body.index(after: lastColon)...].contains(".") {
            guard isIPv4(String(body[body.index(after: lastColon)...])) else { return false }
            groups += 2
            body = body[...lastColon]
            if body.hasSuffix("::") {
                // keep `::` whole
            } else {
                body = body.dropLast()
            }
        }
        let compressed = body.components(separatedByString: "::")
        guard compressed.count <= 2 else { return false }
        for half in compressed where !half.isEmpty {
            for group in half.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(group.utf8.count), group.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit }) else { return false }
                groups += 1
            }
        }
        return compressed.count == 2 ? groups <= 7 : groups == 8
    }

    /// `local@domain` with a dot-atom or quoted local part and a host name or `[address]` domain.
    static func isEmail(_ text: String, international: Bool) -> Bool {
        var text = text
        if let verdict = text.withUTF8({ asciiEmail($0) }) { return verdict }
        return generalEmail(text, international: international)
    }

    /// `isEmail` by the rules on characters, for any text (`asciiEmail` answers the same, faster,
    /// for plain ASCII).
    static func generalEmail(_ text: String, international: Bool) -> Bool {
        guard let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at]
        let domain = text[text.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty, local.utf8.count <= 64 else { return false }
        if local.first == "\"" {
            guard local.count >= 2, local.last == "\"" else { return false }
        } else {
            guard local.first != ".", local.last != ".", !local.contains("..") else { return false }
            let specials = "!#$%&'*+-/=?^_`{|}~."
            for scalar in local.unicodeScalars {
                let ok = scalar.isASCII
                    ? (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || specials.unicodeScalars.contains(scalar))
                    : international
                if !ok { return false }
            }
        }
        if domain.first == "[" {
            guard domain.last == "]" else { return false }
            let literal = domain.dropFirst().dropLast()
            if literal.hasPrefix("IPv6:") { return isIPv6(String(literal.dropFirst(5))) }
            return isIPv4(String(literal))
        }
        return isHostname(String(domain), international: international)
    }
}

extension Substring {
    /// Splits on a multi-character separator, keeping empty pieces (no Foundation).
    func components(separatedByString separator: String) -> [Substring] {
        var pieces: [Substring] = []
        var rest = self
        while let range = rest.firstRange(of: separator) {
            pieces.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        pieces.append(rest)
        return pieces
    }
}
