internal import Foundation
internal import Glibc
internal import KaleidoGit
internal import KaleidoYAML

extension SyncEngine {
    /// The branch tip, after checking that HEAD is on the KB's branch.
    func branchTip() throws -> ObjectID? {
        let head = try repository.head()
        guard head.reference == settings.branchReference else {
            let actual = head.branchName.map { "the branch '\($0)'" } ?? "a detached commit"
            throw SyncError.repository(
                "HEAD is on \(actual), not on '\(settings.branch)': run `git checkout \(settings.branch)` in \(settings.root), or set `branch:` in .kaleido/config.yaml")
        }
        return head.commit
    }

    /// Who commits: git's `user.name`/`user.email`, else the KB config's identity.
    func signature() -> Signature {
        let name = repository.configString("user.name") ?? settings.fallbackName ?? "Kaleido"
        let email = repository.configString("user.email") ?? settings.fallbackEmail ?? "kaleido@localhost"
        return Signature(name: name, email: email, time: Date(), timeZoneOffsetMinutes: TimeZone.current.secondsFromGMT() / 60)
    }

    /// Step 1: commits every changed file that parses; files that do not parse wait (and are
    /// copied to the wip ref). Cheap when nothing changed: unchanged files are not read.
    func takeSnapshot(scan mustScan: Bool = true) throws -> Snapshot {
        let tip = try branchTip()
        if !mustScan, let clean = lastCleanSnapshot, clean.tip == tip {
            return Snapshot(tip: tip, commit: nil, summary: nil, waiting: clean.waiting)
        }
        let repository = self.repository
        let scan = try scanner.scan { path in
            guard let tip else { return false }
            return (try? repository.entry(at: path, in: tip)) != nil
        }
        let files = scan.files
        // Nothing moved since the last snapshot, which left the tree equal to this tip (but
        // for the waiting files): nothing to do, and no need to list the tip's tree.
        if scan.unchanged, let clean = lastCleanSnapshot, clean.tip == tip {
            return Snapshot(tip: tip, commit: nil, summary: nil, waiting: clean.waiting)
        }
        // Compact values: this map holds every committed path (100,000 in a big KB).
        var tracked: [String: (id: ObjectID, mode: FileMode)] = [:]
        if let tip {
            let entries = try repository.listTree(tip)
            tracked.reserveCapacity(entries.count)
            for entry in entries { tracked[entry.path] = (entry.id, entry.mode) }
        }
        var edits: [(path: String, edit: TreeEdit)] = []
        var items: [ChangeDescription.Item] = []
        var waiting: [WaitingFile] = []
        var waitingBytes: [(String, [UInt8], FileMode)] = []
        waiting += scan.refused.map { WaitingFile(path: $0.path, line: 1, column: 1, message: $0.reason) }
        var bases = waitingBases
        var conflicts: [ConflictNote] = []
        var busy: Set<String> = []
        var duplicates = DuplicateIDs(present: files, isRecord: isRecord)
        // Asked only when a changed record's id is also another file's name: a tree lookup.
        let isCommitted = { (path: String) -> Bool in
            guard let tip else { return false }
            return (try? repository.entry(at: path, in: tip)) != nil
        }
        let committedID = { (path: String) -> String? in
            guard let tip, let entry = try? repository.entry(at: path, in: tip),
                  let bytes = try? repository.readBlob(entry.id) else { return nil }
            return DuplicateIDs.id(in: bytes)
        }
        for file in files.sorted(by: { $0.path < $1.path }) {
            let path = file.path
            // Removing what was seen leaves in `tracked` exactly the deleted files.
            let old = tracked.removeValue(forKey: path)
            if old?.id == file.id && old?.mode == file.mode { bases.release(path); continue }
            // Never committed: other replicas would refuse the commit (IncomingCheck.swift).
            if let message = kaleidoRule(path, file.mode) {
                waiting.append(WaitingFile(path: path, line: 1, column: 1, message: message))
                continue
            }
            // A file still being written (open for writing elsewhere, or, for the daemon,
            // changed less than a quiet period ago) waits for the next cycle, its base kept.
            let lease = stableFileLease(path)
            guard let lease else {
                bases.hold(path, basedOn: old?.id)
                busy.insert(path)
                continue
            }
            guard var bytes = scanner.read(path) else { continue }
            withExtendedLifetime(lease) {}
            if Self.isYAML(path) {
                let document: YAMLDocument
                do { document = try YAMLParser().parseDocument(bytes) } catch {
                    bases.hold(path, basedOn: old?.id)
                    waiting.append(WaitingFile(path: path, line: error.mark.line, column: error.mark.column, message: error.message))
                    waitingBytes.append((path, bytes, file.mode))
                    continue
                }
                if isRecord(path), let id = DuplicateIDs.id(of: document),
                   let hold = duplicates.check(path, id: id, isCommitted: isCommitted, committedID: committedID,
                                               currentID: { [scanner] in scanner.read($0).flatMap(DuplicateIDs.id(in:)) }) {
                    bases.hold(path, basedOn: old?.id)
                    waiting.append(WaitingFile(path: path, line: 1, column: 1, message: hold.message, duplicateOf: hold.owner,
                                               duplicateID: hold.id, duplicateBothNew: hold.bothNew))
                    waitingBytes.append((path, bytes, file.mode))
                    continue
                }
            }
            if let base = bases.base(of: path) {
                guard let merged = try mergeWaited(path, bytes: bytes, mode: file.mode, base: base, tipEntry: old?.id, tip: tip,
                                                   report: &conflicts) else {
                    busy.insert(path)
                    continue
                }
                bytes = merged
                bases.release(path)
            }
            edits.append((path, .write(try repository.writeBlob(bytes), mode: file.mode)))
            items.append(.init(path: path, old: try old.map { try repository.readBlob($0.id) }, new: bytes))
        }
        for (path, entry) in tracked.sorted(by: { $0.key < $1.key }) {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if WorkingTreeScanner.isScratchName(name) { continue }
            edits.append((path, .remove))
            items.append(.init(path: path, old: try repository.readBlob(entry.id), new: nil))
        }
        var snapshot = Snapshot(tip: tip, commit: nil, summary: nil, waiting: waiting)
        if !edits.isEmpty {
            let tree = try repository.writeTree(applying: edits, to: tip)
            if try tip == nil || tree != repository.treeID(of: tip ?? tree) {
                let message = ChangeDescription.message(for: items, isRecord: isRecord)
                indexWillLag()
                let commit = try repository.createCommit(
                    tree: tree, parents: tip.map { [$0] } ?? [], author: signature(),
                    message: message, updating: settings.branchReference)
                snapshot.tip = commit
                snapshot.commit = commit
                snapshot.summary = String(message.prefix { $0 != "\n" })
                updateIndex(to: commit)
            }
        }
        try keepWaiting(waitingBytes, on: snapshot.tip)
        // The bases are saved once the commit that settles them exists: a crash before it
        // leaves them in place, and the next cycle merges again from the same base.
        bases.keep(only: Set(waiting.map(\.path)).union(busy))
        if bases != waitingBases {
            try bases.save(to: waitingBasesPath)
            waitingBases = bases
        }
        snapshot.conflicts = conflicts
        snapshot.busy = busy
        reportWaitingChanges(waiting)
        // A file being written is not settled: the next cycle must look at it again.
        lastCleanSnapshot = busy.isEmpty ? (snapshot.tip, waiting) : nil
        scanner.cleanTip = busy.isEmpty ? snapshot.tip?.hex ?? "none" : nil
        return snapshot
    }

