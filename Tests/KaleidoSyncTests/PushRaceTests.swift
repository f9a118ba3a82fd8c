import Foundation
import Testing

extension ProcessTests {
    /// Two daemons pushing to one path remote (a shared folder) at the same instants: the
    /// remote's branch only ever moves fast-forward (its reflog says so), and every edit of
    /// both replicas ends up on it.
    @Test func twoDaemonsPushingAtOnceToAPathRemoteOnlyFastForward() async throws {
        try await withScratch { scratch in
            let ids = (0..<6).map { "fr-ville-\($0)" }
            var seed: [String: String] = [:]
            for id in ids { seed["knowledge/partners/\(id).yaml"] = partner(id, name: id) }
            let remote = try scratch.makeRemote(files: seed, quietPeriod: 0.2)
            try scratch.git("config", "core.logAllRefUpdates", "true", in: remote)
            let clones = try ["Amina", "Bruno"].map { try scratch.clone(remote, as: $0.lowercased(), person: $0) }
            let daemons = try clones.map { try DaemonProcess(kb: $0, scratch: scratch) }
            #expect(eventually(timeout: 10) { daemons.allSatisfy { $0.log.contains("watching") } })
            // Three waves; in each, both replicas save a different record at the same moment, so
            // both daemons commit after the same quiet period and push together.
            for wave in 0..<3 {
                for (index, clone) in clones.enumerated() {
                    let id = ids[wave * 2 + index]
                    let path = "knowledge/partners/\(id).yaml"
                    try scratch.write(partner(id, name: id).replacingOccurrences(of: "+33 4 75 00 00 00", with: "+216 70 00 0\(wave) 0\(index)"), to: path, in: clone)
                }
                usleep(400_000)
            }
            let converged = try eventually(timeout: 40) {
                let heads = try clones.map { try scratch.gitOutput("rev-parse", "HEAD", in: $0) }
                guard try Set(heads) == [scratch.gitOutput("rev-parse", "main", in: remote)] else { return false }
                let files = try scratch.files(in: clones[0] + "/knowledge/partners")
                return ids.allSatisfy { files["\($0).yaml"]?.contains("+216 70 00") == true }
            }
            for daemon in daemons { #expect(daemon.stop() == 0) }
            #expect(converged, "logs:\n\(daemons.map(\.log).joined(separator: "\n"))")
            // Every edit is in the remote's tip, each with its own value.
            for wave in 0..<3 {
                for index in 0..<2 {
                    let id = ids[wave * 2 + index]
                    let text = try scratch.gitOutput("show", "main:knowledge/partners/\(id).yaml", in: remote)
                    #expect(text.contains("+216 70 00 0\(wave) 0\(index)"), "\(id): \(text)")
                }
            }
            let log = try #require(try? String(contentsOfFile: remote + "/logs/refs/heads/main", encoding: .utf8))
            let updates = log.split(separator: "\n")
            #expect(updates.count >= 2, "\(log)")
            for line in updates {
                let fields = line.split(separator: " ")
                let old = String(fields[0]), new = String(fields[1])
                if old == String(repeating: "0", count: 40) { continue }
                let check = try scratch.run("/usr/bin/git", ["merge-base", "--is-ancestor", old, new], in: remote, allowFailure: true)
                #expect(check.status == 0, "the remote's branch moved without fast-forward: \(line)\n\(log)")
            }
            try scratch.fsck(remote)
        }
    }
}
