internal import Foundation
internal import KaleidoGit

extension SyncEngine {
    /// The text to commit for a file that waited (it did not parse) and parses again: when the
    /// tip changed the file meanwhile (a teammate's edit, brought in but never written over the
    /// waiting file), the consultant's text is merged field by field against the version it was
    /// based on, with the tip's version as theirs; the result is also written to the file.
    /// Otherwise the text as it is. `nil` when the file cannot take the merge now (changed
    /// since it was read, or being written): it waits for the next cycle, its base kept.
    func mergeWaited(_ path: String, bytes: [UInt8], mode: FileMode, base: ObjectID?, tipEntry: ObjectID?, tip: ObjectID?,
                     report: inout [ConflictNote]) throws -> [UInt8]? {
        guard base != tipEntry, isRecord(path), let tip else { return bytes }
        let tipCommit = try repository.commit(tip)
        let me = signature()
        let ours = RecordSide(bytes: bytes, author: "\(me.name) <\(me.email)>",
                              commitTime: Int64(Date().timeIntervalSince1970), commitID: nil)
        let now = ISO8601DateFormatter().string(from: Date())
        let output: RecordMergeOutput
        if let tipEntry {
            let theirs = RecordSide(bytes: try repository.readBlob(tipEntry), author: "\(tipCommit.author.name) <\(tipCommit.author.email)>",
                                    commitTime: tipCommit.committer.secondsSince1970, commitID: tip.hex)
            let baseSide = try base.map { RecordSide(bytes: try repository.readBlob($0)) }
            guard let merged = try? merger.merge(path: path, base: baseSide, ours: ours, theirs: theirs, now: now) else { return bytes }
            output = merged
        } else {
            // Deleted by a teammate while it waited: the edit is kept, as in any merge.
            guard let kept = try? merger.mergeDeleted(path: path, edited: ours, editedIsOurs: true,
                                                      deletedBy: "\(tipCommit.author.name) <\(tipCommit.author.email)>", now: now)
            else { return bytes }
            output = kept
        }
        guard output.bytes != bytes else { return bytes }
        // The file gets the merge too, unless it changed since it was read or another program
        // is writing it: then the next cycle merges the newer text from the same base.
        let writer = WorkingTreeWriter(root: settings.root)
        let pending = try writer.prepare(output.bytes, for: path, mode: mode == .executable ? 0o755 : 0o644)
        let lease = stableFileLease(path)
        guard let lease, let current = scanner.file(at: path), current.id == (try ObjectID.blob(hashing: bytes)) else {
            pending.discard()
            return nil
        }
        try withExtendedLifetime(lease) { try pending.commit() }
        ownWrites[path] = try ObjectID.blob(hashing: output.bytes)
        if !output.conflicts.isEmpty {
            report.append(ConflictNote(path: path, kind: .fields, detail: output.conflicts.joined(separator: ", "), sibling: nil, at: now))
            logger.warning("conflict recorded", metadata: ["kb": "\(settings.root)", "file": "\(path)", "detail": "\(output.conflicts)"])
        }
        return output.bytes
    }

    /// "1 change from Amina waiting until your file parses": the commits that changed a waiting
    /// file since the version its text is based on, for `kaleido status`.
    func heldChanges(_ path: String, base: ObjectID?, tip: ObjectID?) -> String? {
        guard let tip, let current = try? repository.entry(at: path, in: tip)?.id, current != base,
              let commits = try? repository.commits(from: tip, limit: 500) else { return nil }
        var authors: [String] = []
        var count = 0
        for id in commits {
            guard let commit = try? repository.commit(id) else { break }
            let here = try? repository.entry(at: path, in: id)?.id
            if here == base { break }
            let before = commit.parents.first.flatMap { try? repository.entry(at: path, in: $0)?.id }
            guard here != before, commit.parents.count <= 1 else { continue }
            count += 1
            if !authors.contains(commit.author.name) { authors.append(commit.author.name) }
        }
        guard count > 0 else { return nil }
        let id = ChangeDescription.recordID(path)
        return "\(id): \(count) change\(count == 1 ? "" : "s") from \(authors.joined(separator: ", ")) waiting until your file parses"
    }
}
