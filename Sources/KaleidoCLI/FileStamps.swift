#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What says a file may have changed without reading it: size, modification time (ns),
/// inode and change time, as git's index keeps them.
struct FileStamp: Hashable {
    var size: Int64
    var mtime: Int64
    var inode: UInt64
    var ctime: Int64

    /// A stamp that matches no file: forces the next run to read the file again.
    static let unknown = FileStamp(size: -1, mtime: 0, inode: 0, ctime: 0)
}

/// Lists the record files (`.yaml`, `.yml`) below a folder with their stamps, in one walk
/// with `fstatat` relative to each directory (no path resolution per file). Hidden entries
/// are skipped, as `FileSystem.listFiles` does.
enum StampWalker {
    static func walk(_ root: String) -> [(path: String, stamp: FileStamp)] {
        var result: [(path: String, stamp: FileStamp)] = []
        walk(root, relative: "", into: &result)
        return result
    }

    static func stamp(_ path: String) -> FileStamp? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileStamp(status)
    }

    private static func walk(_ directory: String, relative: String, into result: inout [(path: String, stamp: FileStamp)]) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        let descriptor = dirfd(handle)
        var subdirectories: [String] = []
        var files: [(String, FileStamp)] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            var type = entry.pointee.d_type
            let isRecord = name.hasSuffix(".yaml") || name.hasSuffix(".yml")
            if type == UInt8(DT_DIR) {
                subdirectories.append(name)
                continue
            }
            guard isRecord || type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) else { continue }
            var status = stat()
            guard fstatat(descriptor, name, &status, 0) == 0 else { continue }
            type = (status.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
            if type == UInt8(DT_DIR) {
                subdirectories.append(name)
            } else if isRecord && (status.st_mode & S_IFMT) == S_IFREG {
                files.append((relative.isEmpty ? name : relative + "/" + name, FileStamp(status)))
            }
        }
        // Sorted, so that the order (and the index's record order) never depends on readdir.
        files.sort { $0.0 < $1.0 }
        result.append(contentsOf: files.map { (path: $0.0, stamp: $0.1) })
        for name in subdirectories.sorted() {
            walk(directory + "/" + name, relative: relative.isEmpty ? name : relative + "/" + name, into: &result)
        }
    }
}

extension FileStamp {
    init(_ status: stat) {
        #if canImport(Darwin)
        mtime = Int64(status.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(status.st_mtimespec.tv_nsec)
        ctime = Int64(status.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(status.st_ctimespec.tv_nsec)
        #else
        mtime = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        ctime = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
        #endif
        size = Int64(status.st_size)
        inode = UInt64(status.st_ino)
    }
}
