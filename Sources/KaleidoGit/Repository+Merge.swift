internal import CGit2

/// The result of git's line merge of one file.
public struct FileMergeResult: Hashable, Sendable {
    /// Whether git merged without a conflict; when `false`, `bytes` holds conflict markers and
    /// must not be written anywhere a person or a parser will read it.
    public var isClean: Bool
    /// The merged content.
    public var bytes: [UInt8]
}

/// git's own three-way line merge (`git merge-file`), in memory.
public enum LineMerge {
    /// Merges `ours` and `theirs` against `base` (`nil`: the file was added on both sides) as
    /// `git merge-file` does, with no file touched.
    public static func merge(base: [UInt8]?, ours: [UInt8], theirs: [UInt8], path: String) throws -> FileMergeResult {
        try Libgit2.prepare()
        var options = git_merge_file_options()
        try check(git_merge_file_options_init(&options, UInt32(GIT_MERGE_FILE_OPTIONS_VERSION)), "prepare a file merge")
        var result = git_merge_file_result()
        let status: Int32 = path.withCString { pathPointer in
            withInput(base ?? [], path: pathPointer) { baseInput in
                withInput(ours, path: pathPointer) { oursInput in
                    withInput(theirs, path: pathPointer) { theirsInput in
                        git_merge_file(&result, &baseInput, &oursInput, &theirsInput, &options)
                    }
                }
            }
        }
        try check(status, "merge the two versions of '\(path)'")
        defer { git_merge_file_result_free(&result) }
        let bytes: [UInt8] = result.ptr.map { pointer in
            Array(UnsafeRawBufferPointer(start: pointer, count: result.len))
        } ?? []
        return FileMergeResult(isClean: result.automergeable != 0, bytes: bytes)
    }

    private static func withInput(
        _ bytes: [UInt8], path: UnsafePointer<CChar>, _ body: (inout git_merge_file_input) -> Int32
    ) -> Int32 {
        bytes.withUnsafeBufferPointer { buffer in
            var input = git_merge_file_input()
            _ = git_merge_file_input_init(&input, UInt32(GIT_MERGE_FILE_INPUT_VERSION))
            input.ptr = UnsafeRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
            input.size = buffer.count
            input.path = path
            input.mode = FileMode.regular.rawValue
            return body(&input)
        }
    }
}

extension ObjectID {
    /// The id git gives a blob with these bytes (`git hash-object`), computed without writing it.
    public static func blob(hashing bytes: [UInt8]) throws -> ObjectID {
        try Libgit2.prepare()
        var oid = git_oid()
        try bytes.withUnsafeBytes { buffer in
            _ = try check(git_odb_hash(&oid, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB), "hash a file")
        }
        return ObjectID(&oid)
    }
}

extension Repository {
    /// Sets the index to `treeish`'s tree, so that `git status` agrees with the new HEAD.
    /// Entries whose blob did not change keep their cached file stats (libgit2 preserves them).
    ///
    /// - Returns: `false`, without waiting or touching the lock, when another program holds
    ///   `index.lock` (a user's `git add` in progress): the index is only a cache for git's
    ///   command line, and the next sync updates it.
    @discardableResult
    public func resetIndex(to treeish: ObjectID) throws -> Bool {
        let tree = try TreeHandle(treeish: treeish, in: self)
        var raw: OpaquePointer?
        try check(git_repository_index(&raw, pointer), "open the index")
        guard let raw else { throw GitError.unexpectedNull("open the index") }
        defer { git_index_free(raw) }
        // Re-read from disk first (force 0: only when it changed), so entries keep their stats.
        _ = git_index_read(raw, 0)
        try check(git_index_read_tree(raw, tree.pointer), "read \(treeish) into the index")
        let result = git_index_write(raw)
        if result == GitError.Code.locked.rawValue { return false }
        try check(result, "write the index")
        return true
    }

    /// The value of a git configuration key (repository, user and system files), or `nil`.
    public func configString(_ key: String) -> String? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, pointer) == 0, let config else { return nil }
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        guard git_config_get_string(&value, config, key) == 0 else { return nil }
        return String(borrowing: value)
    }
}
