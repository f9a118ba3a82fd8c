#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real file system, through POSIX calls (fast enough to read 100,000 small records).
///
/// Reads retry on `EINTR`; every error becomes a `FileSystemError` carrying `strerror`'s text.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func readFile(_ path: String) throws -> [UInt8] {
        try read(at: AT_FDCWD, path, reportedAs: path)
    }

    /// Opens each folder once and its files relative to it: the kernel then walks one path
    /// component per file instead of the whole path.
    public func readFiles(_ paths: [String], _ body: (Int, Result<[UInt8], FileSystemError>) throws -> Void) rethrows {
        var folder: Substring?
        var folderDescriptor: Int32 = -1
        defer { if folderDescriptor >= 0 { close(folderDescriptor) } }
        for (index, path) in paths.enumerated() {
            let slash = path.lastIndex(of: "/")
            let parent = slash.map { path[..<$0] } ?? "."
            if parent != folder {
                if folderDescriptor >= 0 { close(folderDescriptor) }
                folderDescriptor = retryingOnInterrupt { open(String(parent), O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
                folder = parent
            }
            let result = FileSystemError.result(path) {
                guard folderDescriptor >= 0, let slash else { return try readFile(path) }
                return try read(at: folderDescriptor, String(path[path.index(after: slash)...]), reportedAs: path)
            }
            try body(index, result)
        }
    }

    /// Reads `name` relative to the folder `descriptor` (or the working directory).
    private func read(at descriptor: Int32, _ name: String, reportedAs path: String) throws -> [UInt8] {
        guard let bytes = name.withCString({ Self.readWhole(at: descriptor, $0, expectedSize: nil) }) else { throw error(path) }
        return bytes
    }

    /// A whole file's bytes, read relative to the open folder `folder` (`AT_FDCWD` for the
    /// working directory), or nil with `errno` set when it cannot be opened or read (`ELOOP`
    /// when it is a symlink: symlinks are never followed).
    ///
    /// The bytes go straight into the array's storage (no zero fill, no second buffer). Without
    /// `expectedSize`, fstat sizes the buffer. With it (a size from a stat taken just before, as
    /// the query cache's stamps are), no fstat is made, and a file of exactly that size is done
    /// without a last read to see its end; a file that grew or shrank is still read whole.
    package static func readWhole(at folder: Int32, _ name: UnsafePointer<CChar>, expectedSize: Int?) -> [UInt8]? {
        var file: Int32
        // O_NOFOLLOW: a record that is a symlink is never read (it could point at any file of
        // the machine, whose content would be printed in errors); it fails with ELOOP.
        repeat { file = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) } while file < 0 && errno == EINTR
        guard file >= 0 else { return nil }
        defer { close(file) }
        let size: Int
        if let expectedSize {
            size = expectedSize
        } else {
            var status = stat()
            guard fstat(file, &status) == 0 else { return nil }
            if (status.st_mode & S_IFMT) == S_IFDIR { errno = EISDIR; return nil }
            size = Int(status.st_size)
        }
        // One byte beyond the expected size, so that a file read to its end needs no second buffer.
        var capacity = max(0, min(size, 1 << 30)) + 1
        var bytes: [UInt8] = []
        while true {
            var failed = false
            var reachedEnd = false
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = previous.count
                if count > 0, let base = buffer.baseAddress {
                    previous.withUnsafeBufferPointer { old in if let from = old.baseAddress { base.update(from: from, count: old.count) } }
                }
                while count < capacity {
                    var got: Int
                    repeat { got = Glibc.read(file, buffer.baseAddress.map { $0 + count }, capacity - count) } while got < 0 && errno == EINTR
                    if got < 0 { failed = true; return }
                    if got == 0 { reachedEnd = true; return }
                    count += got
                    if expectedSize != nil, count == size { reachedEnd = true; return }
                }
            }
            if failed { return nil }
            if reachedEnd { return bytes }
            capacity *= 2  // the file grew since it was sized
        }
    }

    public func listFiles(under directory: String) throws -> [String] {
        var result: [String] = []
        try walk(directory, relative: "", into: &result)
        return result.sorted()
    }

    private func walk(_ directory: String, relative: String, into result: inout [String]) throws {
        guard let handle = opendir(directory) else { throw error(directory) }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = directoryEntryName(entry)
            if name.hasPrefix(".") { continue }
            let path = directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                let format = status.st_mode & S_IFMT
                type = format == S_IFDIR ? UInt8(DT_DIR) : format == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_REG)
            }
            if type == UInt8(DT_DIR) {
                try walk(path, relative: relativePath, into: &result)
            } else if type == UInt8(DT_REG) || type == UInt8(DT_LNK) {
                // A symlink is listed, never followed: reading it fails, and the validator says why.
                result.append(relativePath)
            }
        }
    }

    public func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    public func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    private func error(_ path: String) -> FileSystemError {
        if errno == ELOOP { return FileSystemError(path: path, reason: FileSystemError.symlinkReason) }
        return FileSystemError(path: path, reason: String(cString: strerror(errno)))
    }

    private func retryingOnInterrupt<T: BinaryInteger>(_ call: () -> T) -> T {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}
