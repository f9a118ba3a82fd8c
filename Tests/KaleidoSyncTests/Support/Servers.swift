import Foundation
import Glibc

/// A TCP socket bound to 127.0.0.1 at a port the kernel picks, listening when `backlog` is given.
func loopbackSocket(listening backlog: Int32? = nil) throws -> (descriptor: Int32, port: UInt16) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw -> Int32 in
            guard bind(fd, raw, length) == 0, backlog.map({ listen(fd, $0) == 0 }) ?? true else { return -1 }
            return getsockname(fd, raw, &length)
        }
    }
    guard bound == 0 else {
        let reason = String(cString: strerror(errno))
        close(fd)
        throw CommandFailed(description: "could not bind 127.0.0.1: \(reason)")
    }
    return (fd, UInt16(bigEndian: address.sin_port))
}

/// A TCP port on 127.0.0.1 that nobody listens on right now (bind to port 0, read it, close).
func freePort() throws -> UInt16 {
    let (fd, port) = try loopbackSocket()
    close(fd)
    return port
}

/// `git daemon` serving every repository of the scratch folder on 127.0.0.1, pushes allowed.
func gitDaemon(_ scratch: Scratch) throws -> (server: ServerProcess, port: UInt16) {
    let port = try freePort()
    let server = try ServerProcess(
        "/usr/lib/git-core/git-daemon",
        ["--enable=receive-pack", "--base-path=\(scratch.root)", "--export-all", "--reuseaddr",
         "--listen=127.0.0.1", "--port=\(port)", scratch.root],
        port: port, log: scratch.path("git-daemon.log"), environment: scratch.environment)
    return (server, port)
}

/// Whether something accepts connections on 127.0.0.1:`port`.
func isListening(_ port: UInt16) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = port.bigEndian
    return withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
    }
}

/// A server process started by a test (git daemon, sshd), stopped with SIGTERM.
///
/// Started with `posix_spawn` and an empty signal mask: the test runner's threads block
/// SIGTERM and SIGCHLD, and a child started by Foundation's `Process` inherits that mask, so
/// a git daemon would neither stop on SIGTERM nor reap its children.
final class ServerProcess {
    let pid: pid_t
    let port: UInt16
    let logPath: String
    private var exited = false

    init(_ executable: String, _ arguments: [String], port: UInt16, log: String, environment: [String: String]) throws {
        self.port = port
        logPath = log
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), defaults = sigset_t()
        sigemptyset(&empty)
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGCHLD, SIGPIPE, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw CommandFailed(description: "could not start \(executable): \(String(cString: strerror(result)))") }
        self.pid = pid
        guard eventually(timeout: 10, { isListening(port) }) else {
            stop()
            throw CommandFailed(description: "\(executable) did not listen on \(port): \(self.log)")
        }
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    func stop() {
        guard !exited else { return }
        exited = true
        kill(pid, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<100 {
            if waitpid(pid, &status, WNOHANG) == pid { return }
            usleep(50_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
    }

    deinit { stop() }
}
