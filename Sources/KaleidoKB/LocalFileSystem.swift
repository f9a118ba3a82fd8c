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
            let result: Result<[UInt8], FileSystemError>
            do {
                if folderDescriptor >= 0, let slash {
                    result = .success(try read(at: folderDescriptor, String(path[path.index(after: slash)...]), reportedAs: path))
                } else {
                    result = .success(try readFile(path))
                }
            } catch let error as FileSystemError {
                result = .failure(error)
            } catch {
                result = .failure(FileSystemError(path: path, reason: "\(error)"))
            }
            try body(index, result)
        }
    }

    /// Reads `name` relative to the folder `descriptor` (or the working directory).
    private func read(at descriptor: Int32, _ name: String, reportedAs path: String) throws -> [UInt8] {
        let file = retryingOnInterrupt { openat(descriptor, name, O_RDONLY | O_CLOEXEC) }
        guard file >= 0 else { throw error(path) }
        defer { close(file) }
        var status = stat()
        guard fstat(file, &status) == 0 else { throw error(path) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw FileSystemError(path: path, reason: "Is a directory") }
        // One read into the array's own storage: no zero fill, no second buffer, no copy. The
        // extra byte tells a file that grew since fstat from one read to its end.
        let capacity = Int(status.st_size) + 1
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            while count < capacity {
                let got = retryingOnInterrupt { Glibc.read(file, buffer.baseAddress.map { $0 + count }, capacity - count) }
                if got < 0 { failed = true; return }
                if got == 0 { return }
                count += got
            }
        }
        if failed { throw error(path) }
        guard bytes.count == capacity else { return bytes }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { raw in
                retryingOnInterrupt { Glibc.read(file, raw.baseAddress, raw.count) }
            }
            if count < 0 { throw error(path) }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
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
            if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                var status = stat()
                guard stat(path, &status) == 0 else { continue }
                type = (status.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
            }
            if type == UInt8(DT_DIR) {
                try walk(path, relative: relativePath, into: &result)
            } else if type == UInt8(DT_REG) {
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
        FileSystemError(path: path, reason: String(cString: strerror(errno)))
    }

    private func retryingOnInterrupt<T: BinaryInteger>(_ call: () -> T) -> T {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}
