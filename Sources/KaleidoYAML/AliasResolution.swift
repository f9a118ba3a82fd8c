extension YAMLNode {
    /// The node with every alias replaced by a copy of the node anchored with its name, as
    /// YAML's data model reads it (anchors stay on the copies).
    ///
    /// Anchors are read in document order, so an alias means the latest `&name` before it,
    /// as in the parser. Throws `aliasExpansion` when the copies would exceed
    /// `limits.maxAliasExpansion` nodes, `tooDeep` when they nest deeper than
    /// `limits.maxDepth`, and `undefinedAlias` or `recursiveAlias` for aliases the tree does
    /// not define (a tree built by code; the parser rejects those already). Copies share
    /// storage, so memory stays proportional to the written tree.
    public func resolvingAliases(limits: YAMLLimits = .default) throws(YAMLError) -> YAMLNode {
        var resolver = AliasResolver(limits: limits)
        return try resolver.resolve(self, depth: 0)
    }
}

extension YAMLDocument {
    /// The document with its root's aliases expanded (see `YAMLNode.resolvingAliases(limits:)`).
    public func resolvingAliases(limits: YAMLLimits = .default) throws(YAMLError) -> YAMLDocument {
        var copy = self
        copy.root = try root.resolvingAliases(limits: limits)
        return copy
    }
}

/// Expands aliases in document order, counting the nodes it produces.
private struct AliasResolver {
    let limits: YAMLLimits
    var anchors: [String: (node: YAMLNode, size: Int, height: Int)] = [:]
    var open: Set<String> = []
    var produced = 0

    init(limits: YAMLLimits) {
        self.limits = limits
    }

    /// Resolves `node` found `depth` collections deep; depth is bounded by `maxDepth`, so the
    /// recursion is too.
    mutating func resolve(_ node: YAMLNode, depth: Int) throws(YAMLError) -> YAMLNode {
        try resolveCounting(node, depth: depth).node
    }

    private mutating func resolveCounting(_ node: YAMLNode, depth: Int) throws(YAMLError) -> (node: YAMLNode, size: Int, height: Int) {
        var result = node
        var size = 1
        var height = 0
        switch node.content {
        case .scalar:
            break
        case .alias(let name):
            guard let target = anchors[name] else {
                let recursive = open.contains(name)
                throw YAMLError(
                    recursive ? .recursiveAlias : .undefinedAlias,
                    recursive
                        ? "the alias *\(name) refers to a collection that contains it; YAML data cannot be recursive here"
                        : "the alias *\(name) refers to no anchor &\(name) before it; define the anchor first or fix the name",
                    at: node.span.start)
            }
            produced += target.size
            guard produced <= limits.maxAliasExpansion else {
                throw YAMLError(
                    .aliasExpansion,
                    "the aliases would expand to more than \(limits.maxAliasExpansion) nodes; this looks like an alias bomb, write the data out instead",
                    at: node.span.start)
            }
            guard depth + target.height <= limits.maxDepth else {
                throw YAMLError(.tooDeep, "the alias *\(name) nests the data deeper than \(limits.maxDepth) levels; flatten the structure", at: node.span.start)
            }
            return target
        case .sequence(let items, let style):
            try enter(node, depth: depth)
            var resolved: [YAMLNode] = []
            resolved.reserveCapacity(items.count)
            for item in items {
                let child = try resolveCounting(item, depth: depth + 1)
                resolved.append(child.node)
                size += child.size
                height = max(height, child.height)
            }
            height += 1
            result.content = .sequence(resolved, style)
        case .mapping(let pairs, let style):
            try enter(node, depth: depth)
            var resolved: [YAMLPair] = []
            resolved.reserveCapacity(pairs.count)
            for pair in pairs {
                let key = try resolveCounting(pair.key, depth: depth + 1)
                let value = try resolveCounting(pair.value, depth: depth + 1)
                resolved.append(YAMLPair(key: key.node, value: value.node))
                size += key.size + value.size
                height = max(height, key.height, value.height)
            }
            height += 1
            result.content = .mapping(resolved, style)
        }
        if let anchor = node.anchor {
            open.remove(anchor)
            anchors[anchor] = (result, size, height)
        }
        return (result, size, height)
    }

    private mutating func enter(_ node: YAMLNode, depth: Int) throws(YAMLError) {
        guard depth < limits.maxDepth else {
            throw YAMLError(.tooDeep, "collections nest deeper than \(limits.maxDepth) levels here; flatten the structure", at: node.span.start)
        }
        if let anchor = node.anchor { open.insert(anchor) }
    }
}
