public import KaleidoYAML

/// Which top-level fields of a record differ between two versions, compared as data: a change
/// of quoting, indentation, flow or block style or key order is not a change.
///
/// Pure. Used for commit messages (`tn-mun-sfax: phone, names`) and `kaleido log`.
public enum FieldChanges {
    /// The changed fields in the order they appear in `new` (then fields removed from `old`);
    /// `nil` when a side is not a mapping (the whole document changed).
    public static func changedFields(old: YAMLNode?, new: YAMLNode?) -> [String]? {
        let oldPairs = old.map { $0.pairs ?? ($0.isNull ? [] : nil) } ?? []
        let newPairs = new.map { $0.pairs ?? ($0.isNull ? [] : nil) } ?? []
        guard let oldPairs, let newPairs else { return nil }
        var oldValues: [String: YAMLNode] = [:]
        for pair in oldPairs { oldValues[keyText(pair.key)] = pair.value }
        var changed: [String] = []
        var present: Set<String> = []
        for pair in newPairs {
            let key = keyText(pair.key)
            present.insert(key)
            if let before = oldValues[key], sameData(before, pair.value) { continue }
            changed.append(key)
        }
        for pair in oldPairs where !present.contains(keyText(pair.key)) {
            changed.append(keyText(pair.key))
        }
        return changed
    }

    /// Whether two nodes hold the same data (typed scalars, unordered mappings, ordered lists).
    public static func sameData(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        switch (a.content, b.content) {
        case (.scalar, .scalar):
            guard let left = a.resolvedScalar, let right = b.resolvedScalar else { return false }
            return left.sameValue(as: right)
        case (.sequence(let left, _), .sequence(let right, _)):
            return left.count == right.count && zip(left, right).allSatisfy { sameData($0, $1) }
        case (.mapping(let left, _), .mapping(let right, _)):
            guard left.count == right.count else { return false }
            var values: [String: YAMLNode] = [:]
            for pair in left { values[keyText(pair.key)] = pair.value }
            return right.allSatisfy { pair in values[keyText(pair.key)].map { sameData($0, pair.value) } ?? false }
        case (.alias(let left), .alias(let right)):
            return left == right
        default:
            return false
        }
    }

    /// A short text for a scalar value, `nil` for collections (shown as "changed").
    public static func scalarText(_ node: YAMLNode?) -> String? {
        guard let node, case .scalar(let text, _) = node.content else { return nil }
        return text
    }

    static func keyText(_ key: YAMLNode) -> String {
        if case .scalar(let text, _) = key.content { return text }
        return "?"
    }
}
