public import Foundation
internal import KaleidoGit

/// What `kaleido status` shows: the saved state of the last cycle, completed with what can be
/// read live without a lock (whether a daemon runs, ahead/behind from the refs).
public struct SyncStatus: Codable, Sendable {
    public var root: String
    public var branch: String
    public var remote: String
    public var remoteURL: String?
    public var daemonRunning: Bool
    public var state: SyncState

    /// Reads the status of the KB described by `settings`.
    public static func read(settings: SyncSettings) throws -> SyncStatus {
        let repository: Repository
        do { repository = try Repository.open(at: settings.root) } catch {
            throw SyncError.repository("\(settings.root) is not a git repository: run `git init` or `git clone` there first")
        }
        var state = SyncState.load(from: SyncState.path(gitDirectory: repository.gitDirectory))
        let lockHeld = SyncLock.isHeld(gitDirectory: repository.gitDirectory)
        // A transfer runs only under the lock: without it, the mark is a killed sync's leftover.
        if !lockHeld { state.syncingSince = nil }
        if let tip = try repository.resolveReference(settings.branchReference) {
            state.head = tip.hex
            if let remote = try repository.resolveReference(settings.trackingReference) {
                (state.ahead, state.behind) = try repository.aheadBehind(local: tip, upstream: remote)
            }
        }
        return SyncStatus(
            root: settings.root, branch: settings.branch, remote: settings.remote,
            remoteURL: try repository.remoteURL(settings.remote),
            daemonRunning: lockHeld, state: state)
    }

    /// The text of `kaleido status`.
    public func text(now: Date = Date()) -> String {
        var lines: [String] = []
        lines.append("Knowledge base \(root), branch \(branch), remote \(remote)\(remoteURL.map { " (\($0))" } ?? " (not configured)")")
        lines.append(daemonRunning ? "Daemon: running\(state.daemonPID.map { " (pid \($0))" } ?? "")" : "Daemon: not running")
        lines.append("Last sync: " + (state.lastSync.map { Self.describe($0, now: now) } ?? "never"))
        if let since = state.syncingSince { lines.append("Syncing since \(Self.describe(since, now: now)): a fetch or push is in progress") }
        if let refusal = state.refusal, let since = state.refusedSince {
            lines.append("\(refusal.label.prefix(1).uppercased() + refusal.label.dropFirst()) since \(Self.describe(since, now: now)): \(state.ahead) commit(s) wait to be pushed")
        } else if let since = state.offlineSince {
            lines.append("Offline since \(Self.describe(since, now: now)): \(state.ahead) commit(s) wait to be pushed")
        } else {
            lines.append("Ahead \(state.ahead), behind \(state.behind)")
        }
        if let error = state.lastError { lines.append("Last error: \(error)") }
        if let behind = state.indexBehind { lines.append("Warning: \(behind)") }
        if let problem = state.configProblem {
            lines.append("Config problem (\(problem.origin)); \(ConfigProblem.consequence):")
            lines.append("  " + problem.diagnostic)
        }
        if let refused = state.refusedCommit {
            lines.append("Refused remote commit \(refused.commit) by \(refused.author): '\(refused.path)': \(refused.reason)")
        }
        if !state.waiting.isEmpty {
            lines.append("Waiting, not committed (a copy of each file held back is on refs/kaleido/wip/\(branch)):")
            lines += state.waiting.map { "  " + $0.rendered }
            lines += state.waiting.compactMap { $0.heldChanges.map { "  " + $0 } }
        }
        if !state.conflicts.isEmpty {
            lines.append("Open conflicts:")
            lines += state.conflicts.map { note in
                note.kind == .file ? "  \(note.path): the other version is in \(note.sibling ?? "?")" : "  \(note.path): \(note.detail)"
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ date: Date, now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date))
        let ago = seconds < 60 ? "\(seconds) s ago" : seconds < 3600 ? "\(seconds / 60) min ago" : "\(seconds / 3600) h ago"
        return ISO8601DateFormatter().string(from: date) + " (\(ago))"
    }
}
