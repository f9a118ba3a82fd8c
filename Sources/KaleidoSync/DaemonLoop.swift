internal import Logging

/// One KB's loop in the daemon: ask the schedule what is due, run it, tell the schedule how it
/// went, then wait for file events until the schedule's next deadline. `Daemon` runs one per
/// KB, each on its own thread, with the real clock, watcher and engine; tests run the same loop
/// with doubles in virtual time.
///
/// **Threading.** Confined to one thread, like the runner it drives.
final class DaemonLoop {
    let runner: any SyncCycleRunner
    let events: any FileEventSource
    let clock: any MonotonicClock
    /// Whether a stop was asked for (the real daemon: `StopSignal.isRequested`).
    let stopRequested: () -> Bool
    let logger: Logger
    private(set) var schedule: DaemonSchedule

    /// A loop for `runner`, scheduled from `clock`'s current time.
    init(runner: any SyncCycleRunner, events: any FileEventSource, clock: any MonotonicClock,
         stopRequested: @escaping () -> Bool, logger: Logger) {
        self.runner = runner
        self.events = events
        self.clock = clock
        self.stopRequested = stopRequested
        self.logger = logger
        schedule = DaemonSchedule(timings: .init(runner.settings), now: clock.now)
    }

    /// Runs until a stop is asked for; saves the runner's state on the way out.
    func run() {
        cycle(.startup)
        while !stopRequested() {
            if let step = schedule.due(at: clock.now) { cycle(step) }
            guard !stopRequested() else { break }
            record(events.wait(timeout: schedule.nextDeadline - clock.now))
        }
        runner.saveState()
    }

    private func cycle(_ step: DaemonSchedule.Step) {
        let root = runner.settings.root
        schedule.cycleStarted(step)
        // Requests made before the cycle starts are its to answer (the first cycle answers those
        // made while the daemon started); a later one makes another cycle due.
        let requests = step.requested || step == .startup ? runner.pendingSyncRequests() : []
        let start = clock.now
        let result = Result { try runner.runCycle(network: step.network, scan: step.scan, settle: !step.requested) }
        schedule.cycleFinished(step, result: result, at: clock.now)
        runner.answerSyncRequests(requests, with: result)
        let retryIn = "\(Double(schedule.backoff) / 1000)s"
        switch result {
        case .success(let report) where step.network:
            if let refusal = report.accessRefusal {
                logger.info("retrying later", metadata: ["kb": "\(root)", "in": "\(retryIn)", "because": "\(refusal.kind.label)"])
            } else if report.offline != nil || report.hostKeyRefusal != nil {
                // The engine logged a refusal once as an error; its retries stay quiet.
                logger.log(level: report.hostKeyRefusal == nil ? .info : .debug, "retrying later",
                           metadata: ["kb": "\(root)", "in": "\(retryIn)", "queued": "\(report.ahead)"])
            }
        case .success:
            break
        case .failure(let error):
            runner.recordFailure(error)
            logger.error("sync failed", metadata: ["kb": "\(root)", "error": "\(error)"])
        }
        // The cycle may have read a new shared config: its timings apply from now on.
        schedule.timings = .init(runner.settings)
        logger.trace("cycle", metadata: ["kb": "\(root)", "seconds": "\(Double(clock.now - start) / 1000)"])
        absorbOwnWrites()
    }

    /// Reads the events the cycle's own writes caused and drops them; anything else counts as
    /// an edit.
    private func absorbOwnWrites() {
        record(events.drain())
        runner.forgetOwnWrites()
    }

    private func record(_ changes: [Watcher.Event]) {
        let now = clock.now
        for change in changes {
            if let path = change.path, path.hasPrefix(SyncRequests.eventPrefix) {
                schedule.syncRequested(at: now)
                continue
            }
            if let path = change.path, path.hasPrefix(".git/") || runner.isOwnWrite(path) { continue }
            schedule.fileChanged(at: now)
        }
    }
}
