internal import Foundation
internal import KaleidoGit
internal import KaleidoWorkspace

/// For each file held back because it does not parse, the blob its text was based on: the
/// tip's version when it started waiting (an empty text: the file was new).
///
/// While a file waits, remote changes to it reach the branch but not the file (it is never
/// overwritten), so its text no longer says which fields the consultant changed. Once it parses
/// it is merged field by field against this base instead of being committed whole over the
/// teammates' edits. Kept durably under `.git/kaleido/`, beside the status: unlike the status,
/// losing it would lose a teammate's edit.
struct WaitingBases: Equatable {
    /// Path → blob id (hex), or "" when the file did not exist at the tip.
    private(set) var bases: [String: String] = [:]

    static func path(gitDirectory: String) -> String {
        (gitDirectory.hasSuffix("/") ? gitDirectory : gitDirectory + "/") + "kaleido/waiting-bases"
    }

    /// Reads the bases; a missing or unreadable file means none (one line: hex or `-`, a space, the path).
    static func load(from file: String) -> WaitingBases {
        var result = WaitingBases()
        guard let data = FileManager.default.contents(atPath: file) else { return result }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            let id = String(line[..<space]), path = String(line[line.index(after: space)...])
            guard id == "-" || ObjectID(hex: id) != nil, !path.isEmpty else { continue }
            result.bases[path] = id == "-" ? "" : id
        }
        return result
    }

    /// Writes the bases durably (fsync, rename); removes the file when none are left.
    func save(to file: String) throws {
        guard !bases.isEmpty else { unlink(file); return }
        let text = bases.sorted { $0.key < $1.key }.map { "\($0.value.isEmpty ? "-" : $0.value) \($0.key)\n" }.joined()
        do { try AtomicFile.write(Array(text.utf8), to: file, mode: 0o644, durable: true) } catch { throw SyncError.io(error.message) }
    }

    /// The base of `path`: `.some(nil)` for a file that was new, `nil` when it is not waiting.
    func base(of path: String) -> ObjectID?? {
        guard let hex = bases[path] else { return nil }
        return .some(hex.isEmpty ? nil : ObjectID(hex: hex))
    }

    /// Records the base of a file that starts waiting; a file already waiting keeps its own.
    mutating func hold(_ path: String, basedOn id: ObjectID?) {
        if bases[path] == nil { bases[path] = id?.hex ?? "" }
    }

    mutating func release(_ path: String) { bases[path] = nil }

    /// Keeps only the paths still waiting.
    mutating func keep(only paths: Set<String>) { bases = bases.filter { paths.contains($0.key) } }
}
