import KaleidoYAML

/// New flow text in the record's own form: YAML flow (`{path: name, ours: B}`) or, in a JSON
/// record, JSON (`{"path": "name", "ours": "B"}`), so that a JSON file stays JSON.
extension TreeMerger {
    /// A node as one line of flow text in a's form.
    func flowText(of node: YAMLNode) -> String {
        json ? Self.jsonText(node) : Self.flowText(node)
    }

    /// Whether a record is a JSON object: a flow mapping whose keys are all double-quoted.
    static func isJSON(_ root: YAMLNode) -> Bool {
        guard case .mapping(let pairs, .flow) = root.content, !pairs.isEmpty else { return false }
        return pairs.allSatisfy { if case .scalar(_, .doubleQuoted) = $0.key.content { true } else { false } }
    }

    /// A node as JSON on one line (`JSONWriter.line`), keys as the merge compares them.
    static func jsonText(_ node: YAMLNode) -> String {
        JSONWriter.line(JSONWriter.Value(node, keyText: Values.keyText))
    }

    /// A JSON string literal (RFC 8259: quote, backslash and control characters escaped).
    static func jsonString(_ text: String) -> String { JSONWriter.string(text) }
}
