import Foundation
import KaleidoQuery

/// The bytes of `.kaleido/cache/index.bin`: a magic, the fingerprint (tool version, config and
/// schema stamps), the folder and file listing with stamps and record positions, then the
/// index snapshot. Decoding checks everything and answers nil rather than trust a damaged file.
enum CacheCodec {
    /// 8: the snapshot's dates keep their written precision (`KLDIDX03`); older files rebuild.
    /// 9: interaction titles are the summary's first sentence, unwrapped.
    static let magic: [UInt8] = Array("KLDCACHE9".utf8)

    /// What a cache file holds.
    struct Cached {
        /// A random number naming this snapshot, which an overlay must match.
        var generation: UInt64
        var listing: FileListing
        /// The stamps the snapshot itself holds (before any overlay): an overlay lists its
        /// differences from these.
        var snapshotStamps: StampTable
        /// The index position of each file's record, -1 when the file holds none.
        var records: [Int32]
        /// The schemas' reference fields (valid as long as the fingerprint: schemas unchanged).
        var fields: ReferenceFields
        var index: KBIndex
    }

    static func encode(_ index: KBIndex, listing: FileListing, fields: ReferenceFields, fingerprint: String, knowledgeFolder: String,
                       generation: UInt64) -> [[UInt8]] {
        var bytes = magic
        BinaryCoding.appendString(fingerprint, to: &bytes)
        BinaryCoding.appendVarint(generation, to: &bytes)
        appendListing(listing, to: &bytes)
        var records: [Int32] = []
        records.reserveCapacity(listing.files.count)
        var record = 0
        let prefix = Array((knowledgeFolder + "/").utf8)
        let files = index.fileColumn
        for file in 0..<listing.files.count {
            let path = listing.files.itemBytes(file)
            let candidate = record < index.count ? files.itemBytes(record) : []
            if candidate.count == prefix.count + path.count, candidate.starts(with: prefix), candidate.dropFirst(prefix.count).elementsEqual(path) {
                records.append(Int32(record))
                record += 1
            } else {
                records.append(-1)
            }
        }
        appendArray(records, to: &bytes)
        fields.encode(into: &bytes)
        // Two parts written one after the other: the snapshot is most of the file.
        return [bytes, index.snapshot()]
    }

    /// 3: the edited records' dates keep their written precision, as in the snapshot.
    static let overlayMagic: [UInt8] = Array("KLDOVER3".utf8)

    /// The overlay file: the current folders, the stamps that differ from the snapshot's (the
    /// files are the same ones) and the records edited since the snapshot. Small, so that a
    /// refresh after a few edits writes kilobytes, not the listing of every file again.
    static func encodeOverlay(_ index: KBIndex, listing: FileListing, snapshotStamps: StampTable, fingerprint: String,
                              generation: UInt64) -> [UInt8] {
        var bytes = overlayMagic
        BinaryCoding.appendString(fingerprint, to: &bytes)
        BinaryCoding.appendVarint(generation, to: &bytes)
        let safe = racySafe()
        appendDirectories(listing.directories, safe: safe, to: &bytes)
        var positions: [UInt32] = []
        var stamps: [Int64] = []
        for position in 0..<listing.stamps.count {
            let stamp = safe(listing.stamps[position])
            guard position >= snapshotStamps.count || stamp != snapshotStamps[position] else { continue }
            positions.append(UInt32(position))
            stamps += [stamp.size, stamp.mtime, Int64(bitPattern: stamp.inode), stamp.ctime]
        }
        BinaryCoding.appendVarint(UInt64(listing.stamps.count), to: &bytes)
        appendArray(positions, to: &bytes)
        appendArray(stamps, to: &bytes)
        OverrideCoding.encode(index.recordOverrides, into: &bytes)
        return bytes
    }

