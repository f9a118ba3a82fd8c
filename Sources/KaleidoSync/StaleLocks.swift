internal import Foundation
internal import Glibc

/// Lock files a killed sync can leave behind, and their safe recovery.
///
/// libgit2 writes a reference through `NAME.lock` then a rename; kill -9 between the two leaves
/// the `.lock`, and every later update of that reference fails. Only the references the sync
/// itself writes are considered, only while holding the KB's `SyncLock` (so no other Kaleido
/// process is writing them), and only when older than a minute (a person's `git` command holds
/// such a lock for milliseconds). `index.lock` is never touched: it may be a user's `git add`.
public enum StaleLocks {
    /// Removes stale lock files of the sync's references; returns the paths removed.
    public static func recover(gitDirectory: String, settings: SyncSettings, olderThan age: Double = 60) -> [String] {
        let git = gitDirectory.hasSuffix("/") ? gitDirectory : gitDirectory + "/"
        let candidates = [settings.branchReference, settings.trackingReference, settings.wipReference]
            .map { git + $0 + ".lock" } + [git + "packed-refs.lock"]
        var removed: [String] = []
        for path in candidates {
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            guard Date().timeIntervalSince1970 - Double(info.st_mtim.tv_sec) > age else { continue }
            if unlink(path) == 0 { removed.append(path) }
        }
        return removed
    }

    /// Whether a `.NAME.kaleido-tmp-PID` file belongs to a process that no longer runs.
    static func isOrphanTemporary(_ name: String) -> Bool {
        guard let range = name.range(of: ".kaleido-tmp-"), let pid = Int32(name[range.upperBound...]) else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
