public import KaleidoGit
public import Foundation
public import KaleidoKB

/// Everything one KB's sync needs to know: where, which branch and remote, who commits, the
/// daemon's timings and the credentials.
///
/// Read from `.kaleido/config.yaml` (KaleidoKB's `KBConfig`, which checks every key, those only
/// sync uses too: `remote`, `daemon.rescan_interval`, `daemon.max_backoff`, `sync.ssh_key`,
/// `sync.known_hosts`, `sync.timeout`)
/// and from the environment (`KALEIDO_SSH_KEY`, a machine-local key file;
/// `KALEIDO_SSH_KEY_PASSPHRASE_COMMAND`, a command printing its passphrase, else git config's
/// `kaleido.sshKeyPassphraseCommand`; `KALEIDO_TOKEN` for https; `KALEIDO_KNOWN_HOSTS`, the
/// user's known_hosts files, colon-separated).
public struct SyncSettings: Sendable {
    /// The KB root (the working tree of its git repository), without a trailing slash.
    public var root: String
    /// The shared branch, e.g. "main".
    public var branch: String
    /// The remote's name in the repository, e.g. "origin".
    public var remote: String
    /// The records' folder relative to the root, e.g. "knowledge".
    public var knowledgeFolder: String
    /// The commit identity from the KB config, used when git's `user.name`/`user.email` are unset.
    public var fallbackName: String?
    public var fallbackEmail: String?
    /// Seconds of stillness before a commit.
    public var quietPeriod: Double
    /// Seconds after the first change by which a commit happens even if edits continue.
    public var maxDelay: Double
    /// Seconds between fetches while nothing happens locally.
    public var fetchInterval: Double
    /// Seconds between full rescans of the working tree (watchers miss events).
    public var rescanInterval: Double
    /// The longest wait between retries while the remote is unreachable.
    public var maxBackoff: Double
    /// How to authenticate to the remote.
    public var credentials: Credentials
    /// Where an ssh server's host key must be found: OpenSSH's files by default.
    public var knownHosts: KnownHostsFiles
    /// Seconds a transfer may go without progress before it is abandoned and the cycle ends
    /// offline (`sync.timeout`, default 30). Only a `.childProcess` transfer can be abandoned.
    public var timeout: Double = 30
    /// Where fetches and pushes run: `.inProcess` by default; the `kaleido` commands use a
    /// child process, which `timeout` and cancellation can stop whatever the server does.
    public var transfer: TransferMode = .inProcess

    /// The shortest quiet period the daemon honours, in seconds.
    public static let minimumQuietPeriod = 0.05
    /// The shortest fetch, rescan and backoff intervals the daemon honours, in seconds.
    public static let minimumInterval = 1.0

    /// Settings with defaults for `root`; the config's timings are raised to their floors.
    public init(root: String, config: KBConfig = KBConfig()) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.branch = config.branch
        self.remote = config.remote
        self.knowledgeFolder = config.knowledgeFolder
        self.fallbackName = config.authorName
        self.fallbackEmail = config.authorEmail
        // Floors, since the config comes from whoever can push: `fetch_interval: 0` would make
        // every daemon of the team poll the server and the disk without pause.
        self.quietPeriod = max(config.quietPeriod, Self.minimumQuietPeriod)
        self.maxDelay = max(config.maxDelay, quietPeriod)
        self.fetchInterval = max(config.fetchInterval, Self.minimumInterval)
        self.rescanInterval = max(config.rescanInterval, Self.minimumInterval)
        self.maxBackoff = max(config.maxBackoff, Self.minimumInterval)
        self.timeout = max(config.syncTimeout, Self.minimumInterval)
        self.credentials = Credentials()
        self.knownHosts = .current
    }

    /// The settings of `config` (a checked config: see `KBConfig`) for the KB at `root`,
    /// completed from the environment.
    public init(root: String, config: KBConfig, environment: [String: String]) {
        self.init(root: root, config: config)
        let home = environment["HOME"]
        knownHosts = .standard(home: home)
        if let key = config.sshKey { credentials.sshKeyPath = Self.expand(key, root: self.root, home: home) }
        if let paths = config.knownHosts { knownHosts.user = paths.map { Self.expand($0, root: self.root, home: home) } }
        // Machine-local files (and tests' scratch files) win over the shared config.
        if let files = environment["KALEIDO_KNOWN_HOSTS"], !files.isEmpty {
            knownHosts.user = files.split(separator: ":").map(String.init)
        }
        // A machine-local key (the config file is shared by the team) wins over the config's.
        if let key = environment["KALEIDO_SSH_KEY"], !key.isEmpty { credentials.sshKeyPath = key }
        if let token = environment["KALEIDO_TOKEN"], !token.isEmpty { credentials.token = token }
        if let command = environment["KALEIDO_SSH_KEY_PASSPHRASE_COMMAND"], !command.isEmpty {
            credentials.sshPassphraseCommand = command
        }
    }

    /// Reads the settings of the KB at `root`. The sync itself goes through `SharedConfig`,
    /// which falls back to the last config that loaded.
    ///
    /// - Throws: `SyncError.configuration` when the config file does not parse or a value is
    ///   wrong (`.kaleido/config.yaml:LINE:COL: error: …`).
    public static func load(root: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SyncSettings {
        do {
            let kb = try KnowledgeBase.open(root: root, fileSystem: LocalFileSystem())
            return SyncSettings(root: root, config: kb.config, environment: environment)
        } catch {
            throw SyncError.configuration(error.diagnostic.description)
        }
    }

    /// `~/x` → `$HOME/x`; a relative path is relative to the KB root.
    static func expand(_ path: String, root: String, home: String?) -> String {
        if path.hasPrefix("~/"), let home { return home + path.dropFirst(1) }
        if path.hasPrefix("/") { return path }
        return root + "/" + path
    }

    /// The full name of the shared branch.
    public var branchReference: String { "refs/heads/" + branch }
    /// The remote-tracking reference fetch moves.
    public var trackingReference: String { "refs/remotes/\(remote)/\(branch)" }
    /// The local ref holding files that do not parse, so nothing typed is lost.
    public var wipReference: String { "refs/kaleido/wip/" + branch }
}
