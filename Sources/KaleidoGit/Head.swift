/// Where a repository's HEAD points.
public enum Head: Hashable, Sendable {
    /// HEAD names a branch that has no commit yet: a new repository, or an orphan branch.
    /// `reference` is the full name, e.g. "refs/heads/main".
    case unborn(reference: String)
    /// HEAD names a branch, which points at `commit`.
    case branch(reference: String, commit: ObjectID)
    /// HEAD points straight at a commit (a detached HEAD).
    case detached(commit: ObjectID)

    /// The commit HEAD resolves to, or `nil` on an unborn branch.
    public var commit: ObjectID? {
        switch self {
        case .unborn: nil
        case .branch(_, let commit), .detached(let commit): commit
        }
    }

    /// The full reference name HEAD points to ("refs/heads/main"), or `nil` when detached.
    public var reference: String? {
        switch self {
        case .unborn(let reference), .branch(let reference, _): reference
        case .detached: nil
        }
    }

    /// The short branch name ("main"), or `nil` when detached.
    public var branchName: String? {
        guard let reference else { return nil }
        let prefix = "refs/heads/"
        return reference.hasPrefix(prefix) ? String(reference.dropFirst(prefix.count)) : reference
    }
}
