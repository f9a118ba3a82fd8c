import KaleidoKB
import KaleidoYAML

/// One merge of two parsed roots into a's text: the `_conflicts` lists first, then the fields,
/// then the schema check, the new conflict entries, and the re-parse that proves the text.
struct MergeRun {
    let a: SourceText
    let b: SourceText
    var baseText: SourceText?
    let hints: [FieldHint]
    let checker: (@Sendable (YAMLNode) -> [String])?
    /// Whether theirs' comment changes are merged (`CommentMerge`); off when settling a
    /// conflict, where the other side is an emitted text without comments.
    var mergesComments = false

    func merge(base: YAMLNode?, a rootA: YAMLNode, b rootB: YAMLNode, provenance: ConflictEntries.Provenance,
               extra: [FoundConflict] = []) -> RecordMergeResult {
        let (fieldsBase, entriesBase, _) = Self.split(base)
        let (splitA, entriesA, conflictsPairA) = Self.split(rootA)
        let (splitB, entriesB, conflictsPairB) = Self.split(rootB)
        let fieldsA = splitA ?? rootA, fieldsB = splitB ?? rootB
        var merger = TreeMerger(a: a, b: b, base: baseText, hints: hints)
        merger.json = TreeMerger.isJSON(rootA)
        merger.mergesComments = mergesComments
        // Comments cost nothing unless theirs or the base has one (a byte scan first).
        let baseHasComments = baseText.map { CommentMap.mayHoldComments($0.bytes) } ?? false
        if mergesComments, let baseText, baseHasComments {
            merger.baseComments = CommentMap.BaseLines(text: baseText)
        }
        // Theirs' comments to add, or the base's that ours still has and may have to delete
        // (none in a JSON record: JSON has no comments, and the file must stay JSON).
        if mergesComments, !merger.json, CommentMap.mayHoldComments(b.bytes) || (baseHasComments && CommentMap.mayHoldComments(a.bytes)),
           baseText.map({ !CommentMap.sameComments($0.bytes, b.bytes) }) ?? true {
            let mapBase = CommentMap(text: baseText ?? SourceText(bytes: []), root: base ?? YAMLNode(.mapping([], .flow)), hints: hints)
            let mapA = CommentMap(text: a, root: rootA, hints: hints)
            let comments = CommentMerge(a: a, base: mapBase, mapA: mapA, mapB: CommentMap(text: b, root: rootB, hints: hints), b: b)
            merger.commentEdits = comments.candidates()
            merger.commentsOursAdded = comments.addedByOurs()
            merger.itemAnchors = mapA.anchorAtLine
        }
        var edits: [TextEdit] = []
        let rootSlotA = Slot(region: rootA.span.byteRange, indicatorColumn: 0, kind: .root, inFlow: false, entryStart: nil)
        let rootSlotB = Slot(region: rootB.span.byteRange, indicatorColumn: 0, kind: .root, inFlow: false, entryStart: nil)
        let merged = merger.merge(base: fieldsBase, a: fieldsA, b: fieldsB, path: [], slotA: rootSlotA, slotB: rootSlotB, edits: &edits)
        var found = merger.conflicts + extra
        found += schemaConflicts(merged: merged, base: fieldsBase, a: fieldsA, b: fieldsB, known: found)

        // The `_conflicts` list: both sides' entries merged, then this merge's new ones.
        var (parts, entries) = ConflictEntries.merge(base: entriesBase, a: entriesA, b: entriesB)
        var seen = Set(entries.map(ConflictEntries.identity))
        var recorded: [FoundConflict] = []
        for conflict in found {
            let entry = ConflictEntries.node(conflict, provenance: provenance)
            guard seen.insert(ConflictEntries.identity(entry)).inserted else { continue }
            parts.append(.node(entry))
            entries.append(entry)
            recorded.append(conflict)
        }
        var expectedPairs = merged.pairs ?? []
        if !entries.isEmpty {
            expectedPairs.append(YAMLPair(key: ConflictEntries.scalar(ConflictEntries.key), value: YAMLNode(.sequence(entries, .block))))
        }
        let expected = YAMLNode(.mapping(expectedPairs, .block))
        let conflicts = recorded.map {
            MergeConflict(path: $0.path, base: ConflictEntries.text($0.base), ours: ConflictEntries.text($0.ours), theirs: ConflictEntries.text($0.theirs))
        }
        do {
            try conflictListEdits(rootA: fieldsA, pairA: conflictsPairA, pairB: conflictsPairB, parts: parts, entries: entries,
                                  merger: merger, edits: &edits)
            if !merger.commentEdits.isEmpty {
                edits += CommentMerge.edits(merger.commentEdits, merged: CommentMap.anchors(of: expected, hints: hints), avoiding: edits,
                                           applied: merger.appliedComments.numbers)
            }
            let bytes = try a.render(0..<a.bytes.count, edits: edits)
            // The proof: the text reads back as the merge. The compact reading proves it cheaply
            // for ordinary records; anything it cannot tell goes through the full tree.
            let provenCompactly = CompactParser().parse(bytes).map { Values.equal(expected, $0, $0.root) } ?? false
            if !provenCompactly {
                let reread = try YAMLParser().parseDocument(bytes).root
                guard Values.equal(reread, expected) else { throw SurgeryError(reason: "the edited text does not read back as the merge") }
            }
            return RecordMergeResult(bytes: bytes, conflicts: conflicts)
        } catch {
            let text = YAMLEmitter().emitDocument(Values.detached(expected))
            return RecordMergeResult(bytes: Array(text.utf8), conflicts: conflicts, reemitted: true)
        }
    }

