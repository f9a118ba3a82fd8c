/// One YAML document in flat arrays: the nodes in document order (pre-order), each knowing
/// where its subtree ends, and every scalar's presented text in one shared byte buffer.
///
/// This is the read-only form for the hot paths (validating and indexing every record of a
/// large KB): building it allocates a handful of arrays per file instead of a `YAMLNode` per
/// node, and reading it is index arithmetic. It cannot be edited or re-emitted; the merge and
/// the emitter keep using `YAMLNode` trees.
///
/// Layout: node 0 is the root. A collection's children follow it directly: a sequence's items
/// in order; a mapping's keys and values alternating (key, value, key, value…). The next
/// sibling of node `n` is `end(n)`, the index one past `n`'s subtree.
///
/// Source positions are kept as libyaml's character indexes or, from `RecordSubsetReader`, as
/// byte offsets, and turned into `SourceSpan`s only when asked (`span(of:)`), with a
/// `SourceMap` built on the first request.
///
/// Not thread-safe (the lazily built map is cached inside): use a document from one task.
public final class CompactDocument {
    /// What a node is.
    public enum Kind: UInt8, Sendable {
        case scalar = 0, sequence = 1, mapping = 2
    }

    @usableFromInline
    struct Entry {
        /// `Kind` in the low 2 bits; for scalars the `ScalarStyle` code above them (bits 2–4)
        /// and `keyFlag` for a mapping key; for collections bit 2 tells a flow collection.
        @usableFromInline var kindAndStyle: UInt8
        /// Index one past the node's subtree.
        @usableFromInline var end: UInt32
        /// Children: items, or pairs for a mapping.
        @usableFromInline var count: UInt32
        /// The scalar's presented text is `text[textStart..<textEnd]`.
        @usableFromInline var textStart: UInt32
        @usableFromInline var textEnd: UInt32
        /// Where the node's source starts and ends: libyaml's character indexes, or byte
        /// offsets when `positionsAreBytes` (see `SourceMap`).
        @usableFromInline var sourceStart: UInt32
        @usableFromInline var sourceEnd: UInt32
    }

    @usableFromInline let entries: [Entry]
    @usableFromInline let text: [UInt8]
    /// The file's bytes, for spans.
    let source: [UInt8]
    /// Whether `sourceStart`/`sourceEnd` are byte offsets rather than character indexes.
    let positionsAreBytes: Bool
    private var map: SourceMap?

    init(entries: [Entry], text: [UInt8], source: [UInt8], positionsAreBytes: Bool) {
        self.entries = entries
        self.text = text
        self.source = source
        self.positionsAreBytes = positionsAreBytes
    }

    /// The root node's index.
    public var root: Int { 0 }

    /// The `kindAndStyle` bit of a scalar that is a mapping key.
    @usableFromInline static let keyFlag: UInt8 = 0x20

    /// Whether the node is a key of a mapping.
    @inlinable public func isKey(_ node: Int) -> Bool { entries[node].kindAndStyle & Self.keyFlag != 0 }

    /// Whether some plain scalar that is a value (not a key) passes `screen` on its first byte
    /// and then `test` on its text: one pass over the nodes, no path, no tree walk.
    public func containsPlainValue(firstByte screen: (UInt8) -> Bool, where test: (String) -> Bool) -> Bool {
        for node in entries.indices {
            let entry = entries[node]
            // A plain scalar that is not a key: kind 0, style 0, no key flag.
            guard entry.kindAndStyle == 0, entry.textEnd > entry.textStart, screen(text[Int(entry.textStart)]) else { continue }
            if test(string(node)) { return true }
        }
        return false
    }

    /// How many nodes the document has.
    public var nodeCount: Int { entries.count }

    @inlinable public func kind(_ node: Int) -> Kind {
        Kind(rawValue: entries[node].kindAndStyle & 3) ?? .scalar
    }

    /// A scalar's style (`.plain` for a collection).
    @inlinable public func scalarStyle(_ node: Int) -> ScalarStyle {
        switch entries[node].kindAndStyle & 0x1F {
        case 4: return .singleQuoted
        case 8: return .doubleQuoted
        case 12: return .literal
        case 16: return .folded
        default: return .plain
        }
    }

    /// A collection's style (`.block` for a scalar).
    @inlinable public func collectionStyle(_ node: Int) -> CollectionStyle {
        entries[node].kindAndStyle & 3 != 0 && entries[node].kindAndStyle & 4 != 0 ? .flow : .block
    }

    /// Items of a sequence, pairs of a mapping, 0 for a scalar.
    @inlinable public func count(_ node: Int) -> Int { Int(entries[node].count) }

