import Foundation
import KaleidoGit
import Testing

@Suite struct BlobAndTreeTests {
    static let contents: [[UInt8]] = [
        [],
        Array("id: tn-mun-sfax\nname: Municipalité de Sfax\n".utf8),
        Array("nom: بلدية صفاقس\ncontact: Hélène Ben Salah\n".utf8),
        [0, 255, 10, 13, 0, 0x80],
    ]

    @Test(arguments: contents)
    func writtenBlobsAreWhatGitStores(content: [UInt8]) throws {
        try withScratchDirectory { scratch in
            let repository = try Repository.create(at: scratch.path("work"))
            let id = try repository.writeBlob(content)
            let folder = scratch.path("work")
            #expect(try scratch.catFile(id, in: folder) == content)
            #expect(try scratch.git("hash-object", "--stdin", in: folder, input: content) == id.hex + "\n")
            #expect(try repository.readBlob(id) == content)
            try scratch.fsck(in: folder)
        }
    }

    @Test func writesNestedTreesFromPaths() throws {
        try withScratchDirectory { scratch in
            let folder = scratch.path("work")
            let repository = try Repository.create(at: folder)
            // "a.b", "a/c" and "a-b" sort differently as files and as folders: git sorts a
            // folder "a" as "a/", and fsck --strict rejects a tree in the wrong order.
            let files = [
                "README.md": "Kaleido\n",
                "a.b": "dot\n", "a-b": "dash\n", "a/c": "nested\n",
                "knowledge/partners/tn-mun-sfax.yaml": "id: tn-mun-sfax\n",
                "knowledge/partners/café-é.yaml": "nom: Café\n",
                "knowledge/people/محمد.yaml": "nom: محمد\n",
            ]
            var blobs: [String: ObjectID] = [:]
            for (path, text) in files { blobs[path] = try repository.writeBlob(text) }
            let tree = try repository.writeTree(blobs)

            try scratch.fsck(in: folder)
            let expected = blobs.map { ListedEntry(mode: "100644", id: $0.value.hex, path: $0.key) }
            let listed = try scratch.lsTree(tree.hex, in: folder)
            #expect(Set(listed) == Set(expected))
            #expect(listed.count == files.count)
            // Our listing walks in git's order, entry for entry.
            #expect(try repository.listTree(tree).map(\.listed) == listed)
            for (path, text) in files {
                #expect(try repository.readBlob(at: path, in: tree) == Array(text.utf8))
            }
        }
    }

    @Test func readsTreesMadeByGitWithNonASCIIPaths() throws {
        try withScratchDirectory { scratch in
            let folder = try scratch.gitInit("work")
            let files = [
                "knowledge/partners/tn-mun-sfax.yaml": "nom: بلدية صفاقس\n",
                "knowledge/partners/fr-région-sud.yaml": "nom: Région Sud\n",
                "scripts/run.sh": "#!/bin/sh\necho é\n",
                "top.txt": "",
            ]
            let commit = try #require(ObjectID(hex: try scratch.gitCommit(files, message: "import", in: folder)))
            try scratch.git("update-index", "--chmod=+x", "scripts/run.sh", in: folder)
            try scratch.git("commit", "--quiet", "-m", "exec", in: folder)
            let second = try #require(try Repository.open(at: folder).head().commit)
            let repository = try Repository.open(at: folder)

            #expect(try repository.listTree(second).map(\.listed) == scratch.lsTree(second.hex, in: folder))
            #expect(try repository.entry(at: "scripts/run.sh", in: second)?.mode == .executable)
            #expect(try repository.entry(at: "scripts/run.sh", in: commit)?.mode == .regular)
            for (path, text) in files {
                #expect(try repository.readBlob(at: path, in: commit) == Array(text.utf8))
            }
            let top = try repository.listTree(commit, recursive: false)
            #expect(top.map(\.path) == ["knowledge", "scripts", "top.txt"])
            #expect(top.map(\.mode) == [.tree, .tree, .regular])
            #expect(try repository.treeID(of: commit).hex
                == scratch.git("rev-parse", "\(commit.hex)^{tree}", in: folder).trimmingCharacters(in: .newlines))
        }
    }

    @Test func missingPathsFoldersAndObjects() throws {
        try withScratchDirectory { scratch in
            let folder = try scratch.gitInit("work")
            let commit = try #require(ObjectID(hex: try scratch.gitCommit(["a/b.yaml": "x\n"], message: "m", in: folder)))
            let repository = try Repository.open(at: folder)

            #expect(try repository.readBlob(at: "a/absent.yaml", in: commit) == nil)
            #expect(try repository.readBlob(at: "absent/b.yaml", in: commit) == nil)
            #expect(try repository.entry(at: "a/b.yaml/c", in: commit) == nil)
            let folderError = try #require(throws: GitError.self) { try repository.readBlob(at: "a", in: commit) }
            #expect(folderError.code == .directory)
            #expect(folderError.description.contains("'a' is a folder, not a file"))

            let unknown = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
            let missing = try #require(throws: GitError.self) { try repository.readBlob(unknown) }
            #expect(missing.code == .notFound)
            #expect(throws: GitError.self) { try repository.listTree(unknown) }
            // A blob is not a tree: peeling it fails with a GitError rather than a crash.
            let blob = try #require(try repository.entry(at: "a/b.yaml", in: commit)).id
            #expect(throws: GitError.self) { try repository.listTree(blob) }
        }
    }

    @Test func pathsAreBytesNotNormalisedUnicode() throws {
        try withScratchDirectory { scratch in
            let folder = scratch.path("work")
            let repository = try Repository.create(at: folder)
            let composed = "caf\u{E9}.yaml", decomposed = "cafe\u{301}.yaml"
            // Swift calls the two spellings equal, so a dictionary would keep only one: pairs.
            let tree = try repository.writeTree(applying: [
                (composed, .write(repository.writeBlob("NFC\n"))),
                (decomposed, .write(repository.writeBlob("NFD\n"))),
            ], to: nil)
            try scratch.fsck(in: folder)
            let listed = try scratch.lsTree(tree.hex, in: folder)
            #expect(listed.count == 2)
            // Compare bytes: String == would not tell the spellings apart.
            #expect(Set(listed.map { Array($0.path.utf8) }) == [Array(composed.utf8), Array(decomposed.utf8)])
            #expect(try repository.readBlob(at: composed, in: tree) == Array("NFC\n".utf8))
            #expect(try repository.readBlob(at: decomposed, in: tree) == Array("NFD\n".utf8))
        }
    }

    @Test func emptyTreeIsGitsEmptyTree() throws {
        try withScratchDirectory { scratch in
            let repository = try Repository.create(at: scratch.path("work"))
            let empty = try repository.writeTree([:])
            #expect(empty.hex == "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
            #expect(try repository.listTree(empty).isEmpty)
        }
    }
}
