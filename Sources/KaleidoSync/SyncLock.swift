internal import Foundation
internal import Glibc

/// One writer per KB: an exclusive `flock` on `.git/kaleido/lock`, held by the daemon or by
/// `kaleido sync` for as long as it syncs.
///
/// The kernel releases a `flock` when its holder dies, kill -9 included, so a crashed daemon
/// never leaves the lock stuck; the file itself stays (it holds the holder's pid, for people)
/// and is never a sign of a lock by its mere presence. git's own `index.lock` is not involved.
public final class SyncLock {
    private let descriptor: Int32
    /// The lock file's path.
    public let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }  // closing the last descriptor releases the flock

    /// The lock file of the repository whose git folder is `gitDirectory`.
    public static func path(gitDirectory: String) -> String {
        (gitDirectory.hasSuffix("/") ? gitDirectory : gitDirectory + "/") + "kaleido/lock"
    }

    /// Takes the lock, waiting at most `timeout` seconds (0: do not wait); `daemon` marks the
    /// holder as a daemon (`kaleido sync` then asks it to sync instead of waiting: `holder`).
    ///
    /// - Throws: `SyncError.locked` when another process keeps it, naming its pid.
    public static func acquire(gitDirectory: String, timeout: Double = 0, daemon: Bool = false) throws -> SyncLock {
        let path = Self.path(gitDirectory: gitDirectory)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SyncError.io("could not open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                let holder = Self.holder(path: path)
                close(descriptor)
                throw SyncError.locked(
                    "another Kaleido process\(holder.map { " (pid \($0.pid))" } ?? "") is syncing this knowledge base; let it finish, or stop the daemon (`systemctl --user stop kaleido-daemon`)")
            }
            // Only `kaleido sync` waits (a daemon gives up at once): a short sleep is fine there.
            usleep(100_000)
        }
        let pid = Array("\(getpid())\(daemon ? " daemon" : "")\n".utf8)
        ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        return SyncLock(descriptor: descriptor, path: path)
    }

    /// Who took the lock last, as its file says: meaningful only while `isHeld` (the file
    /// outlives its holder).
    public static func holder(gitDirectory: String) -> (pid: Int32, isDaemon: Bool)? {
        holder(path: path(gitDirectory: gitDirectory))
    }

    private static func holder(path: String) -> (pid: Int32, isDaemon: Bool)? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let words = text.split(whereSeparator: \.isWhitespace)
        guard let first = words.first, let pid = Int32(first) else { return nil }
        return (pid, words.dropFirst().first == "daemon")
    }

    /// Whether some process holds the lock now (what `kaleido status` reports as "daemon running").
    public static func isHeld(gitDirectory: String) -> Bool {
        let descriptor = open(path(gitDirectory: gitDirectory), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return false
        }
        return errno == EWOULDBLOCK
    }
}
