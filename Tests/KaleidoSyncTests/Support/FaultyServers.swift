import Foundation
import Glibc

/// Closes a TCP connection with a reset (SO_LINGER 0): the peer's next read or write fails,
/// as when a server is killed or a router drops the connection.
private func reset(_ fd: Int32) {
    var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
    close(fd)
}

/// A server on 127.0.0.1 that accepts every connection and never sends a byte, holding the
/// connections open until `stop`: a git, ssh or https server that hung after `accept`.
final class SilentServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var held: [Int32] = []
    private var stopped = false

    init() throws {
        (listener, port) = try loopbackSocket(listening: 64)
        let thread = Thread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 { if errno == EINTR { continue } else { return } }
                lock.withLock {
                    if stopped { close(client) } else { held.append(client) }
                }
            }
        }
        thread.start()
    }

    /// How many connections it accepted so far.
    var accepted: Int { lock.withLock { held.count } }

    func stop() {
        let connections: [Int32] = lock.withLock {
            guard !stopped else { return [] }
            stopped = true
            return held
        }
        shutdown(listener, Int32(SHUT_RDWR))  // wakes the blocked accept
        close(listener)
        connections.forEach { close($0) }
    }

    deinit { stop() }
}

/// A TCP relay on 127.0.0.1 to an upstream port that forwards, per connection, `limit` bytes
/// (both directions together) and then resets both sides: a server dying mid-transfer at a
/// chosen moment. With a `pause`, it sleeps that long after each chunk of at most 16 KiB: a
/// slow link that still makes progress.
final class FaultyRelay: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let upstream: UInt16
    private let lock = NSLock()
    private var limitValue: Int
    private var pauseValue = 0.0
    private var cutCount = 0
    private var stopped = false

    init(upstream: UInt16, limit: Int) throws {
        self.upstream = upstream
        limitValue = limit
        (listener, port) = try loopbackSocket(listening: 64)
        let thread = Thread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 { if errno == EINTR { continue } else { return } }
                let budget = self.limit
                Thread { self.relay(client, budget: budget) }.start()
            }
        }
        thread.start()
    }

    /// The byte budget of the next connections.
    var limit: Int {
        get { lock.withLock { limitValue } }
        set { lock.withLock { limitValue = newValue } }
    }

    /// Seconds slept after each chunk forwarded.
    var pause: Double {
        get { lock.withLock { pauseValue } }
        set { lock.withLock { pauseValue = newValue } }
    }

    /// How many connections were cut so far.
    var cuts: Int { lock.withLock { cutCount } }

    private func relay(_ client: Int32, budget: Int) {
        let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = upstream.bigEndian
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { reset(client); close(server); return }
        var forwarded = 0
        var open = [true, true]  // client → server, server → client
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while open[0] || open[1] {
            var fds = [pollfd(fd: client, events: Int16(open[0] ? POLLIN : 0), revents: 0),
                       pollfd(fd: server, events: Int16(open[1] ? POLLIN : 0), revents: 0)]
            guard poll(&fds, 2, 10_000) > 0 else { break }
            for (index, (from, to)) in [(client, server), (server, client)].enumerated() where open[index] && fds[index].revents != 0 {
                let wanted = min(buffer.count, budget - forwarded)
                let count = buffer.withUnsafeMutableBytes { recv(from, $0.baseAddress, wanted, 0) }
                if count <= 0 {
                    open[index] = false
                    shutdown(to, Int32(SHUT_WR))
                    continue
                }
                var sent = 0
                while sent < count {
                    let written = buffer.withUnsafeBytes { send(to, $0.baseAddress! + sent, count - sent, Int32(MSG_NOSIGNAL)) }
                    if written <= 0 { break }
                    sent += written
                }
                forwarded += count
                let pause = self.pause
                if pause > 0 { usleep(UInt32(pause * 1_000_000)) }
                if forwarded >= budget {
                    lock.withLock { cutCount += 1 }
                    reset(client)
                    reset(server)
                    return
                }
            }
        }
        close(client)
        close(server)
    }

    func stop() {
        lock.withLock { stopped = true }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    deinit { stop() }
}
