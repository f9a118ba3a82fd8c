internal import Glibc

/// SIGTERM and SIGINT as a flag and a readable pipe, so that the daemon's `poll` wakes up and
/// the current step can finish or abandon cleanly (libgit2 transfers check the flag).
public enum StopSignal {
    nonisolated(unsafe) private static var requested: sig_atomic_t = 0
    nonisolated(unsafe) private(set) static var pipeRead: Int32 = -1
    nonisolated(unsafe) private static var pipeWrite: Int32 = -1

    /// Whether a stop signal arrived.
    public static var isRequested: Bool { requested != 0 }

    /// Installs the handlers (once, before the daemon's loop).
    public static func install() {
        guard pipeRead < 0 else { return }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        pipeRead = fds[0]
        pipeWrite = fds[1]
        var action = sigaction()
        // The handler only does async-signal-safe things: store a flag, write one byte.
        action.__sigaction_handler.sa_handler = { _ in
            StopSignal.requested = 1
            var byte: UInt8 = 1
            _ = Glibc.write(StopSignal.pipeWrite, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with these signals blocked (the mask is inherited):
        // a daemon that cannot be stopped is worse than one that stops.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGTERM)
        sigaddset(&unblock, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        // A closed ssh pipe must not kill the daemon; the failed write is reported as an error.
        signal(SIGPIPE, SIG_IGN)
    }
}
