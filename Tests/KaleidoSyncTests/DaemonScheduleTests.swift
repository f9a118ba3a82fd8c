@testable import KaleidoGit
import KaleidoKB
@testable import KaleidoSync
import Testing

/// The daemon's timing rules, run by its real loop in virtual time (`VirtualDaemon`): each
/// cycle's instant is asserted to the millisecond, and minutes of schedule take microseconds.
@Suite("Daemon schedule in virtual time")
struct DaemonScheduleTests {
    typealias Run = ScriptedCycles.Run

    @Test func aCommitWaitsUntilFilesHaveBeenStillForTheQuietPeriod() {
        let daemon = VirtualDaemon(timings(quiet: 0.5), edits: [10_000, 10_100, 10_250], stopAt: 20_000)
        #expect(daemon.run() == [Run(at: 0, network: true, scan: true), Run(at: 10_750, network: true, scan: true)])
    }

    @Test func continuousEditsAreCommittedAtTheMaxDelay() {
        let edits = Array(stride(from: Int64(10_000), through: 14_000, by: 100))
        let daemon = VirtualDaemon(timings(quiet: 0.5, maxDelay: 2), edits: edits, stopAt: 20_000)
        // 12 000: the cap after the first edit (that instant's edit goes with it); 14 100: the
        // cap after 12 100 comes before the quiet period after the last edit (14 500).
        #expect(daemon.run().map(\.at) == [0, 12_000, 14_100])
        #expect(daemon.cycles.runs.allSatisfy { $0.network && $0.scan })
    }

    @Test func anUnreachableRemoteIsRetriedWithDoublingWaitsCappedAndResetBySuccess() {
        let daemon = VirtualDaemon(timings(maxBackoff: 10), stopAt: 100_000)
        daemon.cycles.reply = { run in
            run.at < 30_000 || (95_000..<96_500).contains(run.at) ? Reply.offline : CycleReport()
        }
        // +1 s, +2 s, +4 s, +8 s, then the 10 s cap; a success waits the fetch interval (60 s),
        // and the next outage starts again from 1 s.
        #expect(daemon.run().map(\.at) == [0, 1_000, 3_000, 7_000, 15_000, 25_000, 35_000, 95_000, 96_000, 98_000])
        #expect(daemon.cycles.runs.allSatisfy { $0.network })
        #expect(daemon.cycles.runs.dropFirst().allSatisfy { !$0.scan }, "no file changed: nothing to scan")
    }

    @Test(arguments: ["host key refused", "cycle threw"])
    func aRefusedHostKeyOrAFailedCycleBacksOffAsAnOutage(failure: String) {
        let daemon = VirtualDaemon(stopAt: 80_000)
        daemon.cycles.reply = { run in
            guard run.at < 10_000 else { return CycleReport() }
            if failure == "cycle threw" { throw SyncError.io("disk full") }
            return Reply.hostKeyRefused
        }
        #expect(daemon.run().map(\.at) == [0, 1_000, 3_000, 7_000, 15_000, 75_000])
        #expect(daemon.cycles.failures.count == (failure == "cycle threw" ? 4 : 0))
    }

