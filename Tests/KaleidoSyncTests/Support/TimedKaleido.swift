import Foundation
import Glibc

/// A `kaleido` process started in the background, its output in files (no pipe a lingering
/// grandchild could hold open), with a limit after which the test kills it instead of hanging.
final class TimedKaleido {
    let process = Process()
    let started = Date()
    private let outputPath: String
    private let errorsPath: String

    init(_ args: [String], in folder: String, scratch: Scratch) throws {
        let unique = UUID().uuidString.prefix(8)
        outputPath = scratch.path("kaleido-\(unique).out")
        errorsPath = scratch.path("kaleido-\(unique).err")
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorsPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: KaleidoBinary.path)
        process.arguments = args
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = scratch.environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorsPath))
        try process.run()
    }

    /// What the finished (or killed) process left.
    struct Result {
        /// The exit code; `nil` when a signal ended it (or the test killed it at the limit).
        var exitCode: Int32?
        var signal: Int32?
        var seconds: Double
        var timedOut: Bool
        var output: String
        var errors: String
    }

    /// Waits up to `limit` seconds, then kills the process; the time is measured from the start.
    func wait(limit: Double) -> Result {
        let deadline = started.addingTimeInterval(limit)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        let timedOut = process.isRunning
        if timedOut { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(started)
        let byExit = process.terminationReason == .exit
        return Result(
            exitCode: byExit && !timedOut ? process.terminationStatus : nil,
            signal: byExit ? nil : process.terminationStatus, seconds: seconds, timedOut: timedOut,
            output: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
            errors: (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? "")
    }

    static func run(_ args: String..., in folder: String, scratch: Scratch, limit: Double = 30) throws -> Result {
        try TimedKaleido(args, in: folder, scratch: scratch).wait(limit: limit)
    }
}

/// The pids of live `kaleido __transfer` processes whose label (their last argument) starts
/// with `prefix`, read from /proc.
func transferChildren(labelled prefix: String) -> [Int32] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { entry -> Int32? in
        guard let pid = Int32(entry),
              let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
        let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        guard arguments.count >= 3, arguments[1] == "__transfer", arguments[2].hasPrefix(prefix) else { return nil }
        // A zombie (exited, not reaped) has an empty cmdline; a live child does not.
        return pid
    }
}
