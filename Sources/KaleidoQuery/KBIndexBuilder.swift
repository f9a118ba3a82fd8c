public import KaleidoKB

/// Builds a `KBIndex` record by record, from fresh entries or by copying records of an
/// existing index (the incremental refresh copies every unchanged record byte for byte).
public struct KBIndexBuilder: Sendable {
    private var index = KBIndex()
    private var relationCodes: [String: UInt16] = [:]
    private var fieldCodes: [String: UInt16] = [:]
    /// Whether every reference target must be looked up again when finishing (ids moved).
    private var needsFullResolution = false
    private var pending: [Int] = []
    private var files = StringColumn()
    private var searchTexts = StringColumn()
    private var values = StringColumn()
    private var refTargetIDs = StringColumn()

    public init(capacity: Int = 0) {
        index.types.reserveCapacity(capacity)
        index.starts.reserveCapacity(capacity)
        index.ends.reserveCapacity(capacity)
        index.refOffsets.reserveCapacity(capacity + 1)
    }

    /// How many records were appended so far.
    public var count: Int { index.count }

    /// Appends a freshly extracted record; its references are resolved in `finish()`.
    public mutating func append(_ entry: IndexEntry) {
        let record = index.count
        index.ids.append(entry.id)
        files.append(entry.file)
        index.titles.append(entry.title)
        searchTexts.append(entry.searchText)
        values.append(bytes: entry.encodedValue)
        index.types.append(UInt8(RecordType.allCases.firstIndex(of: entry.type) ?? 0))
        index.starts.append(PackedDate.start(entry.interval.start))
        index.ends.append(PackedDate.end(entry.interval.end))
        for reference in entry.references {
            pending.append(index.refTargets.count)
            refTargetIDs.append(reference.target)
            index.refTargets.append(-1)
            index.refRelations.append(Self.code(reference.relation, in: &relationCodes, names: &index.relationNames))
            index.refFields.append(Self.code(reference.field, in: &fieldCodes, names: &index.fieldNames))
            index.refStarts.append(PackedDate.start(reference.interval?.start))
            index.refEnds.append(PackedDate.end(reference.interval?.end))
        }
        index.refOffsets.append(UInt32(index.refTargets.count))
        for name in entry.names {
            index.names.append(name)
            index.nameRecords.append(Int32(record))
        }
    }

    /// Appends record `record` of `source` unchanged. When `samePositions` is true the caller
    /// promises that every record keeps its position and id, so resolved targets stay valid.
    public mutating func append(copyOf record: Int, from source: KBIndex, samePositions: Bool) {
        let position = index.count
        index.ids.append(from: source.ids, at: record)
        files.append(from: source.files, at: record)
        index.titles.append(from: source.titles, at: record)
        searchTexts.append(from: source.searchTexts, at: record)
        values.append(from: source.values, at: record)
        index.types.append(source.types[record])
        index.starts.append(source.starts[record])
        index.ends.append(source.ends[record])
        for reference in Int(source.refOffsets[record])..<Int(source.refOffsets[record + 1]) {
            refTargetIDs.append(from: source.refTargetIDs, at: reference)
            index.refTargets.append(samePositions ? source.refTargets[reference] : -1)
            if !samePositions { needsFullResolution = true }
            let relation = source.relationNames[Int(source.refRelations[reference])]
            let field = source.fieldNames[Int(source.refFields[reference])]
            index.refRelations.append(Self.code(relation, in: &relationCodes, names: &index.relationNames))
            index.refFields.append(Self.code(field, in: &fieldCodes, names: &index.fieldNames))
            index.refStarts.append(source.refStarts[reference])
            index.refEnds.append(source.refEnds[reference])
        }
        index.refOffsets.append(UInt32(index.refTargets.count))
        var entry = source.firstName(of: record)
        while entry < source.nameRecords.count, source.nameRecords[entry] == Int32(record) {
            index.names.append(from: source.names, at: entry)
            index.nameRecords.append(Int32(position))
            entry += 1
        }
    }

    /// The finished index: references resolved, back-references computed.
    public consuming func finish() -> KBIndex {
        if needsFullResolution || pending.count > 64 {
            let lookup = index.idLookup()
            let targets = needsFullResolution ? Array(0..<index.refTargets.count) : pending
            for reference in targets {
                index.refTargets[reference] = Int32(lookup[refTargetIDs[reference]] ?? -1)
            }
        } else {
            for reference in pending {
                index.refTargets[reference] = Int32(index.position(of: refTargetIDs[reference]) ?? -1)
            }
        }
        index.filesBox = ColumnBox(files)
        index.searchTextsBox = ColumnBox(searchTexts)
        index.valuesBox = ColumnBox(values)
        index.refTargetIDsBox = ColumnBox(refTargetIDs)
        index.computeBackReferences()
        return index
    }

    /// Static, not a method: a method called with `inout` parts of `self` copied the whole
    /// builder (every column retained and released) once per reference.
    private static func code(_ name: String, in codes: inout [String: UInt16], names: inout [String]) -> UInt16 {
        if let existing = codes[name] { return existing }
        let new = UInt16(names.count)
        names.append(name)
        codes[name] = new
        return new
    }
}

extension KBIndex {
    /// The first position in `nameRecords` holding `record` (they are sorted by record).
    func firstName(of record: Int) -> Int {
        var low = 0
        var high = nameRecords.count
        while low < high {
            let middle = (low + high) / 2
            if nameRecords[middle] < Int32(record) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// An index of these entries, in this order.
    public init(entries: [IndexEntry]) {
        var builder = KBIndexBuilder(capacity: entries.count)
        for entry in entries { builder.append(entry) }
        self = builder.finish()
    }

    /// Fills `refSources`, `backOffsets` and `backRefs` from the outgoing references (a
    /// counting sort by target, so back-references come out in source order).
    mutating func computeBackReferences() {
        let total = refTargets.count
        refSources = [Int32](repeating: 0, count: total)
        for record in 0..<count {
            for reference in Int(refOffsets[record])..<Int(refOffsets[record + 1]) { refSources[reference] = Int32(record) }
        }
        var counts = [UInt32](repeating: 0, count: count + 1)
        for target in refTargets where target >= 0 { counts[Int(target) + 1] += 1 }
        for record in 0..<count { counts[record + 1] += counts[record] }
        backOffsets = counts
        var cursor = counts
        backRefs = [UInt32](repeating: 0, count: Int(counts[count]))
        for reference in 0..<total {
            let target = refTargets[reference]
            guard target >= 0 else { continue }
            backRefs[Int(cursor[Int(target)])] = UInt32(reference)
            cursor[Int(target)] += 1
        }
    }
}