    @Test func aRefusedLoginIsRetriedAfterTenMinutesWhileCommitsGoOnLocally() {
        let daemon = VirtualDaemon(timings(rescan: 10_000), edits: [1_000], stopAt: 700_000)
        daemon.cycles.reply = { run in run.at == 0 ? Reply.loginRefused : CycleReport() }
        #expect(daemon.run() == [Run(at: 0, network: true, scan: true), Run(at: 3_000, network: false, scan: true),
                                 Run(at: 600_000, network: true, scan: false), Run(at: 660_000, network: true, scan: false)])
    }

    @Test func anIdleDaemonFetchesEveryFetchIntervalAndACommitSyncsAtOnce() {
        let daemon = VirtualDaemon(timings(rescan: 10_000), edits: [70_000], stopAt: 200_000)
        #expect(daemon.run() == [Run(at: 0, network: true, scan: true), Run(at: 60_000, network: true, scan: false),
                                 Run(at: 72_000, network: true, scan: true), Run(at: 132_000, network: true, scan: false),
                                 Run(at: 192_000, network: true, scan: false)])
    }

    @Test func aCommitWhileBackingOffStaysLocalUntilTheRetry() {
        let daemon = VirtualDaemon(timings(quiet: 0.5), edits: [200], stopAt: 5_000)
        daemon.cycles.reply = { run in run.at == 0 ? Reply.offline : CycleReport() }
        #expect(daemon.run() == [Run(at: 0, network: true, scan: true), Run(at: 700, network: false, scan: true),
                                 Run(at: 1_000, network: true, scan: false)])
    }

    @Test func theWholeTreeIsRescannedEveryRescanInterval() {
        let daemon = VirtualDaemon(timings(rescan: 5), stopAt: 16_000)
        #expect(daemon.run() == [Run(at: 0, network: true, scan: true), Run(at: 5_000, network: false, scan: true),
                                 Run(at: 10_000, network: false, scan: true), Run(at: 15_000, network: false, scan: true)])
    }

    @Test func busyFilesAreLookedAtAgainAfterAQuietPeriod() {
        let daemon = VirtualDaemon(timings(quiet: 0.5), edits: [10_000], stopAt: 20_000)
        daemon.cycles.reply = { run in
            var report = CycleReport()
            if run.at == 10_500 { report.busy = ["knowledge/a.yaml"] }
            return report
        }
        #expect(daemon.run() == [Run(at: 0, network: true, scan: true), Run(at: 10_500, network: true, scan: true),
                                 Run(at: 11_000, network: true, scan: true)])
    }

    @Test func timingsBelowTheirFloorsAreRaised() {
        let config = timings(quiet: 0, maxDelay: 0, fetch: 0, rescan: 0, maxBackoff: 0)
        // fetch and rescan every 1 s, not without pause; a commit 50 ms after the edit.
        let idle = VirtualDaemon(config, edits: [1_500], stopAt: 3_500)
        #expect(idle.run().map(\.at) == [0, 1_000, 1_550, 2_550])
        // retries every 1 s, not without pause
        let offline = VirtualDaemon(config, stopAt: 3_500)
        offline.cycles.reply = { _ in Reply.offline }
        #expect(offline.run().map(\.at) == [0, 1_000, 2_000, 3_000])
    }

    @Test func hugeIntervalsMeanNeverAndDoNotOverflow() {
        // `fetch_interval: 1e300` is a valid config (a finite number of seconds).
        let daemon = VirtualDaemon(timings(quiet: 1, maxDelay: 1e300, fetch: 1e300, rescan: 1e300, maxBackoff: 1e300),
                                   edits: [1_000], stopAt: 10_000_000)
        #expect(daemon.run().map(\.at) == [0, 2_000])
    }

    @Test func aStopSignalEndsTheLoopAtOnceAndSavesTheState() {
        let daemon = VirtualDaemon(edits: [3_000], stopAt: 4_000)
        #expect(daemon.run().map(\.at) == [0], "the commit due at 5 000 ms never runs")
        #expect(daemon.clock.now == 4_000)
        #expect(daemon.cycles.saves == 1)
    }

    @Test func theDaemonsOwnWritesAndGitsFilesAreNotEdits() {
        let own = VirtualDaemon(events: [(50, "knowledge/b.yaml"), (5_000, ".git/index")], stopAt: 10_000)
        own.cycles.duration = 100
        own.cycles.ownWrites = ["knowledge/b.yaml"]
        #expect(own.run().map(\.at) == [0])
        // the same event from another program: an edit, read when the cycle ends (100 ms)
        let other = VirtualDaemon(events: [(50, "knowledge/b.yaml")], stopAt: 10_000)
        other.cycles.duration = 100
        #expect(other.run().map(\.at) == [0, 2_100])
    }

    @Test func aConfigBroughtInByACycleTimesTheNextDecisions() {
        let daemon = VirtualDaemon(stopAt: 85_000)
        daemon.cycles.reply = { [cycles = daemon.cycles] _ in
            cycles.settings.fetchInterval = 10
            return CycleReport()
        }
        // The first interval was decided with the settings the cycle started with.
        #expect(daemon.run().map(\.at) == [0, 60_000, 70_000, 80_000])
    }
}

/// The reports a cycle gives when the remote cannot be used.
enum Reply {
    static var offline: CycleReport {
        var report = CycleReport()
        report.offline = "could not reach the remote"
        return report
    }

    static var loginRefused: CycleReport {
        var report = CycleReport()
        report.accessRefusal = AccessRefusal(GitError(code: .authentication, errorClass: .none, message: "refused", operation: "fetch"))
        return report
    }

    static var hostKeyRefused: CycleReport {
        var report = CycleReport()
        report.hostKeyRefusal = HostKeyRefusal(endpoint: SSHEndpoint(host: "git.example.org"), key: SSHHostKey(type: "ssh-ed25519", blob: [1, 2, 3]),
                                               verdict: .unknown(otherTypes: []), files: .current)
        return report
    }
}
