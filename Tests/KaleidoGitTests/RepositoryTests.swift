import Foundation
import KaleidoGit
import Testing

@Suite struct RepositoryTests {
    @Test func createsANonBareRepositoryThatGitRecognises() throws {
        try withScratchDirectory { scratch in
            let path = scratch.path("nested/work")
            let repository = try Repository.create(at: path)
            #expect(!repository.isBare)
            #expect(repository.workingDirectory == path + "/")
            #expect(repository.gitDirectory == path + "/.git/")
            #expect(try scratch.git("rev-parse", "--is-inside-work-tree", in: path) == "true\n")
            #expect(try scratch.git("symbolic-ref", "HEAD", in: path) == "refs/heads/main\n")
            try scratch.git("fsck", "--strict", in: path)
        }
    }

    @Test func createsABareRepository() throws {
        try withScratchDirectory { scratch in
            let path = scratch.path("remote.git")
            let repository = try Repository.create(at: path, bare: true, initialBranch: "trunk")
            #expect(repository.isBare)
            #expect(repository.workingDirectory == nil)
            #expect(repository.gitDirectory == path + "/")
            #expect(try scratch.git("rev-parse", "--is-bare-repository", in: path) == "true\n")
            #expect(try repository.head() == .unborn(reference: "refs/heads/trunk"))
            #expect(try Repository.open(at: path).isBare)
        }
    }

    @Test func refusesToCreateOverAnExistingRepository() throws {
        try withScratchDirectory { scratch in
            let path = try scratch.gitInit("work")
            let error = try #require(throws: GitError.self) { try Repository.create(at: path) }
            #expect(error.code == .exists)
            #expect(error.description.contains("Open the existing repository instead"))
        }
    }

    @Test func openingAFolderThatIsNotARepositoryExplainsWhy() throws {
        try withScratchDirectory { scratch in
            let path = scratch.path("plain")
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            let error = try #require(throws: GitError.self) { try Repository.open(at: path) }
            #expect(error.code == .notFound)
            #expect(error.errorClass == .repository)
            #expect(error.description == """
                Could not open a git repository at '\(path)': could not find repository from \
                '\(path)'. Check the path, or create a repository there first.
                """)
        }
    }

    @Test func openingAMissingFolderIsNotFound() throws {
        try withScratchDirectory { scratch in
            #expect(throws: GitError.self) { try Repository.open(at: scratch.path("absent")) }
            do {
                _ = try Repository.open(at: scratch.path("absent"))
                Issue.record("opening a missing folder succeeded")
            } catch GitError.Code.notFound {
                // The documented way to match a code.
            }
        }
    }

    @Test func unbornHeadInANewRepository() throws {
        try withScratchDirectory { scratch in
            let repository = try Repository.create(at: scratch.path("work"))
            let head = try repository.head()
            #expect(head == .unborn(reference: "refs/heads/main"))
            #expect(head.commit == nil)
            #expect(head.branchName == "main")
            #expect(try repository.resolveReference("HEAD") == nil)
        }
    }

    @Test func readsHeadOfARepositoryMadeByGit() throws {
        try withScratchDirectory { scratch in
            let path = try scratch.gitInit("work")
            let first = try scratch.gitCommit(["a.yaml": "id: a\n"], message: "first", in: path)
            let second = try scratch.gitCommit(["b.yaml": "id: b\n"], message: "second", in: path)
            for opened in [path, path + "/.git"] {
                let repository = try Repository.open(at: opened)
                #expect(try repository.head() == .branch(reference: "refs/heads/main", commit: try #require(ObjectID(hex: second))))
            }
            let repository = try Repository.open(at: path)

            try scratch.git("checkout", "--quiet", "--detach", first, in: path)
            #expect(try repository.head() == .detached(commit: try #require(ObjectID(hex: first))))
            #expect(try repository.head().branchName == nil)

            try scratch.git("checkout", "--quiet", "--orphan", "brouillon-é", in: path)
            #expect(try repository.head() == .unborn(reference: "refs/heads/brouillon-é"))
        }
    }

    @Test func resolvesReferencesAndRevisions() throws {
        try withScratchDirectory { scratch in
            let path = try scratch.gitInit("work")
            let first = try scratch.gitCommit(["a.yaml": "id: a\n"], message: "first", in: path)
            let second = try scratch.gitCommit(["a.yaml": "id: a2\n"], message: "second", in: path)
            try scratch.git("tag", "-a", "-m", "v1", "v1", first, in: path)
            let repository = try Repository.open(at: path)

            #expect(try repository.resolveReference("refs/heads/main")?.hex == second)
            #expect(try repository.resolveReference("HEAD")?.hex == second)
            #expect(try repository.resolveReference("refs/heads/absent") == nil)
            let invalid = try #require(throws: GitError.self) {
                try repository.resolveReference("refs/heads/a..b")
            }
            #expect(invalid.code == .invalidSpec)

            #expect(try repository.resolveRevision("HEAD~1").hex == first)
            #expect(try repository.resolveRevision("main").hex == second)
            #expect(try repository.resolveRevision(String(second.prefix(10))).hex == second)
            // An annotated tag is peeled to the commit it names.
            #expect(try repository.resolveRevision("v1").hex == first)
            let missing = try #require(throws: GitError.self) { try repository.resolveRevision("nope") }
            #expect(missing.code == .notFound)
        }
    }
}
