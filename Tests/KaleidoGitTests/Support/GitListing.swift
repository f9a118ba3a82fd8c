import KaleidoGit

/// One line of `git ls-tree -r -z`: "mode type id<TAB>path".
struct ListedEntry: Hashable, CustomStringConvertible {
    let mode: String
    let id: String
    let path: String
    var description: String { "\(mode) \(id) \(path)" }
}

extension Scratch {
    /// What git itself lists for `treeish`, in git's order, with paths unquoted (`-z`).
    func lsTree(_ treeish: String, in folder: String) throws -> [ListedEntry] {
        let output = try gitBytes(["ls-tree", "-r", "-z", treeish], in: folder)
        return output.split(separator: 0).map { record in
            let text = String(decoding: record, as: UTF8.self)
            let (header, path) = text.split(separator: "\t", maxSplits: 1).map(String.init).pair
            let fields = header.split(separator: " ").map(String.init)
            return ListedEntry(mode: fields[0], id: fields[2], path: path)
        }
    }

    /// The exact bytes git prints for an object (`git cat-file -p`).
    func catFile(_ id: ObjectID, in folder: String) throws -> [UInt8] {
        try gitBytes(["cat-file", "-p", id.hex], in: folder)
    }

    /// `git fsck --strict` on everything in the repository, failing the caller if git objects.
    func fsck(in folder: String) throws {
        try git("fsck", "--strict", "--no-progress", in: folder)
    }
}

extension Array where Element == String {
    /// The two halves of a split that must have produced exactly two.
    var pair: (String, String) { (self[0], count > 1 ? self[1] : "") }
}

extension TreeEntry {
    /// The entry as git lists it, to compare with `Scratch.lsTree`.
    var listed: ListedEntry { ListedEntry(mode: mode.octal, id: id.hex, path: path) }
}
