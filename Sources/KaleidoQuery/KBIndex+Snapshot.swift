import KaleidoKB

/// The index as bytes and back: every column written whole (a length, then its raw bytes), so
/// that loading is a handful of copies. The bytes are only meant for this machine's cache
/// (native byte order); `init?(snapshot:)` checks every length and offset and answers nil on
/// anything inconsistent, so a damaged snapshot is rebuilt, never trusted.
extension KBIndex {
    /// 03: date bounds keep their written precision (`PackedDate`). A 02 snapshot has the same
    /// layout with bare day ordinals, which would read as other dates: its magic is refused.
    static let magic: [UInt8] = Array("KLDIDX03".utf8)

    /// The index's snapshot bytes.
    public func snapshot() -> [UInt8] {
        var writer = SnapshotWriter()
        writer.bytes.append(contentsOf: Self.magic)
        // Order matters: positions 1, 3, 4 and 5 are read lazily.
        for column in [ids, files, titles, searchTexts, values, refTargetIDs, names] { writer.column(column) }
        writer.array(types)
        writer.array(starts)
        writer.array(ends)
        writer.array(refOffsets)
        writer.array(refTargets)
        writer.array(refRelations)
        writer.array(refFields)
        writer.array(refStarts)
        writer.array(refEnds)
        writer.array(backOffsets)
        writer.array(backRefs)
        writer.array(refSources)
        writer.array(nameRecords)
        writer.strings(relationNames)
        writer.strings(fieldNames)
        return writer.bytes
    }

    /// The index a snapshot holds (starting at `offset` of `storage`), or nil when the bytes
    /// are not a complete, consistent one. The file names, search texts, values and target
    /// ids stay in `storage` until first read.
    public init?(snapshot storage: any SnapshotStorage, offset: Int = 0) {
        let bytes = storage.bytes
        guard offset >= 0, bytes.count - offset >= Self.magic.count,
            bytes[offset..<offset + Self.magic.count].elementsEqual(Self.magic) else { return nil }
        var reader = SnapshotReader(bytes: bytes, offset: offset + Self.magic.count)
        var columns: [StringColumn] = []
        var boxes: [ColumnBox] = []
        for position in 0..<7 {
            if [1, 3, 4, 5].contains(position) {
                guard let ends: [UInt32] = reader.array(), let range = reader.skipArray(of: UInt8.self),
                    Int(ends.last ?? 0) == range.count, zip(ends, ends.dropFirst()).allSatisfy({ $0 <= $1 })
                else { return nil }
                boxes.append(ColumnBox(ends: ends, storage: storage, range: range))
            } else {
                guard let column = reader.column() else { return nil }
                columns.append(column)
            }
        }
        guard let types: [UInt8] = reader.array(), let starts: [Int32] = reader.array(), let ends: [Int32] = reader.array(),
            let refOffsets: [UInt32] = reader.array(), let refTargets: [Int32] = reader.array(),
            let refRelations: [UInt16] = reader.array(), let refFields: [UInt16] = reader.array(),
            let refStarts: [Int32] = reader.array(), let refEnds: [Int32] = reader.array(),
            let backOffsets: [UInt32] = reader.array(), let backRefs: [UInt32] = reader.array(),
            let refSources: [Int32] = reader.array(), let nameRecords: [Int32] = reader.array(),
            let relationNames = reader.strings(), let fieldNames = reader.strings(), reader.isAtEnd
        else { return nil }
        self.init()
        (ids, titles, names) = (columns[0], columns[1], columns[2])
        (filesBox, searchTextsBox, valuesBox, refTargetIDsBox) = (boxes[0], boxes[1], boxes[2], boxes[3])
        (self.types, self.starts, self.ends) = (types, starts, ends)
        (self.refOffsets, self.refTargets, self.refRelations, self.refFields) = (refOffsets, refTargets, refRelations, refFields)
        (self.refStarts, self.refEnds, self.backOffsets, self.backRefs) = (refStarts, refEnds, backOffsets, backRefs)
        (self.refSources, self.nameRecords, self.relationNames, self.fieldNames) = (refSources, nameRecords, relationNames, fieldNames)
        guard isConsistent else { return nil }
    }

