internal import Foundation
internal import Glibc
public import Logging

/// `kaleido daemon`: runs the sync cycle of one or more KBs in the foreground, driven by file
/// events and timers, until SIGTERM or SIGINT.
///
/// One thread per KB, each running that KB's `DaemonLoop`: one `poll` on its inotify
/// descriptor and the signal pipe, with a timeout that is the next scheduled event (quiet
/// period over, fetch, rescan, retry: the rules are `DaemonSchedule`'s), so an idle daemon
/// sleeps in the kernel, and a KB whose remote stalls never holds back the others. Each engine
/// (and its `Repository`) is used by its thread only; the main thread waits for them.
public final class Daemon {
    /// Each KB's loop, with the lock that keeps other syncs out while it runs.
    private var loops: [(loop: DaemonLoop, lock: SyncLock)] = []
    private let logger: Logger

    /// Prepares the daemon for the KBs in `settings`: takes each KB's lock and starts watching.
    ///
    /// - Throws: `SyncError.locked` when another daemon already syncs one of them.
    /// `answerRequest` renders a cycle's result for a `kaleido sync` that asked for it (see
    /// `SyncRequests`): the command's own rendering, so that both ways print the same.
    public init(settings: [SyncSettings], merger: (SyncSettings) -> any RecordMerging, logger: Logger,
                answerRequest: ((Result<CycleReport, any Error>) -> SyncAnswer)? = nil) throws {
        self.logger = logger
        StopSignal.install()
        let clock = SystemClock()
        for setting in settings {
            let engine = try SyncEngine(settings: setting, merger: merger(setting), logger: logger)
            let lock = try SyncLock.acquire(gitDirectory: engine.gitDirectory, daemon: true)
            engine.daemonPID = getpid()
            engine.answerRequest = answerRequest
            let requests = SyncRequests.folder(gitDirectory: engine.gitDirectory)
            try? FileManager.default.createDirectory(atPath: requests, withIntermediateDirectories: true)
            engine.settleTime = setting.quietPeriod
            engine.isCancelled = { StopSignal.isRequested }
            engine.configLoader = { try SharedConfig.load(root: setting.root) }
            let watcher = try Watcher(root: setting.root, requestFolder: requests, skipFolder: engine.isIgnoredFolder)
            let loop = DaemonLoop(runner: engine, events: watcher, clock: clock,
                                  stopRequested: { StopSignal.isRequested }, logger: logger)
            loops.append((loop, lock))
            logger.info("watching", metadata: ["kb": "\(setting.root)", "folders": "\(watcher.count)", "remote": "\(setting.remote)"])
        }
    }

    /// Runs until a stop signal; returns once every KB's thread has finished or abandoned its
    /// step (a transfer in progress is killed within 100 ms: see `ChildTransfer`).
    public func run() {
        let finished = DispatchGroup()
        for (loop, _) in loops {
            finished.enter()
            // The loop and its engine move to this thread for good: nothing else touches them.
            let handover = Handover(loop: loop)
            let thread = Thread {
                handover.loop.run()
                finished.leave()
            }
            thread.name = "kaleido sync \(loop.runner.settings.root)"
            thread.stackSize = 8 << 20  // as the main thread's: merges recurse into records
            thread.start()
        }
        finished.wait()
        logger.info("stopping on signal")
    }
}

/// A KB's loop handed to its thread: after the hand-over only that thread uses the loop and
/// its engine, watcher and clock.
private struct Handover: @unchecked Sendable {
    let loop: DaemonLoop
}
