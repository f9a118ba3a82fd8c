/// The daemon's timing rules for one KB, as a value: what is due at an instant, what a file
/// event and a finished cycle change, and until when the loop may sleep. No clock, no I/O:
/// `DaemonLoop` passes the instants (milliseconds on a monotonic clock), so the rules can be
/// checked in virtual time.
///
/// - a file event starts or extends the quiet period; the commit is due once files have been
///   still for `quietPeriod`, or `maxDelay` after the first event, whichever comes first;
/// - a commit is followed by a network step (fetch, merge, push) unless retries are backing
///   off; a network step is also due every `fetchInterval`, and a full scan every
///   `rescanInterval`;
/// - while the remote is unreachable (or a cycle fails), retries back off 1 s, 2 s, 4 s … up to
///   `maxBackoff`; a refused login or certificate waits `refusalRetryInterval`;
/// - a request of `kaleido sync` (`SyncRequests`) makes a full cycle due at once, whatever the
///   quiet period, the fetch interval or the backoff say: the consultant is waiting for it.
struct DaemonSchedule: Equatable {
    /// The settings' timings in milliseconds (the shared config may change them at each cycle).
    struct Timings: Equatable {
        var quietPeriod: Int64
        var maxDelay: Int64
        var fetchInterval: Int64
        var rescanInterval: Int64
        var maxBackoff: Int64

        /// The timings of `settings` (already raised to their floors by `SyncSettings`).
        init(_ settings: SyncSettings) {
            quietPeriod = Self.milliseconds(settings.quietPeriod)
            maxDelay = Self.milliseconds(settings.maxDelay)
            fetchInterval = Self.milliseconds(settings.fetchInterval)
            rescanInterval = Self.milliseconds(settings.rescanInterval)
            maxBackoff = Self.milliseconds(settings.maxBackoff)
        }

        /// Whole milliseconds; a billion seconds (31 years) stands for "never", so that sums of
        /// instants cannot overflow whatever a config says.
        static func milliseconds(_ seconds: Double) -> Int64 {
            guard !seconds.isNaN else { return 0 }
            return Int64((min(max(seconds, 0), 1e9) * 1000).rounded())
        }
    }

    /// What a cycle must do: `network`, fetch, merge and push after the commit; `scan`, look
    /// at the working tree (else only the branch's moves are followed).
    struct Step: Equatable {
        var network: Bool
        var scan: Bool
        /// Asked for by `kaleido sync`: the requests are answered with this cycle's result, and
        /// files changed less than a quiet period ago are committed all the same.
        var requested = false

        /// The daemon's first cycle: changes made while no daemon ran are committed at once.
        static let startup = Step(network: true, scan: true)
    }

    /// The wait after the server refused our credentials or we refused its certificate (not
    /// an outage): one failed login per 10 minutes per KB, whatever `daemon.max_backoff` says.
    /// Local commits go on; `kaleido sync` tries at once.
    static let refusalRetryInterval: Int64 = 600_000

    var timings: Timings
    /// The first file event since the last cycle started, and the last one.
    private(set) var firstChange: Int64?
    private(set) var lastChange: Int64?
    /// When the next network step is due.
    private(set) var nextNetwork: Int64 = 0
    /// When the next full scan is due.
    private(set) var nextRescan: Int64
    /// The current wait between network retries; 0 while the remote answers.
    private(set) var backoff: Int64 = 0
    /// Whether a file event arrived since the last scan (else a fetch needs no scan).
    private(set) var dirty = true
    /// When `kaleido sync` asked for a cycle that has not started yet.
    private(set) var requestedAt: Int64?

    /// The schedule of a daemon starting at `now`: a network step is due at once.
    init(timings: Timings, now: Int64) {
        self.timings = timings
        nextRescan = now + timings.rescanInterval
    }

    /// A file changed (not by the daemon's own write) at `now`.
    mutating func fileChanged(at now: Int64) {
        firstChange = firstChange ?? now
        lastChange = now
        dirty = true
    }

    /// `kaleido sync` asked for a cycle at `now`.
    mutating func syncRequested(at now: Int64) {
        requestedAt = requestedAt ?? now
        dirty = true
    }

    /// The step due at `now`, or `nil` when the loop may wait.
    func due(at now: Int64) -> Step? {
        if requestedAt != nil { return Step(network: true, scan: true, requested: true) }
        // Written as `now >= deadline`, the very sums `nextDeadline` returns: a loop woken at
        // its deadline always finds the step due.
        let commitDue = lastChange.map { now >= $0 + timings.quietPeriod } == true
            || firstChange.map { now >= $0 + timings.maxDelay } == true
        let networkDue = now >= nextNetwork
        let rescanDue = now >= nextRescan
        guard commitDue || networkDue || rescanDue else { return nil }
        return Step(network: networkDue || (commitDue && backoff == 0), scan: dirty || rescanDue)
    }

    /// A cycle running `step` starts: the changes so far are its to commit.
    mutating func cycleStarted(_ step: Step) {
        firstChange = nil
        lastChange = nil
        if step.scan { dirty = false }
        if step.requested { requestedAt = nil }
    }

    /// The cycle running `step` ended at `now` with `result` (a thrown error counts as an
    /// outage, whatever the step was).
    mutating func cycleFinished(_ step: Step, result: Result<CycleReport, any Error>, at now: Int64) {
        switch result {
        case .success(let report):
            // Files too recent or still open: no file event may come again (the save was
            // over), so they are looked at once more after a quiet period.
            if !report.busy.isEmpty { fileChanged(at: now) }
            if step.network {
                if report.accessRefusal != nil {
                    backoff = Self.refusalRetryInterval
                } else if report.offline != nil || report.hostKeyRefusal != nil {
                    backoff = nextBackoff
                } else {
                    backoff = 0
                }
                nextNetwork = now + (backoff == 0 ? timings.fetchInterval : backoff)
            }
        case .failure:
            backoff = nextBackoff
            nextNetwork = now + backoff
        }
        if step.scan { nextRescan = now + timings.rescanInterval }
    }

    /// Twice the current wait, at least 1 s and at most `maxBackoff` (itself at least 1 s).
    private var nextBackoff: Int64 {
        min(max(backoff * 2, 1000), max(timings.maxBackoff, 1000))
    }

    /// The instant the loop must wake at, file events aside: the next quiet period's end, the
    /// delay cap, network step or rescan.
    var nextDeadline: Int64 {
        var deadline = min(nextNetwork, nextRescan)
        if let requestedAt { deadline = min(deadline, requestedAt) }
        if let lastChange { deadline = min(deadline, lastChange + timings.quietPeriod) }
        if let firstChange { deadline = min(deadline, firstChange + timings.maxDelay) }
        return deadline
    }
}
