import Foundation
import KaleidoGit
import Testing

/// The git operations the sync engine added, checked against git's command line.
@Suite("Sync support")
struct SyncSupportTests {
    // base | ours | theirs → what `git merge-file -p` prints, and whether it is clean
    static let merges: [(base: String, ours: String, theirs: String)] = [
        ("a\nb\nc\n", "A\nb\nc\n", "a\nb\nC\n"),       // different lines: clean
        ("a\nb\nc\n", "a\nB\nc\n", "a\nX\nc\n"),       // same line: conflict
        ("a\n", "a\nb\n", "a\nb\n"),                   // same addition
        ("", "x: 1\n", "y: 2\n"),                      // added on both sides
    ]

    @Test(arguments: merges)
    func lineMergeAgreesWithGitMergeFile(_ example: (base: String, ours: String, theirs: String)) throws {
        try withScratchDirectory { scratch in
            let folder = scratch.path("m")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (name, text) in [("base", example.base), ("ours", example.ours), ("theirs", example.theirs)] {
                try scratch.write(text, to: name, in: folder)
            }
            let merged = try LineMerge.merge(base: Array(example.base.utf8), ours: Array(example.ours.utf8), theirs: Array(example.theirs.utf8), path: "f")
            var clean = true
            var expected: [UInt8]
            do {
                expected = try scratch.gitBytes(["merge-file", "-p", "-L", "f", "-L", "f", "-L", "f", "ours", "base", "theirs"], in: folder)
            } catch let failure as GitCommandFailed {
                clean = false
                expected = []
                #expect(failure.status > 0)
            }
            #expect(merged.isClean == clean)
            if clean { #expect(merged.bytes == expected) }
        }
    }

    @Test(arguments: ["", "id: tn-mun-sfax\nname: صفاقس\n", String(repeating: "é", count: 5000)])
    func blobIdsMatchGitHashObject(_ text: String) throws {
        try withScratchDirectory { scratch in
            let folder = try scratch.gitInit("h")
            let expected = try scratch.git("hash-object", "--stdin", in: folder, input: Array(text.utf8))
            #expect(try ObjectID.blob(hashing: Array(text.utf8)).hex == expected.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    @Test func fetchPushAheadBehindAndHistoryAgainstABareRemote() throws {
        try withScratchDirectory { scratch in
            let remote = scratch.path("remote.git")
            try FileManager.default.createDirectory(atPath: remote, withIntermediateDirectories: true)
            try scratch.git("init", "--quiet", "--bare", "-b", "main", in: remote)
            let other = try scratch.gitInit("other")
            try scratch.git("remote", "add", "origin", remote, in: other)
            let first = try scratch.gitCommit(["a.txt": "1\n"], message: "first", in: other)
            try scratch.git("push", "--quiet", "origin", "main", in: other)

            let local = try scratch.gitInit("local")
            let repository = try Repository.open(at: local)
            try repository.addRemote("origin", url: remote)
            #expect(try repository.remoteURL("origin") == remote)
            #expect(try repository.remoteURL("nowhere") == nil)
            try repository.fetch(remote: "origin")
            let fetched = try #require(try repository.resolveReference("refs/remotes/origin/main"))
            #expect(fetched.hex == first)
            // a local commit on top, pushed with libgit2, seen by git
            let tree = try repository.writeTree(applying: ["b.txt": .write(repository.writeBlob("2\n"))], to: fetched)
            let who = Signature(name: "Amina", email: "amina@example.org", time: Date(timeIntervalSince1970: 1_800_000_000))
            let second = try repository.createCommit(tree: tree, parents: [fetched], author: who, message: "second\n", updating: "refs/heads/main")
            #expect(try repository.aheadBehind(local: second, upstream: fetched) == (1, 0))
            #expect(try repository.push(remote: "origin", localReference: "refs/heads/main", remoteReference: "refs/heads/main") == .pushed)
            #expect(try scratch.git("rev-parse", "main", in: remote).trimmingCharacters(in: .whitespacesAndNewlines) == second.hex)
            #expect(try repository.commits(from: second).map(\.hex) == [second.hex, first])
            // someone else pushes: our next push is rejected, never forced
            try scratch.git("pull", "--quiet", "origin", "main", in: other)
            try scratch.gitCommit(["c.txt": "3\n"], message: "third", in: other)
            try scratch.git("push", "--quiet", "origin", "main", in: other)
            let tree2 = try repository.writeTree(applying: ["d.txt": .write(repository.writeBlob("4\n"))], to: second)
            _ = try repository.createCommit(tree: tree2, parents: [second], author: who, message: "fourth\n", updating: "refs/heads/main")
            try repository.fetch(remote: "origin")
            guard case .rejected = try repository.push(remote: "origin", localReference: "refs/heads/main", remoteReference: "refs/heads/main") else {
                Issue.record("a non-fast-forward push must be rejected"); return
            }
            try scratch.fsck(in: remote)
        }
    }
}
