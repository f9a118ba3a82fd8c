import KaleidoKB
import KaleidoYAML

/// Sequences: lists of mappings matched by key (`id` or the schema's `x-merge-key`), other
/// lists merged element by element.
extension TreeMerger {
    mutating func mergeSequence(base: YAMLNode?, a nodeA: YAMLNode, b nodeB: YAMLNode, path: [PathStep],
                                slotA: Slot, slotB: Slot, edits: inout [TextEdit]) -> YAMLNode {
        guard case .sequence(let itemsA, let styleA) = nodeA.content, case .sequence(let itemsB, let styleB) = nodeB.content else { return nodeA }
        let itemsBase = base?.items ?? []
        let flowA = styleA == .flow, flowB = styleB == .flow
        var inner: [TextEdit] = []
        var parts: [Part]
        var merged: [YAMLNode]
        let fields = MergePath.hint(for: path, in: hints)?.mergeKey
            ?? ((itemsA + itemsB + itemsBase).contains { $0.pairs != nil && $0["id"] != nil } ? ["id"] : nil)
        if let fields {
            guard let keysA = Self.keys(itemsA, fields), let keysB = Self.keys(itemsB, fields),
                  let keysBase = Self.keys(itemsBase, fields)
            else {
                // Items without their key or with a duplicate one cannot be matched: the list is one value.
                if let base, Values.equal(base, nodeA) { return take(nodeB, from: slotB, replacing: nodeA, at: slotA, edits: &edits) }
                conflict(path, base: base, ours: nodeA, theirs: nodeB)
                return nodeA
            }
            (parts, merged) = mergeKeyed(itemsBase: itemsBase, itemsA: itemsA, itemsB: itemsB,
                                         keys: (keysBase, keysA, keysB), fields: fields, path: path,
                                         flow: (flowA, flowB), inner: &inner)
        } else {
            (parts, merged) = mergeElements(itemsBase: itemsBase, itemsA: itemsA, itemsB: itemsB, path: path)
        }
        let result = YAMLNode(.sequence(merged, styleA), tag: nodeA.tag, anchor: nodeA.anchor, span: nodeA.span)
        let unchangedList = parts.count == itemsA.count && parts.enumerated().allSatisfy { if case .a(let index) = $0.element { index == $0.offset } else { false } }
        if unchangedList {
            edits += inner
            return result
        }
        // b's list as it stands (an addition or deletion only b made): b's text.
        if inner.isEmpty, parts.count == itemsB.count, parts.enumerated().allSatisfy({ if case .b(let index) = $0.element { index == $0.offset } else { false } }) {
            return take(nodeB, from: slotB, replacing: nodeA, at: slotA, edits: &edits)
        }
        do {
            edits += try rebuildSequence(nodeA, slot: slotA, parts: parts, itemsB: itemsB, flowB: flowB, inner: inner)
        } catch {
            edits.append(render(result, at: slotA, like: nodeA))
        }
        return result
    }

    /// Each item's key (its `fields` values together), or nil when one is not a mapping or two
    /// items share a key.
    static func keys(_ items: [YAMLNode], _ fields: [String]) -> [String]? {
        var keys: [String] = []
        var seen = Set<String>()
        for item in items {
            guard item.pairs != nil else { return nil }
            let values = fields.map { item[$0] }
            if values.allSatisfy({ $0 == nil }) { return nil }
            let key = values.map { $0.map(Values.canonical) ?? "~" }.joined(separator: "\u{1F}")
            guard seen.insert(key).inserted else { return nil }
            keys.append(key)
        }
        return keys
    }

    /// How a keyed item is named in a conflict path: its key values joined by commas.
    static func displayKey(_ item: YAMLNode, _ fields: [String]) -> String {
        fields.map { item[$0]?.scalarText ?? "" }.joined(separator: ",")
    }

