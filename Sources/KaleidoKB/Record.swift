public import KaleidoYAML
import KaleidoSchema

/// One record of the knowledge base parsed as a `YAMLNode` tree.
public typealias Record = RecordOf<YAMLNode>

/// One record read by the fast path (`CompactParser`), for code that only reads it.
public typealias CompactRecord = RecordOf<CompactNode>

/// One record of the knowledge base as parsed from its file, in either parsed form.
public struct RecordOf<Node: ReadableNode> {
    /// The file's path relative to the KB root (`knowledge/partners/tn-mun-sfax.yaml`).
    public let file: String
    /// The document's root node (a mapping for any well-formed record).
    public let root: Node

    public init(file: String, root: Node) {
        self.file = file
        self.root = root
    }

    /// The `id` field's text, or nil when absent or not a scalar.
    public var id: String? { root["id"]?.stringValue }

    /// The `type` field as a record type, or nil when absent or unknown.
    public var type: RecordType? { root["type"]?.stringValue.flatMap(RecordType.init(rawValue:)) }

    /// The file name without its `.yaml` extension: what the id must be.
    public var fileStem: String {
        // Called for every record: byte-level search (a `Character` search walks graphemes).
        let utf8 = file.utf8
        let start = utf8.lastIndex(of: UInt8(ascii: "/")).map(utf8.index(after:)) ?? utf8.startIndex
        var name = utf8[start...]
        for suffix in [".yaml", ".yml"] where name.count >= suffix.utf8.count && name.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) {
            name = name.dropLast(suffix.utf8.count)
            break
        }
        return String(Substring(name))
    }

    /// The type implied by the folder under `knowledge/` (`knowledge/partners/tn/x.yaml` → partner).
    public func folderType(knowledgeFolder: String) -> RecordType? {
        let prefix = knowledgeFolder.hasSuffix("/") ? knowledgeFolder : knowledgeFolder + "/"
        guard file.hasPrefix(prefix) else { return nil }
        // The first non-empty component below the knowledge folder, which must not be the file.
        var rest = file.dropFirst(prefix.count)
        while rest.first == "/" { rest = rest.dropFirst() }
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        guard rest[slash...].contains(where: { $0 != "/" }) else { return nil }
        return RecordType(folder: String(rest[..<slash]))
    }

    /// Every node reached by `path` from the root, each with its JSON pointer.
    public func nodes(at path: [FieldStep]) -> [(node: Node, pointer: String)] {
        var current: [(node: Node, pointer: String)] = [(root, "")]
        for step in path {
            var next: [(node: Node, pointer: String)] = []
            for (node, pointer) in current {
                switch step {
                case .key(let key):
                    if let value = node[key] { next.append((value, pointer + "/" + JSONPointer.escape(key))) }
                case .anyItem:
                    for (index, item) in (node.items ?? []).enumerated() { next.append((item, pointer + "/\(index)")) }
                case .anyKey:
                    for pair in node.keyedValues ?? [] {
                        guard let key = pair.key.scalarText else { continue }
                        next.append((pair.value, pointer + "/" + JSONPointer.escape(key)))
                    }
                }
            }
            current = next
        }
        return current
    }
}

extension RecordOf: Sendable where Node: Sendable {}

/// A problem found in a record: where, how bad, which rule, and a sentence for the consultant.
public struct Finding: Hashable, Sendable {
    public typealias Severity = Diagnostic.Severity

    /// The record file, relative to the KB root.
    public var file: String
    /// The source text the finding points at (a key, a value, or the whole record).
    public var span: SourceSpan
    public var severity: Severity
    /// A stable rule name (`reference`, `id-file-name`, `date-order`…) that tests and JSON output use.
    public var rule: String
    /// The JSON pointer of the offending value inside the record (`/parties/0/partner`).
    public var pointer: String
    public var message: String

    public init(file: String, span: SourceSpan, severity: Severity, rule: String, pointer: String, message: String) {
        self.file = file
        self.span = span
        self.severity = severity
        self.rule = rule
        self.pointer = pointer
        self.message = message
    }

    /// The finding as a compiler-style diagnostic (its rule in brackets).
    public var diagnostic: Diagnostic {
        Diagnostic(file: file, mark: span.start, severity: severity, message: message, rule: rule)
    }
}
