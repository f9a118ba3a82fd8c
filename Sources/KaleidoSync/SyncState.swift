public import Foundation
internal import KaleidoWorkspace

/// A file that does not parse, or a record whose id another record file has, so it waits
/// outside the shared branch (a copy is on the wip ref).
public struct WaitingFile: Codable, Hashable, Sendable {
    /// Relative to the KB root.
    public var path: String
    /// 1-based line and column of the error.
    public var line: Int
    public var column: Int
    public var message: String
    /// Teammates' changes to this file brought into the branch but not into the file, which
    /// is never overwritten while it waits ("tn-mun-sfax: 1 change from Alice waiting until your
    /// file parses"); merged field by field once it parses.
    public var heldChanges: String?
    /// For a record held back because its id is another file's: that file (the message says
    /// which id, and what to do).
    public var duplicateOf: String? = nil
    /// The id the two files share, and whether both were new (then the later path waits): for a
    /// front end that words the line in its own language.
    public var duplicateID: String? = nil
    public var duplicateBothNew: Bool? = nil

    /// `path:line:col: message`, as a compiler prints it; `path: message` for a duplicate id.
    public var rendered: String {
        duplicateOf == nil ? "\(path):\(line):\(column): error: \(message)" : "\(path): \(message)"
    }
}

/// What `kaleido status` shows: written by every sync cycle to `.git/kaleido/status.json`,
/// atomically, so a reader never sees half a file. Machine-local: never committed.
public struct SyncState: Codable, Hashable, Sendable {
    /// The last time a cycle reached the remote and left nothing unpushed.
    public var lastSync: Date?
    /// The last time a cycle ran.
    public var lastCycle: Date?
    /// Commits on the branch not yet on the remote (the offline queue), and the reverse.
    public var ahead: Int = 0
    public var behind: Int = 0
    /// Since when the remote has been unreachable; `nil` when it was reached last time.
    public var offlineSince: Date?
    /// What the remote refused (our credentials) or we refused (its certificate), and since
    /// when; `nil` once a cycle gets through.
    public var refusal: AccessRefusal.Kind?
    public var refusedSince: Date?
    /// Why the last cycle could not finish, as a sentence.
    public var lastError: String?
    /// Files that do not parse, not committed to the shared branch.
    public var waiting: [WaitingFile] = []
    /// Conflicts recorded by merges and not resolved yet.
    public var conflicts: [ConflictNote] = []
    /// The branch tip after the last cycle.
    public var head: String?
    /// The process id of the daemon that wrote the state, `nil` for `kaleido sync`.
    public var daemonPID: Int32?
    /// Set while git's index lags behind the branch (a git command held it when the sync
    /// committed): a plain `git commit` then would revert the sync's work. Repaired by the next cycle.
    public var indexBehind: String?
    /// The shared config does not load: the sync runs on the last config that did.
    public var configProblem: ConfigProblem?
    /// The remote commit the last cycle refused (an unsafe path in its tree), until the
    /// remote's tip is safe again.
    public var refusedCommit: RefusedCommit?
    /// When the fetch or push in progress started; `nil` when none runs.
    public var syncingSince: Date?

    public init() {}

    /// The state file of the repository whose git folder is `gitDirectory`.
    public static func path(gitDirectory: String) -> String {
        (gitDirectory.hasSuffix("/") ? gitDirectory : gitDirectory + "/") + "kaleido/status.json"
    }

    /// Reads the state, or an empty state when there is none yet.
    public static func load(from path: String) -> SyncState {
        guard let data = FileManager.default.contents(atPath: path),
              let state = try? decoder.decode(SyncState.self, from: data) else { return SyncState() }
        return state
    }

    /// Writes the state atomically (temporary file and rename); `durable` also syncs it to
    /// disk first (the state is a report, rebuilt by the next cycle: losing it to a power cut
    /// costs nothing, so cycles skip the fsync).
    public func save(to path: String, durable: Bool = true) throws {
        let bytes = Array(try Self.encoder.encode(self))
        do { try AtomicFile.write(bytes, to: path, mode: 0o644, durable: durable) } catch { throw SyncError.io(error.message) }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
