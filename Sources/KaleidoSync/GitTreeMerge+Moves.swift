internal import KaleidoGit
internal import KaleidoYAML

extension GitTreeMerge {
    /// A record that left one path and appeared at another on one side, with the same id.
    struct Move {
        var from: String
        var to: String
        var id: ObjectID
        var mode: FileMode
    }

    /// The moves among one side's changes: a record removed at one path and a record added at
    /// another whose `id` (else file name) is the removed one's. A path moved to one place only.
    func moves(in changes: [FileChange]) throws -> [String: Move] {
        let removed = changes.filter { $0.newID == nil && $0.oldID != nil && isRecord($0.path) }
        let added = changes.filter { $0.oldID == nil && $0.newID != nil && isRecord($0.path) }
        guard !removed.isEmpty, !added.isEmpty else { return [:] }
        var addedByID: [String: [FileChange]] = [:]
        for change in added {
            guard let id = change.newID else { continue }
            addedByID[try recordID(change.path, id), default: []].append(change)
        }
        var moves: [String: Move] = [:]
        for change in removed {
            guard let old = change.oldID, let targets = addedByID[try recordID(change.path, old)], targets.count == 1,
                  let target = targets.first, let id = target.newID else { continue }
            moves[change.path] = Move(from: change.path, to: target.path, id: id, mode: target.newMode ?? .regular)
        }
        return moves
    }

    /// A record's id: its `id` field, else its file name without the extension.
    private func recordID(_ path: String, _ blob: ObjectID) throws -> String {
        if let root = try? YAMLParser().parseDocument(try repository.readBlob(blob)).root,
           let id = root["id"]?.stringValue, !id.isEmpty {
            return id
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return String(name.prefix { $0 != "." })
    }

    /// Merges the records moved on one side and edited or moved on the other, so that an edit
    /// follows its record to the new path and no merge leaves two files with one id. Moved to
    /// two different places, the record goes to the first path in byte order, whichever side
    /// merges, so replicas agree. Returns the paths settled here.
    func mergeMoves(oursChanges: [FileChange], theirsChanges: [FileChange], into run: inout Run) throws -> Set<String> {
        let oursMoves = try moves(in: oursChanges), theirsMoves = try moves(in: theirsChanges)
        guard !oursMoves.isEmpty || !theirsMoves.isEmpty else { return [] }
        var oursByPath: [String: FileChange] = [:], theirsByPath: [String: FileChange] = [:]
        for change in oursChanges { oursByPath[change.path] = change }
        for change in theirsChanges { theirsByPath[change.path] = change }
        var settled: Set<String> = []
        for (from, move) in theirsMoves {
            let baseID = theirsByPath[from]?.oldID
            if let mine = oursMoves[from] {
                // Moved on both sides: one place, both versions merged there.
                let place = min(mine.to, move.to)
                guard mine.id != move.id || mine.to != move.to else { settled.formUnion([from, mine.to, move.to]); continue }
                try mergeBoth(place, base: baseID, ours: mine.id, theirs: move.id, mode: mine.mode, into: &run)
                if mine.to != place { run.edits.append((mine.to, .remove)) }
                run.combined.append(place)
                settled.formUnion([from, mine.to, move.to])
            } else if let edited = oursByPath[from], let oursID = edited.newID {
                // Moved there, edited here: the edit goes to the new path.
                try mergeBoth(move.to, base: baseID, ours: oursID, theirs: move.id, mode: move.mode, into: &run)
                run.edits.append((from, .remove))
                run.combined.append(move.to)
                settled.formUnion([from, move.to])
            }
        }
        for (from, move) in oursMoves where theirsMoves[from] == nil {
            guard let edited = theirsByPath[from], let theirsID = edited.newID else { continue }
            // Moved here, edited there: their edit comes to our new path.
            try mergeBoth(move.to, base: edited.oldID, ours: move.id, theirs: theirsID, mode: move.mode, into: &run)
            run.combined.append(move.to)
            settled.formUnion([from, move.to])
        }
        return settled
    }
}
