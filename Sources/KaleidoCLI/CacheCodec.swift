import Foundation
import KaleidoQuery

/// The bytes of `.kaleido/cache/index.bin`: a magic, the fingerprint (tool version, config and
/// schema stamps), the folder and file listing with stamps and record positions, then the
/// index snapshot. Decoding checks everything and answers nil rather than trust a damaged file.
enum CacheCodec {
    static let magic: [UInt8] = Array("KLDCACHE5".utf8)

    /// What a cache file holds.
    struct Cached {
        /// A random number naming this snapshot, which an overlay must match.
        var generation: UInt64
        var listing: FileListing
        /// The index position of each file's record, -1 when the file holds none.
        var records: [Int32]
        var index: KBIndex
    }

    static func encode(_ index: KBIndex, listing: FileListing, fingerprint: String, knowledgeFolder: String,
                       generation: UInt64) -> [UInt8] {
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
        bytes.append(contentsOf: index.snapshot())
        return bytes
    }

    static let overlayMagic: [UInt8] = Array("KLDOVER1".utf8)

    /// The overlay file: the current listing and the records edited since the snapshot.
    static func encodeOverlay(_ index: KBIndex, listing: FileListing, fingerprint: String, generation: UInt64) -> [UInt8] {
        var bytes = overlayMagic
        BinaryCoding.appendString(fingerprint, to: &bytes)
        BinaryCoding.appendVarint(generation, to: &bytes)
        appendListing(listing, to: &bytes)
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
        guard let listing = readListing(raw, &offset), listing.files == cached.listing.files else { return nil }
        var rest = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[offset...]))
        guard let overrides = OverrideCoding.decode(&rest), rest.isAtEnd, let index = cached.index.applying(overrides) else { return nil }
        return Cached(generation: cached.generation, listing: listing, records: cached.records, index: index)
    }

    private static func appendListing(_ listing: FileListing, to bytes: inout [UInt8]) {
        let now = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        // Racily clean: a file or folder changed within two seconds of this save may change
        // again within the same timestamp tick; stamp it unknown so the next run looks again.
        func safe(_ stamp: FileStamp) -> FileStamp { now - max(stamp.mtime, stamp.ctime) < 2_000_000_000 ? .unknown : stamp }
        BinaryCoding.appendVarint(UInt64(listing.directories.count), to: &bytes)
        for directory in listing.directories {
            BinaryCoding.appendString(directory.path, to: &bytes)
            appendStamps([safe(directory.stamp)], to: &bytes)
            BinaryCoding.appendVarint(UInt64(directory.subdirectories.count), to: &bytes)
            for name in directory.subdirectories { BinaryCoding.appendString(name, to: &bytes) }
            BinaryCoding.appendVarint(UInt64(directory.files.lowerBound), to: &bytes)
            BinaryCoding.appendVarint(UInt64(directory.files.upperBound), to: &bytes)
        }
        appendArray(listing.files.ends, to: &bytes)
        appendArray(listing.files.bytes, to: &bytes)
        appendStamps(listing.stamps.map(safe), to: &bytes)
    }

    static func decode(_ storage: any SnapshotStorage, fingerprint: String) -> Cached? {
        let raw = storage.bytes
        guard raw.count > magic.count, raw.prefix(magic.count).elementsEqual(magic) else { return nil }
        var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[magic.count...]))
        guard reader.string() == fingerprint, let generation = reader.varint() else { return nil }
        var offset = magic.count + reader.offset
        guard let listing = readListing(raw, &offset), let records: [Int32] = readArray(raw, &offset), records.count == listing.files.count,
            let index = KBIndex(snapshot: storage, offset: offset),
            records.allSatisfy({ $0 >= -1 && Int($0) < index.count })
        else { return nil }
        return Cached(generation: generation, listing: listing, records: records, index: index)
    }

    private static func readListing(_ raw: UnsafeRawBufferPointer, _ offset: inout Int) -> FileListing? {
        var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[offset...]))
        guard let directoryCount = reader.count() else { return nil }
        var listing = FileListing()
        for _ in 0..<directoryCount {
            guard let path = reader.string(), let stamp = readStamp(&reader), let subdirectoryCount = reader.count() else { return nil }
            var subdirectories: [String] = []
            for _ in 0..<subdirectoryCount {
                guard let name = reader.string() else { return nil }
                subdirectories.append(name)
            }
            guard let start = reader.varint(), let end = reader.varint(), start <= end, end <= UInt64(raw.count) else { return nil }
            listing.directories.append(.init(path: path, stamp: stamp, subdirectories: subdirectories, files: Int(start)..<Int(end)))
        }
        offset += reader.offset
        guard let ends: [UInt32] = readArray(raw, &offset), let pathBytes: [UInt8] = readArray(raw, &offset),
            let files = StringColumn(validating: pathBytes, ends: ends),
            let sizes: [Int64] = readArray(raw, &offset), let mtimes: [Int64] = readArray(raw, &offset),
            let inodes: [UInt64] = readArray(raw, &offset), let ctimes: [Int64] = readArray(raw, &offset),
            [sizes.count, mtimes.count, inodes.count, ctimes.count].allSatisfy({ $0 == files.count }),
            listing.directories.allSatisfy({ $0.files.upperBound <= files.count })
        else { return nil }
        listing.files = files
        listing.stamps = (0..<files.count).map { FileStamp(size: sizes[$0], mtime: mtimes[$0], inode: inodes[$0], ctime: ctimes[$0]) }
        return listing
    }

    private static func appendStamps(_ stamps: [FileStamp], to bytes: inout [UInt8]) {
        appendArray(stamps.map(\.size), to: &bytes)
        appendArray(stamps.map(\.mtime), to: &bytes)
        appendArray(stamps.map(\.inode), to: &bytes)
        appendArray(stamps.map(\.ctime), to: &bytes)
    }

    private static func readStamp(_ reader: inout BinaryReader) -> FileStamp? {
        var values: [UInt64] = []
        for _ in 0..<4 {
            guard reader.count() == 1 else { return nil }
            var value: UInt64 = 0
            for shift in 0..<8 {
                guard let byte = reader.byte() else { return nil }
                value |= UInt64(byte) << (8 * UInt64(shift))
            }
            values.append(value)
        }
        return FileStamp(size: Int64(bitPattern: values[0]), mtime: Int64(bitPattern: values[1]), inode: values[2], ctime: Int64(bitPattern: values[3]))
    }

    private static func appendArray<T: FixedWidthInteger>(_ values: [T], to bytes: inout [UInt8]) {
        BinaryCoding.appendArray(values, to: &bytes)
    }

    private static func readArray<T: FixedWidthInteger>(_ raw: UnsafeRawBufferPointer, _ offset: inout Int) -> [T]? {
        BinaryCoding.readArray(raw, &offset)
    }
}
