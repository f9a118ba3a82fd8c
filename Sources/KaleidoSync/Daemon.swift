internal import Foundation
internal import Glibc
internal import KaleidoGit
public import Logging

/// `kaleido daemon`: runs the sync cycle of one or more KBs in the foreground, driven by file
/// events and timers, until SIGTERM or SIGINT.
///
/// One thread per KB, each running that KB's loop: one `poll` on its inotify descriptor and the
/// signal pipe, with a timeout that is the next scheduled event (quiet period over, fetch,
/// rescan, retry), so an idle daemon sleeps in the kernel, and a KB whose remote stalls never
/// holds back the others. Each engine (and its `Repository`) is used by its thread only; the
/// main thread waits for them. The schedule, per KB:
/// - a file event (not the daemon's own write) starts or extends the quiet period; the commit
///   happens once files have been still for `quietPeriod`, or `maxDelay` after the first event;
/// - every commit is followed by a fetch, merge and push; a fetch also runs every
///   `fetchInterval`, and a full rescan every `rescanInterval`;
/// - while the remote is unreachable, retries back off exponentially up to `maxBackoff`;
///   after a refused login or certificate, the next try waits `refusalRetryInterval`.
public final class Daemon {
    final class Slot {
        let engine: SyncEngine
        let watcher: Watcher
        let lock: SyncLock
        var firstChange: Double?
        var lastChange: Double?
        var nextNetwork: Double = 0
        var nextRescan: Double
        var backoff: Double = 0
        /// Whether a file event arrived since the last snapshot (else a fetch needs no scan).
        var dirty = true

        init(engine: SyncEngine, watcher: Watcher, lock: SyncLock, now: Double) {
            self.engine = engine
            self.watcher = watcher
            self.lock = lock
            self.nextRescan = now + engine.settings.rescanInterval
        }
    }

    private var slots: [Slot] = []
    /// The wait after the server refused our credentials or we refused its certificate (not
    /// an outage): one failed login per 10 minutes per KB, whatever `daemon.max_backoff` says.
    /// Local commits go on; `kaleido sync` tries at once.
    static let refusalRetryInterval: Double = 600
    private let logger: Logger

    /// Prepares the daemon for the KBs in `settings`: takes each KB's lock and starts watching.
    ///
    /// - Throws: `SyncError.locked` when another daemon already syncs one of them.
    public init(settings: [SyncSettings], merger: (SyncSettings) -> any RecordMerging, logger: Logger) throws {
        self.logger = logger
        StopSignal.install()
        let now = Self.clock()
        for setting in settings {
            let engine = try SyncEngine(settings: setting, merger: merger(setting), logger: logger)
            let lock = try SyncLock.acquire(gitDirectory: engine.gitDirectory)
            engine.daemonPID = getpid()
            engine.settleTime = setting.quietPeriod
            engine.isCancelled = { StopSignal.isRequested }
            engine.configLoader = { try SharedConfig.load(root: setting.root) }
            let watcher = try Watcher(root: setting.root) { path in
                (try? engine.repository.isIgnored(path + "/")) ?? false
            }
            slots.append(Slot(engine: engine, watcher: watcher, lock: lock, now: now))
            logger.info("watching", metadata: ["kb": "\(setting.root)", "folders": "\(watcher.count)", "remote": "\(setting.remote)"])
        }
    }

    /// A monotonic clock in seconds (immune to the wall clock jumping).
    static func clock() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Runs until a stop signal; returns once every KB's thread has finished or abandoned its
    /// step (a transfer in progress is killed within 100 ms: see `ChildTransfer`).
    public func run() {
        let finished = DispatchGroup()
        for slot in slots {
            finished.enter()
            // The slot and its engine move to this thread for good: nothing else touches them.
            let handover = Handover(daemon: self, slot: slot)
            let thread = Thread {
                handover.daemon.loop(handover.slot)
                finished.leave()
            }
            thread.name = "kaleido sync \(slot.engine.settings.root)"
            thread.stackSize = 8 << 20  // as the main thread's: merges recurse into records
            thread.start()
        }
        finished.wait()
        logger.info("stopping on signal")
    }

    /// One KB's loop, on its own thread.
    private func loop(_ slot: Slot) {
        // Changes made while no daemon ran (or before a crash) are committed at once.
        cycle(slot, network: true, scan: true)
        while !StopSignal.isRequested {
            let now = Self.clock()
            let settings = slot.engine.settings
            let commitDue = slot.lastChange.map { now - $0 >= settings.quietPeriod } == true
                || slot.firstChange.map { now - $0 >= settings.maxDelay } == true
            let networkDue = now >= slot.nextNetwork
            let rescanDue = now >= slot.nextRescan
            if commitDue || networkDue || rescanDue {
                cycle(slot, network: networkDue || (commitDue && slot.backoff == 0), scan: slot.dirty || rescanDue)
            }
            guard !StopSignal.isRequested else { break }
            wait(slot, timeout: nextDeadline(slot) - Self.clock())
        }
        try? slot.engine.state.save(to: slot.engine.statePath)
    }

