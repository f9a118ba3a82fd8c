internal import Foundation
internal import Glibc
internal import KaleidoKB
public import KaleidoGit
internal import KaleidoWorkspace

/// A file of the working tree as git would store it.
public struct WorkingFile: Hashable, Sendable {
    /// Slash-separated path from the KB root.
    public var path: String
    /// The blob id of its content.
    public var id: ObjectID
    /// Regular, executable or symlink.
    public var mode: FileMode
}

/// Lists the working tree's files with their blob ids, reading only files whose stat (the
/// workspace's `FileStamp`, git's "stat cache" idea) changed since the last scan, so that a scan of 10,000 unchanged records is a walk of `lstat` calls.
///
/// Skipped: `.git` folders, what git ignores (asked through `isIgnored`), the engine's own
/// temporary files and editors' swap files (never meant to be shared).
final class WorkingTreeScanner {
    let root: String
    private(set) var cache: [String: (stamp: FileStamp, id: ObjectID)] = [:]
    private var cacheChanged = false
    /// The branch tip (hex, or "none" for an unborn branch) the working tree matched when the
    /// cache was saved, so that a new process (`kaleido sync`) can also skip listing the tip
    /// when no stat changed. Saved in the same file as the stats, so the two always agree.
    var cleanTip: String? {
        didSet { if cleanTip != oldValue { cacheChanged = true } }
    }
    /// Folders walked by the last scan: not asked again whether git ignores them.
    private var knownFolders: Set<String> = []
    /// Answers whether a path (a folder ends with "/") is git-ignored.
    var isIgnored: (String) -> Bool = { _ in false }

    init(root: String) {
        self.root = root
    }

    /// The result of a scan.
    struct Scan {
        /// An array, not a dictionary: with 100,000 files that is a few MB instead of tens.
        var files: [WorkingFile]
        /// Whether every file was known with an unchanged stat and none vanished: the tree is
        /// exactly as the previous scan saw it.
        var unchanged: Bool
        /// Files never committed because of their name (not UTF-8, or a name git refuses),
        /// with what to do: listed as waiting.
        var refused: [(path: String, reason: String)] = []
    }

    /// Every file under the root. `isTracked` answers for a path git ignores whether it is
    /// committed all the same (git keeps tracking what it already tracks); it is asked only
    /// for files and folders the previous scan did not see.
    func scan(isTracked: (String) -> Bool) throws -> Scan {
        var state = WalkState()
        walk("", in: nil, isTracked: isTracked, state: &state)
        // When every file hit the cache, an extra cache entry is a vanished file.
        if cache.count > state.hits {
            let seen = Set(state.files.map(\.path))
            cache = cache.filter { seen.contains($0.key) }
            cacheChanged = true
            state.unchanged = false
        }
        knownFolders = state.folders
        return Scan(files: state.files, unchanged: state.unchanged && state.refused.isEmpty, refused: state.refused)
    }

    private struct WalkState {
        var files: [WorkingFile] = []
        var folders: Set<String> = []
        var hits = 0
        var unchanged = true
        var refused: [(path: String, reason: String)] = []
    }

