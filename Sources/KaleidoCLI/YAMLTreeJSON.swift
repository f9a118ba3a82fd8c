import KaleidoYAML

/// Writes a YAML document tree as JSON with a stable key order, for `kaleido yaml`.
///
/// Hand-written so that the order of keys is the order below and every string is escaped
/// exactly as RFC 8259 requires (quotes, backslashes and control characters).
enum YAMLTreeJSON {
    /// The JSON of `node`, pretty-printed with two-space indentation.
    static func json(_ node: YAMLNode) -> String {
        var output = ""
        write(node, indent: "", into: &output)
        return output
    }

    private static func write(_ node: YAMLNode, indent: String, into output: inout String) {
        let inner = indent + "  "
        output += "{\n"
        switch node.content {
        case .scalar(let text, let style):
            field("kind", quote("scalar"), inner, &output)
            field("value", quote(text), inner, &output)
            field("resolved", resolved(ScalarResolver.resolve(text, style: style, tag: node.tag)), inner, &output)
            field("style", quote(style.rawValue), inner, &output)
        case .alias(let name):
            field("kind", quote("alias"), inner, &output)
            field("value", quote(name), inner, &output)
        case .sequence(let items, let style):
            field("kind", quote("sequence"), inner, &output)
            output += "\(inner)\"value\": ["
            for (index, item) in items.enumerated() {
                output += index == 0 ? "\n" + inner + "  " : ",\n" + inner + "  "
                write(item, indent: inner + "  ", into: &output)
            }
            output += items.isEmpty ? "],\n" : "\n\(inner)],\n"
            field("style", quote(style.rawValue), inner, &output)
        case .mapping(let pairs, let style):
            field("kind", quote("mapping"), inner, &output)
            output += "\(inner)\"value\": ["
            for (index, pair) in pairs.enumerated() {
                let pairIndent = inner + "  "
                output += (index == 0 ? "\n" : ",\n") + pairIndent + "{\n"
                output += "\(pairIndent)  \"key\": "
                write(pair.key, indent: pairIndent + "  ", into: &output)
                output += ",\n\(pairIndent)  \"value\": "
                write(pair.value, indent: pairIndent + "  ", into: &output)
                output += "\n\(pairIndent)}"
            }
            output += pairs.isEmpty ? "],\n" : "\n\(inner)],\n"
            field("style", quote(style.rawValue), inner, &output)
        }
        field("tag", node.tag.map(quote) ?? "null", inner, &output)
        field("anchor", node.anchor.map(quote) ?? "null", inner, &output)
        output += "\(inner)\"span\": {\"start\": \(mark(node.span.start)), \"end\": \(mark(node.span.end))}\n"
        output += "\(indent)}"
    }

    private static func field(_ name: String, _ value: String, _ indent: String, _ output: inout String) {
        output += "\(indent)\(quote(name)): \(value),\n"
    }

    private static func mark(_ mark: SourceMark) -> String {
        "{\"offset\": \(mark.offset), \"line\": \(mark.line), \"column\": \(mark.column)}"
    }

    private static func resolved(_ value: ResolvedScalar) -> String {
        switch value {
        case .null: return "{\"type\": \"null\"}"
        case .bool(let flag): return "{\"type\": \"bool\", \"value\": \(flag)}"
        case .integer(let digits): return "{\"type\": \"integer\", \"value\": \(quote(digits))}"
        case .float(let digits): return "{\"type\": \"float\", \"value\": \(quote(digits))}"
        case .infinity(let negative): return "{\"type\": \"float\", \"value\": \(quote(negative ? "-inf" : "inf"))}"
        case .nan: return "{\"type\": \"float\", \"value\": \"nan\"}"
        case .string(let text): return "{\"type\": \"string\", \"value\": \(quote(text))}"
        }
    }

    /// `text` as a JSON string literal.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\u{00}"..."\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
