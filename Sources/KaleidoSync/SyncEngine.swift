internal import Foundation
internal import Glibc
public import KaleidoGit
internal import KaleidoYAML
public import Logging

/// What one cycle did, for `kaleido sync`'s output and the daemon's log.
public struct CycleReport: Sendable {
    /// The first lines of the commits made from local edits.
    public var committed: [String] = []
    /// Whether remote commits were brought in (merge or fast-forward).
    public var broughtIn = false
    /// Whether a merge commit was made.
    public var merged = false
    /// Files of the working tree rewritten with the merge's result.
    public var updatedFiles: [String] = []
    /// Whether the branch was pushed.
    public var pushed = false
    /// Why the remote could not be reached, when it could not.
    public var offline: String?
    /// The ssh server's host key was not trusted: nothing was fetched or pushed, local commits
    /// wait, and the user must check the key (`kaleido trust-host`).
    public var hostKeyRefusal: HostKeyRefusal?
    /// The server refused our credentials, or its certificate is not trusted: not offline;
    /// local commits wait until the user fixes the password or the CA settings.
    public var accessRefusal: AccessRefusal?
    /// Commits waiting to be pushed after the cycle (the offline queue).
    public var ahead = 0
    /// Files that do not parse, not committed.
    public var waiting: [WaitingFile] = []
    /// Conflicts this cycle's merges recorded.
    public var conflicts: [ConflictNote] = []
    /// How many times the cycle started over because a file changed while it merged.
    public var restarts = 0
    /// Files another program was still writing (or, for the daemon, changed less than a quiet
    /// period ago): not committed this time; the daemon runs another cycle once they settle.
    public var busy: [String] = []
    /// The shared config does not load: the cycle ran with the last config that did.
    public var configProblem: ConfigProblem?
    /// The remote commit refused because its tree holds an unsafe path: nothing was brought in.
    public var refused: RefusedCommit?
    /// Remote commits not brought in after the cycle.
    public var behind = 0
}

/// The sync cycle of one KB (MERGE.md, "The sync cycle"): snapshot, fetch, merge in memory,
/// update the working tree without overwriting a file changed since the snapshot, push.
///
/// Never leaves MERGE_HEAD, a rebase or conflict markers; never touches `index.lock` when a
/// user holds it; every reference move is a compare-and-swap, so a crash at any instant leaves
/// a valid repository and every typed edit either committed or still in the working tree.
///
/// **Threading.** Confined to one thread, like its `Repository`. One engine per KB per process;
/// between processes, `SyncLock` keeps one writer.
public final class SyncEngine {
    /// The settings of the cycles; `configLoader` replaces them at each cycle.
    public internal(set) var settings: SyncSettings
    /// Reads the shared config again at the start and the end of each cycle (the daemon and
    /// `kaleido sync` pass `SharedConfig.load`), so a config brought in by a merge takes effect
    /// and a bad one is reported; nil: the settings given at init, always.
    public var configLoader: (() throws -> SharedConfig.Loaded)?
    let repository: Repository
    let scanner: WorkingTreeScanner
    let merger: any RecordMerging
    /// Where the engine logs, one line per event.
    public var logger: Logger
    /// The state shown by `kaleido status`, saved after every cycle.
    public internal(set) var state: SyncState
    /// Checked between steps and during transfers: `true` stops the cycle cleanly.
    public var isCancelled: @Sendable () -> Bool = { false }
    /// Files the engine wrote to the working tree, with the ids written, so that a watcher can
    /// tell its own writes from the user's.
    public internal(set) var ownWrites: [String: ObjectID] = [:]
    /// The process id recorded in the state (the daemon's), or `nil`.
    public var daemonPID: Int32?
    /// How the daemon answers `kaleido sync` with a cycle's result (the command's own rendering).
    public var answerRequest: ((Result<CycleReport, any Error>) -> SyncAnswer)?
    let statePath: String
    let cachePath: String
    /// The tip the last full snapshot left the working tree equal to (but for the waiting
    /// files): while neither the tip nor any file stat changes, a snapshot has nothing to do.
    var lastCleanSnapshot: (tip: ObjectID?, waiting: [WaitingFile])?
    /// The host key refusal last logged: a daemon retrying logs it once, not at every retry.
    var loggedRefusal: HostKeyRefusal?
    /// Seconds a changed file must have been still before it is committed (the daemon's quiet
    /// period; 0 for `kaleido sync`, which the consultant runs once done). A file another
    /// program has open for writing is never committed nor replaced, whatever this says.
    public var settleTime: Double = 0
    /// The versions the waiting files' texts are based on (durable: see `WaitingBases`).
    var waitingBases: WaitingBases
    let waitingBasesPath: String
    /// The config problem last logged, for the same reason.
    var loggedConfigProblem: ConfigProblem?
    /// Runs fetches and pushes; `nil`: as `settings.transfer` says, with `settings.timeout`
    /// (both read at each transfer, so a reloaded config's timeout applies).
    public var transfer: (any RemoteTransfer)?

