import Foundation
import Glibc
import KaleidoSync
import KaleidoTestSupport
import Testing

/// Servers that accept and never answer, and servers that die mid-transfer: every transport
/// gives up after `sync.timeout` seconds without progress and the cycle ends offline (exit 3),
/// never hangs, never dies of SIGPIPE; one stalled KB never holds a daemon's other KBs back.
extension ProcessTests {
    static let stallTimeout = 3.0
    /// The bound on a stalled `kaleido sync`: the timeout, the 2 s the design allows, and 1 s
    /// for starting two debug binaries on a loaded two-core machine.
    static let stallBound = stallTimeout + 2 + 1

    /// A remote, and a clone `a` with `sync.timeout: 3` and one local edit, whose origin is `url`.
    func cloneWithTimeout(_ scratch: Scratch, remoteURL: (String) -> String) throws -> (clone: String, remote: String) {
        let remote = try scratch.makeRemote(files: [Self.record: partner("tn-mun-sfax", name: "Sfax")])
        let clone = try scratch.clone(remote, as: "a", person: "Amina")
        let config = try #require(scratch.read(".kaleido/config.yaml", in: clone))
        try scratch.write(config + "sync:\n  timeout: \(Int(Self.stallTimeout))\n", to: ".kaleido/config.yaml", in: clone)
        try scratch.git("commit", "--quiet", "-am", "sync timeout", in: clone)
        try scratch.git("remote", "set-url", "origin", remoteURL(remote), in: clone)
        try scratch.write(partner("tn-mun-sfax", name: "Sfax la belle"), to: Self.record, in: clone)
        return (clone, remote)
    }

    @Test(arguments: ["git", "ssh", "https"])
    func aServerThatNeverAnswersEndsTheSyncOfflineWithinTheTimeout(scheme: String) async throws {
        try await withScratch { scratch in
            let server = try SilentServer()
            defer { server.stop() }
            let (clone, _) = try cloneWithTimeout(scratch) { _ in "\(scheme)://\(scheme == "ssh" ? "git@" : "")127.0.0.1:\(server.port)/remote.git" }
            let result = try TimedKaleido.run("sync", in: clone, scratch: scratch, limit: 30)
            #expect(result.exitCode == 3, "\(result)")
            #expect(result.seconds >= Self.stallTimeout - 0.5 && result.seconds < Self.stallBound, "\(result.seconds) s")
            #expect(result.output.contains("no progress for 3 s"), "\(result.output)")
            #expect(result.output.contains("2 commit(s) wait to be pushed"), "\(result.output)")
            #expect(server.accepted >= 1, "the sync reached the silent server")
            #expect(transferChildren(labelled: clone).isEmpty)
        }
    }

    @Test func aPathRemoteThatHangsLikeADeadMountEndsTheSyncOfflineWithinTheTimeout() async throws {
        try await withScratch { scratch in
            let (clone, remote) = try cloneWithTimeout(scratch) { $0 }
            // Reading the remote's config blocks for ever, as a read on a dead NFS mount does:
            // a FIFO nobody writes to.
            try FileManager.default.removeItem(atPath: remote + "/config")
            #expect(mkfifo(remote + "/config", 0o644) == 0)
            let result = try TimedKaleido.run("sync", in: clone, scratch: scratch, limit: 30)
            #expect(result.exitCode == 3, "\(result)")
            #expect(result.seconds >= Self.stallTimeout - 0.5 && result.seconds < Self.stallBound, "\(result.seconds) s")
            #expect(result.output.contains("no progress for 3 s"), "\(result.output)")
            #expect(transferChildren(labelled: clone).isEmpty)
        }
    }

    @Test func aTimeoutThatIsNotAPositiveNumberIsAConfigurationErrorWithItsPosition() async throws {
        try await withScratch { scratch in
            let (clone, _) = try cloneWithTimeout(scratch) { $0 }
            for (value, column) in [("0", 12), ("-5", 12), ("soon", 12)] {
                let config = try #require(scratch.read(".kaleido/config.yaml", in: clone))
                let line = config.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("  timeout:") }
                let number = try #require(line) + 1
                let edited = config.replacing(#/  timeout: .*/#, with: "  timeout: \(value)")
                try scratch.write(edited, to: ".kaleido/config.yaml", in: clone)
                let result = try scratch.kaleido("sync", in: clone)
                #expect(result.status == 2, "\(result)")
                #expect(result.errors.contains(".kaleido/config.yaml:\(number):\(column):"), "\(result.errors)")
                #expect(result.errors.contains("sync.timeout must be a positive number of seconds"), "\(result.errors)")
            }
        }
    }

