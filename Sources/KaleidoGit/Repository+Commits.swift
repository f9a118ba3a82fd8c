internal import CGit2
internal import Foundation

extension Repository {
    /// Creates a commit of `tree` and returns its id.
    ///
    /// - Parameters:
    ///   - tree: a tree id (a commit id is read as its tree).
    ///   - parents: the parent commits in order: none for a first commit, two for a merge.
    ///   - author: who wrote the change.
    ///   - committer: who records it; `nil` means the author.
    ///   - message: stored exactly as given, in UTF-8 with no `encoding` header, as git does
    ///     (add a final "\n" to match `git commit`).
    ///   - reference: a reference to move to the new commit ("HEAD", "refs/heads/main"), or
    ///     `nil` to only write the commit object. A symbolic reference moves the branch it names.
    /// - Throws: `GitError`; with a `reference`, code `.modified` when the reference exists and
    ///   does not point at `parents.first`, or exists while `parents` is empty (libgit2 checks
    ///   that the first parent is the current tip, so a commit built on a stale tip never lands
    ///   on the branch). A reference that does not exist yet is created without a check.
    public func createCommit(
        tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature? = nil,
        message: String, updating reference: String? = nil
    ) throws -> ObjectID {
        let treeHandle = try TreeHandle(treeish: tree, in: self)
        let parentHandles = try parents.map { try CommitHandle(lookup: $0, in: self) }
        let authorHandle = try SignatureHandle(author)
        let committerHandle = try committer.map(SignatureHandle.init) ?? authorHandle
        var parentPointers: [OpaquePointer?] = parentHandles.map(\.pointer)
        var oid = git_oid()
        let result = parentPointers.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(
                &oid, pointer, reference, authorHandle.pointer, committerHandle.pointer,
                nil, message, treeHandle.pointer, buffer.count, buffer.baseAddress)
        }
        try check(
            result,
            reference.map { "commit and move '\($0)'" } ?? "write a commit",
            hint: result == GitError.Code.modified.rawValue
                ? "The branch moved since its tip was read: build the commit on the new tip." : nil)
        return ObjectID(&oid)
    }

    /// Reads the commit `id`.
    ///
    /// - Throws: `GitError` with code `.notFound` if there is no such commit.
    public func commit(_ id: ObjectID) throws -> Commit {
        let handle = try CommitHandle(lookup: id, in: self)
        let commit = handle.pointer
        let parents = (0..<git_commit_parentcount(commit)).compactMap { index in
            git_commit_parent_id(commit, index).map { ObjectID($0) }
        }
        guard let tree = git_commit_tree_id(commit),
              let author = git_commit_author(commit),
              let committer = git_commit_committer(commit)
        else { throw GitError.unexpectedNull("read commit \(id)") }
        return Commit(
            id: id, tree: ObjectID(tree), parents: parents,
            author: Signature(borrowed: author), committer: Signature(borrowed: committer),
            // Messages are decoded as UTF-8 (invalid bytes become U+FFFD); Kaleido writes UTF-8.
            message: String(borrowing: git_commit_message_raw(commit)) ?? "")
    }
}

extension Signature {
    /// Copies a `git_signature` that libgit2 lends us.
    init(borrowed signature: UnsafePointer<git_signature>) {
        let when = signature.pointee.when
        self.init(
            name: String(borrowing: signature.pointee.name) ?? "",
            email: String(borrowing: signature.pointee.email) ?? "",
            time: Date(timeIntervalSince1970: TimeInterval(when.time)),
            timeZoneOffsetMinutes: Int(when.offset))
    }
}
