import Dispatch
import Foundation
import KaleidoKB
import KaleidoQuery

#if canImport(Glibc)
package import Glibc
#elseif canImport(Darwin)
package import Darwin
#endif

/// What says a file may have changed without reading it: size, modification time (ns),
/// inode and change time, as git's index keeps them (a `chmod` changes the change time). The
/// one stamp of Kaleido's two stat caches: the index cache's and the sync scanner's.
public struct FileStamp: Hashable, Sendable {
    public var size: Int64
    /// Nanoseconds since 1970.
    public var mtime: Int64
    public var inode: UInt64
    /// Nanoseconds since 1970.
    public var ctime: Int64

    public init(size: Int64, mtime: Int64, inode: UInt64, ctime: Int64) {
        (self.size, self.mtime, self.inode, self.ctime) = (size, mtime, inode, ctime)
    }

    /// A stamp that matches no file: forces the next run to read the file again.
    public static let unknown = FileStamp(size: -1, mtime: 0, inode: 0, ctime: 0)

    /// Whether the file changed less than two seconds before `now` (nanoseconds since 1970): it
    /// may change again within the same time tick without its stamp changing, so the stamp
    /// is not trusted and the file is read again next time (git's "racily clean" entries).
    public func isRacy(now: Int64) -> Bool {
        now - max(mtime, ctime) < 2_000_000_000
    }

    /// The current time in nanoseconds since 1970, for `isRacy`.
    public static func now() -> Int64 {
        Int64(Date().timeIntervalSince1970 * 1_000_000_000)
    }
}

/// Stamps of many files as one flat buffer (four integers a file): saved, loaded and compared
/// as a single array instead of one struct at a time.
struct StampTable: Equatable {
    private(set) var values: [Int64]

    init(count: Int) {
        values = Array(repeating: 0, count: 4 * count)
        for position in 0..<count { self[position] = .unknown }
    }

    /// A table over saved values, or nil when they are not four per file.
    init?(values: [Int64]) {
        guard values.count % 4 == 0 else { return nil }
        self.values = values
    }

    var count: Int { values.count / 4 }

    subscript(position: Int) -> FileStamp {
        get {
            let base = 4 * position
            return FileStamp(size: values[base], mtime: values[base + 1], inode: UInt64(bitPattern: values[base + 2]), ctime: values[base + 3])
        }
        set {
            let base = 4 * position
            (values[base], values[base + 1], values[base + 2], values[base + 3]) =
                (newValue.size, newValue.mtime, Int64(bitPattern: newValue.inode), newValue.ctime)
        }
    }

    /// Fills `range` concurrently: `body` gets the position and where to write its stamp.
    mutating func fill(chunks: Int, _ body: @Sendable (Range<Int>, UnsafeMutableBufferPointer<Int64>) -> Void) {
        let count = self.count
        values.withUnsafeMutableBufferPointer { output in
            let output = UnsafeSendable(output)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                body((count * chunk / chunks)..<(count * (chunk + 1) / chunks), output.value)
            }
        }
    }
}

/// The record files below the knowledge folder with their stamps, and the folders with theirs.
///
/// A folder whose own stamp is unchanged since the previous listing still holds the same
/// entries (adding, removing or renaming an entry changes the folder's mtime), so its names
/// are taken from the previous listing instead of being read again — git's untracked cache
/// does the same. Every file is still stat'ed (an edit in place changes only the file), on
/// every core, relative to its open folder (one path component to look up, not the whole path).
struct FileListing {
    struct Directory: Equatable {
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
    var stamps = StampTable(count: 0)

    /// Lists `root`, reusing the names of unchanged folders of `previous`. The open folders
    /// are handed back too, for reading the files relative to them.
    static func list(_ root: String, previous: FileListing?, threads: Int) -> (FileListing, OpenFolders) {
        var previousByPath: [String: Int] = [:]
        for (position, directory) in (previous?.directories ?? []).enumerated() { previousByPath[directory.path] = position }
        var listing = FileListing()
        let folders = OpenFolders()
        var sources: [Source] = []
        listing.visit("", root: root, previous: previous, previousByPath: previousByPath, folders: folders, sources: &sources)
        listing.gatherFiles(sources, previous: previous)
        listing.stamps = statAll(listing.files, folders: folders, directories: listing.directories, threads: threads)
        return (listing, folders)
    }

    /// Where a folder's file names come from.
    private enum Source {
        case previous(Int)
        case read([String])
    }

    private mutating func visit(_ relative: String, root: String, previous: FileListing?, previousByPath: [String: Int],
                                folders: OpenFolders, sources: inout [Source]) {
        let absolute = relative.isEmpty ? root : root + "/" + relative
        let descriptor = open(absolute, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (relative.isEmpty ? 0 : O_NOFOLLOW))
        var status = stat()
        guard descriptor >= 0, fstat(descriptor, &status) == 0 else {
            if descriptor >= 0 { close(descriptor) }
            return
        }
        let stamp = FileStamp(status)
        let start = directories.last?.files.upperBound ?? 0
        folders.descriptors.append(descriptor)
        let subdirectories: [String]
        let count: Int
        if let previous, let old = previousByPath[relative], previous.directories[old].stamp == stamp, stamp != .unknown {
            subdirectories = previous.directories[old].subdirectories
            count = previous.directories[old].files.count
            sources.append(.previous(old))
        } else {
            var names: [String] = []
            var folderNames: [String] = []
            Self.read(descriptor, names: &names, subdirectories: &folderNames)
            names.sort(by: Self.byteOrder)
            folderNames.sort(by: Self.byteOrder)
            subdirectories = folderNames
            count = names.count
            sources.append(.read(relative.isEmpty ? names : names.map { relative + "/" + $0 }))
        }
        folders.owners.append(contentsOf: repeatElement(Int32(directories.count), count: count))
        directories.append(Directory(path: relative, stamp: stamp, subdirectories: subdirectories, files: start..<(start + count)))
        for name in subdirectories {
            visit(relative.isEmpty ? name : relative + "/" + name, root: root, previous: previous, previousByPath: previousByPath,
                  folders: folders, sources: &sources)
        }
    }

