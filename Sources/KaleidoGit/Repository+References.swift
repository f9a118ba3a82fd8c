internal import CGit2

extension Repository {
    /// Where HEAD points: a branch with its commit, an unborn branch, or a detached commit.
    public func head() throws -> Head {
        var raw: OpaquePointer?
        try check(git_reference_lookup(&raw, pointer, "HEAD"), "read HEAD")
        guard let raw else { throw GitError.unexpectedNull("read HEAD") }
        let reference = ReferenceHandle(owning: raw)

        if git_reference_type(reference.pointer) == GIT_REFERENCE_DIRECT {
            guard let target = git_reference_target(reference.pointer) else {
                throw GitError.unexpectedNull("read the commit of a detached HEAD")
            }
            return .detached(commit: ObjectID(target))
        }
        guard let branch = String(borrowing: git_reference_symbolic_target(reference.pointer)) else {
            throw GitError.unexpectedNull("read the branch HEAD points to")
        }
        // A branch that does not exist yet is how git spells "unborn".
        guard let commit = try resolveReference(branch) else { return .unborn(reference: branch) }
        return .branch(reference: branch, commit: commit)
    }

    /// The object a reference points to, following symbolic references ("HEAD"); `nil` if the
    /// reference does not exist.
    ///
    /// - Parameter name: a full name such as "HEAD", "refs/heads/main" or
    ///   "refs/remotes/origin/main" (short names are not expanded: see `resolveRevision(_:)`).
    /// - Throws: `GitError` with code `.invalidSpec` for a malformed name.
    public func resolveReference(_ name: String) throws -> ObjectID? {
        var oid = git_oid()
        let result = git_reference_name_to_id(&oid, pointer, name)
        if result == GitError.Code.notFound.rawValue { return nil }
        try check(result, "resolve the reference '\(name)'")
        return ObjectID(&oid)
    }

    /// The commit a revision names, in any form `git rev-parse` accepts ("main", "HEAD~2",
    /// "origin/main", a full or abbreviated id).
    ///
    /// - Throws: `GitError` with code `.notFound` if nothing matches, `.ambiguous` for a short
    ///   id that matches several objects, `.peel` if the revision is not a commit.
    public func resolveRevision(_ revision: String) throws -> ObjectID {
        var raw: OpaquePointer?
        try check(git_revparse_single(&raw, pointer, revision), "find the revision '\(revision)'")
        guard let raw else { throw GitError.unexpectedNull("find '\(revision)'") }
        let object = ObjectHandle(owning: raw, in: self)
        var peeled: OpaquePointer?
        try check(
            git_object_peel(&peeled, object.pointer, GIT_OBJECT_COMMIT),
            "read the revision '\(revision)' as a commit")
        guard let peeled else { throw GitError.unexpectedNull("peel '\(revision)'") }
        let commit = ObjectHandle(owning: peeled, in: self)
        return ObjectID(git_object_id(commit.pointer))
    }

    /// Points the reference `name` at `target` only if it still has the value the caller saw:
    /// an atomic compare-and-swap, safe against other processes writing the same reference.
    ///
    /// - Parameters:
    ///   - name: the full reference name, e.g. "refs/heads/main". Symbolic references such as
    ///     "HEAD" are not followed: pass the branch they name.
    ///   - target: the new value; the object must exist.
    ///   - expected: the value the caller read, or `nil` to require that the reference does
    ///     not exist yet.
    ///   - message: the reflog message.
    /// - Throws: `GitError` with code `.modified` when the reference no longer has `expected`,
    ///   `.notFound` when it was deleted meanwhile, `.exists` when `expected` is `nil` but the
    ///   reference exists, `.locked` when another process holds its lock, `.invalidSpec` for a
    ///   malformed name. The reference is unchanged whenever this throws.
    public func updateReference(
        _ name: String, to target: ObjectID, expecting expected: ObjectID?, message: String
    ) throws {
        var raw: OpaquePointer?
        var newOID = target.oid
        let operation = "move '\(name)' to \(target)"
        if var expectedOID = expected?.oid {
            // force = 1 with a current id is libgit2's compare-and-swap: it takes the lock, then
            // fails with GIT_EMODIFIED unless the reference still holds `expected`.
            try check(
                git_reference_create_matching(
                    &raw, pointer, name, &newOID, 1, &expectedOID, message),
                operation)
        } else {
            try check(git_reference_create(&raw, pointer, name, &newOID, 0, message), operation)
        }
        if let raw { _ = ReferenceHandle(owning: raw) }
    }
}
