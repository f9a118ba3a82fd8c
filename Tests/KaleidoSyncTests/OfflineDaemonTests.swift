import Foundation
import Glibc
import Testing

extension ProcessTests {
    @Test func aDaemonOfflineKeepsCommittingAndEverythingLandsInOrderWhenTheRemoteIsBack() async throws {
        try await withScratch { scratch in
            let path = "knowledge/partners/tn-mun-sfax.yaml"
            let remote = try scratch.makeRemote(files: [path: partner("tn-mun-sfax", name: "Sfax")])
            let clone = try scratch.clone(remote, as: "a", person: "Amina")
            let away = remote + ".away"
            try FileManager.default.moveItem(atPath: remote, toPath: away)  // the train enters the tunnel
            let daemon = try DaemonProcess(kb: clone, scratch: scratch)
            let names = ["Sfax 1", "Sfax 2", "Sfax 3"]
            for (index, name) in names.enumerated() {
                try scratch.write(partner("tn-mun-sfax", name: name), to: path, in: clone)
                #expect(try eventually(timeout: 15) { try scratch.git("log", "--format=%s", in: clone).split(separator: "\n").count == index + 2 })
            }
            // a broken file typed offline waits, reported by status with its position
            try scratch.write("id: x\nname: [oops\n", to: "knowledge/partners/x.yaml", in: clone)
            #expect(eventually(timeout: 15) { (try? scratch.kaleido("status", in: clone).output.contains("knowledge/partners/x.yaml:2:7: error")) == true })
            let offline = try scratch.kaleido("status", "--format", "json", in: clone).output
            #expect(offline.contains("\"offline_since\""), "\(offline)")
            #expect(offline.contains("\"daemon_running\": true"))

            try FileManager.default.moveItem(atPath: away, toPath: remote)  // out of the tunnel
            let landed = try eventually(timeout: 20) {
                try scratch.gitOutput("rev-parse", "main", in: remote) == scratch.gitOutput("rev-parse", "HEAD", in: clone)
            }
            #expect(daemon.stop() == 0)
            #expect(landed, "\(daemon.log)")
            let subjects = try scratch.gitOutput("log", "--format=%s", "main", in: remote).split(separator: "\n")
            #expect(subjects == ["tn-mun-sfax: name, names", "tn-mun-sfax: name, names", "tn-mun-sfax: name, names", "seed"])
            let contents = try (0..<3).map { try scratch.gitOutput("show", "main~\(2 - $0):" + path, in: remote) }
            #expect(zip(contents, names).allSatisfy { $0.contains("name: \($1)") })
            #expect(try !scratch.git("ls-tree", "-r", "--name-only", "main", in: remote).split(separator: "\n").contains("knowledge/partners/x.yaml"))
            #expect(daemon.log.contains("remote unreachable") && daemon.log.contains("remote reachable again"))
            let log = try scratch.kaleido("log", "tn-mun-sfax", in: clone)
            #expect(log.output.components(separatedBy: "Amina <amina@example.org>  changed").count - 1 == 3, "\(log.output)\(log.errors)")
            #expect(log.output.contains("name: \"Sfax 2\" → \"Sfax 3\""))
            #expect(log.output.contains("Seed <seed@example.org>  created"))
        }
    }
}

extension ProcessTests {
    @Test func oneDaemonSyncsTwoKnowledgeBasesAndASecondDaemonIsRefused() async throws {
        try await withScratch { scratch in
            let path = "knowledge/partners/tn-mun-sfax.yaml"
            let remotes = try ["one.git", "two.git"].map { try scratch.makeRemote($0, files: [path: partner("tn-mun-sfax", name: "Sfax")]) }
            let clones = try zip(remotes, ["one", "two"]).map { try scratch.clone($0, as: $1, person: "Amina") }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: KaleidoBinary.path)
            process.arguments = ["daemon", "--kb", clones[0], "--kb", clones[1]]
            process.environment = scratch.environment
            process.standardError = FileHandle.nullDevice
            try process.run()
            defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
            #expect(eventually(timeout: 10) { clones.allSatisfy { (try? scratch.kaleido("status", in: $0).output.contains("Daemon: running")) == true } })
            let second = try scratch.kaleido("daemon", "--kb", clones[1], in: scratch.root)
            #expect(second.status == 4)
            #expect(second.errors.contains("is syncing this knowledge base"))
            for (clone, name) in zip(clones, ["Sfax A", "Sfax B"]) {
                try scratch.write(partner("tn-mun-sfax", name: name), to: path, in: clone)
            }
            let pushed = try eventually(timeout: 20) {
                try zip(remotes, ["Sfax A", "Sfax B"]).allSatisfy { try scratch.gitOutput("show", "main:" + path, in: $0).contains("name: \($1)") }
            }
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            #expect(pushed)
            #expect(process.terminationStatus == 0)
            #expect(clones.allSatisfy { (try? scratch.kaleido("status", in: $0).output.contains("Daemon: not running")) == true })
        }
    }
}
