import Foundation
import Testing

/// git's index follows the sync's commits; when a cycle cannot write it (a person's git command
/// holds index.lock, a full disk), a later cycle repairs it, so that a plain `git commit` never
/// commits a revert of the work the sync committed or merged.
@Suite("Index repair", .serialized)
struct IndexRepairTests {
    @Test func anIndexTheSyncCouldNotWriteIsRepairedByTheNextCycle() async throws {
        try await withScratch { scratch in
            let path = "knowledge/partners/tn-mun-sfax.yaml"
            let remote = try scratch.makeRemote(files: [path: sfaxRecord])
            let a = try scratch.clone(remote, as: "a", person: "Amina")
            let b = try scratch.clone(remote, as: "b", person: "Bruno")
            try scratch.write(sfaxRecord.replacingOccurrences(of: "+216 74 000 000", with: "+216 74 111 111"), to: path, in: b)
            _ = try engine(b).runCycle()
            // A person's git command holds the index while the sync brings Bruno's edit in.
            let lock = a + "/.git/index.lock"
            FileManager.default.createFile(atPath: lock, contents: Data("user".utf8))
            let pulled = try engine(a).runCycle()
            #expect(pulled.broughtIn)
            let status = try scratch.kaleido("status", in: a).output
            #expect(status.contains("index"), "\(status)")
            #expect(FileManager.default.fileExists(atPath: a + "/.git/kaleido/index-behind"))
            try FileManager.default.removeItem(atPath: lock)
            // Nothing changed since: the next cycle still repairs the index.
            _ = try engine(a).runCycle()
            #expect(try scratch.gitOutput("status", "--porcelain", in: a) == "")
            // A plain `git commit` now has nothing to commit (it would have reverted the phone).
            let commit = try scratch.run("/usr/bin/git", ["commit", "-m", "by hand"], in: a, allowFailure: true)
            #expect(commit.status != 0)
            #expect(try scratch.gitOutput("show", "HEAD:" + path, in: a).contains("+216 74 111 111"))
        }
    }
}
