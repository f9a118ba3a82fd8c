public import KaleidoYAML

/// A record's typed value: the JSON-like tree that queries, filters and JSON output work on.
///
/// Numbers keep their source text (`26450.50`), so that sums and output are exact decimals and
/// never go through a binary float. Mappings keep the source's key order.
public indirect enum QValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number as written (a YAML 1.2 core int or float in plain style).
    case number(String)
    case string(String)
    case list([QValue])
    case map([(key: String, value: QValue)])

    public static func == (lhs: QValue, rhs: QValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.map(let a), .map(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .number(let text), .string(let text): hasher.combine(text)
        case .list(let items): hasher.combine(items)
        case .map(let pairs):
            for pair in pairs { hasher.combine(pair.key); hasher.combine(pair.value) }
        }
    }

    /// The typed value of a parsed YAML node (YAML 1.2 core resolution; aliases become null,
    /// since records never use them and the parser already expanded what it accepts).
    public init(_ node: YAMLNode) {
        switch node.content {
        case .scalar(let text, let style):
            switch ScalarResolver.resolve(text, style: style, tag: node.tag) {
            case .null: self = .null
            case .bool(let value): self = .bool(value)
            case .integer(let digits): self = .number(digits)
            // Keep the source text so that `26450.50` prints as written.
            case .float: self = .number(text)
            default: self = .string(text)
            }
        case .sequence(let items, _): self = .list(items.map(QValue.init))
        case .mapping(let pairs, _):
            self = .map(pairs.map { (key: $0.key.scalarText ?? "", value: QValue($0.value)) })
        case .alias: self = .null
        }
    }

    /// The typed value of a node of a compact document, read straight from its flat arrays
    /// (what `init(_:)` gives for the same node parsed as a tree: no node values or arrays of
    /// pairs made on the way, since indexing converts whole KBs).
    public init(_ document: CompactDocument, node: Int) {
        switch document.kind(node) {
        case .scalar:
            let text = document.string(node)
            switch ScalarResolver.resolve(text, style: document.scalarStyle(node), tag: nil) {
            case .null: self = .null
            case .bool(let value): self = .bool(value)
            case .integer(let digits): self = .number(digits)
            case .float: self = .number(text)
            default: self = .string(text)
            }
        case .sequence:
            var items: [QValue] = []
            items.reserveCapacity(document.count(node))
            for child in document.children(node) { items.append(QValue(document, node: child)) }
            self = .list(items)
        case .mapping:
            var pairs: [(key: String, value: QValue)] = []
            pairs.reserveCapacity(document.count(node))
            var key: String?
            for child in document.children(node) {
                if let pending = key {
                    pairs.append((key: pending, value: QValue(document, node: child)))
                    key = nil
                } else {
                    key = document.kind(child) == .scalar ? document.string(child) : ""
                }
            }
            self = .map(pairs)
        }
    }

    /// The value of `key` in a mapping, or nil.
    public subscript(key: String) -> QValue? {
        guard case .map(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// A string's or number's text; nil otherwise.
    public var text: String? {
        switch self {
        case .string(let text), .number(let text): text
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }

    /// A list's items, or nil.
    public var items: [QValue]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// Every leaf reached by a dotted path (`funding.status`): lists met on the way are walked
    /// through, so the answer holds one value per matching item. A path ending on a list
    /// answers its items.
    public func values(at path: [String]) -> [QValue] {
        var current: [QValue] = [self]
        for key in path {
            var next: [QValue] = []
            for value in current {
                switch value {
                case .list(let items):
                    for item in items { if let found = item[key] { next.append(found) } }
                default:
                    if let found = value[key] { next.append(found) }
                }
            }
            current = next
        }
        return current.flatMap { value -> [QValue] in
            if case .list(let items) = value { return items }
            return [value]
        }
    }

    /// A short display text: scalars as written, lists joined with ", ", mappings as `k: v`.
    public var displayText: String {
        switch self {
        case .null: ""
        case .bool(let value): value ? "true" : "false"
        case .number(let text), .string(let text): text
        case .list(let items):
            // Items that are mappings read better apart: "value: Sfax, lang: fr; value: …".
            items.map(\.displayText).joined(separator: items.contains { if case .map = $0 { true } else { false } } ? "; " : ", ")
        case .map(let pairs): pairs.map { "\($0.key): \($0.value.displayText)" }.joined(separator: ", ")
        }
    }
}
