import KaleidoKB
import KaleidoYAML

/// Where a node stands in its side's text, which says how to replace it whole.
struct Slot {
    enum Kind { case mappingValue, blockItem, flowItem, root }
    /// From just after the indicator (`:` or `-`) to the node's last character; the node's own
    /// span for flow items and the root.
    var region: Range<Int>
    /// The column of the key or of the `-` (what the node's indentation is relative to).
    var indicatorColumn: Int
    var kind: Kind
    /// Whether the node sits inside a flow collection (only one-line flow text fits there).
    var inFlow: Bool
    /// The start of the line of the key or `-`, when it starts a line (where kept comments go).
    var entryStart: Int?
}

/// A conflict found while merging, with the competing nodes (nil = absent on that side).
struct FoundConflict {
    var path: String
    var base: YAMLNode?
    var ours: YAMLNode?
    var theirs: YAMLNode?
}

/// The recursive three-way merge of one document, following docs/merge.md's table, that writes its
/// result as edits to the text base `a` (ours for the driver, the winner for the symmetric rule).
/// `b` is the other side. Every decision returns the merged node (as data) and, when it differs
/// from `a`'s node, appends the edits that turn `a`'s text into it.
struct TreeMerger {
    let a: SourceText
    let b: SourceText
    /// The base's text, when there is a base (only used to compare values quickly).
    let baseText: SourceText?
    let hints: [FieldHint]
    var conflicts: [FoundConflict] = []
    /// Whether comments are merged (the merge driver and the sync; not settling a conflict).
    var mergesComments = false
    /// The base's comment lines, when comments are merged: those inside a node a side deleted
    /// go with it; only the lines ours added there are kept.
    var baseComments: CommentMap.BaseLines?
    /// Theirs' comment edits of a's text (`CommentMerge`), when comments are merged: list items
    /// a rebuilt list moves take theirs along.
    var commentEdits: [CommentMerge.Edit] = []
    /// Which of them a rebuilt list wrote (shared by the copies of this merger).
    let appliedComments = CommentMerge.Applied()
    /// The comment lines ours added (not in the base): not brought a second time above an entry
    /// taken from theirs.
    var commentsOursAdded: Set<String> = []
    /// a's entry anchors by line start (which item a comment edit belongs to).
    var itemAnchors: [Int: String] = [:]
    /// Whether a's record is a JSON object: new flow text is then written as JSON.
    var json = false

    init(a: SourceText, b: SourceText, base: SourceText?, hints: [FieldHint]) {
        self.a = a
        self.b = b
        self.baseText = base
        self.hints = hints
    }

    /// Two parsed nodes whose source bytes are identical from the same column hold the same
    /// value (a block scalar with an explicit indentation indicator excepted: it depends on the
    /// parent's indentation). A fast path before the typed comparison.
    static func sameSource(_ x: YAMLNode, _ textX: SourceText, _ y: YAMLNode, _ textY: SourceText) -> Bool {
        let rangeX = x.span.byteRange, rangeY = y.span.byteRange
        guard rangeX.count == rangeY.count, x.span.start.column == y.span.start.column,
              rangeX.upperBound <= textX.bytes.count, rangeY.upperBound <= textY.bytes.count else { return false }
        return textX.bytes.withUnsafeBufferPointer { bufferX in
            textY.bytes.withUnsafeBufferPointer { bufferY in
                var index = 0
                var previous: UInt8 = 0
                while index < rangeX.count {
                    let byte = bufferX[rangeX.lowerBound + index]
                    guard byte == bufferY[rangeY.lowerBound + index] else { return false }
                    if byte >= 0x31 && byte <= 0x39 && (previous == 0x7C || previous == 0x3E) { return false }
                    previous = byte
                    index += 1
                }
                return true
            }
        }
    }

    func equalAB(_ x: YAMLNode, _ y: YAMLNode) -> Bool {
        Self.sameSource(x, a, y, b) || Values.equal(x, y)
    }

    func equalBase(_ base: YAMLNode, _ node: YAMLNode, isA: Bool) -> Bool {
        if let baseText, Self.sameSource(base, baseText, node, isA ? a : b) { return true }
        return Values.equal(base, node)
    }

