public import Foundation

/// What a finished child process left: its exit status and everything it wrote.
public struct ProcessOutput: Sendable {
    /// The exit status (or, for a process ended by a signal, the signal's number, as
    /// `Process.terminationStatus` gives it).
    public var status: Int32
    /// Everything written to standard output, as bytes.
    public var standardOutput: Data
    /// Everything written to standard error, as bytes.
    public var standardError: Data

    /// Standard output decoded as UTF-8 (invalid bytes replaced).
    public var stdout: String { String(decoding: standardOutput, as: UTF8.self) }
    /// Standard error decoded as UTF-8 (invalid bytes replaced).
    public var stderr: String { String(decoding: standardError, as: UTF8.self) }
}

/// Runs real programs for the tests (git, the built `kaleido`, python3, openssl…) and waits
/// for them, their whole output captured.
///
/// Standard output is read on the calling thread, standard error and standard input on
/// threads of their own, all before waiting: a child that fills one pipe while the test reads
/// another can never block. Each test target keeps its own wrapper with the environment its
/// tests need (a fixed `HOME`, `GIT_CONFIG_NOSYSTEM`, `KALEIDO_NOW`…).
public enum ChildProcess {
    /// Where the child's standard input comes from.
    public enum Input: Sendable {
        /// The test process's own standard input (what `Process` does by default).
        case inherited
        /// `/dev/null`: the child reads end of file at once.
        case nullDevice
        /// A pipe that receives these bytes, then end of file.
        case bytes(Data)
    }

    /// Runs `executable` with `arguments` and returns its status and output once it has exited.
    ///
    /// - Parameters:
    ///   - executable: an absolute path, or a name looked up on `PATH` (run through `/usr/bin/env`).
    ///   - directory: the child's working directory; nil keeps the test process's.
    ///   - environment: the child's whole environment (see `environment(removing:adding:)`);
    ///     nil passes the test process's on unchanged.
    /// - Throws: when the program cannot be started (a non-zero exit is not an error here).
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], in directory: String? = nil,
                           environment: [String: String]? = nil, input: Input = .inherited) throws -> ProcessOutput {
        let process = Process()
        if executable.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let environment { process.environment = environment }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        var feed: Pipe?
        switch input {
        case .inherited: break
        case .nullDevice: process.standardInput = FileHandle.nullDevice
        case .bytes: feed = Pipe(); process.standardInput = feed
        }
        try process.run()
        var writer: Background<Void>?
        if let feed, case .bytes(let data) = input {
            let handle = feed.fileHandleForWriting
            writer = Background {
                // A child that exits without reading its input is not the test's concern here.
                try? handle.write(contentsOf: data)
                try? handle.close()
            }
        }
        let stderrHandle = errors.fileHandleForReading
        let errorReader = Background { stderrHandle.readDataToEndOfFile() }
        let standardOutput = output.fileHandleForReading.readDataToEndOfFile()
        let standardError = errorReader.wait()
        writer?.wait()
        process.waitUntilExit()
        return ProcessOutput(status: process.terminationStatus, standardOutput: standardOutput, standardError: standardError)
    }

    /// The test process's environment without the variables `drop` selects, then with
    /// `additions` set (so an addition wins over a dropped or inherited variable). `PATH` starts
    /// with the folder of the built `kaleido` (unless `additions` sets `PATH`): git runs the merge
    /// driver `kaleido init` registers as `kaleido merge-driver …`, found on PATH, as a user's
    /// installed one would be.
    public static func environment(removing drop: (String) -> Bool = { _ in false },
                                   adding additions: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !drop($0.key) }
        if let kaleido = builtExecutable("kaleido") {
            let inherited = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
            environment["PATH"] = kaleido.deletingLastPathComponent().path + ":" + inherited
        }
        environment.merge(additions) { $1 }
        return environment
    }

    /// The executable `name` that the build placed next to the test bundle (or up to
    /// `levels - 1` folders above it), or nil when there is none (run `swift build` first).
    public static func builtExecutable(_ name: String, levels: Int = 4) -> URL? {
        let testBinary = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<levels {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}

/// Work on a thread of its own (not the cooperative pool, which blocking reads could starve),
/// and its result once done.
private final class Background<T>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the thread before `done` is signalled, read only after `wait()`.
    private var result: T?

    init(_ work: @escaping @Sendable () -> T) {
        let thread = Thread { [self] in
            result = work()
            done.signal()
        }
        thread.start()
    }

    @discardableResult
    func wait() -> T {
        done.wait()
        // Set before the signal this thread has just received.
        return result!
    }
}
