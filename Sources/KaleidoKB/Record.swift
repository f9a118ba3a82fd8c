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
        // Byte by byte, no substring or string built: this runs for every record.
        let path = file.utf8
        let prefix = knowledgeFolder.utf8
        guard path.starts(with: prefix) else { return nil }
        var rest = path[path.index(path.startIndex, offsetBy: prefix.count)...]
        let slash = UInt8(ascii: "/")
        if prefix.last != slash {
            guard rest.first == slash else { return nil }
        }
        while rest.first == slash { rest = rest.dropFirst() }
        // The first non-empty component below the knowledge folder, which must not be the file.
        guard let end = rest.firstIndex(of: slash), rest[end...].contains(where: { $0 != slash }) else { return nil }
        let component = rest[..<end]
        return RecordType.allCases.first { $0.folder.utf8.elementsEqual(component) }
    }

    /// Every node reached by `path` from the root, each with its JSON pointer.
    public func nodes(at path: [FieldStep]) -> [(node: Node, pointer: String)] {
        var found: [(node: Node, pointer: String)] = []
        var steps: [String] = []
        Self.collect(root, path: path[...], steps: &steps, into: &found)
        return found
    }

    /// Depth first along `path`; a pointer is built only for the nodes found (this runs for
    /// every reference field of every record).
    private static func collect(_ node: Node, path: ArraySlice<FieldStep>, steps: inout [String],
                                into found: inout [(node: Node, pointer: String)]) {
        guard let step = path.first else {
            var pointer = ""
            for component in steps { pointer += "/" + component }
            found.append((node, pointer))
            return
        }
        let rest = path.dropFirst()
        switch step {
        case .key(let key):
            guard let value = node[key] else { return }
            steps.append(JSONPointer.escape(key))
            collect(value, path: rest, steps: &steps, into: &found)
            steps.removeLast()
        case .anyItem:
            for (index, item) in (node.items ?? []).enumerated() {
                steps.append(String(index))
                collect(item, path: rest, steps: &steps, into: &found)
                steps.removeLast()
            }
        case .anyKey:
            for pair in node.keyedValues ?? [] {
                guard let key = pair.key.scalarText else { continue }
                steps.append(JSONPointer.escape(key))
                collect(pair.value, path: rest, steps: &steps, into: &found)
                steps.removeLast()
            }
        }
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
