import KaleidoQuery

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only in memory, unmapped when the last index reading it goes away.
///
/// The cache file is only ever replaced by `rename`, so a mapping keeps seeing the complete
/// file it opened even when another command saves a new one meanwhile.
final class MappedFile: SnapshotStorage, @unchecked Sendable {
    private let base: UnsafeMutableRawPointer
    private let length: Int

    /// Maps `path`, or answers nil when it cannot be opened or is empty.
    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0 else { return nil }
        length = Int(status.st_size)
        guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else { return nil }
        base = mapped
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: length) }

    deinit { munmap(base, length) }
}
