extension JSONWriter.Value {
    /// A YAML node as JSON: scalars as YAML 1.2 core resolves them (null, booleans, numbers as
    /// written, strings), sequences as arrays, mappings as objects in the document's key order.
    /// What JSON cannot hold is written as a string: infinities and NaN as written, an alias as
    /// `*name`.
    ///
    /// - Parameter keyText: a mapping key's text (default: the key scalar's text as written).
    public init(_ node: YAMLNode, keyText: (YAMLNode) -> String = { $0.scalarText ?? "\($0)" }) {
        switch node.content {
        case .alias(let name): self = .string("*" + name)
        case .sequence(let items, _): self = .array(items.map { Self($0, keyText: keyText) })
        case .mapping(let pairs, _): self = .object(pairs.map { (keyText($0.key), Self($0.value, keyText: keyText)) })
        case .scalar(let text, _):
            switch node.resolvedScalar ?? .string(text) {
            case .null: self = .null
            case .bool(let flag): self = .bool(flag)
            case .integer(let digits), .float(let digits): self = .number(digits)
            case .infinity, .nan: self = .string(text)
            case .string(let string): self = .string(string)
            }
        }
    }
}
