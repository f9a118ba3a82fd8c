import Foundation
import Glibc
import KaleidoSync
import Testing

/// Records whose fields sit on adjacent lines: git's line merge would conflict on them, the
/// structured merge must not.
func partner(_ id: String, name: String) -> String {
    """
    id: \(id)
    name: \(name)
    phone: "+33 4 75 00 00 00"
    website: https://example.org/\(id)
    names: [\(name)]

    """
}

/// Every test that starts processes (daemons, git daemon, sshd) lives in this one serialized
/// suite, so that they do not compete for the machine's two cores.
@Suite("Real processes", .serialized)
struct ProcessTests {
    @Test func threeClonesEditingDifferentFieldsConverge() async throws {
        try await withScratch { scratch in
            let records = ["fr-ville-romans": "Romans", "tn-mun-sfax": "Sfax"]
            var seed: [String: String] = [:]
            for (id, name) in records { seed["knowledge/partners/\(id).yaml"] = partner(id, name: name) }
            let remote = try scratch.makeRemote(files: seed)
            let clones = try ["Amina", "Bruno", "Chloé"].map { try scratch.clone(remote, as: $0.lowercased(), person: $0) }
            let daemons = try clones.map { try DaemonProcess(kb: $0, scratch: scratch) }
            #expect(eventually(timeout: 10) { daemons.allSatisfy { $0.log.contains("watching") } })
            // Each person edits a different field of both records, and adds a record of their own.
            for id in records.keys {
                let path = "knowledge/partners/\(id).yaml"
                for (index, clone) in clones.enumerated() {
                    var text = try #require(scratch.read(path, in: clone))
                    switch index {
                    case 0: text = text.replacingOccurrences(of: "+33 4 75 00 00 00", with: "+33 4 75 11 11 11")
                    case 1: text = text.replacingOccurrences(of: "https://example.org/", with: "https://example.fr/")
                    default: text = text.replacingOccurrences(of: "names: [", with: "names: [Nouveau, ")
                    }
                    try scratch.write(text, to: path, in: clone)
                }
            }
            for (index, clone) in clones.enumerated() {
                try scratch.write(partner("new-\(index)", name: "N\(index)"), to: "knowledge/partners/new-\(index).yaml", in: clone)
            }
            let converged = try eventually(timeout: 40) {
                let heads = try clones.map { try scratch.gitOutput("rev-parse", "HEAD", in: $0) }
                let tip = try scratch.gitOutput("rev-parse", "main", in: remote)
                guard Set(heads) == [tip] else { return false }
                let files = try scratch.files(in: clones[0] + "/knowledge")
                let edited = records.keys.compactMap { files["partners/\($0).yaml"] }
                return files.count == 5 && edited.count == 2
                    && edited.allSatisfy { $0.contains("+33 4 75 11 11 11") && $0.contains("example.fr") && $0.contains("Nouveau") }
            }
            for daemon in daemons { #expect(daemon.stop() == 0) }
            #expect(converged, "logs:\n\(daemons.map(\.log).joined(separator: "\n"))")
            let trees = try clones.map { try scratch.files(in: $0) }
            #expect(trees[0] == trees[1] && trees[1] == trees[2])
            for id in records.keys {
                let text = try #require(trees[0]["knowledge/partners/\(id).yaml"])
                #expect(text.contains("+33 4 75 11 11 11") && text.contains("https://example.fr/") && text.contains("names: [Nouveau, "))
            }
            #expect(!trees[0].values.contains { $0.contains("_conflicts") || $0.contains("<<<<<<<") })
            for clone in clones {
                try scratch.fsck(clone)
                #expect(try scratch.gitOutput("status", "--porcelain", in: clone) == "")
                #expect(!FileManager.default.fileExists(atPath: clone + "/.git/MERGE_HEAD"))
                let status = try scratch.kaleido("status", "--format", "json", in: clone).output
                #expect(status.contains("\"conflicts\": []"), "\(status)")
            }
            try scratch.fsck(remote)
        }
    }

    @Test func conflictingEditsConvergeWithTheConflictRecordedOnce() async throws {
        try await withScratch { scratch in
            let path = "knowledge/partners/tn-mun-sfax.yaml"
            let remote = try scratch.makeRemote(files: [path: partner("tn-mun-sfax", name: "Sfax")])
            let clones = try ["Amina", "Bruno", "Chloé"].map { try scratch.clone(remote, as: $0.lowercased(), person: $0) }
            let daemons = try clones.map { try DaemonProcess(kb: $0, scratch: scratch) }
            #expect(eventually(timeout: 10) { daemons.allSatisfy { $0.log.contains("watching") } })
            let phones = ["+33 4 75 11 11 11", "+33 4 75 22 22 22"]
            for (clone, phone) in zip(clones, phones) {
                try scratch.write(partner("tn-mun-sfax", name: "Sfax").replacingOccurrences(of: "+33 4 75 00 00 00", with: phone), to: path, in: clone)
            }
            let converged = try eventually(timeout: 40) {
                let heads = try clones.map { try scratch.gitOutput("rev-parse", "HEAD", in: $0) }
                guard try Set(heads) == [scratch.gitOutput("rev-parse", "main", in: remote)] else { return false }
                return scratch.read(path, in: clones[2])?.contains("_conflicts") == true
            }
            for daemon in daemons { #expect(daemon.stop() == 0) }
            #expect(converged, "logs:\n\(daemons.map(\.log).joined(separator: "\n"))")
            let trees = try clones.map { try scratch.files(in: $0) }
            #expect(trees[0] == trees[1] && trees[1] == trees[2])
            let text = try #require(trees[0][path])
            // one conflict entry, holding both values; the provisional value is one of them
            #expect(text.components(separatedBy: "path: phone").count == 2, "\(text)")
            #expect(phones.allSatisfy { text.components(separatedBy: $0).count >= 2 }, "\(text)")
            let provisional = text.split(separator: "\n").first { $0.hasPrefix("phone:") }.map(String.init) ?? ""
            #expect(phones.contains { provisional.contains($0) })
            #expect(!text.contains("<<<<<<<"))
            for clone in clones { try scratch.fsck(clone) }
            // the merging replica and the others all list the open conflict
            for clone in clones {
                #expect(try scratch.kaleido("status", in: clone).output.contains("tn-mun-sfax.yaml: phone"))
            }
        }
    }

    @Test func killNineAtRandomMomentsLosesNothing() async throws {
        try await withScratch { scratch in
            let path = "knowledge/partners/tn-mun-sfax.yaml"
            let remote = try scratch.makeRemote(files: [path: partner("tn-mun-sfax", name: "Sfax")], quietPeriod: 0.05)
            let clone = try scratch.clone(remote, as: "a", person: "Amina")
            let other = try scratch.clone(remote, as: "b", person: "Bruno")
            var generator = SystemRandomNumberGenerator()
            for round in 0..<50 {
                let daemon = try DaemonProcess(kb: clone, scratch: scratch)
                // an edit of a field and a new record in every round
                var text = try #require(scratch.read(path, in: clone))
                text = text.replacing(#/name: .*/#, with: "name: Sfax \(round)")
                try scratch.write(text, to: path, in: clone)
                try scratch.write("id: note-\(round)\nname: Note \(round)\n", to: "knowledge/notes/note-\(round).yaml", in: clone)
                if round % 5 == 0 {
                    // someone else pushes meanwhile, so that cycles fetch and merge
                    try scratch.write("id: other-\(round)\n", to: "knowledge/notes/other-\(round).yaml", in: other)
                    try scratch.git("add", "--all", in: other)
                    try scratch.git("commit", "--quiet", "-m", "other \(round)", in: other)
                    // the daemon may push in between: pull and push again, as a person would
                    var pushed = false
                    // (up to 15 s: a push killed earlier may have left the remote's branch locked,
                    // which the daemon removes once it is 5 s old)
                    for _ in 0..<60 where !pushed {
                        try scratch.git("pull", "--quiet", "--no-rebase", "--no-edit", in: other)
                        pushed = try scratch.run("/usr/bin/git", ["push", "--quiet", "origin", "main"], in: other, allowFailure: true).status == 0
                        if !pushed { usleep(250_000) }
                    }
                    #expect(pushed)
                }
                usleep(UInt32.random(in: 0...400_000, using: &generator))
                daemon.kill9()
            }
            // After the last kill: a new daemon starts (the lock is not stuck) and completes a cycle.
            let daemon = try DaemonProcess(kb: clone, scratch: scratch)
            let synced = try eventually(timeout: 30) {
                try scratch.gitOutput("rev-parse", "HEAD", in: clone) == scratch.gitOutput("rev-parse", "main", in: remote)
                    && scratch.gitOutput("status", "--porcelain", in: clone) == ""
            }
            #expect(daemon.stop() == 0)
            let porcelain = (try? scratch.gitOutput("status", "--porcelain", in: clone)) ?? "?"
            let state = (try? scratch.kaleido("status", in: clone).output) ?? "?"
            let heads = ((try? scratch.gitOutput("rev-parse", "HEAD", in: clone)) ?? "?") + " / " + ((try? scratch.gitOutput("rev-parse", "main", in: remote)) ?? "?")
            #expect(synced, "git status:\n\(porcelain)\nheads: \(heads)\nkaleido status:\n\(state)\n\(daemon.log)")
            let listed = try scratch.git("ls-tree", "-r", "--name-only", "main", in: remote)
            for round in 0..<50 { #expect(listed.contains("knowledge/notes/note-\(round).yaml")) }
            for round in stride(from: 0, to: 50, by: 5) { #expect(listed.contains("knowledge/notes/other-\(round).yaml")) }
            #expect(try scratch.gitOutput("show", "main:" + path, in: remote).contains("name: Sfax 49"))
            #expect(!FileManager.default.fileExists(atPath: clone + "/.git/index.lock"))
            try scratch.fsck(clone)
            try scratch.fsck(remote)
        }
    }
}
