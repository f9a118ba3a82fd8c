import Foundation
import KaleidoGit
import Testing

@Suite struct CommitTests {
    /// 2026-01-15 09:00:00 UTC.
    static let instant = Date(timeIntervalSince1970: 1_768_467_600)
    static let helene = Signature(
        name: "Hélène Ben Salah", email: "helene@example.org", time: instant, timeZoneOffsetMinutes: 60)
    static let mohamed = Signature(
        name: "محمد الصفاقسي", email: "mohamed@example.tn", time: instant.addingTimeInterval(90),
        timeZoneOffsetMinutes: -210)

    @Test func writesCommitsThatGitReadsBack() throws {
        try withScratchDirectory { scratch in
            let folder = scratch.path("work")
            let repository = try Repository.create(at: folder)
            let blob = try repository.writeBlob("nom: بلدية صفاقس\n")
            let tree = try repository.writeTree(["knowledge/partners/tn-mun-sfax.yaml": blob])
            let root = try repository.createCommit(
                tree: tree, parents: [], author: Self.helene, committer: Self.mohamed,
                message: "Ajoute la municipalité de Sfax\n\nبلدية صفاقس\n", updating: "HEAD")

            try scratch.fsck(in: folder)
            #expect(try scratch.catFile(root, in: folder) == Array("""
                tree \(tree.hex)
                author Hélène Ben Salah <helene@example.org> 1768467600 +0100
                committer محمد الصفاقسي <mohamed@example.tn> 1768467690 -0330

                Ajoute la municipalité de Sfax

                بلدية صفاقس

                """.utf8))
            #expect(try scratch.git("log", "--format=%H %P|%an|%ae|%at|%cn|%s", in: folder)
                == "\(root.hex) |Hélène Ben Salah|helene@example.org|1768467600|محمد الصفاقسي|Ajoute la municipalité de Sfax\n")
            #expect(try repository.head() == .branch(reference: "refs/heads/main", commit: root))

            // A second commit on top, committer defaulting to the author.
            let next = try repository.createCommit(
                tree: repository.writeTree(applying: ["README.md": .write(blob)], to: root),
                parents: [root], author: Self.mohamed, message: "Deuxième", updating: "refs/heads/main")
            #expect(try scratch.git("log", "--format=%H %P %cn", in: folder)
                == "\(next.hex) \(root.hex) محمد الصفاقسي\n\(root.hex)  محمد الصفاقسي\n")
            try scratch.fsck(in: folder)
        }
    }

    @Test func readsCommitsMadeByGit() throws {
        try withScratchDirectory { scratch in
            let folder = try scratch.gitInit("work")
            try scratch.gitCommit(["a.yaml": "a\n"], message: "base", in: folder)
            try scratch.git("checkout", "--quiet", "-b", "côté", in: folder)
            try scratch.gitCommit(["b.yaml": "b\n"], message: "côté", in: folder)
            try scratch.git("checkout", "--quiet", "main", in: folder)
            try scratch.gitCommit(["c.yaml": "c\n"], message: "principal", in: folder)
            try scratch.git("merge", "--quiet", "--no-ff", "-m", "Fusion de « côté »", "côté", in: folder)
            let repository = try Repository.open(at: folder)
            let head = try #require(try repository.head().commit)

            let commit = try repository.commit(head)
            let fields = try scratch.git("log", "-1", "--format=%T%n%P", in: folder).split(separator: "\n")
            #expect(commit.id == head)
            #expect(commit.tree.hex == fields[0])
            #expect(commit.parents.map(\.hex).joined(separator: " ") == fields[1])
            #expect(commit.parents.count == 2)
            #expect(commit.message == "Fusion de « côté »\n")
            #expect(commit.summary == "Fusion de « côté »")
            let author = Signature(
                name: "Amina Trabelsi", email: "amina@example.org",
                time: Date(timeIntervalSince1970: 1_768_467_600), timeZoneOffsetMinutes: 60)
            #expect(commit.author == author)
            #expect(commit.committer == author)

            let root = try repository.commit(try repository.resolveRevision("main~1~1"))
            #expect(root.parents.isEmpty)
            #expect(root.message == "base\n")
        }
    }

    @Test func writingACommitWithoutAReferenceLeavesBranchesAlone() throws {
        try withScratchDirectory { scratch in
            let folder = scratch.path("work")
            let repository = try Repository.create(at: folder)
            let id = try repository.createCommit(
                tree: repository.writeTree([:]), parents: [], author: Self.helene, message: "seul")
            #expect(try repository.head() == .unborn(reference: "refs/heads/main"))
            #expect(try scratch.git("cat-file", "-t", id.hex, in: folder) == "commit\n")
            #expect(try repository.commit(id).message == "seul")
            // Git stores whole seconds: the fraction is dropped, not rounded.
            var late = Self.helene
            late.time = Self.instant.addingTimeInterval(0.9)
            let truncated = try repository.createCommit(
                tree: repository.writeTree([:]), parents: [], author: late, message: "t")
            #expect(try repository.commit(truncated).author.time == Self.instant)
        }
    }

    @Test func refusesToMoveABranchWhoseTipIsNotTheFirstParent() throws {
        try withScratchDirectory { scratch in
            let folder = try scratch.gitInit("work")
            let first = try #require(ObjectID(hex: try scratch.gitCommit(["a": "1"], message: "1", in: folder)))
            let second = try #require(ObjectID(hex: try scratch.gitCommit(["a": "2"], message: "2", in: folder)))
            let repository = try Repository.open(at: folder)
            // Built on `first` while another writer already moved main to `second`.
            let error = try #require(throws: GitError.self) {
                try repository.createCommit(
                    tree: first, parents: [first], author: Self.helene, message: "stale", updating: "HEAD")
            }
            #expect(error.code == .modified)
            #expect(error.description.contains("build the commit on the new tip"))
            #expect(try repository.head().commit == second)
        }
    }

    @Test func aRootCommitCannotReplaceAnExistingBranch() throws {
        try withScratchDirectory { scratch in
            let folder = try scratch.gitInit("work")
            let tip = try scratch.gitCommit(["a": "1"], message: "1", in: folder)
            let repository = try Repository.open(at: folder)
            let error = try #require(throws: GitError.self) {
                try repository.createCommit(
                    tree: repository.writeTree([:]), parents: [], author: Self.helene, message: "root",
                    updating: "refs/heads/main")
            }
            #expect(error.code == .modified)
            #expect(try scratch.git("rev-parse", "main", in: folder) == tip + "\n")
        }
    }

    @Test(arguments: [("A <B>", "a@example.org"), ("Amina", "a<b>@example.org")])
    func refusesSignaturesGitCannotStore(name: String, email: String) throws {
        try withScratchDirectory { scratch in
            let repository = try Repository.create(at: scratch.path("work"))
            let bad = Signature(name: name, email: email, time: Self.instant)
            let error = try #require(throws: GitError.self) {
                try repository.createCommit(tree: repository.writeTree([:]), parents: [], author: bad, message: "x")
            }
            #expect(error.description.hasPrefix("Could not use \(name) <\(email)> as a commit signature"))
        }
    }

    @Test func missingParentOrCommitIsNotFound() throws {
        try withScratchDirectory { scratch in
            let repository = try Repository.create(at: scratch.path("work"))
            let unknown = try #require(ObjectID(hex: String(repeating: "0f", count: 20)))
            let error = try #require(throws: GitError.self) { try repository.commit(unknown) }
            #expect(error.code == .notFound)
            #expect(throws: GitError.self) {
                try repository.createCommit(
                    tree: repository.writeTree([:]), parents: [unknown], author: Self.helene, message: "x")
            }
        }
    }
}
