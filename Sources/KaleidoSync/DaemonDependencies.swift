internal import Glibc

// What a `DaemonLoop` needs from the world, each behind a small protocol: the real daemon
// passes `SystemClock`, `Watcher` and `SyncEngine`; tests pass a virtual clock, scripted file
// events and scripted cycle reports, and check the timing rules to the millisecond.

/// A clock that never goes back (immune to the wall clock jumping).
protocol MonotonicClock: AnyObject {
    /// Milliseconds since an arbitrary origin.
    var now: Int64 { get }
}

/// `CLOCK_MONOTONIC`.
final class SystemClock: MonotonicClock {
    var now: Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }
}

/// Where file events come from: the real one is `Watcher` (inotify).
protocol FileEventSource: AnyObject {
    /// Blocks until file events arrive, a stop signal or `timeout` milliseconds passed (at
    /// once when `timeout` is not positive); returns the events that arrived, if any.
    func wait(timeout: Int64) -> [Watcher.Event]
    /// Every event queued now, without blocking.
    func drain() -> [Watcher.Event]
}

/// The sync cycle the daemon drives for one KB, and the questions it asks git between cycles:
/// the real one is `SyncEngine`.
protocol SyncCycleRunner: AnyObject {
    /// The current settings; a cycle may change them (the shared config is read at each cycle).
    var settings: SyncSettings { get }
    /// Runs one cycle (see `SyncEngine.runCycle(network:scan:)`); `settle` false commits files
    /// changed less than a quiet period ago too (a cycle `kaleido sync` asked for).
    func runCycle(network: Bool, scan: Bool, settle: Bool) throws -> CycleReport
    /// The `kaleido sync` requests waiting for an answer (see `SyncRequests`).
    func pendingSyncRequests() -> [String]
    /// Answers the requests `ids` with the result of the cycle that ran for them.
    func answerSyncRequests(_ ids: [String], with result: Result<CycleReport, any Error>)
    /// Whether the file at `path` (relative to the root) holds what the last cycle wrote there:
    /// its file event is the daemon's own write, not an edit.
    func isOwnWrite(_ path: String) -> Bool
    /// Forgets the last cycle's writes, once their events were read.
    func forgetOwnWrites()
    /// Whether git ignores `folder` (relative to the root): the watcher does not watch it.
    func isIgnoredFolder(_ folder: String) -> Bool
    /// Records a cycle that threw, for `kaleido status`.
    func recordFailure(_ error: any Error)
    /// Saves the state `kaleido status` prints (the loop ends).
    func saveState()
}

extension SyncEngine: SyncCycleRunner {
    func runCycle(network: Bool, scan: Bool, settle: Bool) throws -> CycleReport {
        let kept = settleTime
        if !settle { settleTime = 0 }
        defer { settleTime = kept }
        return try runCycle(network: network, scan: scan)
    }

    func pendingSyncRequests() -> [String] { SyncRequests.pending(gitDirectory: gitDirectory) }

    func answerSyncRequests(_ ids: [String], with result: Result<CycleReport, any Error>) {
        guard !ids.isEmpty else { return }
        let answer = answerRequest?(result) ?? SyncAnswer(output: "", errors: "kaleido: the daemon cannot answer sync requests\n", status: 1)
        do { try SyncRequests.answer(ids, with: answer, gitDirectory: gitDirectory) } catch {
            logger.error("could not answer kaleido sync", metadata: ["kb": "\(settings.root)", "error": "\(error)"])
        }
    }

    func isOwnWrite(_ path: String) -> Bool {
        guard let written = ownWrites[path] else { return false }
        return scanner.file(at: path)?.id == written
    }

    func forgetOwnWrites() { ownWrites = [:] }

    func isIgnoredFolder(_ folder: String) -> Bool {
        (try? repository.isIgnored(folder + "/")) ?? false
    }

    func recordFailure(_ error: any Error) {
        state.lastError = "\(error)"
        saveState()
    }

    func saveState() { try? state.save(to: statePath) }
}
