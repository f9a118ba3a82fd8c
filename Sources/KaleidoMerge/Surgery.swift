import KaleidoYAML

/// The text side of the merge: moving b's text into a's, rendering new values where no side's
/// text fits, and keeping a's comment lines when a's text is removed.
extension TreeMerger {
    /// b's value replaces a's: b's own text for that slot, re-indented to a's column.
    mutating func take(_ nodeB: YAMLNode, from slotB: Slot, replacing nodeA: YAMLNode, at slotA: Slot, edits: inout [TextEdit]) -> YAMLNode {
        let text = transplant(nodeB, from: slotB, into: slotA)
        edits.append(TextEdit(range: slotA.region, text: text))
        // Ours' comment lines move above, unless theirs' text brings the same ones.
        edits += keptComments(in: nodeA, at: slotA).compactMap { edit in
            guard mergesComments, text.contains(UInt8(ascii: "#")) else { return edit }
            let brought = CommentMap.commentLines(of: SourceText(bytes: text))
            let kept = droppingLines(edit.text) { brought.contains($0) }
            return kept.isEmpty ? nil : TextEdit(range: edit.range, text: kept)
        }
        return nodeB
    }

    /// The text that puts b's node (standing at `slotB` in b) into `slotA`.
    func transplant(_ nodeB: YAMLNode, from slotB: Slot, into slotA: Slot) -> [UInt8] {
        let raw = b.slice(slotB.region)
        let multiLine = raw.contains(SourceText.newline)
        if slotA.inFlow {
            return lead(slotB.inFlow && !multiLine && !json ? Array(raw) : Array(flowText(of: nodeB).utf8), slotA)
        }
        if slotB.inFlow && multiLine { return render(nodeB, at: slotA, like: nil).text }
        return lead(SourceText.reindent(raw, by: slotA.indicatorColumn - slotB.indicatorColumn), slotA)
    }

    /// A separating space after `:` or `-` when the text does not start with one.
    func lead(_ text: [UInt8], _ slot: Slot) -> [UInt8] {
        guard slot.kind == .mappingValue || slot.kind == .blockItem, let first = text.first,
              first != SourceText.space, first != SourceText.newline else { return text }
        return [SourceText.space] + text
    }

    /// An edit writing `node` (built by the merge, or text that cannot move) into `slot` with the
    /// emitter, laid out like `like` (a's node there) where it tells the indentation.
    func render(_ node: YAMLNode, at slot: Slot, like: YAMLNode?) -> TextEdit {
        let detached = Values.detached(node)
        if slot.inFlow || slot.kind == .flowItem {
            return TextEdit(range: slot.region, text: lead(Array(flowText(of: detached).utf8), slot))
        }
        var indent = 2
        var indentSequences = true
        if let like {
            let start = like.span.start.offset
            if Values.kind(like) != .scalar, !a.bytes.isEmpty, a.lineStart(start) > slot.region.lowerBound || slot.kind == .root {
                let offset = a.column(start) - slot.indicatorColumn
                if Values.kind(like) == .sequence && offset == 0 { indentSequences = false } else if (2...9).contains(offset) { indent = offset }
            } else if case .scalar(_, let style) = like.content, style == .literal || style == .folded {
                let next = a.lineEnd(start)
                var index = next
                while index < a.bytes.count, a.bytes[index] == SourceText.space { index += 1 }
                if (2...9).contains(index - next - slot.indicatorColumn) { indent = index - next - slot.indicatorColumn }
            }
        }
        let emitter = YAMLEmitter(options: .init(indent: indent, indentSequencesInMappings: indentSequences))
        if slot.kind == .root {
            return TextEdit(range: slot.region, text: Array(emitter.emitDocument(detached).utf8.dropLast()))
        }
        let value = emitter.emitValue(detached, indentation: slot.indicatorColumn,
                                      after: slot.kind == .mappingValue ? .mappingValue : .sequenceItem)
        return TextEdit(range: slot.region, text: Array(value.text.utf8.dropLast()))
    }

    /// Keeps a's comment lines that a replacement of `node` would remove: they move above the
    /// entry (comments never change what the YAML means, whatever their indentation).
    func keptComments(in node: YAMLNode, at slot: Slot) -> [TextEdit] {
        guard let entryStart = slot.entryStart else { return [] }
        var lines: [UInt8] = []
        // A comment right after the indicator (`key: # note`, the value on the next lines).
        let headEnd = a.lineEnd(slot.region.lowerBound)
        if headEnd <= node.span.start.offset {
            var first = slot.region.lowerBound
            while first < headEnd, a.bytes[first] == SourceText.space || a.bytes[first] == 0x09 { first += 1 }
            if first < headEnd, a.bytes[first] == UInt8(ascii: "#") {
                var end = headEnd
                while end > first, a.bytes[end - 1] == SourceText.newline || a.bytes[end - 1] == 0x0D { end -= 1 }
                lines += SourceText.spaces(slot.indicatorColumn) + a.bytes[first..<end] + [SourceText.newline]
            }
        }
        if Values.kind(node) != .scalar { lines += commentLines(in: slot.region, of: node, text: a) }
        return lines.isEmpty ? [] : [TextEdit(range: entryStart..<entryStart, text: lines)]
    }