    @Test func anEngineWithAChildTransferStopsAtOnceWhenCancelled() async throws {
        try await withScratch { scratch in
            let server = try SilentServer()
            defer { server.stop() }
            let (clone, _) = try cloneWithTimeout(scratch) { _ in "git://127.0.0.1:\(server.port)/remote.git" }
            var settings = try SyncSettings.load(root: clone, environment: scratch.environment)
            #expect(settings.timeout == Self.stallTimeout)
            settings.timeout = 60
            settings.transfer = .childProcess(executable: KaleidoBinary.path)
            let engine = try SyncEngine(settings: settings, merger: DefaultMerger.make(for: settings))
            // Cancelled (as by SIGTERM) once the server holds the connection.
            engine.isCancelled = { server.accepted >= 1 }
            let start = Date()
            let report = try engine.runCycle()
            let seconds = Date().timeIntervalSince(start)
            #expect(seconds < 2.5, "\(seconds) s")
            #expect(server.accepted >= 1)
            #expect(report.offline == nil, "a cancelled cycle is not an outage")
            #expect(engine.state.syncingSince == nil)
            #expect(transferChildren(labelled: clone).isEmpty)
        }
    }

    @Test func trustHostGivesUpOnAServerThatNeverAnswers() async throws {
        try await withScratch { scratch in
            let server = try SilentServer()
            defer { server.stop() }
            let (clone, _) = try cloneWithTimeout(scratch) { _ in "ssh://git@127.0.0.1:\(server.port)/remote.git" }
            let result = try TimedKaleido.run("trust-host", "--yes", in: clone, scratch: scratch, limit: 30)
            #expect(result.exitCode == 1, "\(result)")
            #expect(result.seconds >= Self.stallTimeout - 0.5 && result.seconds < Self.stallBound, "\(result.seconds) s")
            #expect(result.errors.contains("no progress for 3 s"), "\(result.errors)")
            #expect(scratch.read(".home/.ssh/known_hosts", in: scratch.root) == nil, "nothing trusted")
        }
    }

    @Test func statusShowsASyncInProgressAndSinceWhen() async throws {
        try await withScratch { scratch in
            let server = try SilentServer()
            defer { server.stop() }
            let (clone, _) = try cloneWithTimeout(scratch) { _ in "git://127.0.0.1:\(server.port)/remote.git" }
            let sync = try TimedKaleido(["sync"], in: clone, scratch: scratch)
            var json = ""
            let shown = try eventually(timeout: Self.stallTimeout) {
                json = try scratch.kaleido("status", "--format", "json", in: clone).output
                return json.contains("\"syncing_since\"")
            }
            let text = try scratch.kaleido("status", in: clone).output
            let result = sync.wait(limit: 30)
            #expect(shown, "\(json)")
            #expect(text.contains("Syncing since") && text.contains("a fetch or push is in progress"), "\(text)")
            #expect(result.exitCode == 3, "\(result)")
            let after = try scratch.kaleido("status", in: clone).output
            #expect(!after.contains("Syncing since"), "\(after)")
            #expect(after.contains("no progress for 3 s"), "\(after)")
        }
    }

    @Test func aStalledKnowledgeBaseDoesNotHoldBackTheOthersAndSIGTERMStopsTheDaemonAtOnce() async throws {
        try await withScratch { scratch in
            let server = try SilentServer()
            defer { server.stop() }
            let (stalled, _) = try cloneWithTimeout(scratch) { _ in "git://127.0.0.1:\(server.port)/remote.git" }
            let healthyRemote = try scratch.makeRemote("healthy.git", files: [Self.record: partner("tn-mun-sfax", name: "Sfax")])
            let healthy = try scratch.clone(healthyRemote, as: "healthy", person: "Bruno")
            // The stalled KB first: a daemon running its KBs one after the other is stuck there.
            let daemon = try DaemonProcess(kb: stalled, scratch: scratch, extraArguments: ["--kb", healthy])
            #expect(eventually(timeout: 15) { daemon.log.contains("watching") && server.accepted >= 1 }, "\(daemon.log)")
            try scratch.write(partner("tn-mun-sfax", name: "Sfax B"), to: Self.record, in: healthy)
            let pushed = try eventually(timeout: 15) {
                try scratch.gitOutput("show", "main:" + Self.record, in: healthyRemote).contains("name: Sfax B")
            }
            #expect(pushed, "\(daemon.log)")
            #expect(eventually(timeout: 10) { daemon.log.contains("no progress for 3 s") }, "the stalled KB is abandoned, retried: \(daemon.log)")
            // Stop it while the stalled KB waits on the server (a transfer child is running).
            #expect(eventually(timeout: 10) { !transferChildren(labelled: stalled).isEmpty })
            let signalled = Date()
            kill(daemon.pid, SIGTERM)
            let stopped = eventually(timeout: 10) { !daemon.process.isRunning }
            let seconds = Date().timeIntervalSince(signalled)
            if !stopped { daemon.kill9() }
            #expect(stopped && daemon.process.terminationStatus == 0 && daemon.process.terminationReason == .exit)
            #expect(seconds < 2, "stopped in \(seconds) s")
            #expect(transferChildren(labelled: stalled).isEmpty && transferChildren(labelled: healthy).isEmpty)
        }
    }

