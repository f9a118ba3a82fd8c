import Foundation
import Glibc
import KaleidoTestSupport
import Testing

// Transfers that are slow but alive must not be abandoned, and a reader that went away must
// give an error, not a death: the other side of NetworkFaultTests.

extension ProcessTests {
    @Test func aSlowTransferThatKeepsProgressingIsNotAbandoned() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: [Self.record: partner("tn-mun-sfax", name: "Sfax")])
            let (server, port) = try gitDaemon(scratch)
            defer { server.stop() }
            // About 800 KB/s: 2 MB each way take seconds, with data every 20 ms.
            let relay = try FaultyRelay(upstream: port, limit: Int.max)
            relay.pause = 0.02
            defer { relay.stop() }
            let size = 2 << 20
            for (name, person) in [("a", "Amina"), ("b", "Bruno")] {
                let clone = try scratch.clone(remote, as: name, person: person)
                try FileManager.default.createDirectory(atPath: clone + "/attachments", withIntermediateDirectories: true)
                try randomBytes(size).write(to: URL(fileURLWithPath: clone + "/attachments/\(name).bin"))
                try scratch.git("add", "--all", in: clone)
                try scratch.git("commit", "--quiet", "-m", "\(name).bin", in: clone)
            }
            try scratch.git("push", "--quiet", "origin", "main", in: scratch.path("b"))
            let a = scratch.path("a")
            let config = try #require(scratch.read(".kaleido/config.yaml", in: a))
            try scratch.write(config + "sync:\n  timeout: 1\n", to: ".kaleido/config.yaml", in: a)
            try scratch.git("remote", "set-url", "origin", "git://127.0.0.1:\(relay.port)/remote.git", in: a)
            let result = try TimedKaleido.run("sync", in: a, scratch: scratch, limit: 60)
            #expect(result.exitCode == 0, "\(result)")
            #expect(result.seconds > 3, "the transfers outlasted the 1 s timeout several times over: \(result.seconds) s")
            #expect(FileManager.default.fileExists(atPath: a + "/attachments/b.bin"))
            #expect(try scratch.gitOutput("rev-parse", "main", in: remote) == scratch.gitOutput("rev-parse", "HEAD", in: a))
            try scratch.fsck(remote)
        }
    }
}

extension ProcessTests {
    /// A push to a remote on this machine (a shared folder, maybe a slow NFS mount) writes its
    /// pack without any network callback: the child must still report progress while it writes,
    /// or a big push on a slow share would be abandoned at every try.
    @Test func aBigLocalPushReportsProgressWhileItWritesThePack() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: [Self.record: partner("tn-mun-sfax", name: "Sfax")])
            let clone = try scratch.clone(remote, as: "a", person: "Amina")
            try FileManager.default.createDirectory(atPath: clone + "/attachments", withIntermediateDirectories: true)
            for index in 0..<4 {
                try randomBytes(3 << 20).write(to: URL(fileURLWithPath: clone + "/attachments/\(index).bin"))
            }
            try scratch.git("add", "--all", in: clone)
            try scratch.git("commit", "--quiet", "-m", "12 MB", in: clone)
            let request = #"{"operation":"push","repository":"\#(clone)/.git","remote":"origin","localReference":"refs/heads/main","remoteReference":"refs/heads/main"}"#
            let started = Date()
            let child = try ChildProcess.run(KaleidoBinary.path, ["__transfer", clone], in: clone, environment: scratch.environment,
                                             input: .bytes(Data(request.utf8)))
            let seconds = Date().timeIntervalSince(started)
            let lines = child.stdout.split(separator: "\n")
            #expect(lines.last == #"{"outcome":"pushed"}"#, "\(child.stdout)\(child.stderr)")
            // At most one heartbeat per 100 ms; the first is written before the request is read,
            // and opening, walking and the final reference update give none: at least one a
            // second on average, where a push without pack callbacks gives just the first.
            let beats = lines.filter { $0 == "progress" }.count
            #expect(beats >= 3 && Double(beats) >= seconds, "\(beats) heartbeats in \(seconds) s")
            #expect(try scratch.gitOutput("rev-parse", "main", in: remote) == scratch.gitOutput("rev-parse", "HEAD", in: clone))
        }
    }
}

extension ProcessTests {
    /// SIGPIPE is ignored: a reader that went away makes writes fail with EPIPE, which must not
    /// turn into a crash either (Foundation's non-throwing `FileHandle.write` traps on it).
    @Test func aClosedStandardErrorIsNeitherASIGPIPEDeathNorACrash() async throws {
        try await withScratch { scratch in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: KaleidoBinary.path)
            process.arguments = ["sync", "--kb", scratch.path("nowhere")]
            process.environment = scratch.environment
            let errors = Pipe()
            try errors.fileHandleForReading.close()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationReason == .exit, "ended by signal \(process.terminationStatus)")
            #expect(process.terminationStatus == 2)
        }
    }
}
