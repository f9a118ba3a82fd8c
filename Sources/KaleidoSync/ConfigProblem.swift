/// The shared config (`.kaleido/config.yaml`) does not load, so the sync runs on the last config
/// that did: what `kaleido status` and `kaleido sync` show until the file is fixed.
public struct ConfigProblem: Codable, Hashable, Sendable {
    /// The first line of the diagnostic: `.kaleido/config.yaml:3:9: error: branch must be … [config]`.
    public var diagnostic: String
    /// The diagnostic with its source line and a caret under the column.
    public var rendered: String
    /// The commit that brought this version of the file to the branch, and its author
    /// (`Name <email>`); both nil when the file is a local edit, not committed.
    public var commit: String?
    public var author: String?

    public init(diagnostic: String, rendered: String, commit: String?, author: String?) {
        self.diagnostic = diagnostic
        self.rendered = rendered
        self.commit = commit
        self.author = author
    }

    /// Where the bad version came from, as a clause: `brought by commit 1a2b3c4d5e (Eve <eve@example.org>)`.
    public var origin: String {
        guard let commit else { return "a local edit, not committed" }
        return "brought by commit \(commit.prefix(10))\(author.map { " (\($0))" } ?? "")"
    }

    /// What the sync does about it, as a sentence.
    public static let consequence = "syncing with the last config that loaded on this machine until it is fixed"
}
