internal import Foundation
internal import Glibc

/// Which known_hosts files Kaleido reads, and the one `kaleido trust-host` writes to: OpenSSH's
/// `UserKnownHostsFile` and `GlobalKnownHostsFile`.
public struct KnownHostsFiles: Hashable, Sendable, Codable {
    /// The user's files; new entries are appended to the first.
    public var user: [String]
    /// The machine's files, read but never written.
    public var global: [String]

    /// Explicit files (a test, or `sync.known_hosts` in the KB config).
    public init(user: [String], global: [String] = KnownHostsFiles.systemFiles) {
        self.user = user
        self.global = global
    }

    /// OpenSSH's defaults: `~/.ssh/known_hosts` and `~/.ssh/known_hosts2`, then
    /// `/etc/ssh/ssh_known_hosts` and `/etc/ssh/ssh_known_hosts2`. `home` is `$HOME`.
    public static func standard(home: String?) -> KnownHostsFiles {
        let base = (home.flatMap { $0.isEmpty ? nil : $0 } ?? Self.passwordHome) + "/.ssh/"
        return KnownHostsFiles(user: [base + "known_hosts", base + "known_hosts2"])
    }

    /// The machine-wide files OpenSSH reads.
    public static let systemFiles = ["/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2"]

    /// The defaults for this process's `$HOME`.
    public static var current: KnownHostsFiles {
        standard(home: ProcessInfo.processInfo.environment["HOME"])
    }

    private static var passwordHome: String {
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return "/root" }
        return String(cString: directory)
    }

    /// The file `kaleido trust-host` appends to.
    public var writable: String { user.first ?? Self.current.user[0] }

    /// Every file, user's first.
    public var all: [String] { user + global }

    /// Reads every file that exists, in order. A file that exists but cannot be read is listed
    /// in `skipped` (line 0), so that a refusal can say why its lines were not seen.
    public func load() -> KnownHosts {
        var known = KnownHosts()
        for path in all {
            guard FileManager.default.fileExists(atPath: path) else { continue }
            guard let data = FileManager.default.contents(atPath: path) else {
                known.skipped.append(SkippedLine(location: KnownHostsLocation(file: path, line: 0), reason: "the file could not be read"))
                continue
            }
            known.append(KnownHosts.parse(String(decoding: data, as: UTF8.self), file: path))
        }
        return known
    }

    /// Appends `line` to `writable`, creating `~/.ssh` (mode 0700) and the file (0600) when
    /// needed, and starting on a new line if the file does not end with one.
    ///
    /// - Throws: `GitError` (class `.os`) with the reason when the file cannot be written.
    public func append(_ line: String) throws {
        let path = writable
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
        } catch {
            throw GitError(code: .generic, errorClass: .os, message: "\(error.localizedDescription)", operation: "create \(folder)")
        }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw GitError(code: .generic, errorClass: .os, message: String(cString: strerror(errno)), operation: "open \(path) to add a host key",
                           hint: "Check the file's permissions, or add the line yourself: \(line)")
        }
        defer { close(descriptor) }
        let existing = FileManager.default.contents(atPath: path) ?? Data()
        let text = (existing.isEmpty || existing.last == UInt8(ascii: "\n") ? "" : "\n") + line + "\n"
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw GitError(code: .generic, errorClass: .os, message: String(cString: strerror(errno)), operation: "write to \(path)")
        }
    }
}
