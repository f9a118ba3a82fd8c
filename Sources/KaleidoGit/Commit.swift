public import Foundation

/// Who made a commit, and when: git's author or committer line.
///
/// Git stores whole seconds since 1970 and the author's UTC offset in minutes; `time` is
/// truncated to the second when written. Neither `name` nor `email` may contain `<`, `>` or a
/// newline (libgit2 refuses them with a `GitError`).
public struct Signature: Hashable, Sendable {
    /// The person's name, e.g. "Hélène Ben Salah".
    public var name: String
    /// The person's e-mail address, without angle brackets.
    public var email: String
    /// The instant of the action.
    public var time: Date
    /// The person's offset from UTC in minutes (`+0100` is 60), kept for display.
    public var timeZoneOffsetMinutes: Int

    /// Creates a signature; `timeZoneOffsetMinutes` defaults to UTC.
    public init(name: String, email: String, time: Date, timeZoneOffsetMinutes: Int = 0) {
        self.name = name
        self.email = email
        self.time = time
        self.timeZoneOffsetMinutes = timeZoneOffsetMinutes
    }

    /// The whole seconds since 1970 that git stores.
    public var secondsSince1970: Int64 {
        Int64(time.timeIntervalSince1970.rounded(.down))
    }
}

/// A commit read from a repository: every field copied out of libgit2 at once.
public struct Commit: Hashable, Sendable {
    /// The commit's own id.
    public var id: ObjectID
    /// The root tree of the snapshot.
    public var tree: ObjectID
    /// The parents in order: none for a root commit, two or more for a merge.
    public var parents: [ObjectID]
    /// Who wrote the change.
    public var author: Signature
    /// Who recorded the commit.
    public var committer: Signature
    /// The message exactly as stored, including any trailing newline (`git commit -m x`
    /// stores `"x\n"`; this module stores what it is given).
    public var message: String

    /// Creates a commit value (for test doubles; commits are read with `Repository.commit(_:)`).
    public init(
        id: ObjectID, tree: ObjectID, parents: [ObjectID],
        author: Signature, committer: Signature, message: String
    ) {
        self.id = id
        self.tree = tree
        self.parents = parents
        self.author = author
        self.committer = committer
        self.message = message
    }

    /// The first line of the message, as `git log --format=%s` shows for a one-line subject.
    public var summary: String {
        let trimmed = message.drop { $0 == "\n" }
        return String(trimmed.prefix { $0 != "\n" })
    }
}
