public import KaleidoKB

/// The index of a knowledge base: every record (id, type, file, title, dates as written, typed
/// value) and every reference in both directions, stored column by column so that it can be
/// saved and loaded as a few large buffers.
///
/// Records are addressed by their position (`Int`). Build one with `KBIndex(entries:)` or
/// `KBIndexBuilder`; load a saved one with `KBIndex(snapshot:)`. Immutable and `Sendable`.
public struct KBIndex: Sendable {
    var ids = StringColumn()
    var titles = StringColumn()
    /// Columns only some commands read stay in the mapped snapshot until first used.
    var filesBox = ColumnBox(StringColumn())
    var searchTextsBox = ColumnBox(StringColumn())
    var valuesBox = ColumnBox(StringColumn())
    var refTargetIDsBox = ColumnBox(StringColumn())
    var files: StringColumn { filesBox.value }
    var searchTexts: StringColumn { searchTextsBox.value }
    var values: StringColumn { valuesBox.value }
    var refTargetIDs: StringColumn { refTargetIDsBox.value }
    var types: [UInt8] = []
    /// Date bounds as `PackedDate` (the bounding day and the written precision), `Int32.min`
    /// when open.
    var starts: [Int32] = []
    var ends: [Int32] = []

    /// Outgoing references, grouped by source record: those of record `i` are
    /// `refOffsets[i]..<refOffsets[i + 1]`.
    var refOffsets: [UInt32] = [0]
    /// The target's position, or -1 when the id names no record of the KB.
    var refTargets: [Int32] = []
    var refRelations: [UInt16] = []
    var refFields: [UInt16] = []
    var refStarts: [Int32] = []
    var refEnds: [Int32] = []
    var relationNames: [String] = []
    var fieldNames: [String] = []

    /// Incoming references: those of record `i` are `backRefs[backOffsets[i]..<backOffsets[i + 1]]`,
    /// each the position of an outgoing reference.
    var backOffsets: [UInt32] = [0]
    var backRefs: [UInt32] = []
    /// The source record of each outgoing reference (derived, for back-reference lookups).
    var refSources: [Int32] = []

    /// Folded names and aliases, with the record each belongs to.
    var names = StringColumn()
    var nameRecords: [Int32] = []

    /// Records replaced since the snapshot was saved (see `RecordOverride`).
    var overrides: [Int: RecordOverride] = [:]

    /// How many records the index holds.
    public var count: Int { types.count }

    /// The record's id.
    public func id(_ record: Int) -> String { ids[record] }
    /// The record's file, relative to the KB root.
    public func file(_ record: Int) -> String { files[record] }
    /// Every record's file, relative to the KB root (one column, for bulk comparisons).
    public var fileColumn: StringColumn { files }
    /// The record's display title (see `RecordSemantics.title`).
    public func title(_ record: Int) -> String { overrides[record]?.title ?? titles[record] }
    /// The record's type.
    public func type(_ record: Int) -> RecordType { RecordType.allCases[Int(types[record])] }

    /// The record's dates as written (compare them through `DateSpan.days`).
    public func interval(_ record: Int) -> DateSpan {
        if let override = overrides[record] { return override.interval }
        return PackedDate.span(starts[record], ends[record])
    }

    /// The record's typed value (decoded on each call: keep it if you need it twice).
    public func value(_ record: Int) -> QValue {
        if let override = overrides[record] { return override.encodedValue.withUnsafeBytes { QValue.decode($0) } ?? .null }
        return valuesBox.withItem(record) { QValue.decode($0) } ?? .null
    }

    /// The position of the record with this id, or nil (a linear scan over the ids' bytes:
    /// callers that look up many ids build `idLookup()` once).
    public func position(of id: String) -> Int? {
        for record in 0..<count where ids.equals(record, id) { return record }
        return nil
    }

    /// A dictionary from id to position, for callers that resolve many ids.
    public func idLookup() -> [String: Int] {
        var lookup: [String: Int] = [:]
        lookup.reserveCapacity(count)
        for record in 0..<count { lookup[ids[record]] = record }
        return lookup
    }

    /// Records of one type, in index order.
    public func records(of type: RecordType) -> [Int] {
        guard let raw = RecordType.allCases.firstIndex(of: type) else { return [] }
        let code = UInt8(raw)
        return (0..<count).filter { types[$0] == code }
    }

    /// One reference between two records, seen from either end.
    public struct Link: Hashable, Sendable {
        /// The record holding the reference.
        public var source: Int
        /// The record referred to, or nil when the id names no record.
        public var target: Int?
        public var targetID: String
        public var field: String
        public var relation: String
        /// The dates of the item holding the reference, when it has its own.
        public var interval: DateSpan?
    }

    /// The references a record makes, in field order.
    public func references(from record: Int) -> [Link] {
        if let override = overrides[record] { return overrideLinks(record, override) }
        return (Int(refOffsets[record])..<Int(refOffsets[record + 1])).map(link)
    }

    /// The references other records make to this one.
    public func references(to record: Int) -> [Link] {
        let saved = backRefs[Int(backOffsets[record])..<Int(backOffsets[record + 1])].map { link(Int($0)) }
        guard !overrides.isEmpty else { return saved }
        return (saved.filter { overrides[$0.source] == nil } + overrideBackLinks(to: record)).sorted { $0.source < $1.source }
    }

    func link(_ reference: Int) -> Link {
        let target = refTargets[reference]
        let hasInterval = refStarts[reference] != PackedDate.open || refEnds[reference] != PackedDate.open
        return Link(source: Int(refSources[reference]), target: target >= 0 ? Int(target) : nil,
                    targetID: target >= 0 ? ids[Int(target)] : refTargetIDs[reference], field: fieldNames[Int(refFields[reference])],
                    relation: relationNames[Int(refRelations[reference])],
                    interval: hasInterval ? PackedDate.span(refStarts[reference], refEnds[reference]) : nil)
    }

    /// Records whose folded name or alias equals `folded`.
    public func records(named folded: String) -> [Int] {
        var found: [Int] = []
        for entry in 0..<names.count where names.equals(entry, folded) {
            let record = Int(nameRecords[entry])
            if overrides[record] == nil, !found.contains(record) { found.append(record) }
        }
        for (record, override) in overrides where override.names.contains(folded) && !found.contains(record) { found.append(record) }
        return found
    }

    /// Every (folded name, record) pair, for fuzzy name matching.
    public func allNames() -> [(name: String, record: Int)] {
        (0..<names.count).filter { overrides[Int(nameRecords[$0])] == nil }.map { (names[$0], Int(nameRecords[$0])) }
            + overrides.sorted { $0.key < $1.key }.flatMap { record, override in override.names.map { ($0, record) } }
    }

    /// Whether the record's folded search text contains the folded word.
    public func searchText(_ record: Int) -> String {
        overrides[record]?.searchText ?? searchTextsBox.withItem(record) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether the record's saved search text contains `needle` (UTF-8), read in place.
    func searchTextContains(_ record: Int, _ needle: [UInt8]) -> Bool {
        searchTextsBox.withItem(record) { bytes in
            guard let first = needle.first, bytes.count >= needle.count else { return needle.isEmpty }
            var position = 0
            while position <= bytes.count - needle.count {
                if bytes[position] == first {
                    var offset = 1
                    while offset < needle.count && bytes[position + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                position += 1
            }
            return false
        }
    }
}
