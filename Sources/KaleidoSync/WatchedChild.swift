internal import Foundation
internal import Glibc

/// glibc's `pipe2` (declared under _GNU_SOURCE, which Swift's Glibc module does not set).
@_silgen_name("pipe2")
private func pipe2(_ descriptors: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+, also under _GNU_SOURCE).
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32) -> Int32

/// A child process whose standard output is its heartbeat: started with `posix_spawn`, given
/// its input on a pipe, then watched in 100 ms slices until it ends, stops writing for longer
/// than the stall timeout, or the caller cancels. A stalled or cancelled child is killed with
/// SIGKILL and reaped before `run` returns, so no child outlives the call.
struct WatchedChild {
    /// How the child ended.
    enum Ending {
        /// It exited (`status` is the raw `waitpid` status); `output` is all it wrote.
        case exited(status: Int32, output: [UInt8])
        /// It wrote nothing for the stall timeout: killed.
        case stalled
        /// `isCancelled` answered true: killed.
        case cancelled
    }

    let executable: String
    let arguments: [String]
    /// Seconds without a byte on standard output after which the child is abandoned.
    let stallTimeout: Double

    /// Starts the child, writes `input` to its standard input, and watches it.
    ///
    /// - Throws: `SyncError.io` when the child cannot be started.
    func run(input: [UInt8], isCancelled: () -> Bool) throws -> Ending {
        // O_CLOEXEC from the start: children other threads start meanwhile must not inherit
        // our ends (a held write end would hide this child's end of file).
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1]
        guard pipe2(&toChild, O_CLOEXEC) == 0 else { throw SyncError.io("could not create a pipe: \(String(cString: strerror(errno)))") }
        guard pipe2(&fromChild, O_CLOEXEC) == 0 else {
            close(toChild[0]); close(toChild[1])
            throw SyncError.io("could not create a pipe: \(String(cString: strerror(errno)))")
        }
        let pid: pid_t
        do { pid = try spawn(stdin: toChild[0], stdout: fromChild[1]) } catch {
            for fd in toChild + fromChild { close(fd) }
            throw error
        }
        close(toChild[0])
        close(fromChild[1])
        let output = fromChild[0]
        defer { close(output) }
        // The request is a few hundred bytes, far below a pipe's buffer: this write does not
        // block. A child already dead gives EPIPE, seen below as its end without an answer.
        Self.writeWithoutSIGPIPE(toChild[1], input)
        close(toChild[1])

        var received: [UInt8] = []
        var lastProgress = Self.clock()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if isCancelled() { return Self.kill(pid, .cancelled) }
            if Self.clock() - lastProgress > stallTimeout { return Self.kill(pid, .stalled) }
            var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 100)
            guard ready > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if count > 0 {
                received += buffer[0..<count]
                lastProgress = Self.clock()
            } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                break  // end of file: the child is exiting
            }
        }
        // The child closed its output; give it the stall timeout to exit, as any other wait.
        let deadline = Self.clock() + max(stallTimeout, 1)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if isCancelled() { return Self.kill(pid, .cancelled) }
            if Self.clock() > deadline { return Self.kill(pid, .stalled) }
            usleep(10_000)
        }
        // A stop signal sent to the whole group (systemd stopping the service, Ctrl-C) may kill
        // the child first: that is the caller's cancellation, not a failed transfer.
        if status & 0x7f != 0, isCancelled() { return .cancelled }
        return .exited(status: status, output: received)
    }

    private func spawn(stdin: Int32, stdout: Int32) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The caller's thread may block signals (a test runner's threads block SIGTERM): the
        // child starts with none blocked, so it can be stopped like any process.
        var empty = sigset_t(), defaults = sigset_t()
        sigemptyset(&empty)
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        // Nothing else the parent holds without FD_CLOEXEC (a lock, the socket Foundation's
        // `Process` watches to see that its child exited) may outlive it in a transfer. Closed
        // before exec: after it, the runtime has descriptors of its own.
        _ = addCloseFrom(&actions, 3)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard result == 0 else {
            throw SyncError.io("could not start \(executable) \(arguments.first ?? ""): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// Writes `bytes` with SIGPIPE blocked on this thread and a pending one discarded: `kaleido`
    /// ignores SIGPIPE, but a library user's process may not, and a dead child must not kill it.
    private static func writeWithoutSIGPIPE(_ fd: Int32, _ bytes: [UInt8]) {
        var pipeSignal = sigset_t(), previous = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                break
            }
            offset += written
        }
        guard sigismember(&previous, SIGPIPE) == 0 else { return }
        var pending = sigset_t()
        sigpending(&pending)
        if sigismember(&pending, SIGPIPE) == 1 {
            var now = timespec()
            _ = sigtimedwait(&pipeSignal, nil, &now)
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }

    private static func kill(_ pid: pid_t, _ ending: Ending) -> Ending {
        Glibc.kill(pid, SIGKILL)
        var status: Int32 = 0
        let deadline = clock() + 1
        while clock() < deadline {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid || (reaped < 0 && errno != EINTR) { return ending }
            usleep(5_000)
        }
        // Still there: stuck in the kernel (a file system that does not honour SIGKILL yet).
        // A thread of its own reaps it whenever it goes; the caller does not wait for it.
        Thread {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }.start()
        return ending
    }

    /// A monotonic clock in seconds.
    static func clock() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