    /// A root without its `_conflicts` pair, that pair's entries, and the pair itself.
    static func split(_ root: YAMLNode?) -> (YAMLNode?, [YAMLNode], YAMLPair?) {
        guard let root, case .mapping(let pairs, let style) = root.content else { return (root, [], nil) }
        guard let index = pairs.firstIndex(where: { Values.keyText($0.key) == ConflictEntries.key }) else { return (root, [], nil) }
        var rest = pairs
        let pair = rest.remove(at: index)
        let entries = (pair.value.items ?? []).filter { $0.pairs != nil }
        return (YAMLNode(.mapping(rest, style), tag: root.tag, anchor: root.anchor, span: root.span), entries, pair)
    }

    /// Writes the merged `_conflicts` list into a's text: a's list edited in place, or a new
    /// `_conflicts:` key after a's last field, or the key removed when no entry is left.
    private func conflictListEdits(rootA: YAMLNode?, pairA: YAMLPair?, pairB: YAMLPair?, parts: [TreeMerger.Part],
                                   entries: [YAMLNode], merger: TreeMerger, edits: inout [TextEdit]) throws(SurgeryError) {
        let itemsB = (pairB?.value.items ?? [])
        let flowB: Bool = { if case .sequence(_, .flow)? = pairB?.value.content { true } else { false } }()
        // Parts count b's entries among its mappings only (as `split` does); map them back.
        let mappingIndicesB = itemsB.indices.filter { itemsB[$0].pairs != nil }
        let fixedParts: [TreeMerger.Part] = parts.map { if case .b(let index) = $0 { .b(mappingIndicesB[index]) } else { $0 } }
        let flowRoot: Bool = { if case .mapping(_, .flow)? = rootA?.content { true } else { false } }()
        if let pairA {
            let itemsA = pairA.value.items ?? []
            let mappingIndicesA = itemsA.indices.filter { itemsA[$0].pairs != nil }
            let partsA: [TreeMerger.Part] = fixedParts.map { if case .a(let index) = $0 { .a(mappingIndicesA[index]) } else { $0 } }
            let unchanged = partsA.count == itemsA.count && partsA.enumerated().allSatisfy { if case .a(let index) = $0.element { index == $0.offset } else { false } }
            if unchanged { return }
            if entries.isEmpty, flowRoot, let rootA {
                edits.append(try flowPairRemoval(pairA, from: rootA))
                return
            }
            if entries.isEmpty {
                let keyStart = pairA.key.span.start.offset
                guard a.startsLine(keyStart) else { throw SurgeryError(reason: "_conflicts is not on its own line") }
                edits.append(TextEdit(range: a.lineStart(keyStart)..<a.lineEnd(pairA.value.span.end.offset), text: []))
                return
            }
            let slot = merger.valueSlot(pairA, in: a, flow: flowRoot)
            edits += try merger.rebuildSequence(pairA.value, slot: slot, parts: partsA, itemsB: itemsB, flowB: flowB, inner: [])
            return
        }
        guard !entries.isEmpty else { return }
        if flowRoot, let rootA {
            edits.append(try flowListInsertion(entries, into: rootA, merger: merger))
            return
        }
        guard let pairs = rootA?.pairs, let last = pairs.last, case .mapping(_, .block)? = rootA?.content else {
            throw SurgeryError(reason: "no block mapping to add _conflicts to")
        }
        let column = a.column(pairs[0].key.span.start.offset)
        var text = SourceText.spaces(column) + Array("\(ConflictEntries.key):\n".utf8)
        for (part, entry) in zip(fixedParts, entries) {
            if case .b(let index) = part {
                text += merger.itemText(itemsB[index], flowB: flowB, column: column + 2)
            } else {
                text += Array(YAMLEmitter().emitSequenceItem(Values.detached(entry), indentation: column + 2).utf8)
            }
        }
        let point = merger.insertionPoint(afterLineOf: last.value.span.end.offset)
        edits.append(TextEdit(range: point.offset..<point.offset, text: point.prefix + text))
    }

    /// Conflict entries for places the merge made invalid: invalid in the merged record, valid
    /// on both sides, and not already in conflict.
    private func schemaConflicts(merged: YAMLNode, base: YAMLNode?, a rootA: YAMLNode?, b rootB: YAMLNode?,
                                 known: [FoundConflict]) -> [FoundConflict] {
        guard let checker, let rootA, let rootB else { return [] }
        let before = Set(checker(rootA)).union(checker(rootB))
        var result: [FoundConflict] = []
        for pointer in checker(merged) where !before.contains(pointer) {
            let path = NodeLocator(hints: hints).path(of: pointer, in: merged)
            let text = MergePath.text(path)
            if known.contains(where: { $0.path == text || $0.path.hasPrefix(text + ".") || $0.path.hasPrefix(text + "[") || text.hasPrefix($0.path) }) { continue }
            if result.contains(where: { $0.path == text }) { continue }
            let locator = NodeLocator(hints: hints)
            result.append(FoundConflict(path: text, base: base.flatMap { locator.node(at: path, in: $0) },
                                        ours: locator.node(at: path, in: rootA), theirs: locator.node(at: path, in: rootB)))
        }
        return result
    }
}
