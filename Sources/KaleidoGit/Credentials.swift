/// How to authenticate to a remote: what the KB's config and the environment offer.
///
/// Nothing here is secret-free by accident: a `token` is a password. Keep `Credentials` out of
/// logs; `description` masks it.
public struct Credentials: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A private key file for `ssh://` remotes (its public key is looked for at `PATH.pub`).
    public var sshKeyPath: String?
    /// The passphrase of `sshKeyPath`, when it has one.
    public var sshPassphrase: String?
    /// A shell command that prints the passphrase of `sshKeyPath` (run only when the key is
    /// offered and `sshPassphrase` is `nil`; its output is never logged).
    public var sshPassphraseCommand: String?
    /// Whether ssh-agent (`SSH_AUTH_SOCK`) may be asked for a key.
    public var useSSHAgent: Bool
    /// A personal access token for `https://` remotes, sent as the password.
    public var token: String?
    /// The user name sent with `token` (GitHub accepts any; GitLab wants `oauth2`).
    public var tokenUsername: String
    /// Whether git's credential helper (`git credential fill`) may be asked for a password.
    public var useCredentialHelper: Bool

    /// Creates credentials; by default ssh-agent and git's credential helper are allowed.
    public init(
        sshKeyPath: String? = nil, sshPassphrase: String? = nil, sshPassphraseCommand: String? = nil, useSSHAgent: Bool = true,
        token: String? = nil, tokenUsername: String = "x-access-token", useCredentialHelper: Bool = true
    ) {
        self.sshKeyPath = sshKeyPath
        self.sshPassphrase = sshPassphrase
        self.sshPassphraseCommand = sshPassphraseCommand
        self.useSSHAgent = useSSHAgent
        self.token = token
        self.tokenUsername = tokenUsername
        self.useCredentialHelper = useCredentialHelper
    }

    /// A summary safe to log: which methods are configured, never the secrets.
    public var description: String {
        var parts: [String] = []
        if let sshKeyPath { parts.append("ssh key \(sshKeyPath)") }
        if useSSHAgent { parts.append("ssh-agent") }
        if token != nil { parts.append("token") }
        if useCredentialHelper { parts.append("git credential helper") }
        return parts.isEmpty ? "no credentials" : parts.joined(separator: ", ")
    }
}

/// The kinds of credential a remote accepts at one moment (libgit2's `allowed_types`).
public struct AllowedCredentials: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// A user name and password (https).
    public static let userPassword = AllowedCredentials(rawValue: 1 << 0)
    /// An ssh key (file or agent).
    public static let sshKey = AllowedCredentials(rawValue: 1 << 1)
    /// Only a user name (ssh asks for it first when the URL has none).
    public static let username = AllowedCredentials(rawValue: 1 << 5)
}

/// What to answer when a remote asks for credentials.
public enum CredentialChoice: Hashable, Sendable {
    /// Send only this user name (libgit2 then asks again for the key).
    case username(String)
    /// Authenticate with this key file.
    case sshKeyFile(username: String, privateKey: String, publicKey: String?, passphrase: String?)
    /// Ask ssh-agent.
    case sshAgent(username: String)
    /// Send this user name and password or token.
    case userPassword(username: String, password: String)
    /// Ask git's credential helper for the URL's user name and password.
    case credentialHelper(username: String?)
    /// Stop: nothing (more) to try; the reason tells the user what to configure.
    case giveUp(String)
}

/// Chooses the credential for each of libgit2's requests. Pure, so that the order of attempts
/// can be tested without a server: libgit2 calls back again after every rejected attempt, and
/// each method is tried once, in the order key file, agent (ssh) or token, helper (https).
public struct CredentialSelector: Sendable {
    /// What the configuration offers.
    public var credentials: Credentials
    /// Whether `SSH_AUTH_SOCK` is set: no agent, no point asking it.
    public var agentAvailable: Bool
    private var tried: [CredentialChoice] = []

    /// A selector for one connection (make a new one per fetch or push).
    public init(credentials: Credentials, agentAvailable: Bool) {
        self.credentials = credentials
        self.agentAvailable = agentAvailable
    }

    /// The next credential to offer for `url`, remembering it so that it is not offered twice.
    public mutating func next(url: String, usernameFromURL: String?, allowed: AllowedCredentials) -> CredentialChoice {
        let choice = candidates(url: url, usernameFromURL: usernameFromURL, allowed: allowed)
            .first { !tried.contains($0) }
        guard let choice else {
            return .giveUp(advice(url: url, allowed: allowed))
        }
        tried.append(choice)
        return choice
    }

    private func candidates(url: String, usernameFromURL: String?, allowed: AllowedCredentials) -> [CredentialChoice] {
        var list: [CredentialChoice] = []
        if allowed.contains(.sshKey) {
            let user = usernameFromURL ?? "git"
            if let key = credentials.sshKeyPath {
                let publicKey = key + ".pub"
                list.append(.sshKeyFile(username: user, privateKey: key, publicKey: publicKey, passphrase: credentials.sshPassphrase))
            }
            if credentials.useSSHAgent && agentAvailable { list.append(.sshAgent(username: user)) }
        } else if allowed.contains(.username) {
            list.append(.username(usernameFromURL ?? "git"))
        }
        if allowed.contains(.userPassword) {
            if let token = credentials.token {
                list.append(.userPassword(username: usernameFromURL ?? credentials.tokenUsername, password: token))
            }
            if credentials.useCredentialHelper { list.append(.credentialHelper(username: usernameFromURL)) }
        }
        return list
    }

    private func advice(url: String, allowed: AllowedCredentials) -> String {
        if allowed.contains(.sshKey) {
            return "no ssh key was accepted by \(url): set sync.ssh_key in .kaleido/config.yaml, or add your key to ssh-agent"
        }
        if allowed.contains(.userPassword) {
            return "no password or token was accepted by \(url): set the KALEIDO_TOKEN environment variable or configure git's credential helper"
        }
        return "\(url) asks for a kind of credential Kaleido does not support"
    }
}
