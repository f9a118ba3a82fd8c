import Foundation
import KaleidoGit
import Testing

@Suite struct TreeEditTests {
    /// A repository made by git with a few folders, and the tree of its commit.
    private func fixture(_ scratch: Scratch) throws -> (folder: String, repository: Repository, base: ObjectID) {
        let folder = try scratch.gitInit("work")
        let commit = try scratch.gitCommit([
            "knowledge/partners/tn-mun-sfax.yaml": "id: tn-mun-sfax\n",
            "knowledge/partners/fr-lyon.yaml": "id: fr-lyon\n",
            "knowledge/people/hélène.yaml": "nom: Hélène\n",
            "schemas/partner.json": "{}\n",
            "README.md": "Kaleido\n",
        ], message: "base", in: folder)
        let repository = try Repository.open(at: folder)
        return (folder, repository, try #require(ObjectID(hex: commit)))
    }

    @Test func appliesWritesAndRemovesOnTopOfABaseTree() throws {
        try withScratchDirectory { scratch in
            let (folder, repository, base) = try fixture(scratch)
            let changed = try repository.writeBlob("id: tn-mun-sfax\nnom: بلدية صفاقس\n")
            let added = try repository.writeBlob("nom: محمد\n")
            let tree = try repository.writeTree(applying: [
                "knowledge/partners/tn-mun-sfax.yaml": .write(changed),
                "knowledge/partners/fr-lyon.yaml": .remove,
                "knowledge/people/hélène.yaml": .remove,  // leaves "people" empty: it must vanish
                "knowledge/projets/2026/محمد.yaml": .write(added),
                "scripts/sync.sh": .write(added, mode: .executable),
                "not/there.yaml": .remove,  // removing nothing is a no-op
            ], to: base)

            try scratch.fsck(in: folder)
            let baseListing = try scratch.lsTree(base.hex, in: folder)
            let readme = try #require(baseListing.first { $0.path == "README.md" })
            let schema = try #require(baseListing.first { $0.path == "schemas/partner.json" })
            #expect(try scratch.lsTree(tree.hex, in: folder) == [
                readme,
                ListedEntry(mode: "100644", id: added.hex, path: "knowledge/projets/2026/محمد.yaml"),
                ListedEntry(mode: "100644", id: changed.hex, path: "knowledge/partners/tn-mun-sfax.yaml"),
                schema,
                ListedEntry(mode: "100755", id: added.hex, path: "scripts/sync.sh"),
            ].sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) })
            // An untouched folder keeps its id: nothing below it was rewritten.
            #expect(try repository.entry(at: "schemas", in: tree)?.id
                == repository.entry(at: "schemas", in: base)?.id)
            #expect(try repository.entry(at: "knowledge/people", in: tree) == nil)
            // The base is a value: it still lists what it listed.
            #expect(try scratch.lsTree(base.hex, in: folder) == baseListing)
        }
    }

    @Test func replacesFilesByFoldersAndFoldersByFiles() throws {
        try withScratchDirectory { scratch in
            let (folder, repository, base) = try fixture(scratch)
            let blob = try repository.writeBlob("x\n")
            let tree = try repository.writeTree(applying: [
                "README.md/inside.txt": .write(blob),
                "schemas": .write(blob),
            ], to: base)
            try scratch.fsck(in: folder)
            #expect(try repository.entry(at: "README.md", in: tree)?.mode == .tree)
            #expect(try repository.readBlob(at: "README.md/inside.txt", in: tree) == Array("x\n".utf8))
            #expect(try repository.entry(at: "schemas", in: tree)?.mode == .regular)
        }
    }

    @Test func removingEverythingGivesTheEmptyTree() throws {
        try withScratchDirectory { scratch in
            let (_, repository, base) = try fixture(scratch)
            let tree = try repository.writeTree(
                applying: ["knowledge": .remove, "schemas": .remove, "README.md": .remove], to: base)
            #expect(tree.hex == "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
        }
    }

    @Test(arguments: ["", "/abs.yaml", "a//b", "a/", "../x", "a/./b", "a/../b", ".git/config", "x/.GIT/y", "a<NUL>b"])
    func refusesPathsGitCannotStore(spelled: String) throws {
        // The NUL is spelled out in the arguments so that the test log stays readable.
        let path = spelled.replacingOccurrences(of: "<NUL>", with: "\u{0}")
        try withScratchDirectory { scratch in
            let repository = try Repository.create(at: scratch.path("work"))
            let blob = try repository.writeBlob("x")
            let error = try #require(throws: GitError.self) { try repository.writeTree([path: blob]) }
            #expect(error.code == .invalid)
            #expect(error.description.hasPrefix("Could not write a tree: '\(path)' is not a valid path"))
        }
    }

    @Test func refusesAPathThatIsBothAFileAndAFolder() throws {
        try withScratchDirectory { scratch in
            let repository = try Repository.create(at: scratch.path("work"))
            let blob = try repository.writeBlob("x")
            for files in [["a": blob, "a/b": blob], ["a/b/c": blob, "a/b": blob]] {
                let error = try #require(throws: GitError.self) { try repository.writeTree(files) }
                #expect(error.code == .invalid)
                #expect(error.message.contains("is both a file and a folder"))
            }
        }
    }

    /// A diff lists a file replacing a folder as the folder's files removed and the file
    /// written (and the reverse): applied together, as git applies them.
    @Test func aFileReplacesAFolderAndAFolderAFile() throws {
        try withScratchDirectory { scratch in
            let repository = try Repository.create(at: scratch.path("work"))
            let blob = try repository.writeBlob("x")
            let base = try repository.writeTree(["notes/a.md": blob, "notes/deep/b.md": blob, "plan": blob])
            let tree = try repository.writeTree(applying: [
                ("notes", .write(blob)), ("notes/a.md", .remove), ("notes/deep/b.md", .remove),
                ("plan", .remove), ("plan/part-1.md", .write(blob)),
            ], to: base)
            #expect(try repository.listTree(tree).map(\.path) == ["notes", "plan/part-1.md"])
            // In the other order too.
            let reversed = try repository.writeTree(applying: [
                ("notes/a.md", .remove), ("notes/deep/b.md", .remove), ("notes", .write(blob)),
                ("plan/part-1.md", .write(blob)), ("plan", .remove),
            ], to: base)
            #expect(reversed == tree)
        }
    }

    @Test func refusesAPathGivenTwice() throws {
        try withScratchDirectory { scratch in
            let repository = try Repository.create(at: scratch.path("work"))
            let blob = try repository.writeBlob("x")
            let error = try #require(throws: GitError.self) {
                try repository.writeTree(applying: [("a/b", .write(blob)), ("a/b", .remove)], to: nil)
            }
            #expect(error.message == "'a/b' is changed twice")
        }
    }

    @Test func refusesABlobThatWasNeverWritten() throws {
        try withScratchDirectory { scratch in
            let repository = try Repository.create(at: scratch.path("work"))
            let unknown = try #require(ObjectID(hex: String(repeating: "12", count: 20)))
            let error = try #require(throws: GitError.self) { try repository.writeTree(["a.yaml": unknown]) }
            #expect(error.description.contains("Write the blob before the tree"))
            // The right kind of object is checked too: a tree id is not a file.
            let tree = try repository.writeTree([:])
            #expect(throws: GitError.self) { try repository.writeTree(applying: ["f": .write(tree)], to: nil) }
        }
    }
}
