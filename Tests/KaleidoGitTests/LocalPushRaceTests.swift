import Foundation
import Glibc
import KaleidoGit
import Testing

/// Two replicas pushing to one path remote at the same instant: the remote branch must only
/// ever move fast-forward (one push wins, the other is rejected and merges at its next cycle).
/// libgit2's own local transport checks the advertised tip, then force-writes the reference,
/// so two pushes that both passed the check overwrite each other.
@Suite("Local push race")
struct LocalPushRaceTests {
    @Test func concurrentPushesToAPathRemoteNeverOverwriteEachOther() throws {
        try withScratchDirectory { scratch in
            let remote = scratch.path("remote.git")
            try FileManager.default.createDirectory(atPath: remote, withIntermediateDirectories: true)
            try scratch.git("init", "--quiet", "--bare", "-b", "main", in: remote)
            try scratch.git("config", "core.logAllRefUpdates", "true", in: remote)
            let seed = try scratch.gitInit("seed")
            try scratch.git("remote", "add", "origin", remote, in: seed)
            try scratch.gitCommit(["a.txt": "0\n"], message: "first", in: seed)
            try scratch.git("push", "--quiet", "origin", "main", in: seed)
            let clones = try ["a", "b"].map { name -> String in
                let folder = try scratch.gitInit(name)
                try scratch.git("remote", "add", "origin", remote, in: folder)
                return folder
            }
            var wins = 0
            for round in 0..<25 {
                // Both replicas start from the remote's tip and make one different commit each.
                var tips: [ObjectID] = []
                for (index, folder) in clones.enumerated() {
                    let repository = try Repository.open(at: folder)
                    try repository.fetch(remote: "origin")
                    let base = try #require(try repository.resolveReference("refs/remotes/origin/main"))
                    let tree = try repository.writeTree(applying: ["r\(round)-\(index).txt": .write(repository.writeBlob("\(round)\n"))], to: base)
                    let who = Signature(name: "P\(index)", email: "p\(index)@example.org", time: Date())
                    let current = try repository.resolveReference("refs/heads/main")
                    let commit = try repository.createCommit(tree: tree, parents: [base], author: who, message: "round \(round)\n")
                    try repository.updateReference("refs/heads/main", to: commit, expecting: current, message: "test")
                    tips.append(commit)
                }
                let outcomes = Self.pushAtOnce(clones)
                let pushed = outcomes.filter { $0 == "pushed" }.count
                #expect(pushed <= 1, "round \(round): both divergent pushes reported success: \(outcomes)")
                wins += pushed
                let remoteTip = try scratch.git("rev-parse", "main", in: remote).trimmingCharacters(in: .whitespacesAndNewlines)
                if pushed == 1, let winner = outcomes.firstIndex(of: "pushed") {
                    #expect(remoteTip == tips[winner].hex, "round \(round): the remote holds another commit than the push that succeeded")
                }
            }
            #expect(wins > 0)
            try Self.expectFastForwardReflog(remote, scratch: scratch)
            try scratch.fsck(in: remote)
        }
    }

    /// Pushes every clone's main at the same instant, each from its own thread and repository.
    static func pushAtOnce(_ folders: [String]) -> [String] {
        let count = folders.count
        let results = Results(count: count)
        var barrier = pthread_barrier_t()
        pthread_barrier_init(&barrier, nil, UInt32(count))
        defer { pthread_barrier_destroy(&barrier) }
        withUnsafeMutablePointer(to: &barrier) { pointer in
            let shared = UnsafeSendable(pointer)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                let outcome: String
                do {
                    let repository = try Repository.open(at: folders[index])
                    pthread_barrier_wait(shared.value)
                    switch try repository.push(remote: "origin", localReference: "refs/heads/main", remoteReference: "refs/heads/main") {
                    case .pushed: outcome = "pushed"
                    case .rejected(let reason): outcome = "rejected: \(reason)"
                    }
                } catch {
                    outcome = "error: \(error)"
                }
                results.set(index, outcome)
            }
        }
        return results.values
    }

    /// Every line of the remote's reflog for main moves the branch fast-forward.
    static func expectFastForwardReflog(_ remote: String, scratch: Scratch) throws {
        let log = try String(contentsOfFile: remote + "/logs/refs/heads/main", encoding: .utf8)
        let lines = log.split(separator: "\n")
        #expect(lines.count > 1)
        for line in lines {
            let fields = line.split(separator: " ")
            let old = String(fields[0]), new = String(fields[1])
            if old == String(repeating: "0", count: 40) { continue }
            do {
                try scratch.git("merge-base", "--is-ancestor", old, new, in: remote)
            } catch {
                Issue.record("the remote's branch moved without fast-forward: \(line)\n\(log)")
            }
        }
    }
}

/// Outcomes written by concurrent threads.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String]
    init(count: Int) { storage = Array(repeating: "", count: count) }
    func set(_ index: Int, _ value: String) { lock.withLock { storage[index] = value } }
    var values: [String] { lock.withLock { storage } }
}

private struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
