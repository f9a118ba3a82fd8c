internal import Foundation

#if canImport(Glibc)
public import Glibc
#elseif canImport(Darwin)
public import Darwin
#endif

/// The one way Kaleido replaces a file (a record, a config, the index cache, the daemon's
/// state): a reader (an editor, another command, a crash) sees the old or the new content,
/// never half of it. The bytes go to a temporary file in the same folder, then `rename`.
///
/// Temporary files are named `.NAME.kaleido-tmp-PID`: the sync's scanner and watcher skip such
/// names (`isTemporaryName`), and remove those of dead processes. Files of the working tree
/// whose paths come from remote trees go through the sync's `WorkingTreeWriter`, which never
/// follows a symlink, with the same temporary names.
public enum AtomicFile {
    /// The temporary name used beside a file named `name`.
    public static func temporaryName(for name: String) -> String {
        "." + name + ".kaleido-tmp-\(getpid())"
    }

    /// The temporary path used beside `path`.
    public static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        return String(path[..<slash]) + temporaryName(for: String(path[slash...]))
    }

    /// Whether a file name is one of these temporary files (of any process).
    public static func isTemporaryName(_ name: String) -> Bool {
        name.contains(".kaleido-tmp")
    }

    /// The process id in a temporary file's name, or nil when the name is not one.
    public static func writerProcess(ofTemporaryName name: String) -> Int32? {
        guard let range = name.range(of: ".kaleido-tmp-") else { return nil }
        return Int32(name[range.upperBound...])
    }

    /// Writes `bytes` to `path` whole or not at all, creating missing folders.
    /// - Parameters:
    ///   - mode: the file's permissions; nil keeps those of the file replaced (git checks out
    ///     files 0644 or 0755), 0644 for a new file.
    ///   - durable: `fsync` before the rename, so that a power cut cannot leave an empty file
    ///     under the new name (the daemon's state, records); off for caches.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t? = nil, durable: Bool = true) throws(WorkspaceError) {
        try prepare([bytes], for: path, mode: mode, durable: durable).commit()
    }

    /// Writes `sections` one after the other (never joined in memory) as the file `path`.
    public static func write(sections: [[UInt8]], to path: String, mode: mode_t? = nil, durable: Bool = true) throws(WorkspaceError) {
        try prepare(sections, for: path, mode: mode, durable: durable).commit()
    }

    /// Creates `path` with `bytes`, whole or not at all, and only if nothing is there: the
    /// temporary file is hard-linked to the target (`link` fails when the target exists, even
    /// one created a moment ago by someone else), then removed.
    public static func createNew(_ bytes: [UInt8], at path: String) throws(WorkspaceError) {
        let pending = try prepare([bytes], for: path, mode: nil, durable: false, creatingFolders: false)
        defer { pending.discard() }
        guard link(pending.temporary, path) == 0 else {
            throw .io(errno == EEXIST ? "\(path) already exists; nothing was written" : "cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// The whole content of `path`.
    public static func read(_ path: String) throws(WorkspaceError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io("cannot read \(path): no such file or not readable")
        }
        return Array(data)
    }

    /// A written temporary file, not yet renamed over its target: the caller may check one
    /// last time that the target did not change, then `commit()` or `discard()`.
    public struct Pending: Sendable {
        public let temporary: String
        public let target: String

        /// Renames the temporary file over the target (removed when that fails).
        public func commit() throws(WorkspaceError) {
            guard rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw .io("cannot replace \(target): \(reason)")
            }
        }

        /// Removes the temporary file.
        public func discard() { unlink(temporary) }
    }

    /// Writes `sections` to the temporary file beside `path` (see `write`), not yet renamed.
    public static func prepare(_ sections: [[UInt8]], for path: String, mode: mode_t? = nil, durable: Bool = true,
                               creatingFolders: Bool = true) throws(WorkspaceError) -> Pending {
        if creatingFolders {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        }
        let temporary = temporaryPath(for: path)
        var existing = stat()
        let kept: mode_t? = mode == nil && stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : nil
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, kept ?? mode ?? 0o644)
        guard descriptor >= 0 else {
            throw .io("cannot write \(temporary): \(String(cString: strerror(errno)))")
        }
        // The umask applies to a new file's mode, not to the permissions of the file replaced.
        var ok = kept.map { fchmod(descriptor, $0) == 0 } ?? true
        for section in sections where ok { ok = writeAll(section, to: descriptor) }
        let synced = !durable || fsync(descriptor) == 0
        let closed = close(descriptor) == 0
        guard ok && synced && closed else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .io("cannot write \(path): \(reason)")
        }
        return Pending(temporary: temporary, target: path)
    }

    /// Writes all of `bytes` to `descriptor`, retrying short and interrupted writes.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var written = 0
        return bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return true }
            while written < buffer.count {
                let count = systemWrite(descriptor, base + written, buffer.count - written)
                if count < 0 { if errno == EINTR { continue }; return false }
                written += count
            }
            return true
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
