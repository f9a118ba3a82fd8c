/// Theirs' comment changes applied to ours' text, place by place (docs/merge.md, "Comments").
///
/// The structural merge already keeps ours' comments and brings theirs' with every value or
/// entry it takes from theirs. What it cannot see are comments theirs added, changed or deleted
/// around nodes it keeps from ours: this compares the three sides' comments anchor by anchor
/// (`CommentMap`) and edits ours' text:
/// - a comment line theirs added goes before the same node in ours (after ours' own lines
///   there, or after the line it followed in theirs);
/// - a comment line theirs deleted goes when ours still has it unchanged at that place;
/// - a trailing comment theirs added, changed or deleted is applied when ours' is still the
///   base's; when both changed it differently, ours' stays and theirs' becomes a line above.
/// A comment whose node is gone from the merge goes with it; edits inside text the structural
/// merge replaced are skipped (that text already comes whole from one side), except inside list
/// items it moves, which carry them (`TreeMerger.rebuildSequence`).
struct CommentMerge {
    /// One comment edit of ours' text, and when it applies.
    struct Edit {
        enum Condition { case always, anchorKept, anchorGone }
        var edit: TextEdit
        var anchor: String
        var condition: Condition
        /// Its position among the candidates (which ones a rebuilt list already applied).
        var number = 0

        /// Whether the edit applies given the anchors of the merged data.
        func applies(_ merged: Set<String>) -> Bool {
            switch condition {
            case .always: true
            case .anchorKept: merged.contains(anchor)
            case .anchorGone: !merged.contains(anchor)
            }
        }
    }

    let a: SourceText
    let base: CommentMap
    let mapA: CommentMap
    let mapB: CommentMap
    let b: SourceText

    /// Every comment edit, computed before the structural merge so that list items it moves
    /// can carry theirs (`rebuildSequence`).
    func candidates() -> [Edit] {
        var edits: [Edit] = []
        let addedByOurs = addedByOurs()
        let anchors = Set(mapB.lines.keys).union(base.lines.keys).sorted()
        for anchor in anchors where !anchor.hasPrefix("." + ConflictEntries.key) {
            edits += lineEdits(anchor, addedByOurs: addedByOurs)
        }
        let trailingAnchors = Set(mapB.trailing.keys).union(base.trailing.keys).sorted()
        for anchor in trailingAnchors where !anchor.hasPrefix("." + ConflictEntries.key) {
            if let edit = trailingEdit(anchor) { edits.append(Edit(edit: edit, anchor: anchor, condition: .anchorKept)) }
        }
        for index in edits.indices { edits[index].number = index }
        return edits
    }

    /// The comment lines ours added itself, wherever: theirs adding the same line elsewhere
    /// (where its node went, or above an entry it brings) does not write it twice.
    func addedByOurs() -> Set<String> {
        var added: Set<String> = []
        for (anchor, lines) in mapA.lines {
            var inBase = Self.counts(base.lines[anchor]?.map(\.text) ?? [])
            for line in lines {
                if inBase[line.text, default: 0] > 0 { inBase[line.text]! -= 1 } else { added.insert(line.text) }
            }
        }
        return added
    }

    /// The candidates a rebuilt list already wrote into the items it moved.
    final class Applied {
        var numbers: Set<Int> = []
    }

    /// The candidates that apply to the merge and fall outside the text it replaced (that text
    /// comes whole from one side, or was rebuilt with its own comments).
    static func edits(_ candidates: [Edit], merged: Set<String>, avoiding structural: [TextEdit], applied: Set<Int>) -> [TextEdit] {
        let replaced = structural.map(\.range).filter { !$0.isEmpty }
        return candidates.filter { !applied.contains($0.number) && $0.applies(merged) && free($0.edit.range, of: replaced) }.map(\.edit)
    }

    /// Whether an edit's range can go with `replaced` ones: an insertion not strictly inside any,
    /// a replacement overlapping none.
    static func free(_ range: Range<Int>, of replaced: [Range<Int>]) -> Bool {
        if range.isEmpty {
            return !replaced.contains { $0.lowerBound < range.lowerBound && range.lowerBound < $0.upperBound }
        }
        return !replaced.contains { $0.overlaps(range) }
    }

