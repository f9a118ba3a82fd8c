public import KaleidoYAML

/// A YAML document tree converted to a `JSONValue` for validation, with what diagnostics and
/// schema-directed typing need, by JSON pointer: each node's source span, each mapping key's
/// span, and the source text of every plain scalar that did not resolve to a string.
///
/// Scalars resolve by the YAML 1.2 core schema (`ScalarResolver`): `01004` becomes the number
/// 1004 and its text "01004" is kept, so that `Validator.validate(_:plainScalars:)` can read it
/// as a string where the schema asks for one (pass the conversion itself as the source).
///
/// Mapping keys: JSON keys are strings, so a scalar key is taken as its presented text, never
/// resolved (`2024: …` is the key "2024", `01: …` is "01", `true: …` is "true", `~: …` is "~").
/// A sequence or mapping used as a key cannot become a JSON key and is an error, as are
/// `.inf`/`.nan` (no JSON number) and keys that are equal once taken as text.
///
/// The source information is a tree parallel to the value, walked only when a finding needs it:
/// converting builds no pointer string and hashes no key.
public struct YAMLConversion: Sendable, PlainScalarSource {
    /// The converted value.
    public var value: JSONValue
    let source: SourceNode
    private let plainScalarCount: Int

    /// The most nodes one document may expand to through aliases (a guard against "billion
    /// laughs" documents).
    public static let maxNodes = 200_000

    /// Converts a document's root node.
    public init(_ root: YAMLNode) throws(YAMLConversionError) {
        var state = State()
        (value, source) = try Self.convert(root, state: &state, depth: 0, keySpan: nil)
        plainScalarCount = state.plainScalars
    }

    /// A JSON document's value with its source tree (`JSONParser.parseWithSpans`): no plain
    /// scalars, so no schema-directed typing.
    init(json value: JSONValue, source: SourceNode) {
        self.value = value
        self.source = source
        plainScalarCount = 0
    }

    /// The span of the value at a JSON pointer.
    public func span(at pointer: String) -> SourceSpan? { node(at: pointer)?.span }

    /// The span of the key of the mapping member at a JSON pointer.
    public func keySpan(at pointer: String) -> SourceSpan? { node(at: pointer)?.keySpan }

    /// The source text of the plain scalar at a JSON pointer, when it resolved to a non-string.
    public func plainText(at pointer: String) -> String? { node(at: pointer)?.plainText }

    /// Where a finding points in the source: the key for a property-name finding, else the value.
    public func span(for finding: ValidationError) -> SourceSpan? {
        if finding.propertyName != nil, let span = keySpan(at: finding.instanceLocation) { return span }
        return span(at: finding.instanceLocation)
    }

    /// Every plain-scalar text by JSON pointer (for display and tests; validation walks the tree).
    public var plainScalars: [String: String] {
        var result: [String: String] = [:]
        func collect(_ node: SourceNode, _ pointer: String) {
            if let text = node.plainText { result[pointer] = text }
            for (index, child) in node.children.enumerated() {
                let token = node.keys.isEmpty ? String(index) : JSONPointer.escape(node.keys[index])
                collect(child, pointer + "/" + token)
            }
        }
        collect(source, "")
        return result
    }

    public var isEmpty: Bool { plainScalarCount == 0 }

    public func plainText(at path: [JSONPointer.Token]) -> String? {
        node(at: path)?.plainText
    }

    private func node(at pointer: String) -> SourceNode? {
        guard let tokens = JSONPointer.tokens(pointer) else { return nil }
        var current = source
        for token in tokens {
            if current.keys.isEmpty {
                guard let index = JSONPointer.arrayIndex(token), index < current.children.count else { return nil }
                current = current.children[index]
            } else {
                guard let index = current.keys.firstIndex(of: token) else { return nil }
                current = current.children[index]
            }
        }
        return current
    }

    private func node(at path: [JSONPointer.Token]) -> SourceNode? {
        var current = source
        for token in path {
            switch token {
            case .index(let index):
                guard current.keys.isEmpty, index < current.children.count else { return nil }
                current = current.children[index]
            case .key(let key):
                guard let index = current.keys.firstIndex(of: key) else { return nil }
                current = current.children[index]
            }
        }
        return current
    }

    private struct State {
        var anchors: [String: YAMLNode] = [:]
        var nodes = 0
        var plainScalars = 0
    }

