/// The kind of a tree entry, as git's mode bits.
public enum FileMode: UInt32, Hashable, Sendable {
    /// A subdirectory (`040000`).
    case tree = 0o040000
    /// An ordinary file (`100644`).
    case regular = 0o100644
    /// An executable file (`100755`).
    case executable = 0o100755
    /// A symbolic link whose blob holds the target path (`120000`).
    case symlink = 0o120000
    /// A submodule: the entry names a commit of another repository (`160000`).
    case submodule = 0o160000

    /// The mode as `git ls-tree` prints it, e.g. "100644" or "040000".
    public var octal: String {
        let digits = String(rawValue, radix: 8)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// Whether the entry names a blob (a regular file, an executable or a symlink).
    public var isBlob: Bool { self == .regular || self == .executable || self == .symlink }
}

/// One entry of a tree, with its path from the root of the tree that was listed.
public struct TreeEntry: Hashable, Sendable {
    /// The slash-separated path from the listed tree's root, e.g. "knowledge/partners/a.yaml".
    public var path: String
    /// The id of the blob, tree or (for a submodule) commit.
    public var id: ObjectID
    /// What the entry is.
    public var mode: FileMode

    /// Creates an entry value.
    public init(path: String, id: ObjectID, mode: FileMode) {
        self.path = path
        self.id = id
        self.mode = mode
    }

    /// The last path component.
    public var name: Substring {
        guard let slash = path.lastIndex(of: "/") else { return path[...] }
        return path[path.index(after: slash)...]
    }
}

/// One change to apply to a tree with `Repository.writeTree(applying:to:)`.
public enum TreeEdit: Hashable, Sendable {
    /// Put this blob at the path, creating folders on the way and replacing whatever was there.
    case write(ObjectID, mode: FileMode = .regular)
    /// Remove the path (a file, or a folder with everything in it); folders left empty vanish,
    /// since git cannot store them. Removing a path that does not exist does nothing.
    case remove
}