    /// Opens the KB's repository and the saved state. `merger` merges the records both sides
    /// changed: `DefaultMerger.make(for: settings)` outside tests.
    ///
    /// - Throws: `SyncError.repository` when the root is not a git working tree.
    public init(settings: SyncSettings, merger: any RecordMerging, logger: Logger = Logger(label: "kaleido.sync")) throws {
        self.settings = settings
        do { repository = try Repository.open(at: settings.root) } catch {
            throw SyncError.repository("\(settings.root) is not a git repository: run `git init` or `git clone` there first (\(error))")
        }
        guard !repository.isBare else { throw SyncError.repository("\(settings.root) is a bare repository: sync needs a working tree") }
        self.merger = merger
        self.logger = logger
        statePath = SyncState.path(gitDirectory: repository.gitDirectory)
        cachePath = repository.gitDirectory + "kaleido/stat-cache"
        state = SyncState.load(from: statePath)
        scanner = WorkingTreeScanner(root: settings.root)
        scanner.load(from: cachePath)
        waitingBasesPath = WaitingBases.path(gitDirectory: repository.gitDirectory)
        waitingBases = WaitingBases.load(from: waitingBasesPath)
        if let clean = scanner.cleanTip {
            lastCleanSnapshot = (clean == "none" ? nil : ObjectID(hex: clean), state.waiting)
        }
        let repository = self.repository
        scanner.isIgnored = { path in (try? repository.isIgnored(path)) ?? false }
    }

    /// The git folder (`…/.git/`), where machine-local state lives.
    public var gitDirectory: String { repository.gitDirectory }

    /// Whether `path` is a record file: YAML under the knowledge folder.
    public func isRecord(_ path: String) -> Bool {
        path.hasPrefix(settings.knowledgeFolder + "/") && Self.isYAML(path)
    }

    static func isYAML(_ path: String) -> Bool { path.hasSuffix(".yaml") || path.hasSuffix(".yml") }

    /// Runs one cycle; the caller must hold the KB's `SyncLock`. With `network` false, only the snapshot (the daemon's commit step when it
    /// knows it is offline).
    ///
    /// `scan: false` tells the engine that nothing in the working tree changed since its last
    /// snapshot (the daemon knows it from inotify): the snapshot is then skipped, unless the
    /// branch moved. The daemon's periodic rescan passes `true`, since watchers miss events.
    public func runCycle(network: Bool = true, scan: Bool = true) throws -> CycleReport {
        var report = CycleReport()
        do {
            try followConfig(&report)
            try cycle(network: network, scan: scan, &report)
        } catch {
            // `kaleido status` says why the last cycle stopped, whoever ran it.
            state.lastError = "\(error)"
            finish(&report)
            throw error
        }
        finish(&report)
        return report
    }

    private func cycle(network: Bool, scan: Bool, _ report: inout CycleReport) throws {
        // The caller holds the KB's SyncLock: locks of a killed sync can be recovered safely.
        let recovered = StaleLocks.recover(gitDirectory: repository.gitDirectory, settings: settings)
        for path in recovered {
            logger.notice("removed a stale lock left by a killed sync", metadata: ["kb": "\(settings.root)", "file": "\(path)"])
        }
        // The killed sync's index write never happened: bring git's index back to HEAD, so
        // that `git status` shows the consultant's real changes, not the sync's last commit.
        repairIndexIfBehind(force: StaleLocks.removedIndexLock(recovered))
        for attempt in 0..<8 {
            report.restarts = attempt
            let snapshot = try takeSnapshot(scan: scan || attempt > 0)
            if let summary = snapshot.summary {
                report.committed.append(summary)
                logger.info("committed", metadata: ["kb": "\(settings.root)", "commit": "\(summary)"])
            }
            report.waiting = snapshot.waiting
            report.conflicts += snapshot.conflicts
            report.busy = snapshot.busy.sorted()
            guard network, !isCancelled() else { return }
            do {
                try transferring { try remoteTransfer.fetch(repository, remote: settings.remote, options: transferOptions) }
            } catch let refusal as HostKeyRefusal {
                refused(&report, refusal); return
            } catch {
                if let unreadable = unreadableRemote(error) { throw unreadable }
                offline(&report, error); return
            }
            guard !isCancelled() else { return }
            switch try integrate(snapshot, into: &report) {
            case .restart:
                logger.notice("a file changed while merging; starting over", metadata: ["kb": "\(settings.root)"])
                continue
            case .done:
                break
            case .refused:
                return
            }
            guard let tip = try repository.resolveReference(settings.branchReference) else { return }
            let remoteTip = try repository.resolveReference(settings.trackingReference)
            if remoteTip == tip { markOnline(&report); return }
            guard !isCancelled() else { return }
            if let url = try repository.remoteURL(settings.remote) {
                for path in StaleLocks.recoverRemote(url: url, branch: settings.branch) {
                    logger.notice("removed a stale lock in the remote left by a killed push", metadata: ["kb": "\(settings.root)", "file": "\(path)"])
                }
            }
            let outcome: PushOutcome
            do {
                outcome = try transferring {
                    try remoteTransfer.push(repository, remote: settings.remote, localReference: settings.branchReference,
                                            remoteReference: settings.branchReference, options: transferOptions)
                }
            } catch let refusal as HostKeyRefusal {
                refused(&report, refusal); return
            } catch {
                offline(&report, error); return
            }
            switch outcome {
            case .pushed:
                report.pushed = true
                logger.info("pushed", metadata: ["kb": "\(settings.root)", "head": "\(tip.hex.prefix(10))"])
                markOnline(&report)
                return
            case .rejected(let reason) where reason.contains("lock"):
                // The remote's branch is locked (another push in progress, or a stale lock):
                // not a divergence, retry later with the offline backoff.
                offline(&report, SyncError.io("the remote branch is locked: \(reason)"))
                return
            case .rejected(let reason):
                logger.notice("push rejected, fetching again", metadata: ["kb": "\(settings.root)", "reason": "\(reason)"])
                continue
            }
        }
        state.lastError = "the cycle started over 8 times (files keep changing, or the remote keeps moving); the next cycle will try again"
        return
    }

