import Dispatch
import KaleidoQuery

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

/// The record files below the knowledge folder with their stamps, and the folders with theirs.
///
/// A folder whose own stamp is unchanged since the previous listing still holds the same
/// entries (adding, removing or renaming an entry changes the folder's mtime), so its names
/// are taken from the previous listing instead of being read again — git's untracked cache
/// does the same. Every file is still stat'ed (an edit in place changes only the file), on
/// every core.
struct FileListing {
    struct Directory {
        /// Relative to the knowledge folder ("" for the folder itself).
        var path: String
        var stamp: FileStamp
        var subdirectories: [String]
        /// The range of this folder's files in `files`.
        var files: Range<Int>
    }

    var directories: [Directory] = []
    /// Record files relative to the knowledge folder, in listing order (sorted per folder).
    var files = StringColumn()
    var stamps: [FileStamp] = []

    /// Lists `root`, reusing the names of unchanged folders of `previous`.
    static func list(_ root: String, previous: FileListing?, threads: Int) -> FileListing {
        var previousByPath: [String: Int] = [:]
        for (position, directory) in (previous?.directories ?? []).enumerated() { previousByPath[directory.path] = position }
        var listing = FileListing()
        var descriptors: [Int32] = []
        var owners: [Int32] = []
        listing.visit("", root: root, previous: previous, previousByPath: previousByPath, descriptors: &descriptors, owners: &owners)
        listing.stamps = statAll(listing.files, owners: owners, descriptors: descriptors, directories: listing.directories, threads: threads)
        for descriptor in descriptors where descriptor >= 0 { close(descriptor) }
        return listing
    }

    private mutating func visit(_ relative: String, root: String, previous: FileListing?, previousByPath: [String: Int],
                                descriptors: inout [Int32], owners: inout [Int32]) {
        let absolute = relative.isEmpty ? root : root + "/" + relative
        let descriptor = open(absolute, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        var status = stat()
        guard descriptor >= 0, fstat(descriptor, &status) == 0 else {
            if descriptor >= 0 { close(descriptor) }
            return
        }
        let stamp = FileStamp(status)
        let directoryIndex = directories.count
        descriptors.append(descriptor)
        let start = files.count
        var subdirectories: [String]
        if let previous, let old = previousByPath[relative], previous.directories[old].stamp == stamp, stamp != .unknown {
            let oldDirectory = previous.directories[old]
            files.append(from: previous.files, range: oldDirectory.files)
            subdirectories = oldDirectory.subdirectories
        } else {
            var names: [String] = []
            subdirectories = []
            Self.read(descriptor, names: &names, subdirectories: &subdirectories)
            for name in names.sorted(by: Self.byteOrder) { files.append(relative.isEmpty ? name : relative + "/" + name) }
            subdirectories.sort(by: Self.byteOrder)
        }
        owners.append(contentsOf: repeatElement(Int32(directoryIndex), count: files.count - start))
        directories.append(Directory(path: relative, stamp: stamp, subdirectories: subdirectories, files: start..<files.count))
        for name in subdirectories {
            visit(relative.isEmpty ? name : relative + "/" + name, root: root, previous: previous, previousByPath: previousByPath,
                  descriptors: &descriptors, owners: &owners)
        }
    }

    static func byteOrder(_ lhs: String, _ rhs: String) -> Bool { lhs.utf8.lexicographicallyPrecedes(rhs.utf8) }

    /// The record files and subfolders of an open folder (hidden entries skipped).
    private static func read(_ descriptor: Int32, names: inout [String], subdirectories: inout [String]) {
        let duplicate = dup(descriptor)
        guard duplicate >= 0, let handle = fdopendir(duplicate) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                var status = stat()
                guard fstatat(descriptor, name, &status, 0) == 0 else { continue }
                type = (status.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
            }
            if type == UInt8(DT_DIR) {
                subdirectories.append(name)
            } else if type == UInt8(DT_REG), name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                names.append(name)
            }
        }
    }

    /// Stats every file relative to its folder's descriptor, in parallel chunks.
    private static func statAll(_ files: StringColumn, owners: [Int32], descriptors: [Int32], directories: [Directory],
                                threads: Int) -> [FileStamp] {
        let count = files.count
        var stamps = [FileStamp](repeating: .unknown, count: count)
        let chunks = max(1, min(threads, count / 2048 + 1))
        stamps.withUnsafeMutableBufferPointer { output in
            let output = UnsafeSendable(output)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (count * chunk / chunks)..<(count * (chunk + 1) / chunks)
                var name = [CChar](repeating: 0, count: 4096)
                for file in range {
                    let directory = directories[Int(owners[file])]
                    let bytes = files.itemBytes(file)
                    // The name inside the folder: the path after the folder's own prefix.
                    let skip = directory.path.isEmpty ? 0 : directory.path.utf8.count + 1
                    let length = bytes.count - skip
                    guard length > 0, length < name.count else { continue }
                    for (offset, byte) in bytes.dropFirst(skip).enumerated() { name[offset] = CChar(bitPattern: byte) }
                    name[length] = 0
                    var status = stat()
                    if fstatat(descriptors[Int(owners[file])], name, &status, 0) == 0 { output.value[file] = FileStamp(status) }
                }
            }
        }
        return stamps
    }

    /// A single file's stamp (schemas, config), or nil when it does not exist.
    static func stamp(_ path: String) -> FileStamp? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileStamp(status)
    }
}

/// Hands a buffer to concurrent chunks that each write a disjoint range of it.
struct UnsafeSendable<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
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
