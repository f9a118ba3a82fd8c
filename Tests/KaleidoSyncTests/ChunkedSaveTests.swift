import Foundation
import Glibc
import Testing

extension ProcessTests {
    /// An editor that truncates its file and writes it in two chunks, pausing up to a second in
    /// between, beside a daemon with a one-second quiet period while a teammate keeps pushing:
    /// the daemon never commits the first half, never renames a merge over a file being written
    /// (the second chunk would go to an unlinked file), and the last save reaches the remote.
    @Test func aSaveInProgressIsNeverCommittedNorReplaced() async throws {
        try await withScratch { scratch in
            let path = "knowledge/partners/tn-mun-sfax.yaml"
            let remote = try scratch.makeRemote(files: [path: partner("tn-mun-sfax", name: "Sfax") + "notes: start\n"], quietPeriod: 1)
            let editor = try scratch.clone(remote, as: "a", person: "Amina")
            let teammate = try scratch.clone(remote, as: "b", person: "Bruno")
            let daemon = try DaemonProcess(kb: editor, scratch: scratch)
            #expect(eventually(timeout: 10) { daemon.log.contains("watching") })
            let stop = Flag()
            // Bruno changes the website every second and syncs: the daemon merges and rewrites Amina's file.
            let bruno = Thread {
                var count = 0
                while !stop.isSet {
                    count += 1
                    if let text = scratch.read(path, in: teammate) {
                        let edited = text.replacing(#/website: .*/#, with: "website: https://example.org/\(count)")
                        try? scratch.write(edited, to: path, in: teammate)
                        _ = try? scratch.kaleido("sync", in: teammate)
                    }
                    usleep(1_000_000)
                }
            }
            bruno.start()
            var random = SystemRandomNumberGenerator()
            for round in 0..<200 {
                // Like an editor with the file reloaded: its text, a new round and new notes.
                let current = scratch.read(path, in: editor) ?? ""
                let body = current.split(separator: "\n", omittingEmptySubsequences: false)
                    .filter { !$0.hasPrefix("notes:") && !$0.hasPrefix("round:") && !$0.isEmpty }
                    .joined(separator: "\n")
                let first = body + "\nround: \(round)\n", second = "notes: saved in round \(round)\n"
                let file = open(editor + "/" + path, O_WRONLY | O_TRUNC | O_CLOEXEC)
                #expect(file >= 0)
                _ = first.withCString { write(file, $0, strlen($0)) }
                // Mostly short pauses, some close to a second: the quiet period's edge.
                let long = Int.random(in: 0..<10, using: &random) < 3
                usleep(UInt32.random(in: long ? 800_000...1_000_000 : 0...150_000, using: &random))
                _ = second.withCString { write(file, $0, strlen($0)) }
                close(file)
                usleep(UInt32.random(in: 0...100_000, using: &random))
            }
            stop.set()
            while bruno.isExecuting || !bruno.isFinished { usleep(50_000) }
            let last = "notes: saved in round 199"
            let converged = try eventually(timeout: 30) {
                _ = try scratch.kaleido("sync", in: teammate)
                return try scratch.gitOutput("show", "main:" + path, in: remote).contains(last)
                    && scratch.gitOutput("rev-parse", "HEAD", in: editor) == scratch.gitOutput("rev-parse", "main", in: remote)
            }
            #expect(daemon.stop() == 0)
            #expect(converged, "\(daemon.log.suffix(3000))")
            #expect(scratch.read(path, in: editor)?.contains(last) == true)
            // No version ever pushed is a save cut in half: a round's first chunk without its notes.
            let versions = try scratch.gitOutput("log", "--format=%H", "main", "--", path, in: remote).split(separator: "\n")
            for commit in versions {
                let text = try scratch.gitOutput("show", "\(commit):" + path, in: remote)
                guard let round = text.firstMatch(of: #/round: (\d+)/#)?.1 else { continue }
                #expect(text.contains("notes: saved in round \(round)"), "commit \(commit) holds half a save:\n\(text)")
            }
            try scratch.fsck(remote)
        }
    }
}

/// A flag one thread sets and another reads.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
