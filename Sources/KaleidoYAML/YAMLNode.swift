/// How a scalar was written in the source.
public enum ScalarStyle: String, Hashable, Sendable, Codable {
    case plain
    case singleQuoted = "single-quoted"
    case doubleQuoted = "double-quoted"
    case literal
    case folded
}

/// How a sequence or mapping was written in the source.
public enum CollectionStyle: String, Hashable, Sendable, Codable {
    case block
    case flow
}

/// A key–value pair of a mapping. Pairs keep the source's key order.
public struct YAMLPair: Hashable, Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// One node of a YAML document tree, as written: its content, how it was written (style, tag,
/// anchor) and exactly where (span).
///
/// A scalar keeps its *presented* text (after unquoting and folding); what that text means
/// (string, number, boolean, null) is decided by `ScalarResolver`, never stored here, so that
/// the caller can choose: YAML 1.2 core resolution, or the source text where a schema says
/// "string".
public struct YAMLNode: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        /// A scalar's presented value (quotes removed, escapes decoded, block scalars folded).
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode], CollectionStyle)
        /// Pairs in source order. Keys are unique: the parser rejects a duplicate key.
        case mapping([YAMLPair], CollectionStyle)
        /// `*name`: a reference to the node anchored `&name` earlier in the document.
        case alias(String)
    }

    public var content: Content
    /// The tag as written, resolved against the document's tag directives
    /// (`!!str` → `tag:yaml.org,2002:str`), or nil when the node has none.
    public var tag: String?
    /// The anchor name (`&name`), or nil.
    public var anchor: String?
    /// Where the node stands in the source. Nodes built by code (not parsed) carry an empty span.
    ///
    /// The parser's spans cover the node's properties too (`&anchor !tag value` from `&` on),
    /// and end at its last non-blank character: a block scalar's trailing empty lines, and the
    /// comments and blank lines after a block collection, are outside. An empty value (`key:`)
    /// has an empty span just after its `:`.
    public var span: SourceSpan

    public init(_ content: Content, tag: String? = nil, anchor: String? = nil, span: SourceSpan = .none) {
        self.content = content
        self.tag = tag
        self.anchor = anchor
        self.span = span
    }
}

extension SourceSpan {
    /// The span of a node that was not parsed from any file.
    public static let none = SourceSpan(
        start: SourceMark(offset: 0, line: 0, column: 0),
        end: SourceMark(offset: 0, line: 0, column: 0))
}

/// A parsed YAML document: its root node and the file it came from.
public struct YAMLDocument: Hashable, Sendable {
    public var root: YAMLNode
    /// Whether the document began with an explicit `---`.
    public var explicitStart: Bool
    /// Whether the document ended with an explicit `...`.
    public var explicitEnd: Bool

    public init(root: YAMLNode, explicitStart: Bool = false, explicitEnd: Bool = false) {
        self.root = root
        self.explicitStart = explicitStart
        self.explicitEnd = explicitEnd
    }
}
