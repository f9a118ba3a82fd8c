import KaleidoYAML

/// Structural edits of mappings: keys removed and keys added, in block or flow style.
extension TreeMerger {
    /// An entry of a rebuilt collection: a's item, b's item, or a node to render.
    enum Part {
        case a(Int)
        case b(Int)
        case node(YAMLNode)
    }

    /// Deletions and insertions of keys in a block mapping of a.
    func blockMappingEdits(pairsA: [YAMLPair], pairsB: [YAMLPair], flowB: Bool, deleted: [Int],
                           additions: [(after: Int?, bIndex: Int)], edits: inout [TextEdit]) throws(SurgeryError) {
        let column = a.column(pairsA[0].key.span.start.offset)
        var covered = Set<Int>()
        for index in deleted where !covered.contains(index) {
            let pair = pairsA[index]
            let keyStart = pair.key.span.start.offset
            if a.startsLine(keyStart) {
                let range = a.lineStart(keyStart)..<a.lineEnd(pair.value.span.end.offset)
                edits.append(TextEdit(range: range, text: commentLines(in: range, of: pair.value, text: a)))
            } else {
                // The first key of a compact item (`- id: x`): the next kept key moves up onto the dash line.
                guard let next = pairsA.indices.first(where: { $0 > index && !deleted.contains($0) }) else {
                    throw SurgeryError(reason: "every key of a compact item is deleted")
                }
                for skipped in index..<next { covered.insert(skipped) }
                edits.append(TextEdit(range: keyStart..<pairsA[next].key.span.start.offset, text: []))
            }
        }
        for addition in additions {
            let pairB = pairsB[addition.bIndex]
            let text = entryText(pairB, flowB: flowB, column: column)
            let offset: Int
            var prefix: [UInt8] = []
            if let after = addition.after {
                (offset, prefix) = insertionPoint(afterLineOf: pairsA[after].value.span.end.offset)
            } else if a.startsLine(pairsA[0].key.span.start.offset) {
                offset = a.lineStart(pairsA[0].key.span.start.offset)
            } else {
                guard let kept = pairsA.indices.first(where: { !deleted.contains($0) }) else {
                    throw SurgeryError(reason: "no kept key to insert after")
                }
                (offset, prefix) = insertionPoint(afterLineOf: pairsA[kept].value.span.end.offset)
            }
            edits.append(TextEdit(range: offset..<offset, text: prefix + text))
        }
    }

    /// A whole `key: value` entry of b (its lines, trailing comment included) at `column` in a.
    func entryText(_ pair: YAMLPair, flowB: Bool, column: Int) -> [UInt8] {
        let keyStart = pair.key.span.start.offset
        if flowB {
            let raw = b.slice(keyStart..<max(keyStart, pair.value.span.end.offset))
            if !raw.contains(SourceText.newline) { return SourceText.spaces(column) + raw + [SourceText.newline] }
            return Array(YAMLEmitter().emitMappingEntry(key: Values.detached(pair.key), value: Values.detached(pair.value), indentation: column).utf8)
        }
        var end = b.lineEnd(pair.value.span.end.offset)
        if end > keyStart, b.bytes[end - 1] == SourceText.newline { end -= 1 }
        let raw = b.slice(keyStart..<end)
        return SourceText.spaces(column) + SourceText.reindent(raw, by: column - b.column(keyStart)) + [SourceText.newline]
    }

    /// A flow mapping of a written again with its kept pairs (a's text, with their inner edits)
    /// and b's added pairs.
    func rebuildFlowMapping(_ nodeA: YAMLNode, entries: [Part], pairsB: [YAMLPair], flowB: Bool,
                            inner: [TextEdit]) throws(SurgeryError) -> TextEdit {
        guard let pairsA = nodeA.pairs else { throw SurgeryError(reason: "not a mapping") }
        var parts: [String] = []
        var used = 0
        for entry in entries {
            switch entry {
            case .a(let index):
                let pair = pairsA[index]
                let range = pair.key.span.start.offset..<max(pair.key.span.end.offset, pair.value.span.end.offset)
                let mine = inner.filter { range.contains($0.range.lowerBound) || $0.range.lowerBound == range.upperBound }
                used += mine.count
                parts.append(String(decoding: try a.render(range, edits: mine), as: UTF8.self))
            case .b(let index):
                let pair = pairsB[index]
                let raw = b.slice(pair.key.span.start.offset..<max(pair.key.span.end.offset, pair.value.span.end.offset))
                if flowB, !raw.contains(SourceText.newline) {
                    parts.append(String(decoding: raw, as: UTF8.self))
                } else {
                    parts.append(Self.flowText(pair.key) + ": " + Self.flowText(pair.value))
                }
            case .node(let node):
                parts.append(Self.flowText(node))
            }
        }
        guard used == inner.count else { throw SurgeryError(reason: "an edit fell outside the kept pairs") }
        return TextEdit(range: nodeA.span.byteRange, text: Array(("{" + parts.joined(separator: ", ") + "}").utf8))
    }
}
