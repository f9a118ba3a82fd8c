internal import Foundation
internal import KaleidoGit

/// A conflict a merge recorded: fields of a record that both sides changed differently, or a
/// non-record file git could not merge (its losing version kept beside it).
public struct ConflictNote: Codable, Hashable, Sendable {
    /// The file, relative to the KB root.
    public var path: String
    /// `fields` (recorded in the record's `_conflicts`), `file` (a sibling copy was kept),
    /// or `deleted` (deleted on one side, edited on the other: the edit was kept).
    public var kind: String
    /// The conflicting field paths, or a sentence.
    public var detail: String
    /// For `file`: the sibling holding the other side's version.
    public var sibling: String?
    /// When it was recorded (ISO 8601).
    public var at: String
}

/// The in-memory merge of two commits into a tree, never touching the working tree or the
/// index: the structured merge for record files changed on both sides, git's line merge for
/// other files, and the symmetric rule where git cannot merge.
struct TreeMerge {
    let repository: Repository
    let merger: any RecordMerging
    let isRecord: (String) -> Bool
    let now: String

    struct Result {
        var tree: ObjectID
        var conflicts: [ConflictNote]
        /// Files both sides changed, which the merge had to combine.
        var combined: [String]
    }

    func merge(base: ObjectID?, ours: Commit, theirs: Commit) throws -> Result {
        let oursChanges = try repository.diffTrees(from: base, to: ours.id)
        let theirsChanges = try repository.diffTrees(from: base, to: theirs.id)
        var oursByPath: [String: FileChange] = [:]
        for change in oursChanges { oursByPath[change.path] = change }
        let oursSide = side(ours), theirsSide = side(theirs)
        var edits: [(path: String, edit: TreeEdit)] = []
        var conflicts: [ConflictNote] = []
        var combined: [String] = []

        for change in theirsChanges {
            guard let mine = oursByPath[change.path] else {
                edits.append((change.path, change.newID.map { .write($0, mode: change.newMode ?? .regular) } ?? .remove))
                continue
            }
            if mine.newID == change.newID && mine.newMode == change.newMode { continue }
            combined.append(change.path)
            switch (mine.newID, change.newID) {
            case (nil, let theirsID?):
                // Deleted here, edited there: nothing typed is lost, the edit stays.
                let kept = try keepEdited(change.path, theirsID, side: theirsSide, editedIsOurs: false, deletedBy: oursSide.author)
                edits.append((change.path, .write(kept, mode: change.newMode ?? .regular)))
                conflicts.append(note(change.path, isRecord(change.path) ? "fields" : "deleted", "deleted on this side, edited on the other: the edit was kept"))
            case (let oursID?, nil):
                let kept = try keepEdited(change.path, oursID, side: oursSide, editedIsOurs: true, deletedBy: theirsSide.author)
                if kept != oursID { edits.append((change.path, .write(kept, mode: mine.newMode ?? .regular))) }
                conflicts.append(note(change.path, isRecord(change.path) ? "fields" : "deleted", "deleted on the other side, edited on this side: the edit was kept"))
            case (let oursID?, let theirsID?):
                let baseBytes = try change.oldID.map { try repository.readBlob($0) }
                var oursRecord = oursSide, theirsRecord = theirsSide
                oursRecord.bytes = try repository.readBlob(oursID)
                theirsRecord.bytes = try repository.readBlob(theirsID)
                let baseRecord = baseBytes.map { RecordSide(bytes: $0) }
                if isRecord(change.path),
                   let output = try? merger.merge(path: change.path, base: baseRecord, ours: oursRecord, theirs: theirsRecord, now: now) {
                    edits.append((change.path, .write(try repository.writeBlob(output.bytes), mode: mine.newMode ?? .regular)))
                    if !output.conflicts.isEmpty {
                        conflicts.append(note(change.path, "fields", output.conflicts.joined(separator: ", ")))
                    }
                    continue
                }
                let lines = try LineMerge.merge(base: baseBytes, ours: oursRecord.bytes, theirs: theirsRecord.bytes, path: change.path)
                if lines.isClean && !isRecord(change.path) {
                    edits.append((change.path, .write(try repository.writeBlob(lines.bytes), mode: mine.newMode ?? .regular)))
                    continue
                }
                // git cannot merge it (or a record side does not parse): the symmetric winner
                // stays at the path, the other version is kept beside it, named after its commit.
                let theirsWins = SymmetricRule.theirsWins(ours: oursRecord, theirs: theirsRecord)
                let (winner, loser, loserCommit) = theirsWins
                    ? (theirsID, oursID, ours.id) : (oursID, theirsID, theirs.id)
                let sibling = change.path + ".conflict-" + loserCommit.hex.prefix(7)
                edits.append((change.path, .write(winner, mode: mine.newMode ?? .regular)))
                edits.append((sibling, .write(loser, mode: .regular)))
                var conflict = note(change.path, "file", "both sides changed it and git could not merge them; the other version is in \(sibling)")
                conflict.sibling = sibling
                conflicts.append(conflict)
            case (nil, nil):
                continue
            }
        }
        let tree = try repository.writeTree(applying: edits, to: ours.tree)
        return Result(tree: tree, conflicts: conflicts, combined: combined)
    }

    /// The edited version of a record deleted on the other side, with the conflict recorded in
    /// it by the record merger; other files stay as edited.
    private func keepEdited(_ path: String, _ id: ObjectID, side: RecordSide, editedIsOurs: Bool, deletedBy: String?) throws -> ObjectID {
        guard isRecord(path) else { return id }
        var edited = side
        edited.bytes = try repository.readBlob(id)
        guard let output = try? merger.mergeDeleted(path: path, edited: edited, editedIsOurs: editedIsOurs, deletedBy: deletedBy, now: now) else { return id }
        return try repository.writeBlob(output.bytes)
    }

    private func side(_ commit: Commit) -> RecordSide {
        RecordSide(
            bytes: [], author: "\(commit.author.name) <\(commit.author.email)>",
            commitTime: commit.committer.secondsSince1970, commitID: commit.id.hex)
    }

    private func note(_ path: String, _ kind: String, _ detail: String) -> ConflictNote {
        ConflictNote(path: path, kind: kind, detail: detail, sibling: nil, at: now)
    }
}