    /// The file at `path` as it is now, or `nil` when there is no file there (or the path goes
    /// through a symlink: nothing is ever read through one).
    func file(at path: String) -> WorkingFile? {
        guard let (folder, name) = try? WorkingTreeWriter(root: root).parent(of: path, creating: false) else { return nil }
        var info = stat()
        guard fstatat(folder.descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return hashed(path, info, in: folder.descriptor, name: name)?.file
    }

    /// The bytes of the file at `path` (a symlink's target, never what it points to), or `nil`.
    /// Each folder on the way is opened without following symlinks.
    func read(_ path: String) -> [UInt8]? {
        guard let (folder, name) = try? WorkingTreeWriter(root: root).parent(of: path, creating: false) else { return nil }
        var info = stat()
        guard fstatat(folder.descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return Self.read(name, in: folder.descriptor, info)
    }

    /// The bytes of `name` in the open folder `folder`, `info` being its `lstat`.
    private static func read(_ name: String, in folder: Int32, _ info: stat) -> [UInt8]? {
        if (info.st_mode & S_IFMT) == S_IFLNK {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlinkat(folder, name, &buffer, buffer.count - 1)
            guard count >= 0 else { return nil }
            return buffer[0..<count].map { UInt8(bitPattern: $0) }
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return name.withCString { LocalFileSystem.readWhole(at: folder, $0, expectedSize: nil) }
    }

    /// Whether a name is never part of the KB: the atomic writer's temporary files (the CLI's
    /// and the daemon's alike) and editors' scratch files.
    static func isScratchName(_ name: String) -> Bool {
        AtomicFile.isTemporaryName(name) || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasSuffix("~") || name.hasPrefix(".#") || name == "4913"
    }

    private func walk(_ folder: String, in parent: Int32?, isTracked: (String) -> Bool, state: inout WalkState) {
        // A subfolder is opened relative to its parent, without following a symlink: one swapped
        // in since the parent was listed is not walked.
        let name = folder.split(separator: "/").last.map(String.init) ?? folder
        let opened = parent.map { openat($0, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) } ?? open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard opened >= 0 else { return }
        guard let directory = fdopendir(opened) else { close(opened); return }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var subfolders: [String] = []
        while let entry = readdir(directory) {
            guard let name = directoryEntryUTF8Name(entry) else {
                // Other computers could not even name it: never committed, and said so.
                let shown = directoryEntryName(entry)
                state.refused.append((folder.isEmpty ? shown : folder + "/" + shown,
                                      "the file name is not UTF-8 (written by an old program or a copy from another system): rename it, in UTF-8, and it is committed"))
                continue
            }
            if name == "." || name == ".." || name == ".git" { continue }
            let path = folder.isEmpty ? name : folder + "/" + name
            // A name git would refuse (`.GIT`, `git~1`…) is never committed: others could not check it out.
            if let problem = GitPathRules.check(name: Array(name.utf8)) {
                state.refused.append((path, "git refuses this name (\(problem)): rename it and it is committed"))
                continue
            }
            if Self.isScratchName(name) {
                // A temporary file of a sync killed before its rename: its content is in git.
                if StaleLocks.isOrphanTemporary(name) { unlinkat(descriptor, name, 0) }
                continue
            }
            var info = stat()
            // fstatat on the open folder: no full-path lookup per file.
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR {
                if !knownFolders.contains(path) && isIgnored(path + "/") && !isTracked(path) { continue }
                state.folders.insert(path)
                subfolders.append(path)
            } else if type == S_IFREG || type == S_IFLNK {
                if cache[path] == nil && isIgnored(path) && !isTracked(path) { continue }
                guard let (file, hit) = hashed(path, info, in: descriptor, name: name) else { continue }
                state.files.append(file)
                if hit { state.hits += 1 } else { state.unchanged = false }
            }
        }
        for subfolder in subfolders { walk(subfolder, in: descriptor, isTracked: isTracked, state: &state) }
    }

    /// The file's id, from the cache when its stat is unchanged (`hit`), else read and hashed.
    private func hashed(_ path: String, _ info: stat, in folder: Int32, name: String) -> (file: WorkingFile, hit: Bool)? {
        let type = info.st_mode & S_IFMT
        let mode: FileMode = type == S_IFLNK ? .symlink : (info.st_mode & 0o100 != 0 ? .executable : .regular)
        let stamp = FileStamp(info)
        if let cached = cache[path], cached.stamp == stamp {
            return (WorkingFile(path: path, id: cached.id, mode: mode), true)
        }
        guard let bytes = Self.read(name, in: folder, info), let id = try? ObjectID.blob(hashing: bytes) else { return nil }
        // A file modified within the last two seconds may change again within the same mtime
        // tick ("racy git"): hash it again next time rather than trusting its stamp.
        if !stamp.isRacy(now: FileStamp.now()) {
            cache[path] = (stamp, id)
            cacheChanged = true
        } else if cache.removeValue(forKey: path) != nil {
            cacheChanged = true
        }
        return (WorkingFile(path: path, id: id, mode: mode), false)
    }

    // MARK: Persistence (a format line, then one line per file: id, size, mtime, ctime, inode, path)

    /// The first line of the saved cache. A file without it (an older format) is not read:
    /// the next scan hashes every file once.
    static let formatLine = "stamps 2"

    /// Loads a cache written by `save(to:)`; a missing or damaged file means an empty cache.
    func load(from file: String) {
        guard let data = FileManager.default.contents(atPath: file) else { return }
        defer { cacheChanged = false }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.first == Substring(Self.formatLine) else { return }
        for line in lines.dropFirst() {
            if line.hasPrefix("clean ") { cleanTip = String(line.dropFirst(6)); continue }
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: false)
            guard fields.count == 6, let id = ObjectID(hex: fields[0]), let size = Int64(fields[1]),
                  let mtime = Int64(fields[2]), let ctime = Int64(fields[3]), let inode = UInt64(fields[4]) else { continue }
            cache[String(fields[5])] = (FileStamp(size: size, mtime: mtime, inode: inode, ctime: ctime), id)
        }
    }

    /// Writes the cache atomically when it changed since the last save.
    func save(to file: String) {
        guard cacheChanged else { return }
        var text = ""
        text.reserveCapacity(cache.count * 100)
        text += Self.formatLine + "\n"
        if let cleanTip { text += "clean \(cleanTip)\n" }
        for (path, entry) in cache {
            let s = entry.stamp
            text += "\(entry.id.hex) \(s.size) \(s.mtime) \(s.ctime) \(s.inode) \(path)\n"
        }
        if (try? AtomicFile.write(Array(text.utf8), to: file, mode: 0o644)) != nil { cacheChanged = false }
    }
}
