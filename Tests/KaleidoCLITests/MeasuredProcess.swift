import Foundation
import Glibc
import KaleidoTestSupport

/// Runs the built `kaleido` as a real process and measures it: exit code, output, wall time
/// and peak resident memory.
///
/// The peak comes from `/usr/bin/time -f %M`, not from our own `wait4`: Linux carries a
/// process's `ru_maxrss` across `exec` from the memory it had before, and a child spawned by
/// this (large) test process starts with the test process's pages, so `wait4` here would
/// report the test runner's size. `time` is small, so its child's figure is kaleido's own.
struct MeasuredProcess {
    var exitCode: Int32
    var stdout: String
    var stderr: String
    var peakMemoryKilobytes: Int
    var duration: Duration

    /// The `kaleido` executable next to the test bundle (both are build products).
    static var kaleido: URL? { ChildProcess.builtExecutable("kaleido", levels: 3) }

    /// Runs `executable` with `arguments`, its output captured in files of `scratch`.
    static func run(_ executable: URL, _ arguments: [String], scratch: URL) throws -> MeasuredProcess {
        let outPath = scratch.appendingPathComponent("stdout").path
        let errPath = scratch.appendingPathComponent("stderr").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let memoryPath = scratch.appendingPathComponent("peak-memory").path
        let timer = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: timer) else {
            throw POSIXError(.ENOENT, userInfo: [NSLocalizedDescriptionKey: "\(timer) is missing: run scripts/bootstrap --test"])
        }
        let argv = ([timer, "-f", "%M", "-o", memoryPath, executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, timer, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EINVAL) }
        }
        let duration = clock.now - start
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        // time exits with the command's status, or 128 + the signal that ended it.
        let exitCode = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        // The file's last line is %M; a line before it says how the command ended.
        let memory = (try? String(contentsOfFile: memoryPath, encoding: .utf8)) ?? ""
        let peak = memory.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
        return MeasuredProcess(
            exitCode: exitCode,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
            peakMemoryKilobytes: peak,
            duration: duration)
    }
}

/// A fresh directory for one test, removed afterwards.
func withScratchDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    try TestFiles.withTemporaryFolder(prefix: "kaleido-cli-", body)
}