    /// The full comment lines (first non-blank character `#`) of `range`, outside `node`'s
    /// multi-line scalars, each with its line break.
    /// With `droppingBase`, the base's own comment lines are left out (they go with a deleted node).
    func commentLines(in range: Range<Int>, of node: YAMLNode?, text: SourceText, droppingBase: Bool = false) -> [UInt8] {
        guard text.bytes[range].contains(UInt8(ascii: "#")) else { return [] }
        var scalars: [Range<Int>] = []
        if let node { Self.multiLineScalars(node, into: &scalars) }
        var output: [UInt8] = []
        var line = text.lineStart(range.lowerBound)
        while line < range.upperBound {
            let end = text.lineEnd(line)
            var first = line
            while first < end, text.bytes[first] == SourceText.space || text.bytes[first] == 0x09 { first += 1 }
            if first < end, text.bytes[first] == UInt8(ascii: "#"), first >= range.lowerBound,
               !scalars.contains(where: { $0.contains(first) }),
               !droppingBase || !isBaseComment(text.bytes[first..<end])
            {
                output += text.bytes[line..<end]
                if output.last != SourceText.newline { output.append(SourceText.newline) }
            }
            line = end
        }
        return output
    }

    /// Whether a comment (from its `#`) is one of the base's comment lines.
    func isBaseComment(_ comment: ArraySlice<UInt8>) -> Bool {
        guard let baseComments else { return false }
        return baseComments.lines.contains(CommentMap.trimmed(comment.prefix { $0 != SourceText.newline && $0 != 0x0D }))
    }

    /// `lines` without the base's comment lines (the gap before an item a side removed).
    func droppingBaseComments(_ lines: [UInt8]) -> [UInt8] {
        guard baseComments != nil, lines.contains(UInt8(ascii: "#")) else { return lines }
        return droppingLines(lines) { baseComments?.lines.contains($0) == true }
    }

    /// `lines` without the comment lines whose trimmed text `drop` says.
    func droppingLines(_ lines: [UInt8], _ drop: (String) -> Bool) -> [UInt8] {
        var output: [UInt8] = []
        var start = 0
        while start < lines.count {
            var end = start
            while end < lines.count, lines[end] != SourceText.newline { end += 1 }
            if end < lines.count { end += 1 }
            var first = start
            while first < end, lines[first] == SourceText.space || lines[first] == 0x09 { first += 1 }
            var contentEnd = end
            while contentEnd > first, lines[contentEnd - 1] == SourceText.newline || lines[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if !(first < end && lines[first] == UInt8(ascii: "#") && drop(CommentMap.trimmed(lines[first..<contentEnd]))) { output += lines[start..<end] }
            start = end
        }
        return output
    }

    private static func multiLineScalars(_ node: YAMLNode, into ranges: inout [Range<Int>]) {
        switch node.content {
        case .scalar(_, let style):
            if style != .plain || node.span.start.line != node.span.end.line { ranges.append(node.span.byteRange) }
        case .sequence(let items, _): for item in items { multiLineScalars(item, into: &ranges) }
        case .mapping(let pairs, _):
            for pair in pairs {
                multiLineScalars(pair.key, into: &ranges)
                multiLineScalars(pair.value, into: &ranges)
            }
        case .alias: break
        }
    }

    /// A node as one line of flow YAML (`[a, b]`, `{k: v}`), for flow collections.
    static func flowText(_ node: YAMLNode) -> String {
        switch node.content {
        case .alias(let name): return "*" + name
        case .sequence(let items, _): return "[" + items.map(flowText).joined(separator: ", ") + "]"
        case .mapping(let pairs, _):
            return "{" + pairs.map { flowText($0.key) + ": " + flowText($0.value) }.joined(separator: ", ") + "}"
        case .scalar:
            let meaning = node.resolvedScalar ?? .null
            guard case .string(let string) = meaning else { return YAMLEmitter().scalarText(meaning) }
            let written = YAMLEmitter().scalarText(meaning)
            if written.first == "\"" || written.first == "'" { return written }
            if string.contains(where: { ",[]{}".contains($0) }) { return YAMLEmitter().doubleQuotedText(string) }
            return written
        }
    }

    /// The byte offset just after the line holding `offset`, and the prefix an insertion there
    /// needs (a line break when the file ends without one).
    func insertionPoint(afterLineOf offset: Int) -> (offset: Int, prefix: [UInt8]) {
        let end = a.lineEnd(offset)
        let needsBreak = end == a.bytes.count && a.bytes.last != SourceText.newline && !a.bytes.isEmpty
        return (end, needsBreak ? [SourceText.newline] : [])
    }
}
