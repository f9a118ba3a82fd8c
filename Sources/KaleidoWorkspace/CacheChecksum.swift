import KaleidoQuery

/// The trailer every cache file ends with, so that a damaged cache is never trusted: for each
/// section written (the listing, the index snapshot; or the overlay), its length and its XXH64,
/// then the number of sections and a magic.
///
/// The decoders check the structure of what they read, but a flipped bit inside a date, a
/// title or a reference target is still well formed: only a checksum tells.
enum CacheChecksum {
    static let magic: [UInt8] = Array("KLDSUMS1".utf8)

    /// The bytes to write after `sections`.
    static func trailer(for sections: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        for section in sections {
            append(UInt64(section.count), to: &bytes)
            append(XXHash64.hash(section), to: &bytes)
        }
        append(UInt64(sections.count), to: &bytes)
        return bytes + magic
    }

    /// The file without its trailer when every section's checksum matches; nil when the
    /// trailer is missing (an older version's file), malformed or any section differs.
    static func verified(_ file: any SnapshotStorage) -> (any SnapshotStorage)? {
        let raw = file.bytes
        let fixed = 8 + magic.count
        guard raw.count >= fixed, raw[(raw.count - magic.count)...].elementsEqual(magic) else { return nil }
        let sectionCount = raw.loadUnaligned(fromByteOffset: raw.count - fixed, as: UInt64.self).littleEndian
        guard sectionCount > 0, sectionCount <= 16 else { return nil }
        let trailerSize = fixed + Int(sectionCount) * 16
        guard raw.count >= trailerSize else { return nil }
        let content = raw.count - trailerSize
        var start = 0
        for section in 0..<Int(sectionCount) {
            let entry = content + section * 16
            let length = raw.loadUnaligned(fromByteOffset: entry, as: UInt64.self).littleEndian
            let expected = raw.loadUnaligned(fromByteOffset: entry + 8, as: UInt64.self).littleEndian
            guard length <= UInt64(content - start) else { return nil }
            let end = start + Int(length)
            guard XXHash64.hash(UnsafeRawBufferPointer(rebasing: raw[start..<end])) == expected else { return nil }
            start = end
        }
        guard start == content else { return nil }
        return TrimmedStorage(file, length: content)
    }

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

/// The first `length` bytes of a storage (a mapped cache file without its trailer), keeping
/// the storage alive as long as an index reads from it.
final class TrimmedStorage: SnapshotStorage, @unchecked Sendable {
    private let storage: any SnapshotStorage
    private let length: Int

    init(_ storage: any SnapshotStorage, length: Int) {
        self.storage = storage
        self.length = length
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: storage.bytes[..<length]) }
}
