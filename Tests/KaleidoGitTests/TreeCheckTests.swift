import Foundation
import KaleidoGit
import Testing

/// A tree object's bytes as git stores them (`mode name\0` and the binary id per entry), so that
/// tests can make trees `git mktree` would refuse, with `git hash-object -t tree --literally`.
func rawTree(_ entries: [(mode: String, name: [UInt8], id: String)]) -> [UInt8] {
    var bytes: [UInt8] = []
    for entry in entries {
        bytes += Array("\(entry.mode) ".utf8) + entry.name + [0]
        var hex = Substring(entry.id)
        while !hex.isEmpty { bytes.append(UInt8(hex.prefix(2), radix: 16)!); hex = hex.dropFirst(2) }
    }
    return bytes
}

@Suite struct TreeCheckTests {
    /// Writes a raw tree with git and returns its id.
    private func tree(_ entries: [(mode: String, name: [UInt8], id: String)], scratch: Scratch, in folder: String) throws -> String {
        try scratch.git("hash-object", "-t", "tree", "--literally", "-w", "--stdin", in: folder, input: rawTree(entries))
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func unsafeNamesAreFoundAtTheTreeLevelWithTheirPaths() throws {
        try withScratchDirectory { scratch in
            let folder = try scratch.gitInit("work")
            let base = try scratch.gitCommit(["knowledge/partners/a.yaml": "id: a\n", "README.md": "hi\n"], message: "base", in: folder)
            let repository = try Repository.open(at: folder)
            let blob = try repository.writeBlob("#!/bin/sh\ntouch /tmp/pwned\n").hex
            let hooks = try tree([("100755", Array("post-commit".utf8), blob)], scratch: scratch, in: folder)
            let dotGit = try tree([("40000", Array("hooks".utf8), hooks)], scratch: scratch, in: folder)
            let partners = try scratch.git("rev-parse", "\(base):knowledge/partners", in: folder).trimmingCharacters(in: .whitespacesAndNewlines)
            let knowledge = try tree([
                ("40000", Array(".GIT".utf8), dotGit),
                ("100644", Array("a/b.yaml".utf8), blob),
                ("40000", Array("partners".utf8), partners),
            ], scratch: scratch, in: folder)
            let root = try tree([
                ("100644", Array("..".utf8), blob),
                ("40000", Array("knowledge".utf8), knowledge),
            ], scratch: scratch, in: folder)
            let found = try repository.unsafeEntries(in: try #require(ObjectID(hex: root)))
            #expect(found.map(\.path) == ["..", "knowledge/.GIT", "knowledge/a/b.yaml"])
            #expect(found.map(\.reason) == [.dotComponent(".."), .gitFolder(".GIT"), .slashInName("a/b.yaml")])
            // A commit git made itself is clean.
            #expect(try repository.unsafeEntries(in: try #require(ObjectID(hex: base))).isEmpty)
        }
    }

    @Test func duplicatesSymlinkedGitFilesAndTheCallersRuleAreFound() throws {
        try withScratchDirectory { scratch in
            let folder = try scratch.gitInit("work")
            let repository = try Repository.open(at: folder)
            let link = try repository.writeBlob("/etc/passwd").hex
            let folderTree = try tree([("100644", Array("x.yaml".utf8), link)], scratch: scratch, in: folder)
            let root = try tree([
                ("120000", Array(".gitmodules".utf8), link),
                ("120000", Array("partners".utf8), link),
                ("40000", Array("partners".utf8), folderTree),
                ("120000", Array("secret.yaml".utf8), link),
            ], scratch: scratch, in: folder)
            let found = try repository.unsafeEntries(in: try #require(ObjectID(hex: root))) { path, mode in
                path.hasSuffix(".yaml") && mode == .symlink ? "a record must be a regular file, not a symlink" : nil
            }
            #expect(found == [
                UnsafeTreeEntry(path: ".gitmodules", reason: .symlinkedGitFile(".gitmodules")),
                UnsafeTreeEntry(path: "partners", reason: .duplicate("partners")),
                UnsafeTreeEntry(path: "secret.yaml", reason: .other("a record must be a regular file, not a symlink")),
            ])
        }
    }

    /// Only what differs from the trusted tree is walked: an unchanged folder is not read again.
    @Test func foldersEqualToTheTrustedTreeAreSkipped() throws {
        try withScratchDirectory { scratch in
            let folder = try scratch.gitInit("work")
            let repository = try Repository.open(at: folder)
            let blob = try repository.writeBlob("x\n").hex
            let bad = try tree([("100644", Array(".git".utf8), blob)], scratch: scratch, in: folder)
            let old = try tree([("40000", Array("old".utf8), bad)], scratch: scratch, in: folder)
            let new = try tree([("40000", Array("new".utf8), bad), ("40000", Array("old".utf8), bad)], scratch: scratch, in: folder)
            let found = try repository.unsafeEntries(in: try #require(ObjectID(hex: new)), trusting: ObjectID(hex: old))
            #expect(found.map(\.path) == ["new/.git"])
        }
    }
}
