import KaleidoYAML

/// Typed comparison of YAML values: quoting, indentation, flow or block style and key order
/// are not edits. Scalars compare by their YAML 1.2 core meaning (`"Sfax"` = `Sfax`, `007` = `7`),
/// mappings as unordered sets of keys, sequences in order. An alias compares by its name (record
/// files do not use them; they are never expanded here, so no edit can land in an anchor).
enum Values {
    static func equal(_ a: YAMLNode?, _ b: YAMLNode?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?): return equal(a, b)
        default: return false
        }
    }

    static func equal(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        // One content matched at a time: a tuple of both would copy both payloads first.
        switch a.content {
        case .scalar(let x, let styleX):
            guard case .scalar(let y, let styleY) = b.content else { return false }
            if a.tag == nil, b.tag == nil {
                // Quoted and block scalars are strings: their texts decide without resolving.
                if styleX != .plain && styleY != .plain { return x == y }
                if styleX == .plain && styleY == .plain && x == y { return true }
            }
            return sameScalar(a.resolvedScalar, b.resolvedScalar)
        case .alias(let x):
            guard case .alias(let y) = b.content else { return false }
            return x == y
        case .sequence(let x, _):
            guard case .sequence(let y, _) = b.content, x.count == y.count else { return false }
            for index in x.indices where !equal(x[index], y[index]) { return false }
            return true
        case .mapping(let x, _):
            guard case .mapping(let y, _) = b.content, x.count == y.count else { return false }
            // Both sides usually hold their keys in one order: compare in place while they do.
            var start = 0
            while start < x.count {
                let key = keyText(x[start].key)
                guard keyText(y[start].key) == key else { break }
                guard equal(x[start].value, y[start].value) else { return false }
                start += 1
            }
            if start == x.count { return true }
            if x.count <= 12 {
                for index in start..<x.count {
                    let key = keyText(x[index].key)
                    guard let other = y.first(where: { keyText($0.key) == key }), equal(x[index].value, other.value) else { return false }
                }
                return true
            }
            var index: [String: YAMLNode] = [:]
            for pair in y { index[keyText(pair.key)] = pair.value }
            for pair in x[start...] {
                guard let other = index[keyText(pair.key)], equal(pair.value, other) else { return false }
            }
            return true
        }
    }

    /// A mapping key's identity: its meaning for scalars (so `"a"` and `a` are one key), a
    /// canonical text for the rare collection key.
    static func keyText(_ key: YAMLNode) -> String {
        if case .scalar(let text, let style) = key.content {
            if key.tag == nil, style != .plain || isWord(text) { return text }
            if case .string(let string)? = key.resolvedScalar { return string }
            return key.resolvedScalar.map(scalarCanonical) ?? text
        }
        return canonical(key)
    }

    /// Whether a plain scalar certainly reads as the string it is: it starts with a letter or `_`
    /// and is none of the core schema's null and boolean words.
    static func isWord(_ text: String) -> Bool {
        guard let first = text.utf8.first,
              (first >= 0x61 && first <= 0x7A) || (first >= 0x41 && first <= 0x5A) || first == 0x5F else { return false }
        // Only 4- and 5-letter words starting with n, t or f can be one of those: most keys
        // skip the nine string comparisons below.
        let count = text.utf8.count
        guard count == 4 || count == 5, (first | 0x20) == 0x6E || (first | 0x20) == 0x74 || (first | 0x20) == 0x66 else { return true }
        switch text {
        case "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE": return false
        default: return true
        }
    }

    /// A deterministic text of a value: equal values give equal texts (keys sorted).
    static func canonical(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar: return node.resolvedScalar.map(scalarCanonical) ?? ""
        case .alias(let name): return "*" + name
        case .sequence(let items, _): return "[" + items.map(canonical).joined(separator: ",") + "]"
        case .mapping(let pairs, _):
            return "{" + pairs.map { canonical(forKey: keyText($0.key)) + ":" + canonical($0.value) }.sorted().joined(separator: ",") + "}"
        }
    }

    private static func canonical(forKey key: String) -> String {
        "\"" + key.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }

    static func scalarCanonical(_ value: ResolvedScalar) -> String {
        switch value {
        case .null: return "~"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer, .float: return value.canonicalValue
        case .infinity(let negative): return negative ? "-inf" : "+inf"
        case .nan: return "nan"
        case .string(let text): return canonical(forKey: text)
        }
    }

    /// Scalars by value: numbers as exact decimals, so re-spelling one (`26450.50` → `26450.5`)
    /// is not an edit.
    static func sameScalar(_ a: ResolvedScalar?, _ b: ResolvedScalar?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.sameValue(as: b)
    }

    /// The kind of a node for merging decisions.
    enum Kind { case scalar, sequence, mapping, alias }

    static func kind(_ node: YAMLNode) -> Kind {
        switch node.content {
        case .scalar: .scalar
        case .sequence: .sequence
        case .mapping: .mapping
        case .alias: .alias
        }
    }

    /// The text of a string scalar, nil for anything else.
    static func string(_ node: YAMLNode?) -> String? {
        if case .string(let text)? = node?.resolvedScalar { return text }
        return nil
    }

    /// The node with every span cleared (for nodes handed to the emitter or compared as data).
    static func detached(_ node: YAMLNode) -> YAMLNode {
        var copy = node
        copy.span = .none
        switch node.content {
        case .sequence(let items, let style): copy.content = .sequence(items.map(detached), style)
        case .mapping(let pairs, let style):
            copy.content = .mapping(pairs.map { YAMLPair(key: detached($0.key), value: detached($0.value)) }, style)
        default: break
        }
        return copy
    }

    static func string(node text: String) -> YAMLNode { YAMLNode(.scalar(text, .doubleQuoted)) }
}

