public import KaleidoYAML

/// A YAML document tree converted to a `JSONValue` for validation, with what diagnostics and
/// schema-directed typing need, keyed by JSON pointer: each node's source span, each mapping
/// key's span, and the source text of every plain scalar that did not resolve to a string.
///
/// Scalars resolve by the YAML 1.2 core schema (`ScalarResolver`): `01004` becomes the number
/// 1004 and its text "01004" is kept in `plainScalars`, so that `Validator.validate(_:plainScalars:)`
/// can read it as a string where the schema asks for one.
///
/// Mapping keys: JSON keys are strings, so a scalar key is taken as its presented text, never
/// resolved (`2024: …` is the key "2024", `01: …` is "01", `true: …` is "true", `~: …` is "~").
/// A sequence or mapping used as a key cannot become a JSON key and is an error, as are
/// `.inf`/`.nan` (no JSON number) and keys that are equal once taken as text.
public struct YAMLConversion: Sendable {
    /// The converted value.
    public var value: JSONValue
    /// JSON pointer → the span of the node at that location.
    public var spans: [String: SourceSpan] = [:]
    /// JSON pointer of a mapping value → the span of its key.
    public var keySpans: [String: SourceSpan] = [:]
    /// JSON pointer → the source text of a plain scalar that resolved to a number, a boolean or null.
    public var plainScalars: [String: String] = [:]

    /// The most aliases expanded in one document (a guard against "billion laughs" documents).
    public static let maxNodes = 200_000

    /// Whether `spans` and `keySpans` are filled. Without them the conversion builds no JSON
    /// pointer except for the few plain non-string scalars, which keeps validating a large KB
    /// cheap; find a finding's span afterwards with `span(at:keyOf:in:)`.
    public let tracksSpans: Bool

    /// Converts a document's root node.
    public init(_ root: YAMLNode, trackSpans: Bool = true) throws(YAMLConversionError) {
        var state = State()
        var path: [String] = []
        tracksSpans = trackSpans
        value = .null
        value = try convert(root, path: &path, state: &state, depth: 0)
    }

    /// The span of the node at a JSON pointer in a YAML tree (of its key when `keyOf`), or nil.
    /// Aliases are followed to their anchors, as the conversion does.
    public static func span(at pointer: String, keyOf: Bool = false, in root: YAMLNode) -> SourceSpan? {
        var anchors: [String: YAMLNode] = [:]
        func collect(_ node: YAMLNode) {
            if let anchor = node.anchor { anchors[anchor] = node }
            switch node.content {
            case .sequence(let items, _): items.forEach(collect)
            case .mapping(let pairs, _): pairs.forEach { collect($0.key); collect($0.value) }
            default: break
            }
        }
        collect(root)
        var node = root
        var keySpan: SourceSpan?
        for token in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let key = JSONPointer.unescape(String(token))
            if case .alias(let name) = node.content, let target = anchors[name] { node = target }
            switch node.content {
            case .sequence(let items, _):
                guard let index = Int(key), items.indices.contains(index) else { return nil }
                node = items[index]
                keySpan = nil
            case .mapping(let pairs, _):
                guard let pair = pairs.first(where: { $0.key.scalarText == key }) else { return nil }
                node = pair.value
                keySpan = pair.key.span
            default:
                return nil
            }
        }
        return keyOf ? keySpan ?? node.span : node.span
    }

    private static func pointer(_ path: [String]) -> String {
        path.isEmpty ? "" : "/" + path.map(JSONPointer.escape).joined(separator: "/")
    }

    /// Where a finding points in the source: the key for a property-name finding, else the value.
    public func span(for finding: ValidationError) -> SourceSpan? {
        if finding.propertyName != nil, let span = keySpans[finding.instanceLocation] { return span }
        return spans[finding.instanceLocation]
    }

    private struct State {
        var anchors: [String: YAMLNode] = [:]
        var nodes = 0
    }

    private mutating func convert(_ node: YAMLNode, path: inout [String], state: inout State, depth: Int) throws(YAMLConversionError) -> JSONValue {
        state.nodes += 1
        guard state.nodes <= Self.maxNodes, depth <= 512 else {
            throw YAMLConversionError(span: node.span, message: "the document expands to too many nodes (aliases nested too deep): simplify it")
        }
        if let anchor = node.anchor { state.anchors[anchor] = node }
        if tracksSpans { spans[Self.pointer(path)] = node.span }
        switch node.content {
        case .alias(let name):
            guard let target = state.anchors[name] else {
                throw YAMLConversionError(span: node.span, message: "the alias *\(name) refers to no anchor &\(name) before it")
            }
            var resolved = target
            resolved.anchor = nil
            resolved.span = node.span
            return try convert(resolved, path: &path, state: &state, depth: depth + 1)
        case .scalar(let text, let style):
            let resolved = ScalarResolver.resolve(text, style: style, tag: node.tag)
            let value: JSONValue
            switch resolved {
            case .null: value = .null
            case .bool(let bool): value = .bool(bool)
            case .string(let string): return .string(string)
            case .integer(let digits), .float(let digits):
                guard let number = JSONNumber(digits) else {
                    throw YAMLConversionError(span: node.span, message: "the number \(text) is out of range: quote it if it is text")
                }
                value = .number(number)
            case .infinity, .nan:
                throw YAMLConversionError(span: node.span, message: "\(text) is not a number JSON can hold: write a finite number, or quote it if it is text")
            }
            if style == .plain, node.tag == nil { plainScalars[Self.pointer(path)] = text }
            return value
        case .sequence(let elements, _):
            var array: [JSONValue] = []
            array.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                path.append(String(index))
                array.append(try convert(element, path: &path, state: &state, depth: depth + 1))
                path.removeLast()
            }
            return .array(array)
        case .mapping(let pairs, _):
            var object = JSONObject()
            for pair in pairs {
                let key = try keyText(pair.key, state: state)
                guard object[key] == nil else {
                    throw YAMLConversionError(span: pair.key.span, message: "the key \"\(key)\" appears twice in this mapping: keep one")
                }
                path.append(key)
                if tracksSpans { keySpans[Self.pointer(path)] = pair.key.span }
                object[key] = try convert(pair.value, path: &path, state: &state, depth: depth + 1)
                path.removeLast()
            }
            return .object(object)
        }
    }

    private func keyText(_ key: YAMLNode, state: State) throws(YAMLConversionError) -> String {
        var key = key
        if case .alias(let name) = key.content, let target = state.anchors[name] { key = target }
        guard case .scalar(let text, _) = key.content else {
            throw YAMLConversionError(span: key.span, message: "a mapping key must be a scalar (text) to become a JSON key: use a plain key")
        }
        return text
    }
}

/// A YAML document that has no JSON equivalent, with the span to point at.
public struct YAMLConversionError: Error, Sendable, CustomStringConvertible {
    public var span: SourceSpan
    public var message: String

    public var description: String { "\(span.start): \(message)" }
}
