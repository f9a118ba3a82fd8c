import KaleidoYAML

/// Writing a merged list back into a's text: a's items keep their lines (and the comment lines
/// before them), b's items bring their own text, new items are rendered.
extension TreeMerger {
    func rebuildSequence(_ nodeA: YAMLNode, slot: Slot, parts: [Part], itemsB: [YAMLNode], flowB: Bool,
                         inner: [TextEdit]) throws(SurgeryError) -> [TextEdit] {
        guard case .sequence(let itemsA, let style) = nodeA.content else { throw SurgeryError(reason: "not a sequence") }
        if parts.isEmpty {
            let empty = slot.kind == .flowItem || slot.kind == .root ? "[]" : " []"
            return [TextEdit(range: slot.region, text: Array(empty.utf8))] + keptComments(in: nodeA, at: slot)
        }
        if style == .flow {
            return [try rebuildFlowSequence(nodeA, parts: parts, itemsB: itemsB, flowB: flowB, inner: inner)]
        }
        let dashes = try itemsA.map { item throws(SurgeryError) in try a.dash(before: item.span.start.offset) }
        guard dashes.allSatisfy(a.startsLine) else { throw SurgeryError(reason: "a compact nested list") }
        let starts = dashes.map(a.lineStart)
        let ends = itemsA.map { a.lineEnd($0.span.end.offset) }
        let column = a.column(dashes[0])
        // Edits belong to the item whose lines hold them.
        var editsOf = [[TextEdit]](repeating: [], count: itemsA.count)
        for edit in inner {
            guard let owner = itemsA.indices.first(where: { starts[$0] <= edit.range.lowerBound && edit.range.upperBound <= ends[$0] }) else {
                throw SurgeryError(reason: "an edit fell outside the list's items")
            }
            editsOf[owner].append(edit)
        }
        // The lines between two items (comments, blank lines) travel with the item after them;
        // those of a removed item stay where it was, before the next kept item.
        var kept = Set<Int>()
        for case .a(let index) in parts { kept.insert(index) }
        var leading = [[UInt8]](repeating: [], count: itemsA.count)
        var trailing: [UInt8] = []
        var pending: [UInt8] = []
        for index in itemsA.indices {
            let gap = index == 0 ? [] : Array(a.bytes[ends[index - 1]..<starts[index]])
            if kept.contains(index) {
                let gapEdits = index == 0 ? [] : itemCommentEdits(starts[index], in: ends[index - 1]...starts[index], inner: [])
                leading[index] = pending + (gapEdits.isEmpty ? gap : try a.render(ends[index - 1]..<starts[index], edits: gapEdits))
                pending = []
            } else {
                pending += droppingBaseComments(gap) + commentLines(in: starts[index]..<ends[index], of: itemsA[index], text: a, droppingBase: true)
            }
        }
        trailing = pending
        var output: [UInt8] = []
        for part in parts {
            var chunk: [UInt8]
            switch part {
            case .a(let index):
                output += leading[index]
                // Theirs' comments inside a's item travel with it (those before its first line went with the gap).
                let comments = itemCommentEdits(starts[index], in: starts[index]...ends[index], inner: editsOf[index])
                chunk = try a.render(starts[index]..<ends[index], edits: editsOf[index] + comments)
            case .b(let index):
                chunk = itemText(itemsB[index], flowB: flowB, column: column)
            case .node(let node):
                chunk = Array(YAMLEmitter().emitSequenceItem(Values.detached(node), indentation: column).utf8)
            }
            if chunk.last != SourceText.newline { chunk.append(SourceText.newline) }
            output += chunk
        }
        output += trailing
        return [TextEdit(range: starts[0]..<ends[ends.count - 1], text: output)]
    }

    /// Theirs' comment edits that belong to a's item on the line starting at `lineStart` (its
    /// own, or of a node inside it) and fall within `range`, clear of the item's other edits;
    /// marked as applied. Lines before the item go with the gap before it (`range` ending at
    /// `lineStart`), not with the item's own lines (`range` starting there).
    func itemCommentEdits(_ lineStart: Int, in range: ClosedRange<Int>, inner: [TextEdit]) -> [TextEdit] {
        guard !commentEdits.isEmpty, let item = itemAnchors[lineStart] else { return [] }
        let replaced = inner.map(\.range).filter { !$0.isEmpty }
        let mine = commentEdits.filter { candidate in
            let anchor = candidate.anchor
            guard candidate.condition != .anchorGone, !appliedComments.numbers.contains(candidate.number),
                  anchor == item || anchor.hasPrefix(item + ".") || anchor.hasPrefix(item + "[") || anchor.hasPrefix(item + "/"),
                  range.contains(candidate.edit.range.lowerBound), range.contains(candidate.edit.range.upperBound),
                  !(candidate.edit.range.isEmpty && candidate.edit.range.lowerBound == lineStart && range.lowerBound == lineStart)
            else { return false }
            return CommentMerge.free(candidate.edit.range, of: replaced)
        }
        appliedComments.numbers.formUnion(mine.map(\.number))
        return mine.map(\.edit)
    }

    /// One of b's items as whole lines with its `-` at `column` in a.
    func itemText(_ item: YAMLNode, flowB: Bool, column: Int) -> [UInt8] {
        let start = item.span.start.offset
        if flowB {
            let raw = b.slice(item.span.byteRange)
            if !raw.contains(SourceText.newline) { return SourceText.spaces(column) + Array("- ".utf8) + raw + [SourceText.newline] }
        } else if let dash = try? b.dash(before: start), b.startsLine(dash) {
            var end = closingCommentsEnd(after: b.lineEnd(item.span.end.offset), deeperThan: b.column(dash), in: b)
            if end > dash, b.bytes[end - 1] == SourceText.newline { end -= 1 }
            let delta = column - b.column(dash)
            return SourceText.reindent(commentLinesAbove(dash, in: b), by: delta, firstLineToo: true)
                + SourceText.reindent(b.slice(b.lineStart(dash)..<end), by: delta, firstLineToo: true) + [SourceText.newline]
        }
        return Array(YAMLEmitter().emitSequenceItem(Values.detached(item), indentation: column).utf8)
    }

    /// A flow list of a written again as `[x, y]` from a's items (with their inner edits), b's
    /// items and rendered ones.
    private func rebuildFlowSequence(_ nodeA: YAMLNode, parts: [Part], itemsB: [YAMLNode], flowB: Bool,
                                     inner: [TextEdit]) throws(SurgeryError) -> TextEdit {
        guard let itemsA = nodeA.items else { throw SurgeryError(reason: "not a sequence") }
        var texts: [String] = []
        var used = 0
        for part in parts {
            switch part {
            case .a(let index):
                let range = itemsA[index].span.byteRange
                let mine = inner.filter { range.contains($0.range.lowerBound) || $0.range.lowerBound == range.upperBound }
                used += mine.count
                texts.append(String(decoding: try a.render(range, edits: mine), as: UTF8.self))
            case .b(let index):
                let raw = b.slice(itemsB[index].span.byteRange)
                if flowB, !json, !raw.contains(SourceText.newline) {
                    texts.append(String(decoding: raw, as: UTF8.self))
                } else {
                    texts.append(flowText(of: itemsB[index]))
                }
            case .node(let node):
                texts.append(flowText(of: node))
            }
        }
        guard used == inner.count else { throw SurgeryError(reason: "an edit fell outside the kept items") }
        return TextEdit(range: nodeA.span.byteRange, text: Array(("[" + texts.joined(separator: ", ") + "]").utf8))
    }
}