    private func cycle(_ slot: Slot, network: Bool, scan: Bool) {
        let settings = slot.engine.settings
        slot.firstChange = nil
        slot.lastChange = nil
        if scan { slot.dirty = false }
        let start = Self.clock()
        do {
            let report = try slot.engine.runCycle(network: network, scan: scan)
            if !report.busy.isEmpty {
                // No file event may come again (the save was over, only too recent): look at
                // them once more after a quiet period.
                let now = Self.clock()
                slot.firstChange = slot.firstChange ?? now
                slot.lastChange = now
                slot.dirty = true
            }
            if network {
                if let refusal = report.accessRefusal {
                    // A refused password or certificate: at most one attempt per interval.
                    slot.backoff = Self.refusalRetryInterval
                    slot.nextNetwork = Self.clock() + slot.backoff
                    logger.info("retrying later", metadata: ["kb": "\(settings.root)", "in": "\(slot.backoff)s", "because": "\(refusal.kind.label)"])
                } else if report.offline != nil || report.hostKeyRefusal != nil {
                    slot.backoff = min(max(slot.backoff * 2, 1), max(settings.maxBackoff, 1))
                    slot.nextNetwork = Self.clock() + slot.backoff
                    // The engine logged a refusal once as an error; its retries stay quiet.
                    logger.log(level: report.hostKeyRefusal == nil ? .info : .debug, "retrying later",
                               metadata: ["kb": "\(settings.root)", "in": "\(slot.backoff)s", "queued": "\(report.ahead)"])
                } else {
                    slot.backoff = 0
                    slot.nextNetwork = Self.clock() + settings.fetchInterval
                }
            }
        } catch {
            slot.engine.state.lastError = "\(error)"
            try? slot.engine.state.save(to: slot.engine.statePath)
            logger.error("sync failed", metadata: ["kb": "\(settings.root)", "error": "\(error)"])
            slot.backoff = min(max(slot.backoff * 2, 1), max(settings.maxBackoff, 1))
            slot.nextNetwork = Self.clock() + slot.backoff
        }
        if scan { slot.nextRescan = Self.clock() + settings.rescanInterval }
        logger.trace("cycle", metadata: ["kb": "\(settings.root)", "seconds": "\(Self.clock() - start)"])
        absorbOwnWrites(slot)
    }

    /// Reads the events our own writes caused and drops them; anything else counts as an edit.
    private func absorbOwnWrites(_ slot: Slot) {
        let events = slot.watcher.drain()
        record(events, in: slot)
        slot.engine.ownWrites = [:]
    }

    private func record(_ events: [Watcher.Event], in slot: Slot) {
        let now = Self.clock()
        for event in events {
            if let path = event.path, let written = slot.engine.ownWrites[path],
               slot.engine.scanner.file(at: path)?.id == written { continue }
            if let path = event.path, path.hasPrefix(".git/") { continue }
            slot.firstChange = slot.firstChange ?? now
            slot.lastChange = now
            slot.dirty = true
        }
    }

    private func nextDeadline(_ slot: Slot) -> Double {
        let settings = slot.engine.settings
        var deadline = min(slot.nextNetwork, slot.nextRescan)
        if let last = slot.lastChange { deadline = min(deadline, last + settings.quietPeriod) }
        if let first = slot.firstChange { deadline = min(deadline, first + settings.maxDelay) }
        return deadline
    }

    /// Blocks until a file event of `slot`'s KB, a signal or the timeout: the only place a KB's
    /// thread waits. Nobody reads the signal pipe, so its byte wakes every thread.
    private func wait(_ slot: Slot, timeout: Double) {
        guard timeout > 0 else { return }
        var fds = [pollfd(fd: StopSignal.pipeRead, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: slot.watcher.descriptor, events: Int16(POLLIN), revents: 0)]
        let milliseconds = timeout.isFinite ? Int32(min(timeout * 1000 + 1, 86_400_000)) : -1
        let ready = poll(&fds, nfds_t(fds.count), milliseconds)
        guard ready > 0, fds[1].revents != 0 else { return }
        record(slot.watcher.drain(), in: slot)
    }
}

/// A KB's slot handed to its thread: after the hand-over only that thread uses the slot and
/// its engine, and the daemon's shared fields (`slots`, `logger`) are never written again.
private struct Handover: @unchecked Sendable {
    let daemon: Daemon
    let slot: Daemon.Slot
}
