internal import Foundation
internal import Glibc
internal import KaleidoGit
internal import KaleidoWorkspace

/// An open folder: the one owner of its descriptor, closed when the value goes away.
final class FolderDescriptor {
    let descriptor: Int32

    init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }
}

/// Writes and removes working-tree files without ever following a symlink: every path is first
/// checked with git's rules (`GitPathRules`), then reached relative to folder descriptors opened
/// one component at a time with `O_NOFOLLOW | O_DIRECTORY` (missing folders made with
/// `mkdirat`), and the file itself is written as a temporary file (`openat … O_NOFOLLOW`) renamed
/// over its name (`renameat`). A symlink in the middle of a path is refused with an error, so a
/// link the remote or anyone planted can never redirect a write outside the knowledge base.
struct WorkingTreeWriter {
    let root: String

    /// A written and synced temporary file, not yet renamed over its target.
    struct Pending {
        let folder: FolderDescriptor
        let temporary: String
        let name: String
        let path: String

        func commit() throws {
            var renamed = renameat(folder.descriptor, temporary, folder.descriptor, name) == 0
            // An empty folder left where the file goes (git does not track folders): remove it,
            // as git would; a folder that still holds files is refused below.
            if !renamed, errno == EISDIR, unlinkat(folder.descriptor, name, AT_REMOVEDIR) == 0 {
                renamed = renameat(folder.descriptor, temporary, folder.descriptor, name) == 0
            }
            guard renamed else {
                let reason = errno == EISDIR || errno == ENOTEMPTY
                    ? "a folder is there (holding files git does not track): move them away, the next sync writes the file"
                    : String(cString: strerror(errno))
                unlinkat(folder.descriptor, temporary, 0)
                throw SyncError.io("could not write \(path): \(reason)")
            }
        }

        func discard() { unlinkat(folder.descriptor, temporary, 0) }
    }

    /// Writes `bytes` beside `path` (missing folders created) and syncs them; `commit()` renames.
    func prepare(_ bytes: [UInt8], for path: String, mode: mode_t, durable: Bool = true) throws -> Pending {
        let (folder, name) = try parent(of: path, creating: true)
        let temporary = AtomicFile.temporaryName(for: name)
        unlinkat(folder.descriptor, temporary, 0)
        let file = openat(folder.descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard file >= 0 else { throw SyncError.io("could not write \(path): \(String(cString: strerror(errno)))") }
        let ok = AtomicFile.writeAll(bytes, to: file)
        // fsync before rename: otherwise a power cut can leave an empty file under the new name.
        let synced = !durable || fsync(file) == 0
        let failure = String(cString: strerror(errno))
        close(file)
        guard ok && synced else {
            unlinkat(folder.descriptor, temporary, 0)
            throw SyncError.io("could not write \(path): \(failure)")
        }
        return Pending(folder: folder, temporary: temporary, name: name, path: path)
    }

    /// Creates the symlink `path` → `target` (a link beside, renamed over the name).
    func writeSymlink(_ target: String, at path: String) throws {
        let (folder, name) = try parent(of: path, creating: true)
        let temporary = AtomicFile.temporaryName(for: name)
        unlinkat(folder.descriptor, temporary, 0)
        guard symlinkat(target, folder.descriptor, temporary) == 0 else {
            throw SyncError.io("could not create the link \(path): \(String(cString: strerror(errno)))")
        }
        try Pending(folder: folder, temporary: temporary, name: name, path: path).commit()
    }

    /// Removes the file (or link) `path`, then the folders it leaves empty. A file already gone
    /// is fine; a path through a symlink is refused.
    func remove(_ path: String) throws {
        guard let (folder, name) = try? parent(of: path, creating: false) else {
            if let reason = GitPathRules.check(path: path) { throw SyncError.io("refusing to delete '\(path)': \(reason)") }
            return  // its folder is gone: so is the file
        }
        if unlinkat(folder.descriptor, name, 0) != 0, errno != ENOENT {
            throw SyncError.io("could not delete \(path): \(String(cString: strerror(errno)))")
        }
        var components = path.split(separator: "/").dropLast()
        while let last = components.last {
            // Removing a folder that is not empty fails, which is exactly the check we want.
            guard let (above, _) = try? parent(of: components.joined(separator: "/"), creating: false),
                  unlinkat(above.descriptor, String(last), AT_REMOVEDIR) == 0 else { return }
            components = components.dropLast()
        }
    }

    /// The open folder holding `path`'s last component, and that component.
    func parent(of path: String, creating: Bool) throws -> (FolderDescriptor, String) {
        if let reason = GitPathRules.check(path: path) {
            throw SyncError.io("refusing to write '\(path)': \(reason)")
        }
        var components = path.split(separator: "/").map(String.init)
        guard let name = components.popLast() else { throw SyncError.io("refusing to write an empty path") }
        let start = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard start >= 0 else { throw SyncError.io("could not open \(root): \(String(cString: strerror(errno)))") }
        var folder = FolderDescriptor(descriptor: start)
        var walked = ""
        for component in components {
            walked += (walked.isEmpty ? "" : "/") + component
            var next = openat(folder.descriptor, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0, errno == ENOENT, creating {
                if mkdirat(folder.descriptor, component, 0o755) != 0 && errno != EEXIST {
                    throw SyncError.io("could not create the folder \(walked): \(String(cString: strerror(errno)))")
                }
                next = openat(folder.descriptor, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            guard next >= 0 else { throw blocked(walked, in: folder, component: component, for: path) }
            folder = FolderDescriptor(descriptor: next)
        }
        return (folder, name)
    }

    /// The error for a component that cannot be opened as a folder: a symlink is named as such.
    private func blocked(_ walked: String, in folder: FolderDescriptor, component: String, for path: String) -> SyncError {
        let reason = String(cString: strerror(errno))
        var info = stat()
        if fstatat(folder.descriptor, component, &info, AT_SYMLINK_NOFOLLOW) == 0 {
            if (info.st_mode & S_IFMT) == S_IFLNK {
                return .io("refusing to write \(path): \(walked) is a symlink, and Kaleido never writes through a symlink")
            }
            if (info.st_mode & S_IFMT) != S_IFDIR {
                return .io("could not write \(path): \(walked) is a file, not a folder")
            }
        }
        return .io("could not write \(path): cannot open \(walked): \(reason)")
    }
}
