internal import Glibc
internal import KaleidoKB

/// Watches a working tree with inotify: every folder (new ones too, as they appear), never
/// `.git/` nor ignored folders. Events are read without blocking; the daemon blocks in `wait`
/// (a `poll` on `descriptor` and the stop signal's pipe), so an idle daemon uses no CPU.
///
/// inotify can drop events (queue overflow) and misses changes made before a watch exists:
/// the daemon also rescans the whole tree periodically.
final class Watcher: FileEventSource {
    /// The inotify descriptor to poll.
    let descriptor: Int32
    let root: String
    /// Answers whether a folder (relative path) must not be watched (ignored by git).
    let skipFolder: (String) -> Bool
    private var folders: [Int32: String] = [:]

    /// A changed path, relative to the root; `nil` path after an overflow (rescan everything).
    struct Event: Hashable {
        var path: String?
    }

    private static let mask: UInt32 = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB)
        | UInt32(IN_DELETE_SELF) | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)

    /// `requestFolder`: the folder where `kaleido sync` drops its requests (`SyncRequests`),
    /// watched for files renamed in only; their events are named `SyncRequests.eventPrefix` + name.
    init(root: String, requestFolder: String? = nil, skipFolder: @escaping (String) -> Bool) throws {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw SyncError.io("could not watch \(root) for changes (inotify): \(String(cString: strerror(errno))); raise fs.inotify.max_user_instances")
        }
        self.descriptor = descriptor
        self.root = root
        self.skipFolder = skipFolder
        addTree("")
        if let requestFolder {
            let wd = inotify_add_watch(descriptor, requestFolder, UInt32(IN_MOVED_TO) | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW))
            if wd >= 0 { folders[wd] = String(SyncRequests.eventPrefix.dropLast()) }
        }
    }

    deinit { close(descriptor) }

    /// Number of folders watched.
    var count: Int { folders.count }

    /// Watches `folder` and every folder below it.
    func addTree(_ folder: String) {
        let full = folder.isEmpty ? root : root + "/" + folder
        let wd = inotify_add_watch(descriptor, full, Self.mask)
        guard wd >= 0 else { return }  // vanished meanwhile, or the watch limit: the rescan covers it
        folders[wd] = folder
        guard let directory = opendir(full) else { return }
        defer { closedir(directory) }
        var children: [String] = []
        while let entry = readdir(directory) {
            guard entry.pointee.d_type == UInt8(DT_DIR) else { continue }
            let name = directoryEntryName(entry)
            if name == "." || name == ".." || name == ".git" { continue }
            let path = folder.isEmpty ? name : folder + "/" + name
            if !skipFolder(path) { children.append(path) }
        }
        for child in children { addTree(child) }
    }

    /// Blocks until a file event, a stop signal or the timeout (milliseconds): the only place a
    /// daemon's KB thread waits. Nobody reads the signal pipe, so its byte wakes every thread.
    func wait(timeout: Int64) -> [Event] {
        guard timeout > 0 else { return [] }
        var fds = [pollfd(fd: StopSignal.pipeRead, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        // One millisecond more: woken at the deadline, the loop finds the step due.
        let ready = poll(&fds, nfds_t(fds.count), Int32(min(timeout + 1, 86_400_000)))
        guard ready > 0, fds[1].revents != 0 else { return [] }
        return drain()
    }

    /// Every event queued now (never blocks); new folders are watched on the way.
    func drain() -> [Event] {
        var events: [Event] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            var offset = 0
            let headerSize = MemoryLayout<inotify_event>.size
            while offset + headerSize <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.load(fromByteOffset: offset, as: Int32.self),
                     raw.load(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.load(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + length)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += headerSize + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { events.append(Event(path: nil)); continue }
                if mask & UInt32(IN_IGNORED) != 0 { folders[wd] = nil; continue }
                guard let folder = folders[wd], !name.isEmpty, name != ".git",
                      !WorkingTreeScanner.isScratchName(name) else { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 && !skipFolder(path) {
                    addTree(path)  // files created in it before the watch existed: the cycle's scan sees them
                }
                events.append(Event(path: path))
            }
        }
        return events
    }
}