    /// Keeps a copy of the files that do not parse on the wip ref (a commit on top of the tip),
    /// so that nothing typed is lost even if the working tree is; deletes the ref when none wait.
    private func keepWaiting(_ files: [(String, [UInt8], FileMode)], on tip: ObjectID?) throws {
        let existing = try repository.resolveReference(settings.wipReference)
        guard !files.isEmpty else {
            if existing != nil { try repository.deleteReference(settings.wipReference) }
            return
        }
        var edits: [(path: String, edit: TreeEdit)] = []
        for (path, bytes, mode) in files { edits.append((path, .write(try repository.writeBlob(bytes), mode: mode))) }
        let tree = try repository.writeTree(applying: edits, to: tip)
        if let existing, let commit = try? repository.commit(existing),
           commit.tree == tree, commit.parents == (tip.map { [$0] } ?? []) { return }
        let message = "Kaleido: files that do not parse yet\n\n" + files.map(\.0).joined(separator: "\n") + "\n"
        let commit = try repository.createCommit(tree: tree, parents: tip.map { [$0] } ?? [], author: signature(), message: message)
        if let existing {
            try repository.updateReference(settings.wipReference, to: commit, expecting: existing, message: "kaleido: wip")
        } else {
            try repository.updateReference(settings.wipReference, to: commit, expecting: nil, message: "kaleido: wip")
        }
    }

    /// A read lease on a changed file when it is settled (see `ReadLease`): `nil` while another
    /// program writes it, or, with `settleTime`, while it changed less than that long ago.
    /// A file system without leases answers with a placeholder: its files count as settled.
    func stableFileLease(_ path: String, settle: Bool = true) -> ReadLease?? {
        let full = settings.root + "/" + path
        if settle, settleTime > 0 {
            var info = stat()
            if lstat(full, &info) == 0 {
                let changed = max(Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9,
                                  Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1e9)
                if Date().timeIntervalSince1970 - changed < settleTime { return nil }
            }
        }
        switch ReadLease.take(full) {
        case .granted(let lease): return .some(lease)
        case .busy: return nil
        case .unknown: return .some(nil)
        }
    }

    private func reportWaitingChanges(_ waiting: [WaitingFile]) {
        let before = Set(state.waiting.map(\.path))
        for file in waiting where !before.contains(file.path) {
            let why = file.duplicateOf == nil ? "the file does not parse" : "its id is another file's"
            logger.warning("not committed: \(why); a copy is kept on \(settings.wipReference)",
                           metadata: ["kb": "\(settings.root)", "file": "\(file.rendered)"])
        }
        let now = Set(waiting.map(\.path))
        for path in before.subtracting(now) {
            logger.info("the file is no longer held back", metadata: ["kb": "\(settings.root)", "file": "\(path)"])
        }
    }
}
