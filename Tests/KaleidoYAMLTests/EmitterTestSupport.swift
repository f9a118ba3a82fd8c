@testable import KaleidoYAML

/// Builders for hand-made trees, and the data-level comparison the emitter tests rely on.
enum Tree {
    static func plain(_ text: String, tag: String? = nil, anchor: String? = nil) -> YAMLNode {
        YAMLNode(.scalar(text, .plain), tag: tag, anchor: anchor)
    }

    /// A string whatever its text (double-quoted in the source).
    static func string(_ text: String, anchor: String? = nil) -> YAMLNode {
        YAMLNode(.scalar(text, .doubleQuoted), anchor: anchor)
    }

    static func sequence(_ items: [YAMLNode], tag: String? = nil, anchor: String? = nil) -> YAMLNode {
        YAMLNode(.sequence(items, .block), tag: tag, anchor: anchor)
    }

    static func mapping(_ pairs: [(YAMLNode, YAMLNode)], tag: String? = nil, anchor: String? = nil) -> YAMLNode {
        YAMLNode(.mapping(pairs.map { YAMLPair(key: $0.0, value: $0.1) }, .block), tag: tag, anchor: anchor)
    }

    /// A mapping with plain string keys.
    static func record(_ pairs: [(String, YAMLNode)], tag: String? = nil, anchor: String? = nil) -> YAMLNode {
        mapping(pairs.map { (plain($0.0), $0.1) }, tag: tag, anchor: anchor)
    }

    static func alias(_ name: String) -> YAMLNode {
        YAMLNode(.alias(name))
    }
}

/// A tree reduced to what it means as data: kinds, resolved scalars (YAML 1.2 core), tags that
/// the resolver does not see (`!custom`, `!!binary`, `!!set`) and key order. Styles, spans,
/// anchors and implied tags are dropped; aliases must be expanded first.
indirect enum DataValue: Hashable, CustomStringConvertible {
    case scalar(ResolvedScalar, tag: String?)
    case sequence([DataValue], tag: String?)
    case mapping([Pair], tag: String?)
    case alias(String)

    struct Pair: Hashable {
        var key: DataValue
        var value: DataValue
    }

    /// Tags whose meaning the resolved scalar or the collection kind already carries.
    static let impliedTags: Set<String> = Set(["str", "int", "float", "bool", "null", "seq", "map"]
        .map { ScalarResolver.coreTagPrefix + $0 } + ["!"])

    init(_ node: YAMLNode) {
        let tag = node.tag.flatMap { Self.impliedTags.contains($0) ? nil : $0 }
        switch node.content {
        case .scalar(let text, let style):
            self = .scalar(ScalarResolver.resolve(text, style: style, tag: node.tag), tag: tag)
        case .sequence(let items, _):
            self = .sequence(items.map(DataValue.init), tag: tag)
        case .mapping(let pairs, _):
            self = .mapping(pairs.map { Pair(key: DataValue($0.key), value: DataValue($0.value)) }, tag: tag)
        case .alias(let name):
            self = .alias(name)
        }
    }

    var description: String {
        switch self {
        case .scalar(let value, let tag): return (tag.map { $0 + " " } ?? "") + "\(value)"
        case .sequence(let items, let tag):
            return (tag.map { $0 + " " } ?? "") + "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .mapping(let pairs, let tag):
            return (tag.map { $0 + " " } ?? "") + "{" + pairs.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .alias(let name): return "*" + name
        }
    }
}
