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
                edits.append(TextEdit(range: range, text: commentLines(in: range, of: pair.value, text: a, droppingBase: true)))
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
        var end = closingCommentsEnd(after: b.lineEnd(pair.value.span.end.offset), deeperThan: b.column(keyStart), in: b)
        if end > keyStart, b.bytes[end - 1] == SourceText.newline { end -= 1 }
        let raw = b.slice(keyStart..<end)
        let delta = column - b.column(keyStart)
        return SourceText.reindent(commentLinesAbove(keyStart, in: b), by: delta, firstLineToo: true)
            + SourceText.spaces(column) + SourceText.reindent(raw, by: delta) + [SourceText.newline]
    }

    /// The end of the comment lines that follow `lineEnd` indented deeper than `column`: they
    /// close the value of the entry above them and travel with it.
    func closingCommentsEnd(after lineEnd: Int, deeperThan column: Int, in text: SourceText) -> Int {
        var end = lineEnd
        while end < text.bytes.count {
            var first = end
            while first < text.bytes.count, text.bytes[first] == SourceText.space { first += 1 }
            guard first < text.bytes.count, text.bytes[first] == UInt8(ascii: "#"), first - end > column else { break }
            end = text.lineEnd(first)
        }
        return end
    }

    /// The comment lines right above the line of `offset` (no blank line between), not indented
    /// deeper than it: they belong to the entry there and travel with it.
    func commentLinesAbove(_ offset: Int, in text: SourceText) -> ArraySlice<UInt8> {
        let column = text.column(offset)
        let lineStart = text.lineStart(offset)
        var start = lineStart
        while start > 0 {
            let previous = text.lineStart(start - 1)
            var first = previous
            while first < start, text.bytes[first] == SourceText.space { first += 1 }
            guard first < start, text.bytes[first] == UInt8(ascii: "#"), first - previous <= column else { break }
            start = previous
        }
        guard !commentsOursAdded.isEmpty, start < lineStart else { return text.bytes[start..<lineStart] }
        var kept: [UInt8] = []
        var line = start
        while line < lineStart {
            let end = text.lineEnd(line)
            var first = line
            while first < end, text.bytes[first] == SourceText.space { first += 1 }
            var contentEnd = end
            while contentEnd > first, text.bytes[contentEnd - 1] == SourceText.newline || text.bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if !commentsOursAdded.contains(CommentMap.trimmed(text.bytes[first..<contentEnd])) { kept += text.bytes[line..<end] }
            line = end
        }
        return kept[...]
    }

    /// Deletions and insertions of keys in a flow mapping of a (`{a: 1, b: 2}`, a JSON object),
    /// in place: the rest of its text, line breaks included, stays as it is.
    func flowMappingEdits(_ nodeA: YAMLNode, pairsA: [YAMLPair], pairsB: [YAMLPair], flowB: Bool, deleted: [Int],
                          additions: [(after: Int?, bIndex: Int)]) throws(SurgeryError) -> [TextEdit] {
        func end(_ pair: YAMLPair) -> Int { max(pair.key.span.end.offset, pair.value.span.end.offset) }
        let gone = Set(deleted)
        guard let lastKept = pairsA.indices.last(where: { !gone.contains($0) }) else {
            throw SurgeryError(reason: "every key of a flow mapping is deleted")
        }
        // A pair before the last kept one goes with the separator after it, one after it with the
        // separator before it; whatever else stands between (a `_conflicts` pair) stays.
        var edits: [TextEdit] = []
        for index in deleted {
            let pair = pairsA[index]
            if index < lastKept {
                var to = end(pair)
                guard separatorEnd(from: &to) else { throw SurgeryError(reason: "no ',' after a flow pair") }
                edits.append(TextEdit(range: pair.key.span.start.offset..<to, text: []))
            } else {
                var from = pair.key.span.start.offset
                while from > 0, [SourceText.space, SourceText.newline, 0x09, 0x0D].contains(a.bytes[from - 1]) { from -= 1 }
                guard from > 0, a.bytes[from - 1] == UInt8(ascii: ",") else { throw SurgeryError(reason: "no ',' before a flow pair") }
                from -= 1
                while from > 0, [SourceText.space, SourceText.newline, 0x09, 0x0D].contains(a.bytes[from - 1]) { from -= 1 }
                edits.append(TextEdit(range: from..<end(pair), text: []))
            }
        }
        let separator = flowSeparator(nodeA, firstKey: pairsA[0].key)
        for addition in additions {
            let pair = pairsB[addition.bIndex]
            let raw = b.slice(pair.key.span.start.offset..<end(pair))
            let text = flowB && !json && !raw.contains(SourceText.newline)
                ? Array(raw) : Array((flowText(of: pair.key) + ": " + flowText(of: pair.value)).utf8)
            if let after = addition.after {
                let offset = end(pairsA[after])
                edits.append(TextEdit(range: offset..<offset, text: separator + text))
            } else {
                let offset = pairsA[0].key.span.start.offset
                edits.append(TextEdit(range: offset..<offset, text: text + separator))
            }
        }
        return edits
    }

    /// Moves `offset` over blanks, one comma and the blanks after it; whether a comma was there.
    func separatorEnd(from offset: inout Int) -> Bool {
        let blanks: [UInt8] = [SourceText.space, SourceText.newline, 0x09, 0x0D]
        while offset < a.bytes.count, blanks.contains(a.bytes[offset]) { offset += 1 }
        guard offset < a.bytes.count, a.bytes[offset] == UInt8(ascii: ",") else { return false }
        offset += 1
        while offset < a.bytes.count, blanks.contains(a.bytes[offset]) { offset += 1 }
        return true
    }

    /// `, ` in a one-line flow mapping; a comma, a line break and the keys' indentation in one
    /// written over several lines (a JSON file).
    func flowSeparator(_ node: YAMLNode, firstKey: YAMLNode) -> [UInt8] {
        let start = node.span.start.offset, keyStart = firstKey.span.start.offset
        guard keyStart > start, a.bytes[start..<keyStart].contains(SourceText.newline) else { return Array(", ".utf8) }
        return [UInt8(ascii: ","), SourceText.newline] + SourceText.spaces(a.column(keyStart))
    }

    /// Whether bytes hold only what separates two flow entries (blanks, line breaks, a comma).
    static func onlySeparators(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == SourceText.space || $0 == SourceText.newline || $0 == 0x09 || $0 == 0x0D || $0 == UInt8(ascii: ",") }
    }
}
