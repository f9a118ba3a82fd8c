internal import CGit2
internal import Glibc

/// A tree entry that must never reach the file system, found by `Repository.unsafeEntries`.
public struct UnsafeTreeEntry: Hashable, Sendable, CustomStringConvertible {
    /// The entry's path from the root (its name as stored, after its folders' names).
    public var path: String
    /// Why it is refused.
    public var reason: UnsafePathReason

    public init(path: String, reason: UnsafePathReason) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "'\(path)': \(reason)" }
}

extension Repository {
    /// The entries of a commit's or tree's snapshot that break `GitPathRules` (or `rule`),
    /// checked name by name during the walk, at most `limit` of them.
    ///
    /// Folders identical (same id, same name, same place) to those of `trusted` (a commit or
    /// tree already checked, such as the current branch tip) are not walked again, so checking
    /// an incoming commit costs what it changed, not the size of the knowledge base.
    ///
    /// - Parameter rule: the caller's own rule on a full path and its mode (e.g. "no symlink
    ///   under the knowledge folder"), asked for every entry walked; a message refuses it.
    /// - Throws: `GitError` when `treeish` itself cannot be read. A subtree git cannot parse is
    ///   reported as an unsafe entry, not thrown: a remote must not be able to wedge a replica.
    public func unsafeEntries(
        in treeish: ObjectID, trusting trusted: ObjectID? = nil, limit: Int = 10,
        rule: (String, FileMode) -> String? = { _, _ in nil }
    ) throws -> [UnsafeTreeEntry] {
        let tree = try TreeHandle(treeish: treeish, in: self)
        let known = try trusted.map { try TreeHandle(treeish: $0, in: self) }
        var found: [UnsafeTreeEntry] = []
        walkChecking(tree, known: known, prefix: "", limit: limit, rule: rule, into: &found)
        return found
    }

    private func walkChecking(
        _ tree: TreeHandle, known: TreeHandle?, prefix: String, limit: Int,
        rule: (String, FileMode) -> String?, into found: inout [UnsafeTreeEntry]
    ) {
        var names: Set<[UInt8]> = []
        for index in 0..<git_tree_entrycount(tree.pointer) {
            guard found.count < limit else { return }
            // Borrowed from `tree`: copy out what is needed before moving on.
            guard let raw = git_tree_entry_byindex(tree.pointer, index), let cName = git_tree_entry_name(raw) else { continue }
            let name = Array(UnsafeBufferPointer(start: UnsafeRawPointer(cName).assumingMemoryBound(to: UInt8.self), count: strlen(cName)))
            let entry = TreeEntry(borrowed: raw, path: prefix + String(decoding: name, as: UTF8.self))
            if !names.insert(name).inserted {
                found.append(UnsafeTreeEntry(path: entry.path, reason: .duplicate(String(decoding: name, as: UTF8.self))))
                continue
            }
            if let known, let twin = git_tree_entry_byname(known.pointer, cName),
               git_tree_entry_filemode(twin).rawValue == entry.mode.rawValue,
               git_tree_entry_id(twin).map({ ObjectID($0) }) == entry.id {
                continue  // already checked as part of the trusted tree
            }
            if let reason = GitPathRules.check(name: name, isSymlink: entry.mode == .symlink) {
                found.append(UnsafeTreeEntry(path: entry.path, reason: reason))
                continue
            }
            if let message = rule(entry.path, entry.mode) {
                found.append(UnsafeTreeEntry(path: entry.path, reason: .other(message)))
                continue
            }
            guard entry.mode == .tree else { continue }
            let subtree: TreeHandle
            do { subtree = try TreeHandle(treeish: entry.id, in: self) } catch {
                found.append(UnsafeTreeEntry(path: entry.path, reason: .other("a folder git cannot read (\(error))")))
                continue
            }
            var knownSubtree: TreeHandle?
            if let known, let twin = git_tree_entry_byname(known.pointer, cName),
               git_tree_entry_filemode(twin) == GIT_FILEMODE_TREE, let twinID = git_tree_entry_id(twin) {
                knownSubtree = try? TreeHandle(treeish: ObjectID(twinID), in: self)
            }
            walkChecking(subtree, known: knownSubtree, prefix: entry.path + "/", limit: limit, rule: rule, into: &found)
        }
    }

    /// The commits reachable from `tip` but not from `excluded`, oldest first (parents before
    /// children): the commits a fast-forward or a merge from `tip` brings in.
    public func newCommits(from tip: ObjectID, excluding excluded: ObjectID?) throws -> [ObjectID] {
        var raw: OpaquePointer?
        try check(git_revwalk_new(&raw, pointer), "start walking the history")
        guard let raw else { throw GitError.unexpectedNull("walk the history") }
        defer { git_revwalk_free(raw) }
        try check(git_revwalk_sorting(raw, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue), "sort the history")
        var start = tip.oid
        try check(git_revwalk_push(raw, &start), "walk the history from \(tip)")
        if let excluded {
            var hidden = excluded.oid
            try check(git_revwalk_hide(raw, &hidden), "walk the history from \(tip) without \(excluded)")
        }
        var ids: [ObjectID] = []
        var oid = git_oid()
        while true {
            let result = git_revwalk_next(&oid, raw)
            if result == GIT_ITEROVER.rawValue { break }
            try check(result, "walk the history from \(tip)")
            ids.append(ObjectID(&oid))
        }
        return ids
    }
}
