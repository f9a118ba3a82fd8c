public import KaleidoYAML
import KaleidoSchema

/// Warns about plain scalars that YAML 1.2 reads as strings but YAML 1.1 tools (PyYAML, many
/// editors' plugins, older libraries) read as something else: `NO` (false), `2011-09-22` (a
/// date), `1:20` (base 60). Kaleido reads them right; the warning protects the other tools a
/// consultant may point at the files.
public enum PlainScalarRule {
    /// Findings for every such scalar value of the record. Keys are left alone: they are the
    /// schema's field names, not the consultant's data.
    public static func check<Node: ReadableNode>(_ record: RecordOf<Node>) -> [Finding] {
        var findings: [Finding] = []
        var path: [JSONPointer.Token] = []
        visit(record.root, path: &path) { node, path, reading in
            let text = node.scalarText ?? ""
            findings.append(Finding(
                file: record.file, span: node.span, severity: .warning, rule: "plain-scalar",
                pointer: JSONPointer.string(path),
                message: "\(text) is read as the string \"\(text)\" here, but YAML 1.1 tools read it as \(reading): quote it"))
        }
        return findings
    }

    /// Walks the tree keeping the path as a stack of tokens: pointers are only built for the
    /// (rare) scalars that get reported, which keeps the walk cheap on large KBs.
    private static func visit<Node: ReadableNode>(_ node: Node, path: inout [JSONPointer.Token], report: (Node, [JSONPointer.Token], String) -> Void) {
        if let text = node.plainScalarText {
            // Only the first byte can make a 1.1 reading differ: digits, signs and the few words.
            guard let first = text.utf8.first, YAML11Reading.mayDiffer(firstByte: first) else { return }
            if let reading = YAML11Reading.of(text), case .string = ScalarResolver.resolvePlain(text) {
                report(node, path, reading)
            }
        } else if let items = node.items {
            for (index, item) in items.enumerated() {
                path.append(.index(index))
                visit(item, path: &path, report: report)
                path.removeLast()
            }
        } else if let pairs = node.keyedValues {
            for pair in pairs {
                path.append(.key(pair.key.scalarText ?? ""))
                visit(pair.value, path: &path, report: report)
                path.removeLast()
            }
        }
    }
}
