internal import CGit2

extension Repository {
    /// Writes a tree holding exactly `files` (path → blob id, as regular files), creating the
    /// nested folder trees, and returns the root tree's id.
    ///
    /// - Throws: `GitError` with code `.invalid` for a malformed path (empty, absolute,
    ///   containing "." or ".." or ".git" components) or when a path is both a file and a
    ///   folder of another path; libgit2's error when a blob does not exist.
    public func writeTree(_ files: [String: ObjectID]) throws -> ObjectID {
        try writeTree(applying: files.mapValues { .write($0) }, to: nil)
    }

    /// Writes the tree of `base` with `edits` applied and returns its id; `base` is untouched.
    ///
    /// Folders are created as needed; folders left empty disappear; writing a file where a
    /// folder was (or inside what was a file) replaces it. Unchanged folders keep their ids.
    ///
    /// - Parameters:
    ///   - edits: path → change. A path may not also be a folder of another edited path.
    ///   - base: a commit or tree to start from, or `nil` to start from an empty tree.
    /// - Throws: as `writeTree(_:)`.
    public func writeTree(applying edits: [String: TreeEdit], to base: ObjectID?) throws -> ObjectID {
        var root = EditNode()
        for (path, edit) in edits {
            try root.insert(edit, at: TreePath.components(of: path), path: path)
        }
        let baseTree = try base.map { try TreeHandle(treeish: $0, in: self) }
        if let written = try write(root, onto: baseTree) { return written }
        // Everything was removed: the empty tree is still a tree, and a commit may hold it.
        return try write(TreeBuilderHandle(base: nil, in: self))
    }

    /// Writes one folder level; returns `nil` when the folder ends up empty.
    private func write(_ node: EditNode, onto base: TreeHandle?) throws -> ObjectID? {
        let builder = try TreeBuilderHandle(base: base, in: self)
        // Sorted only so that errors are reported in a stable order; git sorts entries itself.
        for (name, child) in node.children.sorted(by: { $0.key < $1.key }) {
            switch child.edit {
            case .write(let id, let mode)?:
                try insert(name, id, mode, into: builder)
            case .remove?:
                try remove(name, from: builder)
            case nil:
                let existing = git_treebuilder_get(builder.pointer, name).map { TreeEntry(borrowed: $0, path: name) }
                let subtree = try existing.flatMap { entry in
                    entry.mode == .tree ? try TreeHandle(treeish: entry.id, in: self) : nil
                }
                if let written = try write(child, onto: subtree) {
                    try insert(name, written, .tree, into: builder)
                } else {
                    try remove(name, from: builder)
                }
            }
        }
        guard git_treebuilder_entrycount(builder.pointer) > 0 else { return nil }
        return try write(builder)
    }

    private func insert(_ name: String, _ id: ObjectID, _ mode: FileMode, into builder: TreeBuilderHandle) throws {
        var oid = id.oid
        // libgit2 checks (strict object creation, on by default) that `id` exists and that its
        // type fits `mode`, so a tree cannot point at a missing blob.
        try check(
            git_treebuilder_insert(nil, builder.pointer, name, &oid, git_filemode_t(rawValue: mode.rawValue)),
            "put \(id) at '\(name)' in a tree",
            hint: "Write the blob before the tree that holds it.")
    }

    private func remove(_ name: String, from builder: TreeBuilderHandle) throws {
        // git_treebuilder_remove reports a missing entry as a generic error; ask first.
        guard git_treebuilder_get(builder.pointer, name) != nil else { return }
        try check(git_treebuilder_remove(builder.pointer, name), "remove '\(name)' from a tree")
    }

    private func write(_ builder: TreeBuilderHandle) throws -> ObjectID {
        var oid = git_oid()
        try check(git_treebuilder_write(&oid, builder.pointer), "write a tree")
        return ObjectID(&oid)
    }
}

/// The edits below one folder, keyed by entry name.
private struct EditNode {
    /// The edit of this very path; `nil` for a folder that only has edits below it.
    var edit: TreeEdit?
    var children: [String: EditNode] = [:]

    mutating func insert(_ edit: TreeEdit, at components: ArraySlice<String>, path: String) throws {
        guard let first = components.first else {
            guard children.isEmpty else { throw TreePath.overlap(path) }
            self.edit = edit
            return
        }
        guard self.edit == nil else { throw TreePath.overlap(path) }
        try children[first, default: EditNode()].insert(edit, at: components.dropFirst(), path: path)
    }
}

/// Validation of paths given to the tree writer.
enum TreePath {
    /// The components of a slash-separated relative path, or a `GitError` explaining why it is
    /// not one git can store.
    static func components(of path: String) throws -> ArraySlice<String> {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for part in parts {
            let problem: String? =
                if part.isEmpty { "it has an empty component (a leading, trailing or double '/')" }
                else if part == "." || part == ".." { "it contains '\(part)'" }
                else if part.lowercased() == ".git" { "git cannot store a '.git' entry" }
                else if part.utf8.contains(0) { "it contains a NUL character" }
                else { nil }
            if let problem {
                throw GitError.invalidInput(
                    "'\(path)' is not a valid path: \(problem)", "write a tree")
            }
        }
        return parts[...]
    }

    static func overlap(_ path: String) -> GitError {
        GitError.invalidInput(
            "'\(path)' is both a file and a folder among the changes", "write a tree")
    }
}
