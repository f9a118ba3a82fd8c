public import KaleidoYAML

/// Warns about plain scalars that YAML 1.2 reads as strings but YAML 1.1 tools (PyYAML, many
/// editors' plugins, older libraries) read as something else: `NO` (false), `2011-09-22` (a
/// date), `1:20` (base 60). Kaleido reads them right; the warning protects the other tools a
/// consultant may point at the files.
public enum PlainScalarRule {
    /// Findings for every such scalar of the record, keys included.
    public static func check(_ record: Record) -> [Finding] {
        var findings: [Finding] = []
        visit(record.root, pointer: "") { node, pointer, reading in
            let text = node.scalarText ?? ""
            findings.append(Finding(
                file: record.file, span: node.span, severity: .warning, rule: "plain-scalar", pointer: pointer,
                message: "\(text) is read as the string \"\(text)\" here, but YAML 1.1 tools read it as \(reading): quote it"))
        }
        return findings
    }

    private static func visit(_ node: YAMLNode, pointer: String, report: (YAMLNode, String, String) -> Void) {
        switch node.content {
        case .scalar(let text, .plain) where node.tag == nil:
            if case .string = ScalarResolver.resolvePlain(text), let reading = YAML11Reading.of(text) {
                report(node, pointer, reading)
            }
        case .sequence(let items, _):
            for (index, item) in items.enumerated() { visit(item, pointer: pointer + "/\(index)", report: report) }
        case .mapping(let pairs, _):
            for pair in pairs {
                let key = pair.key.scalarText ?? ""
                visit(pair.key, pointer: pointer + "/" + JSONPointer.escape(key), report: report)
                visit(pair.value, pointer: pointer + "/" + JSONPointer.escape(key), report: report)
            }
        default:
            break
        }
    }
}
