internal import Foundation
internal import KaleidoGit
internal import KaleidoYAML

extension SyncEngine {
    enum Integration { case done, restart, refused }

    /// Steps 3 and 4: brings the fetched remote tip into the branch (fast-forward or merge
    /// commit), writes the result to the working tree, then moves the branch.
    func integrate(_ snapshot: Snapshot, into report: inout CycleReport) throws -> Integration {
        guard let remote = try repository.resolveReference(settings.trackingReference) else { return .done }
        let local = snapshot.tip
        if let local, try repository.isAncestor(remote, of: local) { state.refusedCommit = nil; return .done }
        // Before anything of it is merged or written: a tree path that could land outside the
        // KB or in .git refuses the whole incoming commit (IncomingCheck.swift).
        if let refused = try refusal(of: remote, local: local) {
            if state.refusedCommit != refused {
                logger.error("remote commit refused", metadata: ["kb": "\(settings.root)", "error": "\(refused)"])
            }
            state.refusedCommit = refused
            state.lastError = refused.description
            report.refused = refused
            return .refused
        }
        state.refusedCommit = nil
        let target: ObjectID
        if let local {
            if try repository.isAncestor(local, of: remote) {
                target = remote
            } else {
                // No common commit: the remote is another KB (a `kaleido init` beside the team's
                // instead of a clone). Merging would pile two KBs together and overwrite the
                // team's config; nothing is merged, nothing pushed.
                guard let base = try repository.mergeBase(local, remote) else {
                    throw SyncError.repository("""
                        '\(settings.remote)/\(settings.branch)' shares no history with this knowledge base: it is another KB \
                        (was this one made with `kaleido init` instead of cloned from the team's?). Nothing was merged or pushed. \
                        To join the team's KB: `kaleido clone URL DIR`, copy your own records into its knowledge \
                        folder, and remove this folder once they are synced.
                        """)
                }
                let ours = try repository.commit(local), theirs = try repository.commit(remote)
                let now = ISO8601DateFormatter().string(from: Date())
                let merge = GitTreeMerge(repository: repository, merger: merger, isRecord: isRecord, now: now)
                let result = try merge.merge(base: base, ours: ours, theirs: theirs)
                var message = "Merge \(settings.remote)/\(settings.branch)"
                if !result.combined.isEmpty {
                    message += ": " + result.combined.map { isRecord($0) ? ChangeDescription.recordID($0) : $0 }.joined(separator: ", ")
                }
                message += "\n"
                if !result.conflicts.isEmpty {
                    message += "\nConflicts recorded:\n" + result.conflicts.map { "  \($0.path): \($0.detail)" }.joined(separator: "\n") + "\n"
                }
                target = try repository.createCommit(tree: result.tree, parents: [local, remote], author: signature(), message: message)
                report.merged = true
                report.conflicts += result.conflicts
                for conflict in result.conflicts {
                    logger.warning("conflict recorded", metadata: ["kb": "\(settings.root)", "file": "\(conflict.path)", "detail": "\(conflict.detail)"])
                }
            }
        } else {
            target = remote
        }
        guard try updateWorkingTree(from: local, to: target, held: snapshot.held, report: &report) else {
            return .restart
        }
        do {
            indexWillLag()
            try repository.updateReference(settings.branchReference, to: target, expecting: local, message: "kaleido: sync")
        } catch GitError.Code.modified {
            return .restart  // someone (a `git commit` by hand) moved the branch: start over
        } catch GitError.Code.exists {
            return .restart
        }
        updateIndex(to: target)
        report.broughtIn = true
        // Conflicts another replica recorded arrive in the records: list them here too.
        let recorded = Set(report.conflicts.map(\.path))
        for path in report.updatedFiles where isRecord(path) && !recorded.contains(path) {
            guard let bytes = scanner.read(path), let root = try? YAMLParser().parseDocument(bytes).root,
                  let entries = root["_conflicts"]?.items, !entries.isEmpty else { continue }
            let fields = entries.compactMap { $0["path"]?.scalarText }.joined(separator: ", ")
            state.conflicts.append(ConflictNote(path: path, kind: .fields, detail: fields, sibling: nil,
                                                at: ISO8601DateFormatter().string(from: Date())))
        }
        logger.info(report.merged ? "merged remote changes" : "fast-forwarded to remote changes",
                    metadata: ["kb": "\(settings.root)", "head": "\(target.hex.prefix(10))", "files": "\(report.updatedFiles.count)"])
        return .done
    }

    /// Writes the files that differ between `old` and `new` to the working tree, each through a
    /// temporary file and a rename, and only where the file still holds what `old` committed.
    /// Returns `false`, having written nothing more, as soon as a file changed since the
    /// snapshot: its new edit must be committed and merged first.
    func updateWorkingTree(from old: ObjectID?, to new: ObjectID, held: Set<String>, report: inout CycleReport) throws -> Bool {
        let changes = try repository.diffTrees(from: old, to: new).filter { !held.contains($0.path) }
        // First pass: refuse before writing anything if any target was edited meanwhile.
        for change in changes where !stillAsCommitted(change) {
            logger.info("not overwriting a file edited during the merge", metadata: ["kb": "\(settings.root)", "file": "\(change.path)"])
            return false
        }
        let writer = WorkingTreeWriter(root: settings.root)
        // Deletions first, as git applies them: a file replacing a folder (or the reverse)
        // needs the old one gone before the new one can take its name.
        for change in changes where change.newID == nil {
            guard stillAsCommitted(change) else { return false }
            try writer.remove(change.path)
            ownWrites[change.path] = nil
            report.updatedFiles.append(change.path)
        }
        for change in changes {
            guard let id = change.newID else { continue }
            let bytes = try repository.readBlob(id)
            if change.newMode == .symlink {
                guard stillAsCommitted(change) else { return false }
                try writer.writeSymlink(String(decoding: bytes, as: UTF8.self), at: change.path)
            } else {
                let pending = try writer.prepare(bytes, for: change.path, mode: change.newMode == .executable ? 0o755 : 0o644)
                // Never rename over a file another program is writing: the rest of its save
                // would go to the unlinked file. It is held like a waiting file instead, merged
                // from the version it was based on once its save is done.
                guard let lease = stableFileLease(change.path, settle: false) else {
                    pending.discard()
                    waitingBases.hold(change.path, basedOn: change.oldID)
                    try waitingBases.save(to: waitingBasesPath)
                    logger.info("not replacing a file being written; merged once it is saved", metadata: ["kb": "\(settings.root)", "file": "\(change.path)"])
                    continue
                }
                // Last check right before the rename: the window left is the rename itself,
                // during which the lease holds off any writer.
                guard stillAsCommitted(change) else { pending.discard(); return false }
                try withExtendedLifetime(lease) { try pending.commit() }
            }
            ownWrites[change.path] = id
            report.updatedFiles.append(change.path)
        }
        return true
    }

    /// Whether the working-tree file is still the version of the snapshot (absent if absent).
    private func stillAsCommitted(_ change: FileChange) -> Bool {
        scanner.file(at: change.path)?.id == change.oldID
    }
}
