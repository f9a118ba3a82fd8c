@testable import KaleidoSync
import Testing

/// `kaleido sync` while the daemon runs: its request is an input of the schedule, and the
/// cycle it causes runs at once, in virtual time.
extension DaemonScheduleTests {
    @Test func aSyncRequestRunsAFullCycleAtOnceWithoutWaitingForTheQuietPeriod() {
        let daemon = VirtualDaemon(timings(quiet: 2, maxDelay: 60, fetch: 600, rescan: 10_000), edits: [10_000],
                                   requests: [(at: 10_500, id: "r1")], stopAt: 100_000)
        daemon.cycles.duration = 300
        // The edit at 10 000 is committed by the requested cycle (not at 12 000, after the quiet
        // period): it ran unsettled, and nothing was left for a commit cycle.
        #expect(daemon.run() == [Run(at: 0, network: true, scan: true),
                                 Run(at: 10_500, network: true, scan: true, unsettled: true)])
        #expect(daemon.cycles.answers.map(\.id) == ["r1"])
        #expect(daemon.cycles.answers.map(\.at) == [10_800])
    }

    @Test func aSyncRequestDoesNotWaitForTheBackoffAndIsAnsweredWithTheOutage() {
        let daemon = VirtualDaemon(timings(maxBackoff: 10), requests: [(at: 4_000, id: "r1")], stopAt: 90_000)
        daemon.cycles.reply = { run in run.at < 20_000 ? Reply.offline : CycleReport() }
        // Backing off (+1 s, +2 s, +4 s): the request runs at 4 000, not at 7 000; that outage
        // doubles the wait (8 s), then the 10 s cap, then success and the 60 s fetch interval.
        #expect(daemon.run().map(\.at) == [0, 1_000, 3_000, 4_000, 12_000, 22_000, 82_000])
        #expect(daemon.cycles.runs[3] == Run(at: 4_000, network: true, scan: true, unsettled: true))
        #expect(daemon.cycles.answers.map(\.id) == ["r1"] && daemon.cycles.answers.map(\.at) == [4_000])
    }

    @Test func aRequestMadeDuringACycleGetsACycleOfItsOwn() {
        let daemon = VirtualDaemon(timings(fetch: 600, rescan: 10_000),
                                   requests: [(at: 5_000, id: "r1"), (at: 5_500, id: "r2")], stopAt: 100_000)
        daemon.cycles.duration = 1_000
        // r2 arrives while r1's cycle runs (5 000 to 6 000): r1's answer must not claim
        // edits made after its cycle looked, so r2 gets the next cycle.
        #expect(daemon.run().map(\.at) == [0, 5_000, 6_000])
        #expect(daemon.cycles.answers.map(\.id) == ["r1", "r2"])
        #expect(daemon.cycles.answers.map(\.at) == [6_000, 7_000])
    }

    @Test func aRequestedCycleThatThrowsIsAnsweredAsAFailure() {
        let daemon = VirtualDaemon(timings(fetch: 600, rescan: 10_000), requests: [(at: 5_000, id: "r1")], stopAt: 100_000)
        daemon.cycles.reply = { run in
            if run.at == 5_000 { throw SyncError.io("disk full") }
            return CycleReport()
        }
        // The failure backs off as an outage: the next network step 1 s later.
        #expect(daemon.run().map(\.at) == [0, 5_000, 6_000])
        #expect(daemon.cycles.answers.map(\.failed) == [true])
    }
}
