import Foundation
import KaleidoGit
import Testing

/// The intended use under Swift 6: one `Repository` per actor, handed over once (`sending`).
private actor Committer {
    private let repository: Repository

    init(_ repository: sending Repository) { self.repository = repository }

    /// Commits one file on `branch` with a compare-and-swap, retrying while others win.
    func commit(_ text: String, at path: String, on branch: String, as author: Signature) throws -> Int {
        var attempts = 0
        while true {
            attempts += 1
            let tip = try repository.resolveReference(branch)
            let tree = try repository.writeTree(
                applying: [path: .write(repository.writeBlob(text))], to: tip)
            let commit = try repository.createCommit(
                tree: tree, parents: tip.map { [$0] } ?? [], author: author, message: text)
            do {
                try repository.updateReference(branch, to: commit, expecting: tip, message: text)
                return attempts
            } catch GitError.Code.modified, GitError.Code.locked, GitError.Code.exists {
                continue  // another writer moved the branch first: rebuild on its new tip
            }
        }
    }
}

@Suite struct ConcurrencyTests {
    @Test func writersInParallelLoseNoCommit() async throws {
        try await withScratchDirectory { scratch in
            let folder = scratch.path("work")
            _ = try Repository.create(at: folder)
            let writers = 4, commitsEach = 5
            let author = Signature(
                name: "Sync", email: "sync@example.org", time: Date(timeIntervalSince1970: 1_768_467_600))

            let attempts = try await withThrowingTaskGroup(of: Int.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        // Each task opens its own repository: handles are never shared.
                        let committer = Committer(try Repository.open(at: folder))
                        var attempts = 0
                        for index in 0..<commitsEach {
                            attempts += try await committer.commit(
                                "écrivain \(writer), commit \(index)\n", at: "w\(writer).txt",
                                on: "refs/heads/main", as: author)
                        }
                        return attempts
                    }
                }
                return try await group.reduce(0, +)
            }

            // Each commit took at least one attempt; more when a writer lost a race (not every
            // run has a race: the count below is what must hold either way).
            #expect(attempts >= writers * commitsEach)
            #expect(try scratch.git("rev-list", "--count", "main", in: folder) == "\(writers * commitsEach)\n")
            let files = try scratch.lsTree("main", in: folder).map(\.path)
            #expect(files == (0..<writers).map { "w\($0).txt" })
            try scratch.fsck(in: folder)
        }
    }
}
