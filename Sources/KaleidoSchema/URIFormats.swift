/// URIs and IRIs (RFC 3986, RFC 3987), URI templates (RFC 6570), UUIDs (RFC 4122) and JSON
/// pointers (RFC 6901, relative pointers draft).
enum URIFormats {
    /// ASCII bytes allowed anywhere in a component: unreserved and sub-delims (RFC 3986 §2).
    static let allowed: [Bool] = (0..<128).map { byte in
        let scalar = Unicode.Scalar(UInt8(byte))
        return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=".unicodeScalars.contains(scalar)
    }

    /// Whether every character is allowed in a URI component (`extra` lists the component's own
    /// allowed delimiters), with `%` followed by two hex digits.
    static func isValidComponent(_ text: Substring, extra: String, international: Bool) -> Bool {
        var bytes = text.utf8[...]
        while let byte = bytes.popFirst() {
            if byte == UInt8(ascii: "%") {
                guard let a = bytes.popFirst(), let b = bytes.popFirst(),
                      Unicode.Scalar(a).properties.isASCIIHexDigit, Unicode.Scalar(b).properties.isASCIIHexDigit else { return false }
                continue
            }
            if byte < 128 {
                if allowed[Int(byte)] || extra.utf8.contains(byte) { continue }
                return false
            }
            // Non-ASCII: only in IRIs, and checked per scalar below.
            if !international { return false }
        }
        if international {
            for scalar in text.unicodeScalars where !scalar.isASCII {
                if scalar.properties.generalCategory == .control || scalar.properties.isWhitespace { return false }
            }
        }
        return true
    }

    /// An absolute URI (`reference: false`) or a URI reference; IRIs when `international`.
    static func isURI(_ text: String, reference: Bool, international: Bool) -> Bool {
        let uri = URI(text)
        if !reference {
            guard let scheme = uri.scheme, !scheme.isEmpty else { return false }
        } else if uri.scheme == nil, let colon = text.firstIndex(of: ":"),
                  !text[..<colon].contains("/"), !text[..<colon].contains("?"), !text[..<colon].contains("#")
        {
            return false  // a first segment with ":" would read as a scheme
        }
        if let authority = uri.authority {
            var host = Substring(authority)
            if let at = host.lastIndex(of: "@") {
                guard isValidComponent(host[..<at], extra: ":", international: international) else { return false }
                host = host[host.index(after: at)...]
            }
            if host.hasPrefix("[") {
                guard let close = host.firstIndex(of: "]"), isIPLiteral(host[host.index(after: host.startIndex)..<close]) else { return false }
                host = host[host.index(after: close)...]
                if !host.isEmpty {
                    guard host.first == ":", host.dropFirst().allSatisfy(\.isASCIIDigit) else { return false }
                }
            } else {
                if let colon = host.lastIndex(of: ":") {
                    guard host[host.index(after: colon)...].allSatisfy(\.isASCIIDigit) else { return false }
                    host = host[..<colon]
                }
                guard isValidComponent(host, extra: "", international: international) else { return false }
            }
        }
        return isValidComponent(Substring(uri.path), extra: ":@/", international: international)
            && isValidComponent(Substring(uri.query ?? ""), extra: ":@/?", international: international)
            && isValidComponent(Substring(uri.fragment ?? ""), extra: ":@/?", international: international)
    }

    /// `IPv6address` or `IPvFuture` ("v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )).
    static func isIPLiteral(_ text: Substring) -> Bool {
        if let first = text.first, first == "v" || first == "V" {
            let rest = text.dropFirst()
            guard let dot = rest.firstIndex(of: "."), dot != rest.startIndex,
                  rest[..<dot].unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit }) else { return false }
            let tail = rest[rest.index(after: dot)...]
            return !tail.isEmpty && isValidComponent(tail, extra: ":", international: false)
        }
        return NetworkFormats.isIPv6(String(text))
    }

    /// RFC 6570: literals outside `{…}`, expressions of comma-separated variables with an
    /// optional operator and modifiers.
    @Sendable static func isURITemplate(_ text: String) -> Bool {
        var inExpression = false
        var expression = ""
        for character in text {
            if inExpression {
                if character == "}" {
                    guard isTemplateExpression(expression) else { return false }
                    inExpression = false
                    expression = ""
                } else if character == "{" {
                    return false
                } else {
                    expression.append(character)
                }
            } else if character == "{" {
                inExpression = true
            } else if character == "}" || "\"<>\\^`| ".contains(character)
                || character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
            {
                return false
            }
        }
        return !inExpression
    }

    static func isTemplateExpression(_ expression: String) -> Bool {
        var body = Substring(expression)
        if let first = body.first, "+#./;?&=,!@|".contains(first) { body = body.dropFirst() }
        guard !body.isEmpty else { return false }
        for variable in body.split(separator: ",", omittingEmptySubsequences: false) {
            var name = variable
            if name.hasSuffix("*") { name = name.dropLast() }
            if let colon = name.firstIndex(of: ":") {
                let length = name[name.index(after: colon)...]
                guard !length.isEmpty, length.count <= 4, length.allSatisfy(\.isASCIIDigit), length.first != "0" else { return false }
                name = name[..<colon]
            }
            guard !name.isEmpty, name.first != ".", name.last != ".", !name.contains(".."), name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "%") }) else {
                return false
            }
        }
        return true
    }

    /// 8-4-4-4-12 hexadecimal digits.
    @Sendable static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard Unicode.Scalar(byte).properties.isASCIIHexDigit else { return false }
            }
        }
        return true
    }

    /// Empty, or `/`-prefixed tokens where `~` is followed by `0` or `1`.
    @Sendable static func isJSONPointer(_ text: String) -> Bool {
        if text.isEmpty { return true }
        guard text.hasPrefix("/") else { return false }
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            if byte == UInt8(ascii: "~") {
                guard let next = bytes.popFirst(), next == UInt8(ascii: "0") || next == UInt8(ascii: "1") else { return false }
            }
        }
        return true
    }

    /// A non-negative integer (no leading zero), optionally `+n`/`-n` index adjustment, then `#`
    /// or a JSON pointer.
    @Sendable static func isRelativeJSONPointer(_ text: String) -> Bool {
        let digits = text.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty, digits == "0" || digits.first != "0" else { return false }
        var rest = text.dropFirst(digits.count)
        if let sign = rest.first, sign == "+" || sign == "-" {
            let adjust = rest.dropFirst().prefix(while: \.isASCIIDigit)
            guard !adjust.isEmpty, adjust == "0" ? sign == "+" : adjust.first != "0" else { return false }
            rest = rest.dropFirst(1 + adjust.count)
        }
        return rest == "#" || isJSONPointer(String(rest))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber && ("0"..."9").contains(self) }
}
