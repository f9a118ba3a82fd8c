internal import Foundation
internal import KaleidoGit

/// A remote commit the sync refused to bring in because its tree holds a path that must never
/// reach the file system (a `.git` folder, a `..`, a symlinked record…): nothing of it was
/// written, and the replica waits until the team pushes a commit that removes the path.
public struct RefusedCommit: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The incoming commit that introduced the path (full hex id).
    public var commit: String
    /// Its author, `Name <email>`.
    public var author: String
    /// The refused path, as stored in the tree.
    public var path: String
    /// Why, as a phrase.
    public var reason: String

    public var description: String {
        "refused the remote commit \(commit.prefix(10)) by \(author): '\(path)': \(reason); nothing of it was written. "
            + "Ask the team to push a commit that removes it; the sync brings the remote in again once its tip is safe."
    }
}

extension SyncEngine {
    /// Why Kaleido refuses an entry git itself would accept: a record is a regular file, never
    /// a symlink (a reader would follow it out of the KB), nor is anything Kaleido reads (the
    /// knowledge folder, the schemas, the config); a submodule has no content to write.
    func kaleidoRule(_ path: String, _ mode: FileMode) -> String? {
        switch mode {
        case .submodule:
            return "a submodule, which Kaleido cannot write to the working tree"
        case .symlink where isRecord(path):
            return "a record must be a regular file, not a symlink"
        case .symlink where [settings.knowledgeFolder, "schemas", ".kaleido"].contains(where: { path == $0 || path.hasPrefix($0 + "/") }):
            return "a symlink where Kaleido reads its records, schemas and config"
        default:
            return nil
        }
    }

    /// Checks the tree of the fetched tip `remote` before anything of it is merged or written:
    /// only what differs from `local` (already checked, or made here) is walked. Returns the
    /// refusal, naming the incoming commit that introduced the first unsafe path, or `nil`.
    func refusal(of remote: ObjectID, local: ObjectID?) throws -> RefusedCommit? {
        let unsafe: UnsafeTreeEntry
        do {
            guard let found = try repository.unsafeEntries(in: remote, trusting: local, limit: 1, rule: kaleidoRule).first else {
                return nil
            }
            unsafe = found
        } catch {
            // A root tree git cannot parse (an empty name, say) is refused like a bad path:
            // failing every cycle on it would wedge the replica without naming who pushed it.
            unsafe = UnsafeTreeEntry(path: "/", reason: .other("a tree git cannot read (\(error))"))
        }
        var culprit = remote
        // The tip is what matters (a later commit may have removed an earlier bad path); the
        // walk only names who introduced what the tip still holds.
        for id in try repository.newCommits(from: remote, excluding: local) {
            let parent = try repository.commit(id).parents.first
            let found = (try? repository.unsafeEntries(in: id, trusting: parent, limit: 50, rule: kaleidoRule))
                ?? [UnsafeTreeEntry(path: "/", reason: unsafe.reason)]
            if found.contains(unsafe) { culprit = id; break }
        }
        let commit = try repository.commit(culprit)
        return RefusedCommit(
            commit: culprit.hex, author: "\(commit.author.name) <\(commit.author.email)>",
            path: unsafe.path, reason: unsafe.reason.description)
    }

    /// A fetch that failed because the remote holds objects git cannot parse (a tree entry with
    /// an empty name, say): not an outage, and it will fail the same way at every cycle, so it
    /// is an error naming the problem, not "offline".
    func unreadableRemote(_ error: any Error) -> SyncError? {
        guard let gitError = error as? GitError, gitError.message.contains("failed to parse") else { return nil }
        return .repository(
            "the remote holds objects git cannot read (\(gitError.message)): nothing was fetched. "
                + "Plain git refuses them too; the team must remove the commit that holds them from the branch (a force push).")
    }
}