    @Test func aDaemonKilledMidTransferLeavesNoTransferBehind() async throws {
        try await withScratch { scratch in
            let server = try SilentServer()
            defer { server.stop() }
            let (stalled, _) = try cloneWithTimeout(scratch) { _ in "git://127.0.0.1:\(server.port)/remote.git" }
            let daemon = try DaemonProcess(kb: stalled, scratch: scratch)
            #expect(eventually(timeout: 15) { !transferChildren(labelled: stalled).isEmpty }, "\(daemon.log)")
            daemon.kill9()
            // The kernel kills the child with its parent (PR_SET_PDEATHSIG): nobody has to reap it.
            #expect(eventually(timeout: 2) { transferChildren(labelled: stalled).isEmpty })
        }
    }

    /// Random (incompressible) bytes, so that a pack carrying them is as long as they are.
    func randomBytes(_ count: Int) throws -> Data {
        let random = try #require(FileHandle(forReadingAtPath: "/dev/urandom"))
        defer { try? random.close() }
        return random.readData(ofLength: count)
    }

    @Test func aGitServerDyingMidTransferEndsTheSyncOfflineAndLeavesBothRepositoriesSound() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: [Self.record: partner("tn-mun-sfax", name: "Sfax")])
            let (server, port) = try gitDaemon(scratch)
            defer { server.stop() }
            let relay = try FaultyRelay(upstream: port, limit: Int.max)
            defer { relay.stop() }
            let size = 4 << 20
            let a = try scratch.clone(remote, as: "a", person: "Amina")
            try scratch.git("remote", "set-url", "origin", "git://127.0.0.1:\(relay.port)/remote.git", in: a)
            try FileManager.default.createDirectory(atPath: a + "/attachments", withIntermediateDirectories: true)
            try randomBytes(size).write(to: URL(fileURLWithPath: a + "/attachments/a.bin"))
            try scratch.git("add", "--all", in: a)
            try scratch.git("commit", "--quiet", "-m", "a.bin", in: a)
            let b = try scratch.clone(remote, as: "b", person: "Bruno")
            var outcomes: [String] = []
            for round in 0..<20 {
                if round == 10 {
                    // From now on the remote has 4 MB that A lacks: the cut falls in A's fetch.
                    try FileManager.default.createDirectory(atPath: b + "/attachments", withIntermediateDirectories: true)
                    try randomBytes(size).write(to: URL(fileURLWithPath: b + "/attachments/b.bin"))
                    try scratch.git("add", "--all", in: b)
                    try scratch.git("commit", "--quiet", "-m", "b.bin", in: b)
                    try scratch.git("push", "--quiet", "origin", "main", in: b)
                }
                // Each connection may carry this many bytes: from the first packet to the last
                // tenth of the pack.
                relay.limit = 100 + (round % 10) * 380_000
                let result = try TimedKaleido.run("sync", in: a, scratch: scratch, limit: 30)
                outcomes.append("\(relay.limit): \(result.exitCode.map { "exit \($0)" } ?? "signal \(result.signal ?? 0)")")
                #expect(result.exitCode == 3, "round \(round), \(relay.limit) bytes: \(result)")
                try scratch.fsck(a)
                try scratch.fsck(remote)
            }
            #expect(relay.cuts >= 20, "\(outcomes)")
            relay.limit = Int.max
            let synced = try TimedKaleido.run("sync", in: a, scratch: scratch, limit: 60)
            #expect(synced.exitCode == 0, "\(synced)")
            #expect(try scratch.gitOutput("rev-parse", "main", in: remote) == scratch.gitOutput("rev-parse", "HEAD", in: a))
            #expect(FileManager.default.fileExists(atPath: a + "/attachments/b.bin"))
            try scratch.fsck(a)
            try scratch.fsck(remote)
        }
    }
}
