internal import Foundation
internal import Glibc
internal import KaleidoKB
internal import KaleidoWorkspace

/// Lock files a killed sync can leave behind, and their safe recovery.
///
/// libgit2 writes a reference through `NAME.lock` then a rename; kill -9 between the two leaves
/// the `.lock`, and every later update of that reference fails. Only the references the sync
/// itself writes are considered, only while holding the KB's `SyncLock` (so no other Kaleido
/// process is writing them), and only when older than a minute (a person's `git` command holds
/// such a lock for milliseconds). `index.lock` is never touched: it may be a user's `git add`.
public enum StaleLocks {
    /// Removes stale lock files of the sync's references; returns the paths removed.
    ///
    /// The reference names come from the shared config: a lock is only considered when the
    /// branch and remote are valid git names, and only removed when it is a regular file whose
    /// folder, resolved, lies inside the git folder (`ownedLock`).
    public static func recover(gitDirectory: String, settings: SyncSettings, olderThan age: Double = 5) -> [String] {
        let git = gitDirectory.hasSuffix("/") ? gitDirectory : gitDirectory + "/"
        var references: [String] = []
        if GitRefName.branchProblem(settings.branch) == nil {
            references = [settings.branchReference, settings.wipReference]
            if GitRefName.remoteProblem(settings.remote) == nil { references.append(settings.trackingReference) }
        }
        let candidates = references.map { git + $0 + ".lock" } + [git + "packed-refs.lock"]
        var removed: [String] = []
        let now = Date().timeIntervalSince1970
        for path in candidates {
            guard let lock = ownedLock(path, inside: git), let modified = modificationTime(lock), now - modified > age else { continue }
            if unlink(lock) == 0 { removed.append(lock) }
        }
        let marker = indexMarker(git)
        if let marked = modificationTime(marker), let pid = (try? String(contentsOfFile: marker, encoding: .utf8)).flatMap({ Int32($0) }),
           kill(pid, 0) != 0 && errno == ESRCH {
            if let indexLock = ownedLock(git + "index.lock", inside: git), let locked = modificationTime(indexLock) {
                guard locked >= marked - 1, now - locked > age else { return removed }  // maybe a user's: wait
                if unlink(indexLock) == 0 { removed.append(indexLock) }
            }
            unlink(marker)
        }
        return removed
    }

    /// Removes stale reference locks in a remote on this machine (a path or `file://` URL):
    /// pushing to a local remote, libgit2 itself writes the remote's references, so a sync killed
    /// mid-push leaves `refs/heads/BRANCH.lock` there and every later push would fail. Nothing
    /// is considered unless `branch` is a valid git branch name, nor removed outside the
    /// remote's git folder.
    public static func recoverRemote(url: String, branch: String, olderThan age: Double = 5) -> [String] {
        var path = url
        if path.hasPrefix("file://") { path = String(path.dropFirst(7)) }
        guard path.hasPrefix("/"), GitRefName.branchProblem(branch) == nil else { return [] }  // git://, ssh://, https://: the server's business
        var git = path.hasSuffix("/") ? path : path + "/"
        if FileManager.default.fileExists(atPath: git + ".git/HEAD") { git += ".git/" }
        let now = Date().timeIntervalSince1970
        var removed: [String] = []
        for candidate in [git + "refs/heads/" + branch + ".lock", git + "packed-refs.lock"] {
            guard let lock = ownedLock(candidate, inside: git), let modified = modificationTime(lock), now - modified > age else { continue }
            if unlink(lock) == 0 { removed.append(lock) }
        }
        return removed
    }

    /// The lock at `path` with its folder resolved (no symbolic link left in it), when that
    /// folder lies inside `directory` (resolved too) and the lock is a regular file, not a
    /// symbolic link: only then is it git's own. Nil otherwise, or when there is no such file.
    static func ownedLock(_ path: String, inside directory: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        let name = path[path.index(after: slash)...]
        guard name.hasSuffix(".lock"), !name.contains("/"),
              let folder = resolved(String(path[..<slash])), let top = resolved(directory),
              folder == top || folder.hasPrefix(top == "/" ? "/" : top + "/") else { return nil }
        let lock = folder + "/" + name
        var info = stat()
        guard lstat(lock, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return lock
    }

    /// `realpath(3)`: the absolute path without `.`, `..` or symbolic links; nil when it does
    /// not exist.
    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Runs `body` (an update of the index) with the marker that tells a later recovery the
    /// `index.lock` it may find is ours. When an `index.lock` is already there, nothing runs and
    /// the marker is left alone: the write would fail anyway, and replacing the marker of a
    /// killed sync would hide from `recover` that the lock is that sync's (it would then stay
    /// forever, and git's index with it).
    static func markingIndexWrite<T>(gitDirectory: String, _ body: () throws -> T) rethrows -> T? {
        let git = gitDirectory.hasSuffix("/") ? gitDirectory : gitDirectory + "/"
        guard modificationTime(git + "index.lock") == nil else { return nil }
        let marker = indexMarker(git)
        FileManager.default.createFile(atPath: marker, contents: Data("\(getpid())".utf8))
        defer { unlink(marker) }
        return try body()
    }

    /// Whether `recover` removed the index lock (the index then needs refreshing to HEAD).
    static func removedIndexLock(_ removed: [String]) -> Bool {
        removed.contains { $0.hasSuffix("/index.lock") }
    }

    private static func indexMarker(_ git: String) -> String { git + "kaleido/index-writer" }

    private static func modificationTime(_ path: String) -> Double? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    }

    /// Whether a `.NAME.kaleido-tmp-PID` file belongs to a process that no longer runs.
    static func isOrphanTemporary(_ name: String) -> Bool {
        guard let pid = AtomicFile.writerProcess(ofTemporaryName: name) else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
