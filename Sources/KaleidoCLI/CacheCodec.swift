import Foundation
import KaleidoQuery

/// The bytes of `.kaleido/cache/index.bin`: a magic, the fingerprint (tool version, config and
/// schema stamps), the record files with their stamps and record positions, then the index
/// snapshot. Decoding checks everything and answers nil rather than trust a damaged file.
enum CacheCodec {
    static let magic: [UInt8] = Array("KLDCACHE4".utf8)

    static func encode(_ index: KBIndex, walked: [(path: String, stamp: FileStamp)], fingerprint: String,
                       knowledgeFolder: String) -> [UInt8] {
        var bytes = magic
        BinaryCoding.appendString(fingerprint, to: &bytes)
        let now = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        var paths = StringColumn()
        var sizes: [Int64] = [], mtimes: [Int64] = [], inodes: [UInt64] = [], ctimes: [Int64] = [], records: [Int32] = []
        var record = 0
        for file in walked {
            paths.append(file.path)
            // Racily clean: a file written within two seconds of this save may change again
            // within the same timestamp tick; stamp it unknown so the next run reads it.
            let recent = now - max(file.stamp.mtime, file.stamp.ctime) < 2_000_000_000
            let stamp = recent ? FileStamp.unknown : file.stamp
            sizes.append(stamp.size); mtimes.append(stamp.mtime); inodes.append(stamp.inode); ctimes.append(stamp.ctime)
            if record < index.count, index.file(record) == knowledgeFolder + "/" + file.path {
                records.append(Int32(record))
                record += 1
            } else {
                records.append(-1)
            }
        }
        appendArray(paths.ends, to: &bytes)
        appendArray(paths.bytes, to: &bytes)
        appendArray(sizes, to: &bytes)
        appendArray(mtimes, to: &bytes)
        appendArray(inodes, to: &bytes)
        appendArray(ctimes, to: &bytes)
        appendArray(records, to: &bytes)
        bytes.append(contentsOf: index.snapshot())
        return bytes
    }

    static func decode(_ raw: UnsafeRawBufferPointer, fingerprint: String) -> IndexStore.CachedIndex? {
        guard raw.count > magic.count, raw.prefix(magic.count).elementsEqual(magic) else { return nil }
        var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[magic.count...]))
        guard reader.string() == fingerprint else { return nil }
        var offset = magic.count + reader.offset
        guard let ends: [UInt32] = readArray(raw, &offset), let pathBytes: [UInt8] = readArray(raw, &offset),
            let sizes: [Int64] = readArray(raw, &offset), let mtimes: [Int64] = readArray(raw, &offset),
            let inodes: [UInt64] = readArray(raw, &offset), let ctimes: [Int64] = readArray(raw, &offset),
            let records: [Int32] = readArray(raw, &offset),
            let paths = StringColumn(validating: pathBytes, ends: ends),
            [sizes.count, mtimes.count, inodes.count, ctimes.count, records.count].allSatisfy({ $0 == paths.count }),
            let index = KBIndex(snapshot: UnsafeRawBufferPointer(rebasing: raw[offset...])),
            records.allSatisfy({ $0 >= -1 && Int($0) < index.count })
        else { return nil }
        let stamps = paths.count == 0 ? [] : (0..<paths.count).map {
            FileStamp(size: sizes[$0], mtime: mtimes[$0], inode: inodes[$0], ctime: ctimes[$0])
        }
        return IndexStore.CachedIndex(paths: paths, stamps: stamps, records: records.map { $0 >= 0 ? $0 : nil }, index: index)
    }

    private static func appendArray<T: FixedWidthInteger>(_ values: [T], to bytes: inout [UInt8]) {
        BinaryCoding.appendVarint(UInt64(values.count), to: &bytes)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    private static func readArray<T: FixedWidthInteger>(_ raw: UnsafeRawBufferPointer, _ offset: inout Int) -> [T]? {
        var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[offset...]))
        guard let count = reader.varint(), count <= UInt64(raw.count) else { return nil }
        let start = offset + reader.offset
        let length = Int(count) * MemoryLayout<T>.stride
        guard length <= raw.count - start else { return nil }
        let values = [T](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<start + length]))
            initialized = Int(count)
        }
        offset = start + length
        return values
    }
}