    /// The index one past the node's subtree: its next sibling, when it has one.
    @inlinable public func end(_ node: Int) -> Int { Int(entries[node].end) }

    /// The indexes of a collection's children (items, or keys and values alternating).
    @inlinable public func children(_ node: Int) -> CompactChildren {
        CompactChildren(entries: entries, first: node + 1, end: Int(entries[node].end))
    }

    /// Calls `body` with the presented bytes of a scalar (empty for a collection).
    @inlinable public func withScalarBytes<R>(_ node: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let entry = entries[node]
        return try text.withUnsafeBufferPointer { buffer in
            try body(UnsafeBufferPointer(rebasing: buffer[Int(entry.textStart)..<Int(entry.textEnd)]))
        }
    }

    /// Whether a scalar's presented text is exactly `string`.
    @inlinable public func scalar(_ node: Int, equals string: String) -> Bool {
        let entry = entries[node]
        guard entry.kindAndStyle & 3 == 0 else { return false }
        var string = string
        return string.withUTF8 { wanted in
            guard wanted.count == Int(entry.textEnd - entry.textStart) else { return false }
            return text.withUnsafeBufferPointer { buffer in
                memcmpEqual(buffer.baseAddress.map { $0 + Int(entry.textStart) }, wanted.baseAddress, wanted.count)
            }
        }
    }

    /// A scalar's presented text (empty for a collection).
    public func string(_ node: Int) -> String {
        withScalarBytes(node) { String(decoding: $0, as: UTF8.self) }
    }

    /// The value of `key` in a mapping (keys compared by their presented text), or nil.
    public func value(in mapping: Int, forKey key: String) -> Int? {
        guard kind(mapping) == .mapping else { return nil }
        var child = mapping + 1
        let end = self.end(mapping)
        while child < end {
            let value = self.end(child)
            if scalar(child, equals: key) { return value }
            child = self.end(value)
        }
        return nil
    }

    /// Where a node stands in the source, exactly as `YAMLParser` reports it: a block scalar
    /// ends at its last non-blank character, a block collection where its last child ends.
    public func span(of node: Int) -> SourceSpan {
        if map == nil { map = try? SourceMap(source) }
        guard var sourceMap = map else { return .none }
        let entry = entries[node]
        let start = mark(&sourceMap, Int(entry.sourceStart))
        var end: SourceMark
        switch (kind(node), scalarStyle(node), collectionStyle(node)) {
        case (.scalar, .literal, _), (.scalar, .folded, _):
            end = mark(&sourceMap, Int(entry.sourceEnd))
            var offset = end.offset
            while offset > start.offset, [0x20, 0x09, 0x0A, 0x0D].contains(source[offset - 1]) { offset -= 1 }
            end = sourceMap.mark(byteOffset: offset)
        case (.sequence, _, .block), (.mapping, _, .block):
            map = sourceMap
            guard let last = children(node).reversed().first else { return SourceSpan(start: start, end: start) }
            return SourceSpan(start: start, end: span(of: last).end)
        default:
            end = mark(&sourceMap, Int(entry.sourceEnd))
        }
        map = sourceMap
        return SourceSpan(start: start, end: end)
    }

    private func mark(_ sourceMap: inout SourceMap, _ position: Int) -> SourceMark {
        positionsAreBytes ? sourceMap.mark(byteOffset: position) : sourceMap.mark(characterIndex: position)
    }
}

/// Compares `count` bytes (both pointers may be nil only when `count` is 0).
@usableFromInline
func memcmpEqual(_ lhs: UnsafePointer<UInt8>?, _ rhs: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
    guard count > 0 else { return true }
    guard let lhs, let rhs else { return false }
    for index in 0..<count where lhs[index] != rhs[index] { return false }
    return true
}

/// The children of one collection of a `CompactDocument`, as node indexes.
public struct CompactChildren: Sequence {
    @usableFromInline let entries: [CompactDocument.Entry]
    @usableFromInline let first: Int
    @usableFromInline let end: Int

    @inlinable init(entries: [CompactDocument.Entry], first: Int, end: Int) {
        self.entries = entries
        self.first = first
        self.end = end
    }

    public struct Iterator: IteratorProtocol {
        @usableFromInline let entries: [CompactDocument.Entry]
        @usableFromInline var cursor: Int
        @usableFromInline let end: Int

        @inlinable init(entries: [CompactDocument.Entry], cursor: Int, end: Int) {
            self.entries = entries
            self.cursor = cursor
            self.end = end
        }

        @inlinable public mutating func next() -> Int? {
            guard cursor < end else { return nil }
            let current = cursor
            cursor = Int(entries[current].end)
            return current
        }
    }

    @inlinable public func makeIterator() -> Iterator { Iterator(entries: entries, cursor: first, end: end) }
}
