internal import Foundation
internal import Glibc

/// Watches the bytes this process's sockets have not yet had acknowledged (the kernel's send
/// queues, `SIOCOUTQ`) and calls `onChange` whenever their total changes.
///
/// libgit2 writes a push's pack into the socket far faster than a slow link carries it: the
/// kernel buffers megabytes, libgit2 then waits for the server's answer without calling back,
/// and only the draining queue shows the transfer is alive. A dead peer acknowledges nothing,
/// so its queue stays still and the stall watchdog still fires.
final class SendQueueWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var running = true

    /// Starts sampling every 100 ms on a thread of its own, until `stop`.
    init(onChange: @escaping @Sendable () -> Void) {
        Thread { [self] in
            var last = Self.unsentBytes()
            while lock.withLock({ running }) {
                usleep(100_000)
                let now = Self.unsentBytes()
                if now != last { onChange() }
                last = now
            }
        }.start()
    }

    func stop() { lock.withLock { running = false } }

    /// The unacknowledged bytes of every socket this process has open.
    static func unsentBytes() -> Int {
        let folder = "/proc/self/fd"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return 0 }
        var total = 0
        for entry in entries {
            guard let fd = Int32(entry),
                  let target = try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + entry),
                  target.hasPrefix("socket:") else { continue }
            var queued: Int32 = 0
            // SIOCOUTQ (0x5411, as TIOCOUTQ): fails harmlessly on a socket that is not TCP.
            if ioctl(fd, 0x5411, &queued) == 0 { total += Int(queued) }
        }
        return total
    }
}