    /// Every cross-column invariant the accessors rely on (so that no lookup can trap).
    var isConsistent: Bool {
        let records = types.count
        let references = refTargets.count
        guard [ids, titles].allSatisfy({ $0.count == records && $0.isConsistent }),
            [filesBox, searchTextsBox, valuesBox].allSatisfy({ $0.count == records }),
            names.isConsistent, refTargetIDsBox.count == references,
            starts.count == records, ends.count == records, refOffsets.count == records + 1,
            refOffsets.first == 0, refOffsets.last.map(Int.init) == references,
            zip(refOffsets, refOffsets.dropFirst()).allSatisfy({ $0 <= $1 }),
            [refRelations.count, refFields.count, refStarts.count, refEnds.count, refSources.count].allSatisfy({ $0 == references }),
            types.allSatisfy({ Int($0) < RecordType.allCases.count }),
            refTargets.allSatisfy({ $0 >= -1 && Int($0) < records }),
            refSources.allSatisfy({ $0 >= 0 && Int($0) < records }),
            refRelations.allSatisfy({ Int($0) < relationNames.count }), refFields.allSatisfy({ Int($0) < fieldNames.count }),
            backOffsets.count == records + 1, backOffsets.first == 0, backOffsets.last.map(Int.init) == backRefs.count,
            zip(backOffsets, backOffsets.dropFirst()).allSatisfy({ $0 <= $1 }),
            backRefs.allSatisfy({ Int($0) < references }),
            nameRecords.count == names.count, nameRecords.allSatisfy({ $0 >= 0 && Int($0) < records }),
            zip(nameRecords, nameRecords.dropFirst()).allSatisfy({ $0 <= $1 })
        else { return false }
        return true
    }
}

struct SnapshotWriter {
    var bytes: [UInt8] = []

    mutating func array<T: FixedWidthInteger>(_ values: [T]) {
        BinaryCoding.appendArray(values, to: &bytes)
    }

    mutating func column(_ column: StringColumn) {
        array(column.ends)
        array(column.bytes)
    }

    mutating func strings(_ list: [String]) {
        BinaryCoding.appendVarint(UInt64(list.count), to: &bytes)
        for text in list { BinaryCoding.appendString(text, to: &bytes) }
    }
}

struct SnapshotReader {
    let bytes: UnsafeRawBufferPointer
    var offset: Int

    var isAtEnd: Bool { offset == bytes.count }

    mutating func array<T: FixedWidthInteger>() -> [T]? {
        BinaryCoding.readArray(bytes, &offset)
    }

    /// Skips an array, answering where its bytes are.
    mutating func skipArray<T: FixedWidthInteger>(of type: T.Type) -> Range<Int>? {
        var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
        guard let count = reader.varint(), count <= UInt64(bytes.count) else { return nil }
        let start = offset + reader.offset
        let length = Int(count) * MemoryLayout<T>.stride
        guard length <= bytes.count - start else { return nil }
        offset = start + length
        return start..<offset
    }

    mutating func column() -> StringColumn? {
        guard let ends: [UInt32] = array(), let content: [UInt8] = array() else { return nil }
        return StringColumn(bytes: content, ends: ends)
    }

    mutating func strings() -> [String]? {
        var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
        guard let count = reader.count() else { return nil }
        var list: [String] = []
        for _ in 0..<count {
            guard let text = reader.string() else { return nil }
            list.append(text)
        }
        offset += reader.offset
        return list
    }
}

/// A snapshot held in memory (tests, and callers without a mapped file).
public final class InMemorySnapshot: SnapshotStorage, @unchecked Sendable {
    private let buffer: UnsafeMutableRawBufferPointer

    public init(_ bytes: [UInt8]) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 16)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        self.buffer = buffer
        count = bytes.count
    }

    private let count: Int

    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[0..<count]) }

    deinit { buffer.deallocate() }
}