    /// Applies an overlay to the snapshot it was written for; nil when it does not fit.
    static func applyOverlay(_ storage: any SnapshotStorage, to cached: Cached, fingerprint: String) -> Cached? {
        let raw = storage.bytes
        guard raw.count > overlayMagic.count, raw.prefix(overlayMagic.count).elementsEqual(overlayMagic) else { return nil }
        var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[overlayMagic.count...]))
        guard reader.string() == fingerprint, reader.varint() == cached.generation else { return nil }
        var offset = overlayMagic.count + reader.offset
        let count = cached.listing.files.count
        guard let directories = readDirectories(raw, &offset, fileCount: count) else { return nil }
        var header = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[offset...]))
        guard header.varint() == UInt64(count) else { return nil }
        offset += header.offset
        guard let positions: [UInt32] = readArray(raw, &offset), let values: [Int64] = readArray(raw, &offset),
            let changes = StampTable(values: values), changes.count == positions.count,
            zip(positions, positions.dropFirst()).allSatisfy({ $0 < $1 }), positions.allSatisfy({ Int($0) < count })
        else { return nil }
        var rest = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[offset...]))
        guard let overrides = OverrideCoding.decode(&rest), rest.isAtEnd, let index = cached.index.applying(overrides) else { return nil }
        var listing = cached.listing
        listing.directories = directories
        for (change, position) in positions.enumerated() { listing.stamps[Int(position)] = changes[change] }
        return Cached(generation: cached.generation, listing: listing, snapshotStamps: cached.snapshotStamps, records: cached.records,
                      fields: cached.fields, index: index)
    }

    /// Racily clean: a file or folder changed within two seconds of this save may change again
    /// within the same timestamp tick; it is saved as unknown so that the next run looks again.
    private static func racySafe() -> (FileStamp) -> FileStamp {
        let now = FileStamp.now()
        return { stamp in stamp.isRacy(now: now) ? .unknown : stamp }
    }

    private static func appendListing(_ listing: FileListing, to bytes: inout [UInt8]) {
        let safe = racySafe()
        appendDirectories(listing.directories, safe: safe, to: &bytes)
        appendArray(listing.files.ends, to: &bytes)
        appendArray(listing.files.bytes, to: &bytes)
        var stamps = listing.stamps
        for position in 0..<stamps.count { stamps[position] = safe(stamps[position]) }
        appendArray(stamps.values, to: &bytes)
    }

    private static func appendDirectories(_ directories: [FileListing.Directory], safe: (FileStamp) -> FileStamp, to bytes: inout [UInt8]) {
        BinaryCoding.appendVarint(UInt64(directories.count), to: &bytes)
        for directory in directories {
            BinaryCoding.appendString(directory.path, to: &bytes)
            let stamp = safe(directory.stamp)
            appendArray([stamp.size, stamp.mtime, Int64(bitPattern: stamp.inode), stamp.ctime], to: &bytes)
            BinaryCoding.appendVarint(UInt64(directory.subdirectories.count), to: &bytes)
            for name in directory.subdirectories { BinaryCoding.appendString(name, to: &bytes) }
            BinaryCoding.appendVarint(UInt64(directory.files.lowerBound), to: &bytes)
            BinaryCoding.appendVarint(UInt64(directory.files.upperBound), to: &bytes)
        }
    }

    static func decode(_ storage: any SnapshotStorage, fingerprint: String) -> Cached? {
        let raw = storage.bytes
        guard raw.count > magic.count, raw.prefix(magic.count).elementsEqual(magic) else { return nil }
        var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[magic.count...]))
        guard reader.string() == fingerprint, let generation = reader.varint() else { return nil }
        var offset = magic.count + reader.offset
        guard let listing = readListing(raw, &offset), let records: [Int32] = readArray(raw, &offset), records.count == listing.files.count
        else { return nil }
        var fieldReader = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[offset...]))
        guard let fields = ReferenceFields(decoding: &fieldReader) else { return nil }
        offset += fieldReader.offset
        guard let index = KBIndex(snapshot: storage, offset: offset), records.allSatisfy({ $0 >= -1 && Int($0) < index.count }) else { return nil }
        return Cached(generation: generation, listing: listing, snapshotStamps: listing.stamps, records: records, fields: fields, index: index)
    }

    private static func readListing(_ raw: UnsafeRawBufferPointer, _ offset: inout Int) -> FileListing? {
        guard let directories = readDirectories(raw, &offset, fileCount: nil),
            let ends: [UInt32] = readArray(raw, &offset), let pathBytes: [UInt8] = readArray(raw, &offset),
            let files = StringColumn(validating: pathBytes, ends: ends),
            let values: [Int64] = readArray(raw, &offset), let stamps = StampTable(values: values), stamps.count == files.count,
            directories.allSatisfy({ $0.files.upperBound <= files.count })
        else { return nil }
        var listing = FileListing()
        (listing.directories, listing.files, listing.stamps) = (directories, files, stamps)
        return listing
    }

    /// The folders section; with `fileCount`, every folder's files must lie within it.
    private static func readDirectories(_ raw: UnsafeRawBufferPointer, _ offset: inout Int, fileCount: Int?) -> [FileListing.Directory]? {
        var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[offset...]))
        guard let directoryCount = reader.count() else { return nil }
        var directories: [FileListing.Directory] = []
        for _ in 0..<directoryCount {
            guard let path = reader.string(), let stamp = readStamp(&reader), let subdirectoryCount = reader.count() else { return nil }
            var subdirectories: [String] = []
            for _ in 0..<subdirectoryCount {
                guard let name = reader.string() else { return nil }
                subdirectories.append(name)
            }
            guard let start = reader.varint(), let end = reader.varint(), start <= end, end <= UInt64(fileCount ?? raw.count) else { return nil }
            directories.append(.init(path: path, stamp: stamp, subdirectories: subdirectories, files: Int(start)..<Int(end)))
        }
        offset += reader.offset
        return directories
    }

    private static func readStamp(_ reader: inout BinaryReader) -> FileStamp? {
        guard reader.count() == 4 else { return nil }
        var values: [Int64] = []
        for _ in 0..<4 {
            var value: UInt64 = 0
            for shift in 0..<8 {
                guard let byte = reader.byte() else { return nil }
                value |= UInt64(byte) << (8 * UInt64(shift))
            }
            values.append(Int64(bitPattern: value))
        }
        return FileStamp(size: values[0], mtime: values[1], inode: UInt64(bitPattern: values[2]), ctime: values[3])
    }

    private static func appendArray<T: FixedWidthInteger>(_ values: [T], to bytes: inout [UInt8]) {
        BinaryCoding.appendArray(values, to: &bytes)
    }

    private static func readArray<T: FixedWidthInteger>(_ raw: UnsafeRawBufferPointer, _ offset: inout Int) -> [T]? {
        BinaryCoding.readArray(raw, &offset)
    }
}
