/// How `SourceFormatter` re-indents: every block collection that starts its own line moves to
/// two spaces under its parent (a mapping's value: the key's column + 2; a sequence item's:
/// the dash's column + 2); a sequence written at its key's column (`key:` then `- a`) stays at
/// the key's column, any other sequence goes to + 2. Every line moves with the innermost block
/// collection it stands in (comments, multi-line and block scalars included), by adding or
/// removing leading spaces only: nothing inside a line changes. Collections that do not start
/// their line (`- key: v`) move with that line.
///
/// Building a plan fails (nil) on shapes it does not handle (a block collection as a key, a
/// line with fewer spaces than it would lose); the formatter then leaves indentation alone.
struct IndentationPlan {
    /// A block collection's bytes (first entry to end) and how far its lines move.
    private struct Region {
        var start: Int
        var end: Int
        var delta: Int
        var depth: Int
    }

    private var regions: [Region] = []
    /// The line starts that move, and by how many columns.
    private(set) var lineDeltas: [(lineStart: Int, delta: Int)] = []
    var changedLines: Int { lineDeltas.count }

    init?(documents: [YAMLDocument], bytes: [UInt8]) {
        for document in documents {
            guard place(document.root, desired: 0, inherited: 0, depth: 0, bytes: bytes) else { return nil }
        }
        guard !regions.isEmpty else { return }
        var lineStart = 0
        while lineStart < bytes.count {
            let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let spaces = bytes[lineStart..<newline].prefix { $0 == UInt8(ascii: " ") }.count
            let first = lineStart + spaces
            if first < newline, bytes[first] != UInt8(ascii: "\r") {
                let owner = regions.filter { $0.start <= first && first <= $0.end }.max { $0.depth < $1.depth }
                if let delta = owner?.delta, delta != 0 {
                    guard spaces + delta >= 0 else { return nil }
                    lineDeltas.append((lineStart, delta))
                }
            }
            lineStart = newline + 1
        }
    }

    /// The bytes with each planned line's leading spaces changed.
    func apply(to bytes: [UInt8]) -> [UInt8] {
        var output = bytes
        for (lineStart, delta) in lineDeltas.reversed() {
            if delta > 0 {
                output.insert(contentsOf: repeatElement(UInt8(ascii: " "), count: delta), at: lineStart)
            } else {
                output.removeSubrange(lineStart..<(lineStart - delta))
            }
        }
        return output
    }

    /// The offset of the first byte of `offset`'s line.
    private static func lineStart(of offset: Int, in bytes: [UInt8]) -> Int {
        var start = offset
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        return start
    }

    /// Whether only spaces stand before `offset` on its line.
    private static func startsLine(_ offset: Int, in bytes: [UInt8]) -> Bool {
        bytes[lineStart(of: offset, in: bytes)..<offset].allSatisfy { $0 == UInt8(ascii: " ") }
    }

    /// Where a block collection's first entry stands: a mapping's first key, a sequence's
    /// first dash (found back from its first item over blanks). Nil when neither is found.
    private static func entry(of node: YAMLNode, in bytes: [UInt8]) -> Int? {
        switch node.content {
        case .mapping(let pairs, .block): return pairs.first?.key.span.start.offset
        case .sequence(let items, .block):
            guard let item = items.first else { return nil }
            var offset = item.span.start.offset - 1
            while offset >= 0, [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[offset]) { offset -= 1 }
            return offset >= 0 && bytes[offset] == UInt8(ascii: "-") ? offset : nil
        default: return nil
        }
    }

    private static func isBlockCollection(_ node: YAMLNode) -> Bool {
        switch node.content {
        case .mapping(_, .block), .sequence(_, .block): true
        default: false
        }
    }

    /// Plans `node` (a block collection, or anything else, which moves with its line) and its
    /// children. `desired` is its column when it starts its own line, `inherited` the delta of
    /// the line it starts on otherwise. False when the shape is not handled.
    private mutating func place(_ node: YAMLNode, desired: Int, inherited: Int, depth: Int, bytes: [UInt8]) -> Bool {
        guard Self.isBlockCollection(node) else { return true }
        guard let entry = Self.entry(of: node, in: bytes) else { return false }
        let column = entry - Self.lineStart(of: entry, in: bytes)
        let delta = Self.startsLine(entry, in: bytes) ? desired - column : inherited
        regions.append(Region(start: entry, end: node.span.end.offset, delta: delta, depth: depth))
        let newColumn = column + delta
        switch node.content {
        case .mapping(let pairs, _):
            for pair in pairs {
                guard !Self.isBlockCollection(pair.key) else { return false }
                let value = pair.value
                guard Self.isBlockCollection(value) else { continue }
                guard let valueEntry = Self.entry(of: value, in: bytes) else { return false }
                let valueColumn = valueEntry - Self.lineStart(of: valueEntry, in: bytes)
                let target: Int
                if case .sequence = value.content, valueColumn == column {
                    target = newColumn
                } else {
                    target = newColumn + 2
                }
                guard place(value, desired: target, inherited: delta, depth: depth + 1, bytes: bytes) else { return false }
            }
        case .sequence(let items, _):
            for item in items where Self.isBlockCollection(item) {
                guard place(item, desired: newColumn + 2, inherited: delta, depth: depth + 1, bytes: bytes) else { return false }
            }
        default:
            break
        }
        return true
    }
}
