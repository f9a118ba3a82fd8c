internal import Glibc

/// Whether another program has a working-tree file open for writing, asked of the kernel: a
/// read lease (`F_SETLEASE`, `F_RDLCK`) is granted only while nobody holds the file open for
/// writing. An editor that truncates a file and writes it in several chunks holds it open from
/// the first to the last: committing it in between would commit half a save, and renaming a
/// merge over it would send the rest of the save to an unlinked file.
///
/// While the lease is held, a program opening the file for writing waits (the kernel breaks
/// the lease, signalling us with SIGIO, which is ignored) until it is released: hold it across
/// the read of a file to commit, or across the rename over a file, then let it go at once.
final class ReadLease {
    private let descriptor: Int32

    enum Outcome {
        /// Nobody writes the file; the lease holds until this value goes away.
        case granted(ReadLease)
        /// Another program has it open for writing: leave it alone for now.
        case busy
        /// No file there, or the file system does not give leases (NFS, another owner's file):
        /// nothing is known either way.
        case unknown
    }

    /// `F_SETLEASE` (F_LINUX_SPECIFIC_BASE + 0): glibc declares it only under _GNU_SOURCE,
    /// which Swift's Glibc module does not see.
    private static let setLease: Int32 = 1024

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit {
        _ = fcntl(descriptor, Self.setLease, Int32(F_UNLCK))
        close(descriptor)
    }

    /// Asks for a read lease on the regular file at `path` (never through a symlink).
    static func take(_ path: String) -> Outcome {
        _ = ignoreLeaseBreaks
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .unknown }
        if fcntl(descriptor, setLease, Int32(F_RDLCK)) == 0 { return .granted(ReadLease(descriptor: descriptor)) }
        let reason = errno
        close(descriptor)
        return reason == EAGAIN || reason == EBUSY ? .busy : .unknown
    }

    /// A lease break is announced with SIGIO, whose default action ends the process.
    private static let ignoreLeaseBreaks: Void = { signal(SIGIO, SIG_IGN); () }()
}
