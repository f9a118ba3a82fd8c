import KaleidoYAML

/// The `_conflicts` list of a record written as one flow mapping (`{id: p, name: B}`) or as a
/// JSON object: added inside the braces in the record's own form, removed the same way; the
/// rest of the text keeps its bytes.
extension MergeRun {
    /// `, _conflicts: [{path: name, …}]` after the last field (JSON in a JSON record).
    func flowListInsertion(_ entries: [YAMLNode], into root: YAMLNode, merger: TreeMerger) throws(SurgeryError) -> TextEdit {
        let key = merger.json ? TreeMerger.jsonString(ConflictEntries.key) : ConflictEntries.key
        let list = Array((key + ": [" + entries.map { merger.flowText(of: Values.detached($0)) }.joined(separator: ", ") + "]").utf8)
        guard let pairs = root.pairs, let last = pairs.last else {
            let range = root.span.byteRange
            guard a.bytes[range].first == UInt8(ascii: "{") else { throw SurgeryError(reason: "an empty root that is not {}") }
            return TextEdit(range: range, text: [UInt8(ascii: "{")] + list + [UInt8(ascii: "}")])
        }
        let end = max(last.key.span.end.offset, last.value.span.end.offset)
        return TextEdit(range: end..<end, text: merger.flowSeparator(root, firstKey: pairs[0].key) + list)
    }

    /// Removes the `_conflicts` pair from a flow root, with the separator before it (or after
    /// it when it comes first).
    func flowPairRemoval(_ pair: YAMLPair, from fields: YAMLNode) throws(SurgeryError) -> TextEdit {
        let keyStart = pair.key.span.start.offset
        let end = max(pair.key.span.end.offset, pair.value.span.end.offset)
        let others = fields.pairs ?? []
        if let previous = others.last(where: { $0.key.span.start.offset < keyStart }) {
            let from = max(previous.key.span.end.offset, previous.value.span.end.offset)
            guard TreeMerger.onlySeparators(a.bytes[from..<keyStart]) else { throw SurgeryError(reason: "text before _conflicts") }
            return TextEdit(range: from..<end, text: [])
        }
        if let next = others.first(where: { $0.key.span.start.offset > keyStart }) {
            let to = next.key.span.start.offset
            guard TreeMerger.onlySeparators(a.bytes[end..<to]) else { throw SurgeryError(reason: "text after _conflicts") }
            return TextEdit(range: keyStart..<to, text: [])
        }
        return TextEdit(range: keyStart..<end, text: [])
    }
}
