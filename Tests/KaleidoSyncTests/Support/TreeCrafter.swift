import Foundation
import KaleidoTestSupport

/// One entry of a tree object as git stores it: mode, raw name bytes, id.
struct RawEntry {
    var mode: String
    var name: [UInt8]
    var id: String

    init(_ mode: String, _ name: String, _ id: String) { self.init(mode, Array(name.utf8), id) }
    init(_ mode: String, _ name: [UInt8], _ id: String) { (self.mode, self.name, self.id) = (mode, name, id) }
}

/// Makes objects straight in a bare remote, as an attacker with push access can: trees that
/// `git mktree` would refuse (`hash-object -t tree --literally`), commits (`commit-tree`) by a
/// chosen author, and moves the branch (`update-ref`), as a push would.
struct TreeCrafter {
    let scratch: Scratch
    let remote: String

    private func git(_ args: [String], input: [UInt8] = []) throws -> Data {
        let finished = try ChildProcess.run("/usr/bin/git", args, in: remote, environment: scratch.environment, input: .bytes(Data(input)))
        guard finished.status == 0 else { throw CommandFailed(description: "git \(args.joined(separator: " ")): \(finished.stderr)") }
        return finished.standardOutput
    }

    private func line(_ args: [String], input: [UInt8] = []) throws -> String {
        String(decoding: try git(args, input: input), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var tip: String { get throws { try line(["rev-parse", "main"]) } }

    func tree(of commit: String) throws -> String { try line(["rev-parse", commit + "^{tree}"]) }

    func blob(_ text: String) throws -> String { try line(["hash-object", "-w", "--stdin"], input: Array(text.utf8)) }

    /// The entries of a tree (`ls-tree -z`: names exactly as stored).
    func entries(of tree: String) throws -> [RawEntry] {
        let output = [UInt8](try git(["ls-tree", "-z", tree]))
        return output.split(separator: 0).map { record in
            let tab = record.firstIndex(of: 9)!
            let fields = String(decoding: record[..<tab], as: UTF8.self).split(separator: " ")
            // ls-tree prints folders as 040000; trees store 40000.
            let mode = fields[0] == "040000" ? "40000" : String(fields[0])
            return RawEntry(mode, Array(record[(tab + 1)...]), String(fields[2]))
        }
    }

    /// Stores a tree with exactly these entries (sorted as git sorts, duplicates kept).
    func tree(_ entries: [RawEntry]) throws -> String {
        let sorted = entries.sorted { ($0.name + ($0.mode == "40000" ? [47] : [])).lexicographicallyPrecedes($1.name + ($1.mode == "40000" ? [47] : [])) }
        var bytes: [UInt8] = []
        for entry in sorted {
            bytes += Array("\(entry.mode) ".utf8) + entry.name + [0]
            var hex = Substring(entry.id)
            while !hex.isEmpty { bytes.append(UInt8(hex.prefix(2), radix: 16)!); hex = hex.dropFirst(2) }
        }
        return try line(["hash-object", "-t", "tree", "--literally", "-w", "--stdin"], input: bytes)
    }

    /// `tree` with `entries` added in the folder `folders` (made when missing); an entry whose
    /// name and kind exist already replaces it unless `keepingDuplicates`.
    func graft(_ tree: String, in folders: [String] = [], _ added: [RawEntry], keepingDuplicates: Bool = false) throws -> String {
        var entries = try entries(of: tree)
        guard let first = folders.first else {
            if !keepingDuplicates { entries.removeAll { old in added.contains { $0.name == old.name } } }
            return try self.tree(entries + added)
        }
        let existing = entries.first { $0.name == Array(first.utf8) && $0.mode == "40000" }
        let subtree = try graft(existing?.id ?? self.tree([]), in: Array(folders.dropFirst()), added, keepingDuplicates: keepingDuplicates)
        entries.removeAll { $0.name == Array(first.utf8) && $0.mode == "40000" }
        return try self.tree(entries + [RawEntry("40000", first, subtree)])
    }

    /// `tree` without the entry at `path` (its folders kept).
    func removing(_ path: [String], from tree: String) throws -> String {
        var entries = try entries(of: tree)
        if path.count == 1 {
            entries.removeAll { $0.name == Array(path[0].utf8) }
        } else if let index = entries.firstIndex(where: { $0.name == Array(path[0].utf8) && $0.mode == "40000" }) {
            entries[index].id = try removing(Array(path.dropFirst()), from: entries[index].id)
        }
        return try self.tree(entries)
    }

    /// A commit of `tree` on `parent` by `author`, and the remote's branch moved to it.
    @discardableResult
    func push(tree: String, parent: String, author: String, message: String) throws -> String {
        let email = author.lowercased() + "@example.org"
        let commit = try line(["-c", "user.name=\(author)", "-c", "user.email=\(email)", "commit-tree", tree, "-p", parent, "-m", message])
        _ = try git(["update-ref", "refs/heads/main", commit, parent])
        return commit
    }
}
