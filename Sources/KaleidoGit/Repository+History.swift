internal import CGit2

/// A file that differs between two trees.
public struct FileChange: Hashable, Sendable {
    /// How the file changed.
    public enum Kind: Hashable, Sendable {
        /// The path exists only in the new tree.
        case added
        /// The path exists in both, with different content or mode (or a file became a
        /// symlink: a type change is reported as a modification).
        case modified
        /// The path exists only in the old tree.
        case deleted
    }

    /// The file's slash-separated path from the root.
    public var path: String
    /// How it changed.
    public var kind: Kind
    /// The blob in the old tree, `nil` when added.
    public var oldID: ObjectID?
    /// The blob in the new tree, `nil` when deleted.
    public var newID: ObjectID?
    /// The mode in the old tree, `nil` when added.
    public var oldMode: FileMode?
    /// The mode in the new tree, `nil` when deleted.
    public var newMode: FileMode?

    /// Creates a change value.
    public init(
        path: String, kind: Kind, oldID: ObjectID?, newID: ObjectID?,
        oldMode: FileMode? = nil, newMode: FileMode? = nil
    ) {
        self.path = path
        self.kind = kind
        self.oldID = oldID
        self.newID = newID
        self.oldMode = oldMode
        self.newMode = newMode
    }
}

extension Repository {
    /// The best common ancestor of two commits (what `git merge-base` prints), or `nil` when
    /// their histories never meet.
    public func mergeBase(_ one: ObjectID, _ two: ObjectID) throws -> ObjectID? {
        var base = git_oid()
        var first = one.oid, second = two.oid
        let result = git_merge_base(&base, pointer, &first, &second)
        if result == GitError.Code.notFound.rawValue { return nil }
        try check(result, "find the common ancestor of \(one) and \(two)")
        return ObjectID(&base)
    }

    /// Whether `ancestor` is `commit` or one of its ancestors (as `git merge-base
    /// --is-ancestor`): when it is, moving a branch from `ancestor` to `commit` is a fast-forward.
    public func isAncestor(_ ancestor: ObjectID, of commit: ObjectID) throws -> Bool {
        if ancestor == commit { return true }
        var descendant = commit.oid, older = ancestor.oid
        let result = try check(
            git_graph_descendant_of(pointer, &descendant, &older),
            "check whether \(ancestor) is an ancestor of \(commit)")
        return result == 1
    }

    /// The files that differ between two commits or trees, sorted by path, without rename
    /// detection (a rename is a deletion plus an addition).
    ///
    /// Paths are entry names joined with "/": a name holding a "/" (or "..", ".git") in a tree
    /// someone crafted cannot be told apart here. Check an untrusted tree with
    /// `unsafeEntries(in:trusting:)` before writing any of its paths to disk.
    ///
    /// - Parameters:
    ///   - old: the old commit or tree, or `nil` for an empty tree (everything is added).
    ///   - new: the new commit or tree, or `nil` for an empty tree (everything is deleted).
    public func diffTrees(from old: ObjectID?, to new: ObjectID?) throws -> [FileChange] {
        let oldTree = try old.map { try TreeHandle(treeish: $0, in: self) }
        let newTree = try new.map { try TreeHandle(treeish: $0, in: self) }
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "prepare a diff")
        // Without this flag a file that becomes a symlink shows as a deletion and an addition of
        // the same path; one entry per path is simpler for callers.
        options.flags = GIT_DIFF_INCLUDE_TYPECHANGE.rawValue
        var raw: OpaquePointer?
        try check(
            git_diff_tree_to_tree(&raw, pointer, oldTree?.pointer, newTree?.pointer, &options),
            "compare \(old?.hex ?? "an empty tree") with \(new?.hex ?? "an empty tree")")
        guard let raw else { throw GitError.unexpectedNull("compare two trees") }
        let diff = DiffHandle(owning: raw, in: self)

        var changes: [FileChange] = []
        for index in 0..<git_diff_num_deltas(diff.pointer) {
            // Deltas are borrowed from the diff: copy each one out at once.
            guard let delta = git_diff_get_delta(diff.pointer, index)?.pointee else { continue }
            let oldFile = delta.old_file, newFile = delta.new_file
            let kind: FileChange.Kind
            switch delta.status {
            case GIT_DELTA_ADDED: kind = .added
            case GIT_DELTA_DELETED: kind = .deleted
            case GIT_DELTA_MODIFIED, GIT_DELTA_TYPECHANGE: kind = .modified
            default: continue  // renames, copies, untracked: not produced by this tree-to-tree diff
            }
            var oldID = oldFile.id, newID = newFile.id
            changes.append(FileChange(
                path: String(borrowing: kind == .deleted ? oldFile.path : newFile.path) ?? "",
                kind: kind,
                oldID: kind == .added ? nil : ObjectID(&oldID),
                newID: kind == .deleted ? nil : ObjectID(&newID),
                oldMode: kind == .added ? nil : FileMode(rawValue: UInt32(oldFile.mode)),
                newMode: kind == .deleted ? nil : FileMode(rawValue: UInt32(newFile.mode))))
        }
        return changes
    }
}
