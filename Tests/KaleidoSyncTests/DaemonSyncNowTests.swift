import Foundation
import Glibc
import KaleidoSync
import Testing

extension ProcessTests {
    /// A daemon that would wait 30 s of quiet (60 s at most) before committing.
    static let slowDaemonConfig = """
        name: test KB
        branch: main
        daemon:
          quiet_period: 30
          max_delay: 60
          fetch_interval: 600
          max_backoff: 1
          rescan_interval: 600

        """

    private func slowDaemonKB(_ scratch: Scratch) throws -> (remote: String, clone: String) {
        let remote = try scratch.makeRemote(files: ["knowledge/partners/tn-mun-sfax.yaml": sfaxRecord, ".kaleido/config.yaml": Self.slowDaemonConfig])
        return (remote, try scratch.clone(remote, as: "a", person: "Amina"))
    }

    private func editPhone(_ scratch: Scratch, _ clone: String, _ phone: String) throws {
        try scratch.write(sfaxRecord.replacingOccurrences(of: "+216 74 000 000", with: phone), to: "knowledge/partners/tn-mun-sfax.yaml", in: clone)
    }

    @Test func kaleidoSyncAsksTheRunningDaemonToSyncNowAndPrintsItsCycle() async throws {
        try await withScratch { scratch in
            let (remote, a) = try slowDaemonKB(scratch)
            let daemon = try DaemonProcess(kb: a, scratch: scratch)
            #expect(eventually(timeout: 10) { daemon.log.contains("watching") })
            try editPhone(scratch, a, "+216 74 444 444")
            let start = Date()
            let sync = try scratch.kaleido("sync", in: a)
            let seconds = Date().timeIntervalSince(start)
            let onRemote = try scratch.gitOutput("show", "main:knowledge/partners/tn-mun-sfax.yaml", in: remote)
            #expect(daemon.stop() == 0)
            #expect(sync.status == 0, "\(sync.errors)\n\(daemon.log)")
            #expect(seconds < 20, "the daemon's quiet period is 30 s: the request must not wait for it")
            #expect(sync.output == "committed: tn-mun-sfax: phone\npushed\n")
            #expect(onRemote.contains("+216 74 444 444"))
            // The daemon made the commit: `kaleido sync` never took the lock.
            #expect(daemon.log.contains("committed"))
            #expect(try scratch.files(in: a + "/.git/kaleido/sync-results").isEmpty)
        }
    }

    @Test func kaleidoSyncSyncsByItselfWhenTheDaemonWasKilledAndSaysWhenItDoesNotAnswer() async throws {
        try await withScratch { scratch in
            let (remote, a) = try slowDaemonKB(scratch)
            // A daemon that cannot answer (stopped): a clear message and exit 4 after --wait.
            let daemon = try DaemonProcess(kb: a, scratch: scratch)
            #expect(eventually(timeout: 10) { daemon.log.contains("watching") })
            kill(daemon.pid, SIGSTOP)
            try editPhone(scratch, a, "+216 74 555 555")
            let stuck = try scratch.kaleido("sync", "--wait", "1", in: a)
            #expect(stuck.status == 4)
            #expect(stuck.errors.contains("the daemon (pid \(daemon.pid)) syncs this knowledge base but did not answer within 1 s"), "\(stuck.errors)")
            #expect(try scratch.files(in: a + "/.git/kaleido/sync-requests").isEmpty, "the request is withdrawn")
            // Killed with -9 (still stopped: it never saw the request): the lock file still names
            // it, but the lock is free, so `kaleido sync` syncs by itself.
            daemon.kill9()
            let start = Date()
            let sync = try scratch.kaleido("sync", in: a)
            #expect(sync.status == 0, "\(sync.errors)")
            #expect(Date().timeIntervalSince(start) < 20)
            #expect(sync.output == "committed: tn-mun-sfax: phone\npushed\n")
            #expect(try scratch.gitOutput("show", "main:knowledge/partners/tn-mun-sfax.yaml", in: remote).contains("+216 74 555 555"))
        }
    }

    @Test func aWaitOutOfRangeIsAUsageError() async throws {
        try await withScratch { scratch in
            let result = try scratch.kaleido("sync", "--wait", "100000", in: scratch.root)
            #expect(result.status == 2)
            #expect(result.errors.contains("--wait must be a number of seconds between 0 and 86400"), "\(result.errors)")
        }
    }
}
