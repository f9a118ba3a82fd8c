import KaleidoGit
import Testing

@Suite struct ReferenceUpdateTests {
    @Test func compareAndSwapMovesOnlyFromTheExpectedValue() throws {
        try withScratchDirectory { scratch in
            let folder = try scratch.gitInit("work")
            let first = try #require(ObjectID(hex: try scratch.gitCommit(["a": "1"], message: "1", in: folder)))
            let second = try #require(ObjectID(hex: try scratch.gitCommit(["a": "2"], message: "2", in: folder)))
            let repository = try Repository.open(at: folder)
            // A branch, so that git keeps a reflog for it (core.logAllRefUpdates).
            let name = "refs/heads/sync-é"

            // Creation: only if the reference does not exist yet.
            try repository.updateReference(name, to: first, expecting: nil, message: "create")
            #expect(try scratch.git("rev-parse", name, in: folder) == first.hex + "\n")
            let exists = try #require(throws: GitError.self) {
                try repository.updateReference(name, to: second, expecting: nil, message: "again")
            }
            #expect(exists.code == .exists)

            // Update: only from the value the caller saw.
            try repository.updateReference(name, to: second, expecting: first, message: "advance")
            #expect(try repository.resolveReference(name) == second)
            let lost = try #require(throws: GitError.self) {
                try repository.updateReference(name, to: first, expecting: first, message: "stale")
            }
            #expect(lost.code == .modified)
            #expect(lost.description.contains("read it again and retry"))
            #expect(try scratch.git("rev-parse", name, in: folder) == second.hex + "\n")
            #expect(try scratch.git("reflog", "--format=%gs", name, in: folder) == "advance\ncreate\n")
        }
    }

    @Test func expectingAValueOfAMissingReferenceFails() throws {
        try withScratchDirectory { scratch in
            let folder = try scratch.gitInit("work")
            let commit = try #require(ObjectID(hex: try scratch.gitCommit(["a": "1"], message: "1", in: folder)))
            let repository = try Repository.open(at: folder)
            let error = try #require(throws: GitError.self) {
                try repository.updateReference("refs/heads/absent", to: commit, expecting: commit, message: "m")
            }
            #expect(error.code == .notFound)
            #expect(try repository.resolveReference("refs/heads/absent") == nil)
        }
    }

    @Test func refusesMissingTargetsAndBadNames() throws {
        try withScratchDirectory { scratch in
            let folder = try scratch.gitInit("work")
            let commit = try #require(ObjectID(hex: try scratch.gitCommit(["a": "1"], message: "1", in: folder)))
            let repository = try Repository.open(at: folder)
            let unknown = try #require(ObjectID(hex: String(repeating: "ee", count: 20)))
            #expect(throws: GitError.self) {
                try repository.updateReference("refs/heads/x", to: unknown, expecting: nil, message: "m")
            }
            let bad = try #require(throws: GitError.self) {
                try repository.updateReference("refs/heads/a..b", to: commit, expecting: nil, message: "m")
            }
            #expect(bad.code == .invalidSpec)
        }
    }
}
