import KaleidoKB
@testable import KaleidoSync
import Logging
import Testing

/// A monotonic clock that moves only when a test's doubles move it.
final class VirtualClock: MonotonicClock {
    var now: Int64 = 0
}

/// File events at virtual instants, and the instant a stop signal arrives. `wait` moves the
/// clock to the next event, the stop or the timeout, whichever comes first: no sleeping.
final class ScriptedFileEvents: FileEventSource {
    let clock: VirtualClock
    let stopAt: Int64
    private var pending: [(at: Int64, path: String)]
    /// Waits in a row that neither moved the clock nor brought an event: a loop that never
    /// lets time move would spin forever, so the test stops it and fails instead.
    private var stalls = 0
    private var waits = 0

    init(clock: VirtualClock, events: [(at: Int64, path: String)], stopAt: Int64) {
        self.clock = clock
        self.pending = events.sorted { $0.at < $1.at }
        self.stopAt = stopAt
    }

    /// Whether the loop must stop (the stop signal's instant is reached).
    var stopped: Bool { clock.now >= stopAt || stalls >= 1000 }

    func wait(timeout: Int64) -> [Watcher.Event] {
        let before = clock.now
        waits += 1
        // A loop that ignores the stop would run forever: better a crash than a hang.
        precondition(waits < 1_000_000, "the daemon's loop did not stop at \(stopAt) ms")
        var arrived: [Watcher.Event] = []
        if timeout > 0 {  // as `Watcher`: a deadline already passed returns at once
            // The stop wakes the wait once; a loop that goes on waiting sees time go on.
            let stop = clock.now < stopAt ? stopAt : .max
            clock.now = max(clock.now, min(pending.first?.at ?? .max, stop, clock.now + timeout))
            arrived = drain()
        }
        if clock.now == before && arrived.isEmpty {
            stalls += 1
            if stalls == 1000 { Issue.record("the loop spins at \(clock.now) ms without letting time move") }
        } else {
            stalls = 0
        }
        return arrived
    }

    func drain() -> [Watcher.Event] {
        let arrived = pending.prefix { $0.at <= clock.now }
        pending.removeFirst(arrived.count)
        return arrived.map { Watcher.Event(path: $0.path) }
    }
}

/// A sync cycle that records when it ran and answers what the test scripted.
final class ScriptedCycles: SyncCycleRunner {
    /// One cycle: its start in virtual milliseconds and what the daemon asked for.
    struct Run: Equatable, CustomStringConvertible {
        var at: Int64
        var network: Bool
        var scan: Bool
        /// Whether files changed less than a quiet period ago were committed too (a requested cycle).
        var unsettled = false
        var description: String { "\(at) ms\(network ? " network" : "")\(scan ? " scan" : "")\(unsettled ? " unsettled" : "")" }
    }

    var settings: SyncSettings
    let clock: VirtualClock
    private(set) var runs: [Run] = []
    /// The report of a run, or its error; a cycle that synced unless the test says otherwise.
    var reply: (Run) throws -> CycleReport = { _ in CycleReport() }
    /// Virtual milliseconds a cycle takes.
    var duration: Int64 = 0
    /// Paths whose events are the last cycle's own writes.
    var ownWrites: Set<String> = []
    private(set) var failures: [String] = []
    private(set) var saves = 0
    /// `kaleido sync` requests: the instant each is dropped in the request folder.
    var requests: [(at: Int64, id: String)] = []
    /// Each request answered, with the instant of its answer and whether the cycle threw.
    private(set) var answers: [(id: String, at: Int64, failed: Bool)] = []

    init(settings: SyncSettings, clock: VirtualClock) {
        self.settings = settings
        self.clock = clock
    }

    func runCycle(network: Bool, scan: Bool, settle: Bool) throws -> CycleReport {
        let run = Run(at: clock.now, network: network, scan: scan, unsettled: !settle)
        runs.append(run)
        clock.now += duration
        return try reply(run)
    }

    func pendingSyncRequests() -> [String] {
        let answered = Set(answers.map(\.id))
        return requests.filter { $0.at <= clock.now && !answered.contains($0.id) }.map(\.id)
    }

    func answerSyncRequests(_ ids: [String], with result: Result<CycleReport, any Error>) {
        let failed = if case .failure = result { true } else { false }
        answers += ids.map { ($0, clock.now, failed) }
    }

    func isOwnWrite(_ path: String) -> Bool { ownWrites.contains(path) }
    func forgetOwnWrites() { ownWrites = [] }
    func isIgnoredFolder(_ folder: String) -> Bool { false }
    func recordFailure(_ error: any Error) { failures.append("\(error)") }
    func saveState() { saves += 1 }
}

/// The daemon's loop (`DaemonLoop`, the real one) over a virtual clock, scripted file events
/// and scripted cycles: a run of minutes takes microseconds.
struct VirtualDaemon {
    let clock = VirtualClock()
    let events: ScriptedFileEvents
    let cycles: ScriptedCycles

    /// A daemon with `config`'s timings (raised to their floors as the real one's), a record
    /// edited at `edits` and other file events at `events` (milliseconds), stopped at `stopAt`.
    /// `requests`: `kaleido sync` asking for a cycle (its request file's event at that instant).
    init(_ config: KBConfig = KBConfig(), edits: [Int64] = [], events: [(at: Int64, path: String)] = [],
         requests: [(at: Int64, id: String)] = [], stopAt: Int64) {
        let requestEvents = requests.map { ($0.at, SyncRequests.eventPrefix + $0.id) }
        self.events = ScriptedFileEvents(clock: clock, events: edits.map { ($0, "knowledge/a.yaml") } + events + requestEvents, stopAt: stopAt)
        cycles = ScriptedCycles(settings: SyncSettings(root: "/virtual/kb", config: config), clock: clock)
        cycles.requests = requests
    }

    /// Runs the loop until the stop; returns the cycles it ran.
    @discardableResult
    func run() -> [ScriptedCycles.Run] {
        let events = self.events
        let loop = DaemonLoop(runner: cycles, events: events, clock: clock, stopRequested: { events.stopped },
                              logger: Logger(label: "virtual", factory: { _ in SwiftLogNoOpLogHandler() }))
        loop.run()
        return cycles.runs
    }
}

/// `KBConfig` with the daemon's timings, in seconds.
func timings(quiet: Double = 2, maxDelay: Double = 30, fetch: Double = 60, rescan: Double = 300, maxBackoff: Double = 300) -> KBConfig {
    var config = KBConfig()
    config.quietPeriod = quiet
    config.maxDelay = maxDelay
    config.fetchInterval = fetch
    config.rescanInterval = rescan
    config.maxBackoff = maxBackoff
    return config
}