    /// Merges a value present on both sides.
    mutating func merge(base: YAMLNode?, a nodeA: YAMLNode, b nodeB: YAMLNode, path: [PathStep],
                        slotA: Slot, slotB: Slot, edits: inout [TextEdit]) -> YAMLNode {
        if equalAB(nodeA, nodeB) { return nodeA }
        if let base, equalBase(base, nodeB, isA: false) { return nodeA }
        let atomic = MergePath.hint(for: path, in: hints)?.atomic ?? false
        let baseKind = base.map(Values.kind)
        let kindA = Values.kind(nodeA), kindB = Values.kind(nodeB)
        if !atomic, kindA == kindB, baseKind == nil || baseKind == kindA {
            if kindA == .mapping {
                return mergeMapping(base: base, a: nodeA, b: nodeB, path: path, slotA: slotA, slotB: slotB, edits: &edits)
            }
            if kindA == .sequence {
                return mergeSequence(base: base, a: nodeA, b: nodeB, path: path, slotA: slotA, slotB: slotB, edits: &edits)
            }
        }
        if let base, equalBase(base, nodeA, isA: true) {
            return take(nodeB, from: slotB, replacing: nodeA, at: slotA, edits: &edits)
        }
        if !atomic, let textA = Values.string(nodeA), let textB = Values.string(nodeB),
           textA.contains("\n") || textB.contains("\n") || (Values.string(base)?.contains("\n") ?? false),
           base == nil || Values.string(base) != nil
        {
            let baseLines = (Values.string(base) ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let linesA = textA.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let linesB = textB.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if let merged = Diff3.merge(base: base == nil ? [] : baseLines, ours: linesA, theirs: linesB) {
                let text = merged.joined(separator: "\n")
                let node = YAMLNode(.scalar(text, .literal))
                edits.append(render(node, at: slotA, like: nodeA))
                return node
            }
        }
        conflict(path, base: base, ours: nodeA, theirs: nodeB)
        return nodeA
    }

    mutating func conflict(_ path: [PathStep], base: YAMLNode?, ours: YAMLNode?, theirs: YAMLNode?) {
        conflicts.append(FoundConflict(path: MergePath.text(path), base: base, ours: ours, theirs: theirs))
    }

    // MARK: Mappings

    mutating func mergeMapping(base: YAMLNode?, a nodeA: YAMLNode, b nodeB: YAMLNode, path: [PathStep],
                               slotA: Slot, slotB: Slot, edits: inout [TextEdit]) -> YAMLNode {
        guard case .mapping(let pairsA, let styleA) = nodeA.content, case .mapping(let pairsB, let styleB) = nodeB.content else { return nodeA }
        let pairsBase = base?.pairs ?? []
        // Positions, not pairs: a dictionary of pairs would copy both nodes of every pair. Sized
        // up front so that no dictionary grows while it is filled.
        var basePositions = [String: Int](minimumCapacity: pairsBase.count)
        for (index, pair) in pairsBase.enumerated() { basePositions[Values.keyText(pair.key)] = index }
        let baseIndex = PairIndex(pairs: pairsBase, positions: basePositions)
        var indexB = [String: Int](minimumCapacity: pairsB.count)
        for (index, pair) in pairsB.enumerated() { indexB[Values.keyText(pair.key)] = index }
        let keysA = pairsA.map { Values.keyText($0.key) }
        let setA = Set(keysA)

        enum Entry { case a(Int, YAMLNode), b(Int) }
        var entries: [Entry] = []
        var inner: [TextEdit] = []
        var deleted: [Int] = []
        for (index, pair) in pairsA.enumerated() {
            let key = keysA[index]
            let bIndex = indexB[key]
            // Most fields are equal on both sides: `merge` would return a's value at once, so
            // skip building its path and slots.
            if let bIndex, equalAB(pair.value, pairsB[bIndex].value) {
                entries.append(.a(index, pair.value))
                continue
            }
            let step = path + [.key(key)]
            let basePair = baseIndex[key]
            if let bIndex {
                let pairB = pairsB[bIndex]
                let merged = merge(base: basePair?.value, a: pair.value, b: pairB.value, path: step,
                                   slotA: valueSlot(pair, in: a, flow: styleA == .flow),
                                   slotB: valueSlot(pairB, in: b, flow: styleB == .flow), edits: &inner)
                entries.append(.a(index, merged))
            } else if let basePair {
                if equalBase(basePair.value, pair.value, isA: true) {
                    deleted.append(index)
                } else {
                    conflict(step, base: basePair.value, ours: pair.value, theirs: nil)
                    entries.append(.a(index, pair.value))
                }
            } else {
                entries.append(.a(index, pair.value))
            }
        }
        // Keys only in b: added by b, or deleted by a (dropped unless b edited them).
        var additions: [(after: Int?, bIndex: Int)] = []
        for (bIndex, pair) in pairsB.enumerated() {
            let key = Values.keyText(pair.key)
            guard !setA.contains(key) else { continue }
            if let basePair = baseIndex[key] {
                if equalBase(basePair.value, pair.value, isA: false) { continue }
                conflict(path + [.key(key)], base: basePair.value, ours: nil, theirs: pair.value)
            }
            // After the neighbour, and after the keys only a added there (ours first at one place).
            var after = previousKeptInA(before: bIndex, pairsB: pairsB, keysA: keysA, deleted: deleted)
            while true {
                let next = (after ?? -1) + 1
                guard next < keysA.count, indexB[keysA[next]] == nil, baseIndex[keysA[next]] == nil else { break }
                after = next
            }
            additions.append((after, bIndex))
        }
        // Place b's additions in the entries after their neighbour (ours first at one place).
        for addition in additions {
            var position = 0
            if let after = addition.after, let found = entries.firstIndex(where: { if case .a(let i, _) = $0 { i == after } else { false } }) {
                position = found + 1
            }
            while position < entries.count, case .b = entries[position] { position += 1 }
            entries.insert(.b(addition.bIndex), at: position)
        }
        let mergedPairs: [YAMLPair] = entries.map {
            switch $0 {
            case .a(let index, let value): YAMLPair(key: pairsA[index].key, value: value)
            case .b(let index): pairsB[index]
            }
        }
        let merged = YAMLNode(.mapping(mergedPairs, styleA), tag: nodeA.tag, anchor: nodeA.anchor, span: nodeA.span)
        guard !deleted.isEmpty || !additions.isEmpty else {
            edits += inner
            return merged
        }
        do {
            var structural: [TextEdit] = []
            if mergedPairs.isEmpty {
                structural.append(TextEdit(range: slotA.region, text: Array((slotA.kind == .flowItem || slotA.kind == .root ? "{}" : " {}").utf8)))
                structural += keptComments(in: nodeA, at: slotA)
            } else if styleA == .flow {
                structural = inner + (try flowMappingEdits(nodeA, pairsA: pairsA, pairsB: pairsB, flowB: styleB == .flow,
                                                           deleted: deleted, additions: additions))
            } else {
                try blockMappingEdits(pairsA: pairsA, pairsB: pairsB, flowB: styleB == .flow, deleted: deleted,
                                      additions: additions, edits: &structural)
                structural = inner + structural
            }
            edits += structural
        } catch {
            edits.append(render(merged, at: slotA, like: nodeA))
        }
        return merged
    }

    /// Base pairs looked up by key text (what a dictionary of pairs was, without the copies).
    private struct PairIndex {
        let pairs: [YAMLPair]
        let positions: [String: Int]
        subscript(key: String) -> YAMLPair? { positions[key].map { pairs[$0] } }
    }

    /// The index in a's pairs of the nearest key before `bIndex` in b's order that a keeps.
    private func previousKeptInA(before bIndex: Int, pairsB: [YAMLPair], keysA: [String], deleted: [Int]) -> Int? {
        var index = bIndex - 1
        while index >= 0 {
            let key = Values.keyText(pairsB[index].key)
            if let found = keysA.firstIndex(of: key), !deleted.contains(found) { return found }
            index -= 1
        }
        return nil
    }

    /// The slot of a pair's value: from just after its `:` to the value's end.
    func valueSlot(_ pair: YAMLPair, in text: SourceText, flow: Bool) -> Slot {
        let keyStart = pair.key.span.start.offset
        let afterColon = (try? text.afterColon(keyEnd: pair.key.span.end.offset)) ?? pair.value.span.start.offset
        let end = max(afterColon, pair.value.span.end.offset)
        return Slot(region: afterColon..<end, indicatorColumn: text.column(keyStart), kind: .mappingValue, inFlow: flow,
                    entryStart: text.startsLine(keyStart) ? text.lineStart(keyStart) : nil)
    }
}
