internal import CGit2

// Reading and writing blobs and reading trees. `treeish` parameters take a commit id or a tree
// id: a commit is read as its root tree.
extension Repository {
    /// Stores `bytes` as a blob and returns its id (writing the same bytes twice is harmless).
    public func writeBlob(_ bytes: some Sequence<UInt8>) throws -> ObjectID {
        let content = Array(bytes)
        var oid = git_oid()
        _ = try content.withUnsafeBytes { buffer in
            try check(
                git_blob_create_from_buffer(&oid, pointer, buffer.baseAddress, buffer.count),
                "store a blob of \(buffer.count) bytes")
        }
        return ObjectID(&oid)
    }

    /// Stores the UTF-8 bytes of `text` as a blob and returns its id.
    public func writeBlob(_ text: String) throws -> ObjectID {
        try writeBlob(Array(text.utf8))
    }

    /// The bytes of the blob `id`.
    ///
    /// - Throws: `GitError` with code `.notFound` if there is no such blob.
    public func readBlob(_ id: ObjectID) throws -> [UInt8] {
        try BlobHandle(lookup: id, in: self).content
    }

    /// The bytes of the file at `path` in a commit or tree, or `nil` if nothing is there.
    ///
    /// - Throws: `GitError` with code `.directory` when `path` is a folder or a submodule.
    public func readBlob(at path: String, in treeish: ObjectID) throws -> [UInt8]? {
        guard let entry = try entry(at: path, in: treeish) else { return nil }
        guard entry.mode.isBlob else {
            throw GitError(
                code: .directory, errorClass: .none,
                message: "'\(path)' is a \(entry.mode == .tree ? "folder" : "submodule"), not a file",
                operation: "read '\(path)' in \(treeish)", hint: "Give the path of a file.")
        }
        return try readBlob(entry.id)
    }

    /// The entry at `path` (a file or a folder) in a commit or tree, or `nil` if nothing is there.
    public func entry(at path: String, in treeish: ObjectID) throws -> TreeEntry? {
        let tree = try TreeHandle(treeish: treeish, in: self)
        var raw: OpaquePointer?
        let result = git_tree_entry_bypath(&raw, tree.pointer, path)
        if result == GitError.Code.notFound.rawValue { return nil }
        try check(result, "find '\(path)' in \(treeish)")
        guard let raw else { throw GitError.unexpectedNull("find '\(path)'") }
        let entry = TreeEntryHandle(owning: raw)
        return TreeEntry(borrowed: entry.pointer, path: path)
    }

    /// The id of the root tree of a commit, or the id itself for a tree.
    public func treeID(of treeish: ObjectID) throws -> ObjectID {
        try TreeHandle(treeish: treeish, in: self).id
    }

    /// The entries of a commit's or tree's snapshot, in git's order (as `git ls-tree` lists).
    ///
    /// - Parameter recursive: `true` (the default) lists every file under every folder, with
    ///   full paths, and no folder entries, like `git ls-tree -r`; `false` lists the top level
    ///   only, folders included.
    public func listTree(_ treeish: ObjectID, recursive: Bool = true) throws -> [TreeEntry] {
        var entries: [TreeEntry] = []
        try collectEntries(of: TreeHandle(treeish: treeish, in: self), prefix: "", recursive: recursive, into: &entries)
        return entries
    }

    private func collectEntries(
        of tree: TreeHandle, prefix: String, recursive: Bool, into entries: inout [TreeEntry]
    ) throws {
        // Entries read by index are borrowed from `tree`: copy each one out before moving on.
        for index in 0..<git_tree_entrycount(tree.pointer) {
            guard let raw = git_tree_entry_byindex(tree.pointer, index) else { continue }
            let name = String(borrowing: git_tree_entry_name(raw)) ?? ""
            let entry = TreeEntry(borrowed: raw, path: prefix + name)
            if recursive && entry.mode == .tree {
                let subtree = try TreeHandle(treeish: entry.id, in: self)
                try collectEntries(of: subtree, prefix: entry.path + "/", recursive: true, into: &entries)
            } else {
                entries.append(entry)
            }
        }
    }
}

extension TreeEntry {
    /// Copies a `git_tree_entry` that libgit2 lends us.
    init(borrowed entry: OpaquePointer, path: String) {
        let id = git_tree_entry_id(entry).map { ObjectID($0) } ?? .zero
        // git_tree_entry_filemode normalises historical modes (e.g. 100664) to the five valid ones.
        let mode = FileMode(rawValue: git_tree_entry_filemode(entry).rawValue) ?? .regular
        self.init(path: path, id: id, mode: mode)
    }
}
