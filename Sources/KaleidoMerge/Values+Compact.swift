import KaleidoYAML

/// `Values.equal` between a merged tree and the compact reading of its rendered text: the
/// cheap proof that the text reads back as the merge (`MergeRun`). It answers exactly what
/// `equal(tree, YAMLParser's tree of the same text)` answers, or false where it cannot tell
/// cheaply (tags, aliases); false makes the caller parse the tree and compare as before.
extension Values {
    static func equal(_ a: YAMLNode, _ document: CompactDocument, _ node: Int) -> Bool {
        guard a.tag == nil, a.anchor == nil else { return false }
        switch a.content {
        case .scalar(let x, let styleX):
            guard document.kind(node) == .scalar else { return false }
            let styleY = document.scalarStyle(node)
            // As in `equal(_:_:)`: quoted and block scalars are strings, equal plain texts are equal.
            if styleX != .plain && styleY != .plain { return document.scalar(node, equals: x) }
            if styleX == .plain && styleY == .plain && document.scalar(node, equals: x) { return true }
            return sameScalar(a.resolvedScalar, ScalarResolver.resolve(document.string(node), style: styleY, tag: nil))
        case .alias:
            return false
        case .sequence(let items, _):
            guard document.kind(node) == .sequence, document.count(node) == items.count else { return false }
            var child = node + 1
            for item in items {
                guard equal(item, document, child) else { return false }
                child = document.end(child)
            }
            return true
        case .mapping(let pairs, _):
            guard document.kind(node) == .mapping, document.count(node) == pairs.count else { return false }
            // Compact documents hold string keys only, so a key's text is its identity there.
            var key = node + 1
            for pair in pairs {
                // Both sides usually hold their keys in one order: compare in place while they do.
                guard key < document.end(node) else { break }
                let text = keyText(pair.key)
                guard document.scalar(key, equals: text) else { return lookUp(pairs, document, node) }
                guard equal(pair.value, document, document.end(key)) else { return false }
                key = document.end(document.end(key))
            }
            return true
        }
    }

    /// The mapping comparison by key when the two orders differ.
    private static func lookUp(_ pairs: [YAMLPair], _ document: CompactDocument, _ node: Int) -> Bool {
        for pair in pairs {
            guard let value = document.value(in: node, forKey: keyText(pair.key)), equal(pair.value, document, value) else { return false }
        }
        return true
    }
}
