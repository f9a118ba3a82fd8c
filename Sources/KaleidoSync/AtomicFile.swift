internal import Foundation
internal import Glibc

/// Writes files so that a reader (an editor, `kaleido status`, a crash) sees either the old or
/// the new content, never half of it: a temporary file in the same folder, `fsync`, `rename`.
/// For Kaleido's own files under `.git/kaleido/`; files of the working tree, whose paths come
/// from remote trees, go through `WorkingTreeWriter`, which never follows a symlink.
enum AtomicFile {
    /// The temporary name used beside `path`; the scanner and the watcher skip such names.
    static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        return String(path[..<slash]) + "." + path[slash...] + ".kaleido-tmp-\(getpid())"
    }

    /// Writes `bytes` to `path` atomically, creating missing folders; `mode` as `chmod` takes.
    static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644, durable: Bool = true) throws {
        try prepare(bytes, for: path, mode: mode, durable: durable).commit()
    }

    /// A written and synced temporary file, not yet renamed over its target: the caller may
    /// check one last time that the target did not change, then `commit()` or `discard()`.
    struct Pending {
        let temporary: String
        let target: String

        func commit() throws {
            guard rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw SyncError.io("could not replace \(target): \(reason)")
            }
        }

        func discard() { unlink(temporary) }
    }

    static func prepare(_ bytes: [UInt8], for path: String, mode: mode_t = 0o644, durable: Bool = true) throws -> Pending {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw SyncError.io("could not write \(temporary): \(String(cString: strerror(errno)))")
        }
        let ok = writeAll(bytes, to: descriptor)
        // fsync before rename: otherwise a power cut can leave an empty file under the new name.
        let synced = !durable || fsync(descriptor) == 0
        close(descriptor)
        guard ok && synced else {
            unlink(temporary)
            throw SyncError.io("could not write \(path): \(String(cString: strerror(errno)))")
        }
        return Pending(temporary: temporary, target: path)
    }

    /// Writes all of `bytes` to `descriptor`, retrying short and interrupted writes.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var written = 0
        return bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return true }
            while written < buffer.count {
                let count = Glibc.write(descriptor, base + written, buffer.count - written)
                if count < 0 { if errno == EINTR { continue }; return false }
                written += count
            }
            return true
        }
    }
}
