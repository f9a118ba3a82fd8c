import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress report on stderr, shown only on a terminal and only once the work has
/// taken more than a second (fast runs stay quiet, and pipes and CI logs never see it).
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let started = Date()
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var shown = false

    init(label: String) {
        self.label = label
    }

    /// Reports progress; safe from any thread.
    func update(_ done: Int, of total: Int) {
        guard isTerminal, Date().timeIntervalSince(started) > 1 else { return }
        lock.withLock {
            shown = true
            StandardError.write("\r\(label) \(done)/\(total) files…")
        }
    }

    /// Clears the line if it was shown.
    func finish() {
        lock.withLock {
            if shown { StandardError.write("\r\u{1B}[K") }
            shown = false
        }
    }
}

/// The process's current directory.
enum FileManagerCWD {
    static var path: String { FileManager.default.currentDirectoryPath }
}
