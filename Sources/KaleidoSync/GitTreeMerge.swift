internal import Foundation
internal import KaleidoGit
internal import KaleidoMerge

/// The in-memory merge of two commits into a tree, never touching the working tree or the
/// index: the structured merge for record files changed on both sides, git's line merge for
/// other files, and the symmetric rule where git cannot merge. (KaleidoMerge's `TreeMerger`
/// merges the values inside one record; this merges the git trees of whole commits.)
struct GitTreeMerge {
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
        var run = Run(ours: ours, theirs: theirs, oursSide: side(ours), theirsSide: side(theirs))
        // Records moved on one side and edited (or moved) on the other are merged at one place
        // first; the paths they settle are then left alone by the loop below.
        let settled = try mergeMoves(oursChanges: oursChanges, theirsChanges: theirsChanges, into: &run)

        for change in theirsChanges where !settled.contains(change.path) {
            guard let mine = oursByPath[change.path] else {
                run.edits.append((change.path, change.newID.map { .write($0, mode: change.newMode ?? .regular) } ?? .remove))
                continue
            }
            if mine.newID == change.newID && mine.newMode == change.newMode { continue }
            run.combined.append(change.path)
            switch (mine.newID, change.newID) {
            case (nil, let theirsID?):
                // Deleted here, edited there: nothing typed is lost, the edit stays.
                let kept = try keepEdited(change.path, theirsID, side: run.theirsSide, editedIsOurs: false, deletedBy: run.oursSide.author)
                run.edits.append((change.path, .write(kept, mode: change.newMode ?? .regular)))
                run.conflicts.append(note(change.path, isRecord(change.path) ? .fields : .deleted, "deleted on this side, edited on the other: the edit was kept"))
            case (let oursID?, nil):
                let kept = try keepEdited(change.path, oursID, side: run.oursSide, editedIsOurs: true, deletedBy: run.theirsSide.author)
                if kept != oursID { run.edits.append((change.path, .write(kept, mode: mine.newMode ?? .regular))) }
                run.conflicts.append(note(change.path, isRecord(change.path) ? .fields : .deleted, "deleted on the other side, edited on this side: the edit was kept"))
            case (let oursID?, let theirsID?):
                try mergeBoth(change.path, base: change.oldID, ours: oursID, theirs: theirsID, mode: mine.newMode ?? .regular, into: &run)
            case (nil, nil):
                continue
            }
        }
        let tree = try repository.writeTree(applying: run.edits, to: ours.tree)
        return Result(tree: tree, conflicts: run.conflicts, combined: run.combined)
    }

    /// What one merge accumulates.
    struct Run {
        let ours: Commit, theirs: Commit
        let oursSide: RecordSide, theirsSide: RecordSide
        var edits: [(path: String, edit: TreeEdit)] = []
        var conflicts: [ConflictNote] = []
        var combined: [String] = []
    }

    /// Merges two versions of one file into `path`: field by field for a record, git's line
    /// merge for other files, and where neither can, the symmetric winner at the path with the
    /// other version kept beside it.
    func mergeBoth(_ path: String, base baseID: ObjectID?, ours oursID: ObjectID, theirs theirsID: ObjectID,
                   mode: FileMode, into run: inout Run) throws {
        let baseBytes = try baseID.map { try repository.readBlob($0) }
        var oursRecord = run.oursSide, theirsRecord = run.theirsSide
        oursRecord.bytes = try repository.readBlob(oursID)
        theirsRecord.bytes = try repository.readBlob(theirsID)
        let baseRecord = baseBytes.map { RecordSide(bytes: $0) }
        if isRecord(path),
           let output = try? merger.merge(path: path, base: baseRecord, ours: oursRecord, theirs: theirsRecord, now: now) {
            run.edits.append((path, .write(try repository.writeBlob(output.bytes), mode: mode)))
            if !output.conflicts.isEmpty {
                run.conflicts.append(note(path, .fields, output.conflicts.joined(separator: ", ")))
            }
            return
        }
        let lines = try LineMerge.merge(base: baseBytes, ours: oursRecord.bytes, theirs: theirsRecord.bytes, path: path)
        if lines.isClean && !isRecord(path) {
            run.edits.append((path, .write(try repository.writeBlob(lines.bytes), mode: mode)))
            return
        }
        // git cannot merge it (or a record side does not parse): the symmetric winner
        // stays at the path, the other version is kept beside it, named after its commit.
        let theirsWins = SymmetricRule.theirsWins(ours: oursRecord, theirs: theirsRecord)
        let (winner, loser, loserCommit) = theirsWins
            ? (theirsID, oursID, run.ours.id) : (oursID, theirsID, run.theirs.id)
        let sibling = path + ".conflict-" + loserCommit.hex.prefix(7)
        run.edits.append((path, .write(winner, mode: mode)))
        run.edits.append((sibling, .write(loser, mode: .regular)))
        var conflict = note(path, .file, "both sides changed it and git could not merge them; the other version is in \(sibling)")
        conflict.sibling = sibling
        run.conflicts.append(conflict)
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

    func note(_ path: String, _ kind: ConflictKind, _ detail: String) -> ConflictNote {
        ConflictNote(path: path, kind: kind, detail: detail, sibling: nil, at: now)
    }
}