    private static func convert(_ node: YAMLNode, state: inout State, depth: Int, keySpan: SourceSpan?) throws(YAMLConversionError) -> (JSONValue, SourceNode) {
        state.nodes += 1
        guard state.nodes <= maxNodes, depth <= 256 else {
            throw YAMLConversionError(span: node.span, message: "the document is nested too deeply or expands to too many nodes through aliases: simplify it")
        }
        if let anchor = node.anchor { state.anchors[anchor] = node }
        switch node.content {
        case .alias(let name):
            guard var resolved = state.anchors[name] else {
                throw YAMLConversionError(span: node.span, message: "the alias *\(name) refers to no anchor &\(name) before it")
            }
            resolved.anchor = nil
            resolved.span = node.span
            return try convert(resolved, state: &state, depth: depth + 1, keySpan: keySpan)
        case .scalar(let text, let style):
            if node.tag == nil, style != .plain || !mayResolveToNonString(text) {
                return (.string(text), SourceNode(span: node.span, keySpan: keySpan))
            }
            let value: JSONValue
            switch ScalarResolver.resolve(text, style: style, tag: node.tag) {
            case .null: value = .null
            case .bool(let bool): value = .bool(bool)
            case .string(let string): return (.string(string), SourceNode(span: node.span, keySpan: keySpan))
            case .integer(let digits), .float(let digits):
                guard let number = JSONNumber(digits) else {
                    throw YAMLConversionError(span: node.span, message: "the number \(text) is out of range: quote it if it is text")
                }
                value = .number(number)
            case .infinity, .nan:
                throw YAMLConversionError(span: node.span, message: "\(text) is not a number JSON can hold: write a finite number, or quote it if it is text")
            }
            let isPlain = style == .plain && node.tag == nil
            if isPlain { state.plainScalars += 1 }
            return (value, SourceNode(span: node.span, keySpan: keySpan, plainText: isPlain ? text : nil))
        case .sequence(let elements, _):
            var array: [JSONValue] = []
            var children: [SourceNode] = []
            array.reserveCapacity(elements.count)
            children.reserveCapacity(elements.count)
            for element in elements {
                let (value, child) = try convert(element, state: &state, depth: depth + 1, keySpan: nil)
                array.append(value)
                children.append(child)
            }
            return (.array(array), SourceNode(span: node.span, keySpan: keySpan, children: children))
        case .mapping(let pairs, _):
            var object = JSONObject()
            var keys: [String] = []
            var children: [SourceNode] = []
            object.reserveCapacity(pairs.count)
            keys.reserveCapacity(pairs.count)
            children.reserveCapacity(pairs.count)
            for pair in pairs {
                let key = try keyText(pair.key, state: state)
                guard object[key] == nil else {
                    throw YAMLConversionError(span: pair.key.span, message: "the key \"\(key)\" appears twice in this mapping: keep one")
                }
                let (value, child) = try convert(pair.value, state: &state, depth: depth + 1, keySpan: pair.key.span)
                object.appendNew(key, value)
                keys.append(key)
                children.append(child)
            }
            return (.object(object), SourceNode(span: node.span, keySpan: keySpan, keys: keys, children: children))
        }
    }

    /// Whether a plain scalar could be null, a boolean or a number under the core schema: only
    /// if it is empty or starts with a digit, a sign, a dot, `~`, or the first letter of
    /// true/false/null. Everything else is a string without asking the resolver (most text).
    private static func mayResolveToNonString(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return true }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "~"),
             UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            return true
        default:
            return false
        }
    }

    private static func keyText(_ key: YAMLNode, state: State) throws(YAMLConversionError) -> String {
        var key = key
        if case .alias(let name) = key.content, let target = state.anchors[name] { key = target }
        guard case .scalar(let text, _) = key.content else {
            throw YAMLConversionError(span: key.span, message: "a mapping key must be a scalar (text) to become a JSON key: use a plain key")
        }
        return text
    }
}

/// Where one converted value came from. Mapping nodes have `keys` aligned with `children`;
/// sequence nodes have no keys.
///
/// A value type: a conversion builds one per node of every record, and a class would cost an
/// allocation (and its release) for each scalar; the tree is only read back for findings.
struct SourceNode: Sendable {
    let span: SourceSpan
    let keySpan: SourceSpan?
    let plainText: String?
    let keys: [String]
    let children: [SourceNode]

    init(span: SourceSpan, keySpan: SourceSpan?, plainText: String? = nil, keys: [String] = [], children: [SourceNode] = []) {
        self.span = span
        self.keySpan = keySpan
        self.plainText = plainText
        self.keys = keys
        self.children = children
    }
}

/// A YAML document that has no JSON equivalent, with the span to point at.
public struct YAMLConversionError: Error, Sendable, CustomStringConvertible {
    /// The node at fault.
    public var span: SourceSpan
    /// What is wrong and what to do.
    public var message: String

    public var description: String { "\(span.start): \(message)" }
}
