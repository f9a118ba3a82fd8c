/// Builds a `CompactDocument` from a stream of nodes in document order, and refuses what only
/// the tree parser may judge. Both readers feed it: `CompactParser`'s libyaml events and
/// `RecordSubsetReader`'s own scan, so the rules about keys, limits and duplicates are written
/// once.
///
/// A scalar's presented bytes are appended to `text` by the caller first; `appendScalar` then
/// records the node. Every method answers false when the document must be declined.
struct CompactBuilder {
    let limits: YAMLLimits
    var entries: [CompactDocument.Entry] = []
    var text: [UInt8] = []
    /// Open collections: entry index, whether a mapping, and whether its next child is a key.
    private var open: [(index: Int, isMapping: Bool, expectKey: Bool)] = []

    /// Scalar style codes of `CompactDocument.Entry.kindAndStyle` (see `scalarStyle`).
    static let plain: UInt8 = 0, singleQuoted: UInt8 = 4, doubleQuoted: UInt8 = 8, literal: UInt8 = 12, folded: UInt8 = 16

    init(limits: YAMLLimits, capacity: Int) {
        self.limits = limits
        // A record holds about one node per 25 bytes and slightly less text than source.
        entries.reserveCapacity(capacity / 24 + 8)
        text.reserveCapacity(capacity)
    }

    /// How many collections are open.
    var depth: Int { open.count }

    /// Records a scalar whose text is `text[textStart...]`, at source positions `start..<end`.
    mutating func appendScalar(style: UInt8, textStart: Int, start: UInt32, end: UInt32) -> Bool {
        guard text.count - textStart <= limits.maxScalarBytes else { return false }
        if style == Self.plain, textStart < text.count {
            // `- x`, `? x`, `: x` as a plain value: the tree parser decides. A negative number
            // (`-3000`, an avenant's reduced commitment) is no indicator and stays here.
            let first = text[textStart]
            let negativeNumber = first == UInt8(ascii: "-") && textStart + 1 < text.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[textStart + 1])
            if (first == UInt8(ascii: "-") && !negativeNumber) || first == UInt8(ascii: "?") || first == UInt8(ascii: ":") { return false }
        }
        guard let isKey = attachChild(isScalar: true, plain: style == Self.plain, textStart: textStart) else { return false }
        entries.append(CompactDocument.Entry(
            kindAndStyle: style | (isKey ? CompactDocument.keyFlag : 0), end: UInt32(entries.count + 1), count: 0,
            textStart: UInt32(textStart), textEnd: UInt32(text.count), sourceStart: start, sourceEnd: end))
        return true
    }

    /// Opens a sequence or mapping starting at source position `start`.
    mutating func openCollection(isMapping: Bool, flow: Bool, start: UInt32, end: UInt32) -> Bool {
        guard open.count < limits.maxDepth, attachChild(isScalar: false, plain: false, textStart: 0) != nil else { return false }
        open.append((entries.count, isMapping, true))
        entries.append(CompactDocument.Entry(
            kindAndStyle: (isMapping ? 2 : 1) | (flow ? 4 : 0), end: 0, count: 0,
            textStart: 0, textEnd: 0, sourceStart: start, sourceEnd: end))
        return true
    }

    /// Closes the innermost collection; a flow collection ends at source position `end`.
    mutating func closeCollection(end: UInt32) -> Bool {
        guard let top = open.popLast() else { return false }
        entries[top.index].end = UInt32(entries.count)
        if entries[top.index].kindAndStyle & 4 != 0 { entries[top.index].sourceEnd = end }
        // A mapping left waiting for a value is malformed.
        return !(top.isMapping && !top.expectKey) && !(top.isMapping && hasDuplicateKey(mapping: top.index))
    }

    /// The finished document, when exactly one root node was built and closed.
    func document(source: [UInt8], positionsAreBytes: Bool) -> CompactDocument? {
        guard open.isEmpty, !entries.isEmpty, Int(entries[0].end) == entries.count else { return nil }
        return CompactDocument(entries: entries, text: text, source: source, positionsAreBytes: positionsAreBytes)
    }

    /// Counts the new child in its parent; refuses a key the tree parser must judge: a
    /// collection, or a plain scalar that may read as null, a boolean or a number.
    /// Nil when refused, else whether the child is a mapping key.
    private mutating func attachChild(isScalar: Bool, plain: Bool, textStart: Int) -> Bool? {
        guard let top = open.indices.last else { return entries.isEmpty ? false : nil }
        guard open[top].isMapping else {
            entries[open[top].index].count += 1
            return false
        }
        open[top].expectKey.toggle()
        guard !open[top].expectKey else { return false }
        guard isScalar else { return nil }
        if plain, textStart < text.count, ScalarResolver.mayBeNonString(firstByte: text[textStart]) {
            let key = String(decoding: text[textStart...], as: UTF8.self)
            guard case .string = ScalarResolver.resolvePlain(key) else { return nil }
        }
        entries[open[top].index].count += 1
        return true
    }

    /// Whether two keys of a closed mapping have the same text.
    private func hasDuplicateKey(mapping: Int) -> Bool {
        var keys: [(UInt32, UInt32)] = []
        var child = mapping + 1
        let end = Int(entries[mapping].end)
        while child < end {
            keys.append((entries[child].textStart, entries[child].textEnd))
            child = Int(entries[Int(entries[child].end)].end)
        }
        guard keys.count > 1 else { return false }
        return text.withUnsafeBufferPointer { buffer in
            for i in 1..<keys.count {
                let (aStart, aEnd) = keys[i]
                for j in 0..<i {
                    let (bStart, bEnd) = keys[j]
                    guard aEnd - aStart == bEnd - bStart else { continue }
                    if memcmpEqual(buffer.baseAddress.map { $0 + Int(aStart) }, buffer.baseAddress.map { $0 + Int(bStart) }, Int(aEnd - aStart)) {
                        return true
                    }
                }
            }
            return false
        }
    }
}
