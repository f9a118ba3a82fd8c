internal import Foundation
internal import Glibc
internal import KaleidoGit

extension SyncEngine {
    /// Where a commit git's index could not be brought to is remembered.
    var indexBehindMarker: String { repository.gitDirectory + "kaleido/index-behind" }

    /// Brings git's index to `commit` (the sync commits without it), so that `git status` shows
    /// the consultant's real changes. When it cannot (a person's git command holds `index.lock`,
    /// a full disk), that is an error the status shows, and the index is repaired by a later
    /// cycle (`repairIndexIfBehind`): left stale, a plain `git commit` would commit a revert of
    /// the work the sync merged.
    func updateIndex(to commit: ObjectID) {
        do {
            let written = try StaleLocks.markingIndexWrite(gitDirectory: repository.gitDirectory) {
                try repository.resetIndex(to: commit)
            }
            guard written == true else { throw SyncError.io("another git command holds .git/index.lock") }
            unlink(indexBehindMarker)
        } catch {
            try? FileManager.default.createDirectory(atPath: repository.gitDirectory + "kaleido", withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: indexBehindMarker, contents: Data(commit.hex.utf8))
            let message = "git's index could not be brought to the last commit (\(error)); the next cycle tries again: until then do not `git commit` by hand"
            logger.error("git's index not updated", metadata: ["kb": "\(settings.root)", "error": "\(error)"])
            state.lastError = message
        }
    }

    /// Called right before the sync moves the branch: until `updateIndex` has brought git's
    /// index to the new commit, the marker says the index may lag behind, so that a sync killed
    /// in between (kill -9, a power cut) has its index repaired by the next cycle instead of
    /// leaving it stale with nothing left to commit.
    func indexWillLag() {
        try? FileManager.default.createDirectory(atPath: repository.gitDirectory + "kaleido", withIntermediateDirectories: true)
        if access(indexBehindMarker, F_OK) != 0 {
            FileManager.default.createFile(atPath: indexBehindMarker, contents: Data("moving".utf8))
        }
    }

    /// At the start of a cycle: an index an earlier cycle could not update (or a killed sync
    /// left behind) is brought to HEAD.
    func repairIndexIfBehind(force: Bool = false) {
        guard force || access(indexBehindMarker, F_OK) == 0, let head = try? repository.head().commit else { return }
        updateIndex(to: head)
    }
}
