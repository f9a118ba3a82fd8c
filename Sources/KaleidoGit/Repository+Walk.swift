internal import CGit2

extension Repository {
    /// The commits reachable from `tip`, newest first (by commit time, parents after children),
    /// at most `limit` of them: what `git log` lists.
    public func commits(from tip: ObjectID, limit: Int = .max) throws -> [ObjectID] {
        var raw: OpaquePointer?
        try check(git_revwalk_new(&raw, pointer), "start walking the history")
        guard let raw else { throw GitError.unexpectedNull("walk the history") }
        defer { git_revwalk_free(raw) }
        try check(git_revwalk_sorting(raw, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue), "sort the history")
        var start = tip.oid
        try check(git_revwalk_push(raw, &start), "walk the history from \(tip)")
        var ids: [ObjectID] = []
        var oid = git_oid()
        while ids.count < limit {
            let result = git_revwalk_next(&oid, raw)
            if result == GIT_ITEROVER.rawValue { break }
            try check(result, "walk the history from \(tip)")
            ids.append(ObjectID(&oid))
        }
        return ids
    }

    /// How many commits `local` has that `upstream` lacks, and the reverse (`git rev-list
    /// --left-right --count local...upstream`).
    public func aheadBehind(local: ObjectID, upstream: ObjectID) throws -> (ahead: Int, behind: Int) {
        var ahead = 0, behind = 0
        var localOID = local.oid, upstreamOID = upstream.oid
        try check(git_graph_ahead_behind(&ahead, &behind, pointer, &localOID, &upstreamOID),
                  "count the commits between \(local) and \(upstream)")
        return (ahead, behind)
    }

    /// Deletes the reference `name`; does nothing when it does not exist.
    public func deleteReference(_ name: String) throws {
        let result = git_reference_remove(pointer, name)
        if result == GitError.Code.notFound.rawValue { return }
        try check(result, "delete the reference '\(name)'")
    }

    /// Whether git ignores `path` (relative to the working tree; end a folder with "/") by the
    /// repository's `.gitignore` files, `info/exclude` and `core.excludesFile`.
    public func isIgnored(_ path: String) throws -> Bool {
        var ignored: Int32 = 0
        try check(git_ignore_path_is_ignored(&ignored, pointer, path), "check whether '\(path)' is ignored")
        return ignored == 1
    }
}
