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
        var path: [Step<Node>] = []
        visit(record.root, path: &path) { node, path, reading in
            let text = node.scalarText ?? ""
            let tokens: [JSONPointer.Token] = path.map { step in
                switch step {
                case .key(let key): return .key(key.scalarText ?? "")
                case .index(let index): return .index(index)
                }
            }
            findings.append(Finding(
                file: record.file, span: node.span, severity: .warning, rule: "plain-scalar",
                pointer: JSONPointer.string(tokens),
                message: "\(text) is read as the string \"\(text)\" here, but YAML 1.1 tools read it as \(reading): quote it"))
        }
        return findings
    }

    /// One step of the path to a value: the key node (its text is read only for a report) or
    /// an index.
    private enum Step<Node> {
        case key(Node)
        case index(Int)
    }

    /// Walks the tree keeping the path as a stack of steps: pointers are only built for the
    /// (rare) scalars that get reported, which keeps the walk cheap on large KBs.
    private static func visit<Node: ReadableNode>(_ node: Node, path: inout [Step<Node>], report: (Node, [Step<Node>], String) -> Void) {
        if let first = node.plainScalarFirstByte {
            // Only the first byte can make a 1.1 reading differ: digits, signs and the few words.
            guard YAML11Reading.mayDiffer(firstByte: first), let text = node.plainScalarText else { return }
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
                path.append(.key(pair.key))
                visit(pair.value, path: &path, report: report)
                path.removeLast()
            }
        }
    }
}