    /// Fills `files` from the folders' sources. When every folder is unchanged and in the same
    /// place, the previous column is this one: shared, not copied (and equal at no cost).
    private mutating func gatherFiles(_ sources: [Source], previous: FileListing?) {
        if let previous, previous.directories.count == directories.count,
            sources.enumerated().allSatisfy({ position, source in
                if case .previous(let old) = source { return old == position && previous.directories[old].files == directories[position].files }
                return false
            })
        {
            files = previous.files
            return
        }
        for source in sources {
            switch source {
            case .previous(let old):
                if let previous { files.append(from: previous.files, range: previous.directories[old].files) }
            case .read(let names):
                for name in names { files.append(name) }
            }
        }
    }

    /// Byte order of the UTF-8 names (as git sorts), by `memcmp`: sorting 100,000 names through
    /// `String.UTF8View` iterators cost a third of a second.
    static func byteOrder(_ lhs: String, _ rhs: String) -> Bool {
        var (lhs, rhs) = (lhs, rhs)
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                let common = min(left.count, right.count)
                if common > 0, let a = left.baseAddress, let b = right.baseAddress {
                    let order = memcmp(a, b, common)
                    if order != 0 { return order < 0 }
                }
                return left.count < right.count
            }
        }
    }

    /// The record files and subfolders of an open folder (hidden entries skipped).
    private static func read(_ descriptor: Int32, names: inout [String], subdirectories: inout [String]) {
        let duplicate = dup(descriptor)
        guard duplicate >= 0, let handle = fdopendir(duplicate) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = directoryEntryName(entry)
            if name.hasPrefix(".") { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var status = stat()
                guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                let format = status.st_mode & S_IFMT
                type = format == S_IFDIR ? UInt8(DT_DIR) : format == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_REG)
            }
            // A symlink (to a file or a folder) is never followed nor read: `kaleido validate`
            // reports it ("a record must be a regular file").
            if type == UInt8(DT_DIR) {
                subdirectories.append(name)
            } else if type == UInt8(DT_REG), name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                names.append(name)
            }
        }
    }

    /// Stats every file relative to its folder's descriptor, in parallel chunks.
    private static func statAll(_ files: StringColumn, folders: OpenFolders, directories: [Directory], threads: Int) -> StampTable {
        var stamps = StampTable(count: files.count)
        let prefixes = directories.map { $0.path.isEmpty ? 0 : $0.path.utf8.count + 1 }
        stamps.fill(chunks: max(1, min(threads, files.count / 2048 + 1))) { range, output in
            var status = stat()
            for file in range {
                let done = folders.withName(file, in: files, prefixes: prefixes) { descriptor, name in
                    fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0
                }
                guard done == true else { continue }
                let stamp = FileStamp(status)
                (output[4 * file], output[4 * file + 1], output[4 * file + 2], output[4 * file + 3]) =
                    (stamp.size, stamp.mtime, Int64(bitPattern: stamp.inode), stamp.ctime)
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

/// The folders of a listing, open, and the folder of each file: files are stat'ed and read
/// relative to them. Closed when the last user lets go.
final class OpenFolders: @unchecked Sendable {
    /// Filled while listing (one thread), only read afterwards.
    fileprivate(set) var descriptors: [Int32] = []
    fileprivate(set) var owners: [Int32] = []

    /// Calls `body` with file `position`'s folder descriptor and its NUL-terminated name in
    /// that folder (the path after the folder's prefix of `prefixes[folder]` bytes); nil when
    /// the file has no folder or an impossible name.
    func withName<R>(_ position: Int, in files: StringColumn, prefixes: [Int], _ body: (Int32, UnsafePointer<CChar>) -> R) -> R? {
        guard position < owners.count else { return nil }
        let folder = Int(owners[position])
        let start = (position == 0 ? 0 : Int(files.ends[position - 1])) + prefixes[folder]
        let end = Int(files.ends[position])
        guard start < end, end - start < 4096 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: end - start + 1) { name in
            files.bytes.withUnsafeBufferPointer { bytes in
                for offset in 0..<(end - start) { name[offset] = CChar(bitPattern: bytes[start + offset]) }
            }
            name[end - start] = 0
            guard let base = name.baseAddress else { return nil }
            return body(descriptors[folder], base)
        }
    }

    deinit {
        for descriptor in descriptors where descriptor >= 0 { close(descriptor) }
    }
}

/// Hands a buffer to concurrent chunks that each write a disjoint range of it.
struct UnsafeSendable<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}

extension FileStamp {
    /// The stamp of an `lstat`/`fstatat` result.
    package init(_ status: stat) {
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
