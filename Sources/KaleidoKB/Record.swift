public import KaleidoYAML
import KaleidoSchema

/// One record of the knowledge base as parsed from its file.
public struct Record: Sendable {
    /// The file's path relative to the KB root (`knowledge/partners/tn-mun-sfax.yaml`).
    public let file: String
    /// The document's root node (a mapping for any well-formed record).
    public let root: YAMLNode

    public init(file: String, root: YAMLNode) {
        self.file = file
        self.root = root
    }

    /// The `id` field's text, or nil when absent or not a scalar.
    public var id: String? { root["id"]?.stringValue }

    /// The `type` field as a record type, or nil when absent or unknown.
    public var type: RecordType? { root["type"]?.stringValue.flatMap(RecordType.init(rawValue:)) }

    /// The file name without its `.yaml` extension: what the id must be.
    public var fileStem: String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    /// The type implied by the folder under `knowledge/` (`knowledge/partners/tn/x.yaml` → partner).
    public func folderType(knowledgeFolder: String) -> RecordType? {
        let prefix = knowledgeFolder.hasSuffix("/") ? knowledgeFolder : knowledgeFolder + "/"
        guard file.hasPrefix(prefix) else { return nil }
        let components = file.dropFirst(prefix.count).split(separator: "/")
        guard components.count >= 2 else { return nil }
        return RecordType(folder: String(components[0]))
    }

    /// Every node reached by `path` from the root, each with its JSON pointer.
    public func nodes(at path: [FieldStep]) -> [(node: YAMLNode, pointer: String)] {
        var current: [(node: YAMLNode, pointer: String)] = [(root, "")]
        for step in path {
            var next: [(node: YAMLNode, pointer: String)] = []
            for (node, pointer) in current {
                switch step {
                case .key(let key):
                    if let value = node[key] { next.append((value, pointer + "/" + JSONPointer.escape(key))) }
                case .anyItem:
                    for (index, item) in (node.items ?? []).enumerated() { next.append((item, pointer + "/\(index)")) }
                case .anyKey:
                    for pair in node.pairs ?? [] {
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