    var transferOptions: TransferOptions {
        TransferOptions(credentials: settings.credentials, isCancelled: isCancelled, knownHosts: settings.knownHosts)
    }

    /// The server's host key is not trusted: a security matter for the user, not a network
    /// outage, so it is logged as an error, once per distinct refusal.
    private func refused(_ report: inout CycleReport, _ refusal: HostKeyRefusal) {
        report.hostKeyRefusal = refusal
        if loggedRefusal != refusal {
            loggedRefusal = refusal
            logger.error("ssh host key refused; nothing fetched or pushed, commits wait in the local queue",
                         metadata: ["kb": "\(settings.root)", "error": "\(refusal)"])
        }
        state.lastError = refusal.description
    }

    private func offline(_ report: inout CycleReport, _ error: any Error) {
        if let gitError = error as? GitError, gitError.code.rawValue == -7 /* GIT_EUSER: cancelled */ {
            return
        }
        if let refusal = AccessRefusal(error) { refusedAccess(&report, refusal); return }
        state.refusal = nil
        let message = "\(error)"
        report.offline = message
        if state.offlineSince == nil {
            state.offlineSince = Date()
            logger.warning("remote unreachable; commits wait in the local queue", metadata: ["kb": "\(settings.root)", "error": "\(message)"])
        }
        state.lastError = message
    }

    private func markOnline(_ report: inout CycleReport) {
        loggedRefusal = nil
        if state.offlineSince != nil {
            logger.info("remote reachable again", metadata: ["kb": "\(settings.root)"])
        }
        state.offlineSince = nil
        state.refusal = nil
        state.refusedSince = nil
        state.lastError = nil
        state.lastSync = Date()
    }

    private func finish(_ report: inout CycleReport) {
        try? followConfig(&report)  // a config the cycle brought in is checked (and reported) now
        state.lastCycle = Date()
        // After the merge: the teammates' changes a waiting file holds back are the tip's.
        let tip = try? repository.resolveReference(settings.branchReference)
        state.waiting = report.waiting.map { file in
            var file = file
            if let base = waitingBases.base(of: file.path) { file.heldChanges = heldChanges(file.path, base: base, tip: tip ?? nil) }
            return file
        }
        state.daemonPID = daemonPID
        state.indexBehind = access(indexBehindMarker, F_OK) == 0
            ? "git's index is behind the last commit (another git command held it); the next cycle repairs it: do not `git commit` by hand until then"
            : nil
        if let tip = try? repository.resolveReference(settings.branchReference) {
            state.head = tip.hex
            if let remote = try? repository.resolveReference(settings.trackingReference),
               let counts = try? repository.aheadBehind(local: tip, upstream: remote) {
                (state.ahead, state.behind) = counts
            } else {
                state.ahead = (try? repository.commits(from: tip).count) ?? 0
                state.behind = 0
            }
        }
        report.ahead = state.ahead
        report.behind = state.behind
        state.conflicts = openConflicts(state.conflicts + report.conflicts)
        scanner.save(to: cachePath)
        do { try state.save(to: statePath, durable: false) } catch {
            logger.error("could not save the status file", metadata: ["error": "\(error)"])
        }
    }

    /// Keeps the conflicts still open: a record whose file still holds `_conflicts`, a sibling
    /// copy that still exists. Each conflict is listed once.
    private func openConflicts(_ notes: [ConflictNote]) -> [ConflictNote] {
        var seen: Set<String> = []
        return notes.filter { note in
            guard seen.insert(note.path + "|" + note.kind.rawValue + "|" + (note.sibling ?? "")).inserted else { return false }
            switch note.kind {
            case .file:
                return note.sibling.map { FileManager.default.fileExists(atPath: settings.root + "/" + $0) } ?? false
            case .fields:
                guard let bytes = scanner.read(note.path), let root = try? YAMLParser().parseDocument(bytes).root else { return false }
                return root["_conflicts"].map { !($0.items?.isEmpty ?? true) } ?? false
            case .deleted:
                // "deleted on one side, edited on the other" is reported by the cycle and the log;
                // the edit was kept, there is nothing left to resolve.
                return false
            }
        }
    }
}
