public import KaleidoYAML

/// The settings of a knowledge base, read from `.kaleido/config.yaml` at its root.
///
/// Every setting has a default, so a KB with an empty (or absent) config file works: records in
/// `knowledge/`, schemas in `schemas/`, branch `main`.
///
/// The file is shared through git, so anyone who can push writes it: the values that become
/// paths or references are checked here, before anything uses them. `branch` must be a git
/// branch name and `remote` a git remote name (`GitRefName`); `knowledge`, `schemas` and `vocab`
/// must stay inside the KB and outside `.git` (`KBRelativePath`).
public struct KBConfig: Hashable, Sendable {
    /// The KB's display name.
    public var name: String = "Kaleido knowledge base"
    /// The records' folder, relative to the KB root.
    public var knowledgeFolder: String = "knowledge"
    /// The schemas' folder, relative to the KB root.
    public var schemasFolder: String = "schemas"
    /// The shared branch the daemon syncs: a valid git branch name.
    public var branch: String = "main"
    /// The remote the sync fetches from and pushes to (`remote`): a valid git remote name.
    public var remote: String = "origin"
    /// The enumeration labels' file relative to the KB root (`vocab`); nil: `vocab.yaml` in the
    /// schemas folder.
    public var vocabFile: String?
    /// The commit identity used when git's own is not set.
    public var authorName: String?
    public var authorEmail: String?
    /// Daemon timings, in seconds.
    public var quietPeriod: Double = 2
    public var maxDelay: Double = 30
    public var fetchInterval: Double = 60
    /// Seconds between the daemon's full rescans (`daemon.rescan_interval`), and the longest
    /// wait between retries while the remote is unreachable (`daemon.max_backoff`).
    public var rescanInterval: Double = 300
    public var maxBackoff: Double = 300
    /// `sync.ssh_key` and `sync.known_hosts` as written (`~/…` or relative to the KB root);
    /// KaleidoSync expands them.
    public var sshKey: String?
    public var knownHosts: [String]?
    /// Seconds a fetch or push may go without progress before the sync abandons it
    /// (`sync.timeout`): a positive number.
    public var syncTimeout: Double = 30
    /// Whether `kaleido new` starts a record with a `# yaml-language-server: $schema=…` line
    /// (`editor.schema_modeline`), for editors without the workspace's schema associations.
    public var schemaModeline = false

    /// The path of the config file relative to a KB root.
    public static let path = ".kaleido/config.yaml"

    /// The enumeration labels' file relative to the KB root.
    public var vocabPath: String { vocabFile ?? schemasFolder + "/vocab.yaml" }

    public init() {}

    /// Reads the settings from a parsed config document. Unknown keys are ignored (newer
    /// versions may add some); a known key with a value of the wrong shape is an error.
    public init(document: YAMLNode) throws(KBConfigError) {
        guard document.pairs != nil || document.isNull else {
            throw KBConfigError(span: document.span, message: "the config must be a mapping of settings")
        }
        func string(_ node: YAMLNode?, _ key: String) throws(KBConfigError) -> String? {
            guard let node else { return nil }
            guard let text = node.stringValue, !text.isEmpty else {
                throw KBConfigError(span: node.span, message: "\(key) must be a non-empty string")
            }
            return text
        }
        func seconds(_ node: YAMLNode?, _ key: String) throws(KBConfigError) -> Double? {
            guard let node else { return nil }
            guard let text = node.stringValue, let value = Double(text), value >= 0, value.isFinite else {
                throw KBConfigError(span: node.span, message: "\(key) must be a number of seconds")
            }
            return value
        }
        func flag(_ node: YAMLNode?, _ key: String) throws(KBConfigError) -> Bool? {
            guard let node else { return nil }
            guard case .bool(let value)? = node.resolvedScalar else {
                throw KBConfigError(span: node.span, message: "\(key) must be true or false")
            }
            return value
        }
        /// A string that `problem` accepts; its refusal names the rule and why, at the value.
        func checked(_ key: String, _ rule: String, _ problem: (String) -> String?) throws(KBConfigError) -> String? {
            guard let node = document[key], let text = try string(node, key) else { return nil }
            if let reason = problem(text) { throw KBConfigError(span: node.span, message: "\(key) must be \(rule) (\(reason))") }
            return text
        }
        name = try string(document["name"], "name") ?? name
        knowledgeFolder = try checked("knowledge", "a folder inside the knowledge base", KBRelativePath.problem) ?? knowledgeFolder
        schemasFolder = try checked("schemas", "a folder inside the knowledge base", KBRelativePath.problem) ?? schemasFolder
        vocabFile = try checked("vocab", "a file inside the knowledge base", KBRelativePath.problem)
        branch = try checked("branch", "a git branch name", GitRefName.branchProblem) ?? branch
        remote = try checked("remote", "a git remote name", GitRefName.remoteProblem) ?? remote
        if let identity = document["identity"] {
            authorName = try string(identity["name"], "identity.name")
            authorEmail = try string(identity["email"], "identity.email")
        }
        if let daemon = document["daemon"] {
            quietPeriod = try seconds(daemon["quiet_period"], "daemon.quiet_period") ?? quietPeriod
            maxDelay = try seconds(daemon["max_delay"], "daemon.max_delay") ?? maxDelay
            fetchInterval = try seconds(daemon["fetch_interval"], "daemon.fetch_interval") ?? fetchInterval
            rescanInterval = try seconds(daemon["rescan_interval"], "daemon.rescan_interval") ?? rescanInterval
            maxBackoff = try seconds(daemon["max_backoff"], "daemon.max_backoff") ?? maxBackoff
        }
        if let sync = document["sync"] {
            if let command = sync["ssh_key_passphrase_command"] {
                // This file is shared through the remote: a command in it would run on every
                // teammate's machine, chosen by anyone who can push.
                throw KBConfigError(span: command.span, message: "sync.ssh_key_passphrase_command is not read from the shared config (anyone who can push could make it run a program on your machine): remove it and set it on your machine with `git config kaleido.sshKeyPassphraseCommand 'COMMAND'` in the knowledge base (or --global), or KALEIDO_SSH_KEY_PASSPHRASE_COMMAND")
            }
            sshKey = try string(sync["ssh_key"], "sync.ssh_key")
            if let node = sync["timeout"] {
                guard let text = node.stringValue, let value = Double(text), value > 0, value.isFinite else {
                    throw KBConfigError(span: node.span, message: "sync.timeout must be a positive number of seconds")
                }
                syncTimeout = value
            }
            if let node = sync["known_hosts"] {
                // One path or a list, like OpenSSH's UserKnownHostsFile; new hosts go to the first.
                let paths = node.items?.compactMap(\.stringValue) ?? node.stringValue.map { [$0] } ?? []
                guard !paths.isEmpty, paths.count == (node.items?.count ?? 1), paths.allSatisfy({ !$0.isEmpty }) else {
                    throw KBConfigError(span: node.span, message: "sync.known_hosts must be a path or a list of paths")
                }
                knownHosts = paths
            }
        }
        if let editor = document["editor"] {
            schemaModeline = try flag(editor["schema_modeline"], "editor.schema_modeline") ?? schemaModeline
        }
    }
}

/// A config file whose content is not what Kaleido expects.
public struct KBConfigError: Error, Hashable, Sendable {
    public var span: SourceSpan
    public var message: String
}
