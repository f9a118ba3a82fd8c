public import KaleidoKB

/// Records replaced on top of a saved index without rewriting it: after a consultant edits a
/// few files, the cache keeps its large snapshot and saves only the edited records, which every
/// accessor consults first. Only edits that keep each record's id and type are overrides;
/// anything else rebuilds the index.
public struct RecordOverride: Sendable {
    public var title: String
    public var interval: DateSpan
    /// Outgoing references with their resolved target positions (-1 when unresolved).
    public var references: [(reference: RawReference, target: Int32)]
    public var names: [String]
    public var searchText: String
    public var encodedValue: [UInt8]
}

extension KBIndex {
    /// Whether `entry` can replace record `record` as an override (same id and type).
    public func canOverride(_ record: Int, with entry: IndexEntry) -> Bool {
        record < count && ids.equals(record, entry.id) && type(record) == entry.type
    }

    /// This index with record `record` replaced by `entry` (see `canOverride`).
    public func overriding(_ record: Int, with entry: IndexEntry) -> KBIndex {
        var copy = self
        let references = entry.references.map { reference in (reference, Int32(position(of: reference.target) ?? -1)) }
        copy.overrides[record] = RecordOverride(title: entry.title, interval: entry.interval, references: references,
                                                names: entry.names, searchText: entry.searchText, encodedValue: entry.encodedValue)
        return copy
    }

    /// The replaced records, by position.
    public var recordOverrides: [Int: RecordOverride] { overrides }

    /// This index with these overrides (read back from a saved overlay); nil when one names a
    /// record that does not exist or a target out of range.
    public func applying(_ overrides: [Int: RecordOverride]) -> KBIndex? {
        guard overrides.allSatisfy({ $0.key >= 0 && $0.key < count && $0.value.references.allSatisfy { $0.target >= -1 && Int($0.target) < count } })
        else { return nil }
        var copy = self
        copy.overrides = overrides
        return copy
    }

    func overrideLinks(_ record: Int, _ override: RecordOverride) -> [Link] {
        override.references.map { reference, target in
            Link(source: record, target: target >= 0 ? Int(target) : nil, targetID: reference.target, field: reference.field,
                 relation: reference.relation, interval: reference.interval)
        }
    }

    /// References to `record` made by overridden records.
    func overrideBackLinks(to record: Int) -> [Link] {
        overrides.sorted { $0.key < $1.key }.flatMap { source, override in
            overrideLinks(source, override).filter { $0.target == record }
        }
    }
}

/// The overrides as bytes (for the cache's overlay file) and back.
public enum OverrideCoding {
    /// Appends the overrides' bytes.
    public static func encode(_ overrides: [Int: RecordOverride], into bytes: inout [UInt8]) {
        BinaryCoding.appendVarint(UInt64(overrides.count), to: &bytes)
        for (record, override) in overrides.sorted(by: { $0.key < $1.key }) {
            BinaryCoding.appendVarint(UInt64(record), to: &bytes)
            BinaryCoding.appendString(override.title, to: &bytes)
            BinaryCoding.appendVarint(UInt64(bitPattern: Int64(PackedDate.start(override.interval.start))), to: &bytes)
            BinaryCoding.appendVarint(UInt64(bitPattern: Int64(PackedDate.end(override.interval.end))), to: &bytes)
            BinaryCoding.appendVarint(UInt64(override.references.count), to: &bytes)
            for (reference, target) in override.references {
                for text in [reference.target, reference.field, reference.relation] { BinaryCoding.appendString(text, to: &bytes) }
                BinaryCoding.appendVarint(UInt64(bitPattern: Int64(target)), to: &bytes)
                BinaryCoding.appendVarint(UInt64(bitPattern: Int64(PackedDate.start(reference.interval?.start))), to: &bytes)
                BinaryCoding.appendVarint(UInt64(bitPattern: Int64(PackedDate.end(reference.interval?.end))), to: &bytes)
                bytes.append(reference.interval == nil ? 0 : 1)
            }
            BinaryCoding.appendVarint(UInt64(override.names.count), to: &bytes)
            for name in override.names { BinaryCoding.appendString(name, to: &bytes) }
            BinaryCoding.appendString(override.searchText, to: &bytes)
            BinaryCoding.appendVarint(UInt64(override.encodedValue.count), to: &bytes)
            bytes.append(contentsOf: override.encodedValue)
        }
    }

    /// Reads overrides written by `encode`, or nil when the bytes are not such a list.
    public static func decode(_ reader: inout BinaryReader) -> [Int: RecordOverride]? {
        // Each bound as written (`PackedDate`); nil when the bytes end, `.some(nil)` when open.
        func day(_ value: UInt64?) -> PartialDate?? {
            guard let value else { return nil }
            return .some(PackedDate.date(Int32(truncatingIfNeeded: Int64(bitPattern: value))))
        }
        guard let count = reader.count() else { return nil }
        var overrides: [Int: RecordOverride] = [:]
        for _ in 0..<count {
            guard let record = reader.varint(), let title = reader.string(), let start = day(reader.varint()), let end = day(reader.varint()),
                let referenceCount = reader.count()
            else { return nil }
            var references: [(reference: RawReference, target: Int32)] = []
            for _ in 0..<referenceCount {
                guard let target = reader.string(), let field = reader.string(), let relation = reader.string(),
                    let position = reader.varint(), let itemStart = day(reader.varint()), let itemEnd = day(reader.varint()),
                    let hasInterval = reader.byte()
                else { return nil }
                let interval = hasInterval == 1 ? DateSpan(start: itemStart, end: itemEnd) : nil
                references.append((RawReference(target: target, field: field, relation: relation, interval: interval),
                                   Int32(truncatingIfNeeded: Int64(bitPattern: position))))
            }
            guard let nameCount = reader.count() else { return nil }
            var names: [String] = []
            for _ in 0..<nameCount {
                guard let name = reader.string() else { return nil }
                names.append(name)
            }
            guard let searchText = reader.string(), let valueLength = reader.count() else { return nil }
            var value: [UInt8] = []
            for _ in 0..<valueLength {
                guard let byte = reader.byte() else { return nil }
                value.append(byte)
            }
            guard record < UInt64(Int32.max) else { return nil }
            overrides[Int(record)] = RecordOverride(title: title, interval: DateSpan(start: start, end: end), references: references,
                                                    names: names, searchText: searchText, encodedValue: value)
        }
        return overrides
    }
}
