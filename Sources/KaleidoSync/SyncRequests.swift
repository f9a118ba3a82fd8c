internal import Foundation
internal import Glibc
internal import KaleidoWorkspace

/// What `kaleido sync` prints and exits with: the same whether it ran the cycle itself or the
/// daemon ran it at its request.
public struct SyncAnswer: Codable, Equatable, Sendable {
    /// Standard output, standard error, exit status.
    public var output: String
    public var errors: String
    public var status: Int32

    public init(output: String, errors: String, status: Int32) {
        self.output = output
        self.errors = errors
        self.status = status
    }
}

/// `kaleido sync` while the daemon holds the KB: the command asks the daemon to sync now
/// instead of failing on the lock, and prints the answer of the daemon's cycle.
///
/// A request is a file renamed into `.git/kaleido/sync-requests/` (the daemon watches that
/// folder with inotify, beside the working tree: one folder per KB, no pid, no signal); the
/// daemon runs a cycle at once (network, full scan, no quiet period: the consultant says they
/// are done), writes the answer to `.git/kaleido/sync-results/ID.json` and removes the request.
/// The command waits for that file while the daemon holds the lock; a daemon killed meanwhile
/// releases the lock (flock), and the command then syncs by itself.
public enum SyncRequests {
    /// The folder the daemon watches for requests.
    public static func folder(gitDirectory: String) -> String { kaleidoFolder(gitDirectory) + "sync-requests" }
    /// The folder the daemon writes answers to (not watched: an answer is no request).
    static func resultsFolder(gitDirectory: String) -> String { kaleidoFolder(gitDirectory) + "sync-results" }
    /// How the watcher names a request's event: never a working-tree path.
    static let eventPrefix = ".git/kaleido/sync-requests/"

    private static func kaleidoFolder(_ gitDirectory: String) -> String {
        (gitDirectory.hasSuffix("/") ? gitDirectory : gitDirectory + "/") + "kaleido/"
    }

    /// What came of a request.
    public enum Outcome: Equatable, Sendable {
        /// The daemon's cycle ran: print this.
        case answered(SyncAnswer)
        /// The lock was released without an answer (the daemon stopped or was killed): sync directly.
        case daemonGone
        /// No answer within the wait: the request is withdrawn.
        case timedOut
    }

    /// Asks the daemon of the KB whose git folder is `gitDirectory` to sync now and waits for
    /// its answer at most `timeout` seconds, while `isDaemonRunning` says the daemon still holds
    /// the lock.
    ///
    /// - Throws: `SyncError.io` when the request cannot be written.
    public static func ask(gitDirectory: String, timeout: Double, isDaemonRunning: () -> Bool) throws -> Outcome {
        let requests = folder(gitDirectory: gitDirectory)
        let id = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let result = resultsFolder(gitDirectory: gitDirectory) + "/" + id + ".json"
        do {
            try FileManager.default.createDirectory(atPath: requests, withIntermediateDirectories: true)
            // Written aside and renamed in: the daemon sees one event, for a whole file.
            try AtomicFile.write(Array("\(getpid())\n".utf8), to: requests + "/" + id, mode: 0o644, durable: false)
        } catch {
            throw SyncError.io("could not ask the daemon to sync (\(requests)): \(error)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let data = FileManager.default.contents(atPath: result),
               let answer = try? JSONDecoder().decode(SyncAnswer.self, from: data) {
                unlink(result)
                return .answered(answer)
            }
            guard isDaemonRunning() else {
                unlink(requests + "/" + id)
                return .daemonGone
            }
            guard Date() < deadline else {
                unlink(requests + "/" + id)
                return .timedOut
            }
            usleep(50_000)
        }
    }

    /// The requests waiting for an answer, oldest name first.
    static func pending(gitDirectory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder(gitDirectory: gitDirectory))) ?? []
        return names.filter { !WorkingTreeScanner.isScratchName($0) && !$0.hasPrefix(".") }.sorted()
    }

    /// Answers the requests `ids`: the answer first, then the request goes.
    static func answer(_ ids: [String], with answer: SyncAnswer, gitDirectory: String) throws {
        guard !ids.isEmpty else { return }
        let results = resultsFolder(gitDirectory: gitDirectory)
        try FileManager.default.createDirectory(atPath: results, withIntermediateDirectories: true)
        let bytes = Array(try JSONEncoder().encode(answer))
        for id in ids {
            try AtomicFile.write(bytes, to: results + "/" + id + ".json", mode: 0o644, durable: false)
            unlink(folder(gitDirectory: gitDirectory) + "/" + id)
        }
    }
}
