public import KaleidoGit
public import Foundation
public import KaleidoKB
internal import KaleidoYAML

/// Everything one KB's sync needs to know: where, which branch and remote, who commits, the
/// daemon's timings and the credentials.
///
/// Read from `.kaleido/config.yaml` (KaleidoKB's `KBConfig`, plus the keys only sync reads:
/// `remote`, `daemon.rescan_interval`, `daemon.max_backoff`, `sync.ssh_key`, `sync.known_hosts`)
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

    /// Settings with defaults for `root`.
    public init(root: String, config: KBConfig = KBConfig()) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.branch = config.branch
        self.remote = "origin"
        self.knowledgeFolder = config.knowledgeFolder
        self.fallbackName = config.authorName
        self.fallbackEmail = config.authorEmail
        self.quietPeriod = config.quietPeriod
        self.maxDelay = config.maxDelay
        self.fetchInterval = config.fetchInterval
        self.rescanInterval = 300
        self.maxBackoff = 300
        self.credentials = Credentials()
        self.knownHosts = .current
    }

    /// Reads the settings of the KB at `root`.
    ///
    /// - Throws: `SyncError.configuration` when the config file does not parse or a value has
    ///   the wrong shape.
    public static func load(root: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SyncSettings {
        let kb: KnowledgeBase
        do { kb = try KnowledgeBase.open(root: root, fileSystem: LocalFileSystem()) } catch {
            throw SyncError.configuration("\(error.file): \(error.span.map { "\($0.start): " } ?? "")\(error.message)")
        }
        var settings = SyncSettings(root: root, config: kb.config)
        settings.knownHosts = .standard(home: environment["HOME"])
        if let bytes = FileManager.default.contents(atPath: root + "/" + KBConfig.path),
           let document = try? YAMLParser().parseDocument(Array(bytes)).root {
            if let remote = document["remote"]?.stringValue { settings.remote = remote }
            if let seconds = document["daemon"]?["rescan_interval"]?.stringValue.flatMap(Double.init) {
                settings.rescanInterval = seconds
            }
            if let seconds = document["daemon"]?["max_backoff"]?.stringValue.flatMap(Double.init) {
                settings.maxBackoff = seconds
            }
            if let key = document["sync"]?["ssh_key"]?.stringValue {
                settings.credentials.sshKeyPath = Self.expand(key, root: root, home: environment["HOME"])
            }
            if let command = document["sync"]?["ssh_key_passphrase_command"] {
                // This file is shared through the remote: a command in it would run on every
                // teammate's machine, chosen by anyone who can push.
                throw SyncError.configuration(
                    "\(KBConfig.path):\(command.span.start): sync.ssh_key_passphrase_command is not read from the shared config (anyone who can push could make it run a program on your machine): remove it and set it on your machine with `git config kaleido.sshKeyPassphraseCommand 'COMMAND'` in the knowledge base (or --global), or KALEIDO_SSH_KEY_PASSPHRASE_COMMAND")
            }
            if let node = document["sync"]?["known_hosts"] {
                // One path or a list, like OpenSSH's UserKnownHostsFile; new hosts go to the first.
                let paths = node.items?.compactMap(\.stringValue) ?? node.stringValue.map { [$0] } ?? []
                guard !paths.isEmpty, paths.allSatisfy({ !$0.isEmpty }) else {
                    throw SyncError.configuration("\(KBConfig.path): sync.known_hosts must be a path or a list of paths")
                }
                settings.knownHosts.user = paths.map { Self.expand($0, root: root, home: environment["HOME"]) }
            }
        }
        // Machine-local files (and tests' scratch files) win over the shared config.
        if let files = environment["KALEIDO_KNOWN_HOSTS"], !files.isEmpty {
            settings.knownHosts.user = files.split(separator: ":").map(String.init)
        }
        // A machine-local key (the config file is shared by the team) wins over the config's.
        if let key = environment["KALEIDO_SSH_KEY"], !key.isEmpty { settings.credentials.sshKeyPath = key }
        if let token = environment["KALEIDO_TOKEN"], !token.isEmpty { settings.credentials.token = token }
        if let command = environment["KALEIDO_SSH_KEY_PASSPHRASE_COMMAND"], !command.isEmpty {
            settings.credentials.sshPassphraseCommand = command
        }
        return settings
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
