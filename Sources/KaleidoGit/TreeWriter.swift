internal import CGit2

extension Repository {
    /// Writes a tree holding exactly `files` (path → blob id, as regular files), creating the
    /// nested folder trees, and returns the root tree's id.
    ///
    /// - Throws: `GitError` with code `.invalid` for a malformed path (empty, absolute,
    ///   containing "." or ".." or ".git" components, or any path `GitPathRules` refuses) or
    ///   when a path is both a file and a folder of another path; libgit2's error when a blob
    ///   does not exist.
    public func writeTree(_ files: [String: ObjectID]) throws -> ObjectID {
        try writeTree(applying: files.mapValues { .write($0) }, to: nil)
    }

    /// Writes the tree of `base` with `edits` applied and returns its id; `base` is untouched.
    ///
    /// Folders are created as needed; folders left empty disappear; writing a file where a
    /// folder was (or inside what was a file) replaces it. Unchanged folders keep their ids.
    ///
    /// - Parameters:
    ///   - edits: path → change. A path may not also be written as a folder of another written
    ///     path; removals a write implies (a file replacing a folder, or the reverse) are fine.
    ///   - base: a commit or tree to start from, or `nil` to start from an empty tree.
    /// - Throws: as `writeTree(_:)`.
    public func writeTree(applying edits: [String: TreeEdit], to base: ObjectID?) throws -> ObjectID {
        try writeTree(applying: edits.map { ($0.key, $0.value) }, to: base)
    }

    /// Writes the tree of `base` with `edits` applied, as the dictionary form does.
    ///
    /// Use this form when two paths may differ only in Unicode normalisation ("é" composed and
    /// decomposed): git stores them as two files, but Swift's `String ==` calls them equal, so
    /// a dictionary cannot hold both.
    /// - Throws: as `writeTree(_:)`, and `.invalid` when the same path is given twice.
    public func writeTree(applying edits: [(path: String, edit: TreeEdit)], to base: ObjectID?) throws -> ObjectID {
        var root = EditNode(name: "")
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
        for child in node.children.values.sorted(by: { $0.bytes.lexicographicallyPrecedes($1.bytes) }) {
            let name = child.name
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

/// The edits below one folder.
private struct EditNode {
    /// The entry name, exactly as the caller spelled it.
    let name: String
    /// The edit of this very path; `nil` for a folder that only has edits below it.
    var edit: TreeEdit?
    /// Keyed by the names' UTF-8 bytes, not by `String`, whose `==` would merge names that
    /// differ only in Unicode normalisation and that git keeps apart.
    var children: [[UInt8]: EditNode] = [:]

    var bytes: [UInt8] { Array(name.utf8) }

    mutating func insert(_ edit: TreeEdit, at components: ArraySlice<String>, path: String) throws {
        guard let first = components.first else {
            if !children.isEmpty {
                // A file becoming a folder, or the reverse, arrives as a removal and writes (a
                // diff lists both): the removals are what the writes imply, as in git.
                if edit == .remove && !onlyRemovals { return }
                guard onlyRemovals else { throw TreePath.overlap(path) }
                children = [:]
            }
            guard self.edit == nil else {
                throw GitError.invalidInput("'\(path)' is changed twice", "write a tree")
            }
            self.edit = edit
            return
        }
        switch (self.edit, edit) {
        case (nil, _): break
        case (.remove?, .remove): return  // below a removed path: already gone
        case (.remove?, .write): self.edit = nil  // a file replaced by a folder
        case (.write?, .remove): return  // a folder replaced by a file: its files go with it
        case (.write?, .write): throw TreePath.overlap(path)
        }
        try children[Array(first.utf8), default: EditNode(name: first)]
            .insert(edit, at: components.dropFirst(), path: path)
    }

    /// Whether every edit below is a removal.
    var onlyRemovals: Bool {
        children.values.allSatisfy { $0.edit == .remove || ($0.edit == nil && $0.onlyRemovals) }
    }
}

/// Validation of paths given to the tree writer.
enum TreePath {
    /// The components of a slash-separated relative path, or a `GitError` explaining why it is
    /// not one git can store.
    static func components(of path: String) throws -> ArraySlice<String> {
        // Split and compare bytes: `Character` comparison would treat "/" followed by a
        // combining accent as one character that is not "/".
        let parts = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        for part in parts {
            let bytes = Array(part)
            let problem: String? =
                if bytes.isEmpty { "it has an empty component (a leading, trailing or double '/')" }
                else if bytes == Array(".".utf8) || bytes == Array("..".utf8) { "it contains '\(String(decoding: bytes, as: UTF8.self))'" }
                else if bytes.map({ $0 | 0x20 }) == Array(".git".utf8) { "git cannot store a '.git' entry" }
                else if bytes.contains(0) { "it contains a NUL character" }
                else { GitPathRules.check(name: bytes).map { "it has \($0)" } }
            if let problem {
                throw GitError.invalidInput(
                    "'\(path)' is not a valid path: \(problem)", "write a tree")
            }
        }
        // Cutting UTF-8 at an ASCII '/' leaves valid UTF-8 on both sides: decoding is lossless.
        return parts.map { String(decoding: $0, as: UTF8.self) }[...]
    }

    static func overlap(_ path: String) -> GitError {
        GitError.invalidInput(
            "'\(path)' is both a file and a folder among the changes", "write a tree")
    }
}
