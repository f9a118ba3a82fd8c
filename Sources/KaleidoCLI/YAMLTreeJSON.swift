import KaleidoQuery
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
            field("kind", JSONText.quote("scalar"), inner, &output)
            field("value", JSONText.quote(text), inner, &output)
            field("resolved", resolved(ScalarResolver.resolve(text, style: style, tag: node.tag)), inner, &output)
            field("style", JSONText.quote(style.rawValue), inner, &output)
        case .alias(let name):
            field("kind", JSONText.quote("alias"), inner, &output)
            field("value", JSONText.quote(name), inner, &output)
        case .sequence(let items, let style):
            field("kind", JSONText.quote("sequence"), inner, &output)
            output += "\(inner)\"value\": ["
            for (index, item) in items.enumerated() {
                output += index == 0 ? "\n" + inner + "  " : ",\n" + inner + "  "
                write(item, indent: inner + "  ", into: &output)
            }
            output += items.isEmpty ? "],\n" : "\n\(inner)],\n"
            field("style", JSONText.quote(style.rawValue), inner, &output)
        case .mapping(let pairs, let style):
            field("kind", JSONText.quote("mapping"), inner, &output)
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
            field("style", JSONText.quote(style.rawValue), inner, &output)
        }
        field("tag", node.tag.map(JSONText.quote) ?? "null", inner, &output)
        field("anchor", node.anchor.map(JSONText.quote) ?? "null", inner, &output)
        output += "\(inner)\"span\": {\"start\": \(mark(node.span.start)), \"end\": \(mark(node.span.end))}\n"
        output += "\(indent)}"
    }

    private static func field(_ name: String, _ value: String, _ indent: String, _ output: inout String) {
        output += "\(indent)\(JSONText.quote(name)): \(value),\n"
    }

    private static func mark(_ mark: SourceMark) -> String {
        "{\"offset\": \(mark.offset), \"line\": \(mark.line), \"column\": \(mark.column)}"
    }

    private static func resolved(_ value: ResolvedScalar) -> String {
        switch value {
        case .null: return "{\"type\": \"null\"}"
        case .bool(let flag): return "{\"type\": \"bool\", \"value\": \(flag)}"
        case .integer(let digits): return "{\"type\": \"integer\", \"value\": \(JSONText.quote(digits))}"
        case .float(let digits): return "{\"type\": \"float\", \"value\": \(JSONText.quote(digits))}"
        case .infinity(let negative): return "{\"type\": \"float\", \"value\": \(JSONText.quote(negative ? "-inf" : "inf"))}"
        case .nan: return "{\"type\": \"float\", \"value\": \"nan\"}"
        case .string(let text): return "{\"type\": \"string\", \"value\": \(JSONText.quote(text))}"
        }
    }
}
