import KaleidoYAML

/// The reserved `_conflicts` list: its entries as nodes, their identity, and how the lists of
/// two sides merge (as a keyed list: an entry one side resolved is gone, new ones are kept once).
enum ConflictEntries {
    static let key = "_conflicts"

    /// Who and when, written beside the values of new entries.
    struct Provenance {
        var oursBy: String?
        var theirsBy: String?
        var at: String?
    }

    /// An entry's identity: its path and values (who and when do not make a new conflict).
    static func identity(_ entry: YAMLNode) -> String {
        ["path", "base", "ours", "theirs"].map { entry[$0].map(Values.canonical) ?? "-" }.joined(separator: "\u{1F}")
    }

    /// The entry written for a conflict; an absent side's key is left out.
    static func node(_ conflict: FoundConflict, provenance: Provenance) -> YAMLNode {
        var pairs: [YAMLPair] = [YAMLPair(key: scalar("path"), value: scalar(conflict.path))]
        for (name, value) in [("base", conflict.base), ("ours", conflict.ours), ("theirs", conflict.theirs)] {
            if let value { pairs.append(YAMLPair(key: scalar(name), value: Values.detached(value))) }
        }
        if let by = provenance.oursBy { pairs.append(YAMLPair(key: scalar("ours_by"), value: scalar(by))) }
        if let by = provenance.theirsBy { pairs.append(YAMLPair(key: scalar("theirs_by"), value: scalar(by))) }
        if let at = provenance.at { pairs.append(YAMLPair(key: scalar("at"), value: scalar(at))) }
        return YAMLNode(.mapping(pairs, .block))
    }

    static func scalar(_ text: String) -> YAMLNode { YAMLNode(.scalar(text, .doubleQuoted)) }

    /// Which entries of a's and b's lists stay: an entry in the base that one side no longer has
    /// was resolved there, so it goes; the others are kept once (a's first, then b's new ones).
    static func merge(base: [YAMLNode], a: [YAMLNode], b: [YAMLNode]) -> (parts: [TreeMerger.Part], nodes: [YAMLNode]) {
        let baseKeys = Set(base.map(identity))
        let keysA = a.map(identity), keysB = b.map(identity)
        let setA = Set(keysA), setB = Set(keysB)
        var parts: [TreeMerger.Part] = []
        var nodes: [YAMLNode] = []
        var seen = Set<String>()
        for (index, key) in keysA.enumerated() where !(baseKeys.contains(key) && !setB.contains(key)) && seen.insert(key).inserted {
            parts.append(.a(index))
            nodes.append(a[index])
        }
        for (index, key) in keysB.enumerated() where !setA.contains(key) && !baseKeys.contains(key) && seen.insert(key).inserted {
            parts.append(.b(index))
            nodes.append(b[index])
        }
        return (parts, nodes)
    }

    /// A value as YAML text for `MergeConflict`: one line for a scalar, block text otherwise.
    static func text(_ node: YAMLNode?) -> String? {
        guard let node else { return nil }
        if let scalar = node.resolvedScalar { return YAMLEmitter().scalarText(scalar) }
        var text = YAMLEmitter().emitDocument(Values.detached(node))
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
