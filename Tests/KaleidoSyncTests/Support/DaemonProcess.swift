import Foundation
import Glibc

/// A real `kaleido daemon --kb DIR` process, its standard error kept in a log file.
final class DaemonProcess {
    let process = Process()
    let logPath: String

    init(kb: String, scratch: Scratch, extraArguments: [String] = []) throws {
        logPath = kb + ".daemon.log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try log.seekToEnd()
        process.executableURL = URL(fileURLWithPath: KaleidoBinary.path)
        process.arguments = ["daemon", "--kb", kb, "--log-level", "debug"] + extraArguments
        process.environment = scratch.environment
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// SIGTERM, then waits for the exit (the daemon finishes its step and exits 0).
    @discardableResult
    func stop() -> Int32 {
        // Stop a daemon that is up (its handlers installed, its KBs watched), as a user would:
        // right after a start on a loaded machine the signal could land before the handler.
        let deadline = Date().addingTimeInterval(15)
        while process.isRunning, !log.contains("watching"), Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(pid, SIGTERM) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// SIGKILL: no chance to clean up.
    func kill9() {
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    deinit { if process.isRunning { kill(pid, SIGKILL); process.waitUntilExit() } }
}