    /// Matches items by key: a's order (b's when only b reordered the items both kept), b's
    /// additions after their neighbour, deletions applied unless the other side edited the item.
    private mutating func mergeKeyed(itemsBase: [YAMLNode], itemsA: [YAMLNode], itemsB: [YAMLNode],
                                     keys: (base: [String], a: [String], b: [String]), fields: [String],
                                     path: [PathStep], flow: (a: Bool, b: Bool), inner: inout [TextEdit]) -> ([Part], [YAMLNode]) {
        var baseByKey: [String: YAMLNode] = [:]
        for (index, key) in keys.base.enumerated() { baseByKey[key] = itemsBase[index] }
        var indexA: [String: Int] = [:], indexB: [String: Int] = [:]
        for (index, key) in keys.a.enumerated() { indexA[key] = index }
        for (index, key) in keys.b.enumerated() { indexB[key] = index }
        let common = Set(keys.base).intersection(indexA.keys).intersection(indexB.keys)
        let orderBase = keys.base.filter(common.contains), orderA = keys.a.filter(common.contains), orderB = keys.b.filter(common.contains)
        let fromB = orderA == orderBase && orderB != orderBase
        var order = fromB ? keys.b : keys.a
        let other = fromB ? keys.a : keys.b
        var placed = Set(order)
        let otherSet = Set(other)
        for (position, key) in other.enumerated() where !placed.contains(key) {
            var insertAt = 0
            if let previous = other[..<position].last(where: placed.contains), let found = order.firstIndex(of: previous) {
                insertAt = found + 1
            }
            while insertAt < order.count, !otherSet.contains(order[insertAt]) { insertAt += 1 }
            order.insert(key, at: insertAt)
            placed.insert(key)
        }
        var parts: [Part] = []
        var merged: [YAMLNode] = []
        for key in order {
            let baseItem = baseByKey[key]
            let itemA = indexA[key].map { itemsA[$0] }, itemB = indexB[key].map { itemsB[$0] }
            let name = Self.displayKey((itemA ?? itemB)!, fields)
            let step = path + [.keyed(name)]
            switch (itemA, itemB) {
            case (let itemA?, let itemB?):
                let node = merge(base: baseItem, a: itemA, b: itemB, path: step,
                                 slotA: itemSlot(itemA, in: a, flow: flow.a), slotB: itemSlot(itemB, in: b, flow: flow.b), edits: &inner)
                parts.append(.a(indexA[key]!))
                merged.append(node)
            case (let itemA?, nil):
                if let baseItem {
                    if Values.equal(baseItem, itemA) { continue }
                    conflict(step, base: baseItem, ours: itemA, theirs: nil)
                }
                parts.append(.a(indexA[key]!))
                merged.append(itemA)
            case (nil, let itemB?):
                if let baseItem {
                    if Values.equal(baseItem, itemB) { continue }
                    conflict(step, base: baseItem, ours: nil, theirs: itemB)
                }
                parts.append(.b(indexB[key]!))
                merged.append(itemB)
            case (nil, nil):
                continue
            }
        }
        return (parts, merged)
    }

    /// Merges a list element by element: removals and insertions of both sides applied, both
    /// sides' insertions at one place kept (a's first), a conflict when both replaced one element
    /// differently, and when one side removed an element the other replaced (the replacement stays).
    private mutating func mergeElements(itemsBase: [YAMLNode], itemsA: [YAMLNode], itemsB: [YAMLNode],
                                        path: [PathStep]) -> ([Part], [YAMLNode]) {
        let base = itemsBase.map(Values.canonical), listA = itemsA.map(Values.canonical), listB = itemsB.map(Values.canonical)
        let alignA = Alignment(base: base, side: listA), alignB = Alignment(base: base, side: listB)
        var parts: [Part] = []
        var merged: [YAMLNode] = []
        for gap in 0...base.count {
            let insertedA = alignA.insertions[gap], insertedB = alignB.insertions[gap]
            let removedHere = gap < base.count && alignA.match[gap] == nil && alignB.match[gap] == nil
            let valuesA = insertedA.map { listA[$0] }, valuesB = insertedB.map { listB[$0] }
            // A conflict names the position of the provisional value in the merged list.
            let position = merged.count
            for index in insertedA {
                parts.append(.a(index))
                merged.append(itemsA[index])
            }
            if valuesA != valuesB {
                // Both replaced the element differently, or one removed what the other replaced.
                let bothReplaced = removedHere && !insertedA.isEmpty && !insertedB.isEmpty
                if removedHere && (bothReplaced || insertedA.isEmpty != insertedB.isEmpty) {
                    conflict(path + [.index(position)], base: itemsBase[gap],
                             ours: Self.value(insertedA.map { itemsA[$0] }), theirs: Self.value(insertedB.map { itemsB[$0] }))
                }
                if !bothReplaced {
                    let seen = Set(valuesA)
                    for index in insertedB where !seen.contains(listB[index]) {
                        parts.append(.b(index))
                        merged.append(itemsB[index])
                    }
                }
            }
            if gap < base.count, let indexA = alignA.match[gap], alignB.match[gap] != nil {
                parts.append(.a(indexA))
                merged.append(itemsA[indexA])
            }
        }
        return (parts, merged)
    }

    /// One element as itself, several as a list, none as absent (for conflict entries).
    static func value(_ items: [YAMLNode]) -> YAMLNode? {
        switch items.count {
        case 0: nil
        case 1: items[0]
        default: YAMLNode(.sequence(items, .block))
        }
    }

    /// The slot of a sequence item: after its `-` in block style, its own span in flow style.
    func itemSlot(_ item: YAMLNode, in text: SourceText, flow: Bool) -> Slot {
        let start = item.span.start.offset
        if flow || item.span.byteRange.isEmpty && start == 0 {
            return Slot(region: item.span.byteRange, indicatorColumn: text.column(start), kind: .flowItem, inFlow: true, entryStart: nil)
        }
        guard let dash = try? text.dash(before: start) else {
            return Slot(region: item.span.byteRange, indicatorColumn: max(0, text.column(start) - 2), kind: .blockItem, inFlow: false, entryStart: nil)
        }
        return Slot(region: (dash + 1)..<max(dash + 1, item.span.end.offset), indicatorColumn: text.column(dash), kind: .blockItem,
                    inFlow: false, entryStart: text.startsLine(dash) ? text.lineStart(dash) : nil)
    }
}
