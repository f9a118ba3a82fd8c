@testable import KaleidoYAML

/// The yaml-test-suite's event notation (`test.event`) regenerated from parsed documents:
/// `+STR`, `+DOC ---`, `+MAP {} &a <tag>`, `=VAL :plain`, `=ALI *a`, `-DOC ...`, `-STR`.
enum EventStream {
    static func lines(_ documents: [YAMLDocument]) -> [String] {
        var lines = ["+STR"]
        for document in documents {
            lines.append(document.explicitStart ? "+DOC ---" : "+DOC")
            append(document.root, to: &lines)
            lines.append(document.explicitEnd ? "-DOC ..." : "-DOC")
        }
        lines.append("-STR")
        return lines
    }

    private static func properties(_ node: YAMLNode) -> String {
        var text = ""
        if let anchor = node.anchor { text += " &\(anchor)" }
        if let tag = node.tag { text += " <\(tag)>" }
        return text
    }

    private static func append(_ node: YAMLNode, to lines: inout [String]) {
        switch node.content {
        case .alias(let name):
            lines.append("=ALI *\(name)")
        case .scalar(let text, let style):
            let indicator: String
            switch style {
            case .plain: indicator = ":"
            case .singleQuoted: indicator = "'"
            case .doubleQuoted: indicator = "\""
            case .literal: indicator = "|"
            case .folded: indicator = ">"
            }
            lines.append("=VAL\(properties(node)) \(indicator)\(escape(text))")
        case .sequence(let items, let style):
            lines.append("+SEQ" + (style == .flow ? " []" : "") + properties(node))
            for item in items { append(item, to: &lines) }
            lines.append("-SEQ")
        case .mapping(let pairs, let style):
            lines.append("+MAP" + (style == .flow ? " {}" : "") + properties(node))
            for pair in pairs {
                append(pair.key, to: &lines)
                append(pair.value, to: &lines)
            }
            lines.append("-MAP")
        }
    }

    /// The suite's escaping of scalar values (as libyaml's run-parser-test-suite prints them).
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\0": result += "\\0"
            case "\u{08}": result += "\\b"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
