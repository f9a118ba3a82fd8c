/// What makes two mapping keys the same key: their resolved values under the YAML 1.2 core
/// schema (`1`, `01` and `0x1` are one key; `"1"` is another), and for collection keys their
/// structure (mappings compared regardless of key order). Aliases stand for their anchored node.
///
/// Not `indirect`: the collection cases recurse through arrays and dictionaries, which are
/// already references, so a scalar key (nearly every key) costs no box allocation.
enum KeyIdentity: Hashable {
    /// A scalar's resolved value; `tag` only for application tags (`!point`), which the core
    /// schema cannot resolve, so that `!a x` and `!b x` stay different keys.
    case scalar(ResolvedScalar, tag: String?)
    case sequence([KeyIdentity])
    case mapping([KeyIdentity: KeyIdentity])
    /// An alias to an anchor that is not (or no longer) known: compared by name.
    case unresolvedAlias(String)

    /// The identity of `node`, resolving aliases through `anchors`. The parser has already
    /// bounded the expansion of every alias it accepted, so this walk is bounded too.
    init(_ node: borrowing YAMLNode, anchors: [String: TreeBuilder.Anchored]) {
        var visiting: Set<String> = []
        self = Self.make(node, anchors: anchors, visiting: &visiting)
    }

    private static func make(
        _ node: YAMLNode, anchors: [String: TreeBuilder.Anchored], visiting: inout Set<String>
    ) -> KeyIdentity {
        switch node.content {
        case .scalar(let text, let style):
            // Most keys are words: a plain scalar starting with a letter other than the first
            // letters of null, true, false is a string, without running the resolver.
            if style == .plain, node.tag == nil, let first = text.utf8.first,
                (first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")) || (first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")),
                !"nNtTfF".utf8.contains(first)
            {
                return .scalar(.string(text), tag: nil)
            }
            let resolved = ScalarResolver.resolve(text, style: style, tag: node.tag)
            return .scalar(resolved, tag: applicationTag(node.tag))
        case .sequence(let items, _):
            return .sequence(items.map { make($0, anchors: anchors, visiting: &visiting) })
        case .mapping(let pairs, _):
            var entries: [KeyIdentity: KeyIdentity] = [:]
            for pair in pairs {
                entries[make(pair.key, anchors: anchors, visiting: &visiting)] =
                    make(pair.value, anchors: anchors, visiting: &visiting)
            }
            return .mapping(entries)
        case .alias(let name):
            guard let target = anchors[name], !visiting.contains(name) else { return .unresolvedAlias(name) }
            visiting.insert(name)
            defer { visiting.remove(name) }
            return make(target.node, anchors: anchors, visiting: &visiting)
        }
    }

    /// The text of a key whose identity is certainly the plain string it reads as
    /// (`.scalar(.string(text), tag: nil)`), decided without the resolver, or nil when that
    /// takes the full rules: an untagged quoted or block scalar, or an untagged plain scalar
    /// whose first byte can start nothing but a string under the core schema.
    static func plainString(_ node: borrowing YAMLNode) -> String? {
        guard node.tag == nil, case .scalar(let text, let style) = node.content else { return nil }
        if style != .plain { return text }
        guard let first = text.utf8.first, !ScalarResolver.mayBeNonString(firstByte: first) else { return nil }
        return text
    }

    private static func applicationTag(_ tag: String?) -> String? {
        guard let tag, tag != "!", !tag.hasPrefix(ScalarResolver.coreTagPrefix) else { return nil }
        return tag
    }

    /// A short quotation of a key for messages: `'name'`, or its kind for collections.
    static func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let text, _):
            let short = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "'\(short)'"
        case .sequence: return "(a sequence)"
        case .mapping: return "(a mapping)"
        case .alias(let name): return "*\(name)"
        }
    }
}
