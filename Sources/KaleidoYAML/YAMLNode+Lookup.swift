/// Read-only conveniences for walking a parsed record. They never throw: a lookup that does not
/// fit the node's shape answers nil, so rules can be written as plain optional chains.
extension YAMLNode {
    /// The value of `key` in a mapping whose keys are scalars, or nil.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs, _) = content else { return nil }
        // By index: rules look fields up many times per record, and iterating would copy
        // every pair (both nodes) on the way.
        for index in pairs.indices {
            if case .scalar(let text, _) = pairs[index].key.content, text == key { return pairs[index].value }
        }
        return nil
    }

    /// The pair whose scalar key is `key` in a mapping, or nil (to point at the key itself).
    public func pair(forKey key: String) -> YAMLPair? {
        guard case .mapping(let pairs, _) = content else { return nil }
        return pairs.first { pair in
            if case .scalar(let text, _) = pair.key.content { return text == key }
            return false
        }
    }

    /// A scalar's presented text, or nil for a collection or alias.
    public var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// A scalar's text when it means a string or a number written plain (what a code or a date
    /// field holds), nil for null, booleans and collections.
    public var stringValue: String? {
        guard case .scalar(let text, let style) = content else { return nil }
        switch ScalarResolver.resolve(text, style: style, tag: tag) {
        case .null, .bool: return nil
        default: return text
        }
    }

    /// The scalar's meaning under the YAML 1.2 core schema, or nil for a collection or alias.
    public var resolvedScalar: ResolvedScalar? {
        guard case .scalar(let text, let style) = content else { return nil }
        return ScalarResolver.resolve(text, style: style, tag: tag)
    }

    /// A sequence's items, or nil.
    public var items: [YAMLNode]? {
        if case .sequence(let items, _) = content { return items }
        return nil
    }

    /// A mapping's pairs in source order, or nil.
    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs, _) = content { return pairs }
        return nil
    }

    /// Whether the node is a null scalar (`~`, `null`, or nothing at all).
    public var isNull: Bool {
        resolvedScalar == .null
    }
}