    /// Comment lines before one anchor: theirs' deletions and additions.
    private func lineEdits(_ anchor: String, addedByOurs: Set<String>) -> [Edit] {
        let baseLines = base.lines[anchor]?.map(\.text) ?? []
        let linesB = mapB.lines[anchor]?.map(\.text) ?? []
        guard baseLines != linesB else { return [] }
        let linesA = mapA.lines[anchor] ?? []
        var edits: [Edit] = []
        // Deleted by theirs: the base's lines theirs no longer has there. A side without any
        // comment says nothing about them, unless the node itself is gone.
        var remaining = Self.counts(linesB)
        var deleted: [String: Int] = [:]
        for text in baseLines {
            if remaining[text, default: 0] > 0 { remaining[text]! -= 1 } else { deleted[text, default: 0] += 1 }
        }
        var survivingA: [Int] = []
        for (index, line) in linesA.enumerated() {
            if deleted[line.text, default: 0] > 0 {
                deleted[line.text]! -= 1
                edits.append(Edit(edit: TextEdit(range: line.range, text: []), anchor: anchor,
                                  condition: mapB.isEmpty ? .anchorGone : .always))
            } else {
                survivingA.append(index)
            }
        }
        // Added by theirs: lines neither the base nor ours has there.
        guard let place = mapA.places[anchor] else { return edits }
        var inBase = Self.counts(baseLines)
        var inA = Self.counts(survivingA.map { linesA[$0].text })
        var added: [Bool] = []
        for text in linesB {
            if inBase[text, default: 0] > 0 {
                inBase[text]! -= 1
                added.append(false)
            } else if inA[text, default: 0] > 0 {
                inA[text]! -= 1
                added.append(false)
            } else if addedByOurs.contains(text) {
                added.append(false)
            } else {
                added.append(true)
            }
        }
        for (index, text) in linesB.enumerated() where added[index] {
            // After the line it follows in theirs when ours has that line, else before the line
            // it precedes, else just before the node (after ours' own lines there).
            var offset = place.offset
            if let previous = linesB[..<index].indices.last(where: { !added[$0] && position(of: linesB[$0], in: linesA, survivingA) != nil }) {
                offset = linesA[position(of: linesB[previous], in: linesA, survivingA)!].range.upperBound
            } else if let next = linesB[(index + 1)...].indices.first(where: { !added[$0] && position(of: linesB[$0], in: linesA, survivingA) != nil }) {
                offset = linesA[position(of: linesB[next], in: linesA, survivingA)!].range.lowerBound
            }
            let text = prefix(at: offset) + SourceText.spaces(place.column) + Array(text.utf8) + lineBreak
            edits.append(Edit(edit: TextEdit(range: offset..<offset, text: text), anchor: anchor, condition: .anchorKept))
        }
        return edits
    }

    /// ours' line break: CRLF when its first line ends with one.
    private var lineBreak: [UInt8] {
        guard let first = a.bytes.firstIndex(of: SourceText.newline), first > 0, a.bytes[first - 1] == 0x0D else { return [SourceText.newline] }
        return [0x0D, SourceText.newline]
    }

    /// A line break first when the insertion point is the end of a file without one.
    private func prefix(at offset: Int) -> [UInt8] {
        offset == a.bytes.count && !a.bytes.isEmpty && a.bytes.last != SourceText.newline ? lineBreak : []
    }

    private func position(of text: String, in lines: [CommentMap.Line], _ surviving: [Int]) -> Int? {
        surviving.first { lines[$0].text == text }
    }

    /// The comment after a node: theirs' change applied when ours' is the base's.
    private func trailingEdit(_ anchor: String) -> TextEdit? {
        let old = base.trailing[anchor]?.text, new = mapB.trailing[anchor]
        guard new?.text != old else { return nil }
        guard let line = mapA.lineOfNode[anchor] else {
            // Ours writes something after the node on its line (a flow collection): theirs'
            // comment goes on a line above.
            guard let new, let line = mapA.endLine[anchor] else { return nil }
            return lineAbove(line, new.text)
        }
        let ours = mapA.trailing[anchor]
        if ours?.text == new?.text { return nil }
        if ours?.text == old {
            guard let new else {
                guard !mapB.isEmpty else { return nil }
                return ours.map { TextEdit(range: $0.range, text: []) }
            }
            if let ours {
                let hash = ours.range.upperBound - ours.text.utf8.count
                return TextEdit(range: hash..<ours.range.upperBound, text: Array(new.text.utf8))
            }
            var end = a.lineEnd(line)
            while end > line, a.bytes[end - 1] == SourceText.newline || a.bytes[end - 1] == 0x0D { end -= 1 }
            let spacing = b.slice(new.range.lowerBound..<(new.range.upperBound - new.text.utf8.count))
            return TextEdit(range: end..<end, text: Array(spacing) + Array(new.text.utf8))
        }
        // Both changed it differently: ours' stays, theirs' goes on a line above.
        guard let new else { return nil }
        return lineAbove(line, new.text)
    }

    /// A comment line above the line starting at `line`, at its indentation.
    private func lineAbove(_ line: Int, _ text: String) -> TextEdit {
        var indent = line
        while indent < a.bytes.count, a.bytes[indent] == SourceText.space { indent += 1 }
        return TextEdit(range: line..<line, text: SourceText.spaces(indent - line) + Array(text.utf8) + lineBreak)
    }

    static func counts(_ texts: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for text in texts { counts[text, default: 0] += 1 }
        return counts
    }
}
