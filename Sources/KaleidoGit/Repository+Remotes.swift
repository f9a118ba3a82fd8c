internal import CGit2
internal import Foundation

/// What a push did.
public enum PushOutcome: Hashable, Sendable {
    /// The remote branch now points at the pushed commit.
    case pushed
    /// The remote refused because its branch moved meanwhile: fetch, merge and push again.
    case rejected(String)
}

/// Options of one network operation.
public struct TransferOptions: Sendable {
    /// How to authenticate.
    public var credentials: Credentials
    /// Checked during transfers; returning `true` cancels (a signal arrived).
    public var isCancelled: @Sendable () -> Bool
    /// git's credential helper: asked for a user name and password, told when one is refused.
    public var credentialHelper: GitCredentialHelper
    /// The known_hosts files an ssh server's host key must be found in (an https server's
    /// certificate must chain to the CAs git's settings name: `TLSTrust`).
    public var knownHosts: KnownHostsFiles
    /// Called on the transfer's thread whenever libgit2 reports anything (credentials asked,
    /// certificate checked, data received or sent, pack built): a watchdog's heartbeat.
    public var progress: @Sendable () -> Void = {}

    /// Options with the given credentials and no cancellation; by default ssh host keys are
    /// checked against OpenSSH's files for this process's `$HOME`.
    public init(
        credentials: Credentials = Credentials(),
        isCancelled: @escaping @Sendable () -> Bool = { false },
        credentialHelper: GitCredentialHelper = GitCredentialHelper(),
        knownHosts: KnownHostsFiles = .current
    ) {
        self.credentials = credentials
        self.isCancelled = isCancelled
        self.credentialHelper = credentialHelper
        self.knownHosts = knownHosts
    }
}

extension Repository {
    /// The URL of the remote `name`, or `nil` when there is no such remote.
    public func remoteURL(_ name: String) throws -> String? {
        var raw: OpaquePointer?
        let result = git_remote_lookup(&raw, pointer, name)
        if result == GitError.Code.notFound.rawValue || result == GitError.Code.invalidSpec.rawValue { return nil }
        try check(result, "read the remote '\(name)'")
        guard let raw else { return nil }
        defer { git_remote_free(raw) }
        return String(borrowing: git_remote_url(raw))
    }

    /// Adds the remote `name` with `url` and git's default fetch refspec.
    public func addRemote(_ name: String, url: String) throws {
        var raw: OpaquePointer?
        try check(git_remote_create(&raw, pointer, name, url), "add the remote '\(name)' (\(url))")
        if let raw { git_remote_free(raw) }
    }

    /// Fetches the remote `name` with its configured refspecs (so `refs/remotes/NAME/*` move).
    ///
    /// - Throws: `HostKeyRefusal` when an ssh server's host key is not trusted by known_hosts
    ///   (nothing was fetched); `GitError`: class `.net`, `.ssh` or `.os` when the remote cannot
    ///   be reached, code `.authentication` when no credential was accepted (a password the
    ///   credential helper gave and the server refused is rejected to the helper), code
    ///   `.certificate` when an https server's certificate is not trusted, `.user` when cancelled.
    public func fetch(remote name: String, options: TransferOptions = TransferOptions()) throws {
        let remote = try RemoteHandle(lookup: name, in: self)
        let context = TransferContext(options: options, url: remote.url)
        try context.prepare(repository: self, url: remote.url)
        var fetchOptions = git_fetch_options()
        try check(git_fetch_options_init(&fetchOptions, UInt32(GIT_FETCH_OPTIONS_VERSION)), "prepare a fetch")
        context.install(into: &fetchOptions.callbacks)
        fetchOptions.prune = GIT_FETCH_NO_PRUNE
        fetchOptions.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
        let result = withExtendedLifetime(context) {
            git_remote_fetch(remote.pointer, nil, &fetchOptions, "kaleido: fetch")
        }
        try context.rethrow(result, "fetch from '\(name)' (\(remote.url))")
    }

    /// Pushes `localReference` to `remoteReference` on the remote `name`, never forcing.
    ///
    /// - Returns: `.rejected` when the remote branch has commits we do not have.
    /// - Throws: `HostKeyRefusal` when an ssh server's host key is not trusted by known_hosts
    ///   (nothing was pushed); `GitError` when the remote cannot be reached or refuses for
    ///   another reason.
    public func push(
        remote name: String, localReference: String, remoteReference: String,
        options: TransferOptions = TransferOptions()
    ) throws -> PushOutcome {
        let remote = try RemoteHandle(lookup: name, in: self)
        if let path = localRemotePath(remote.pushURL) {
            // A remote on this machine (a shared folder): our own push with a compare-and-swap,
            // since libgit2's local transport force-writes the remote branch.
            return try pushLocally(to: path, remoteName: name, localReference: localReference,
                                   remoteReference: remoteReference, isCancelled: options.isCancelled,
                                   progress: options.progress)
        }
        let context = TransferContext(options: options, url: remote.pushURL)
        try context.prepare(repository: self, url: remote.pushURL)
        var pushOptions = git_push_options()
        try check(git_push_options_init(&pushOptions, UInt32(GIT_PUSH_OPTIONS_VERSION)), "prepare a push")
        context.install(into: &pushOptions.callbacks)
        let spec = "\(localReference):\(remoteReference)"
        let result: Int32 = withExtendedLifetime(context) {
            spec.withCString { specPointer in
                var strings: [UnsafeMutablePointer<CChar>?] = [UnsafeMutablePointer(mutating: specPointer)]
                return strings.withUnsafeMutableBufferPointer { buffer in
                    var array = git_strarray(strings: buffer.baseAddress, count: 1)
                    return git_remote_push(remote.pointer, &array, &pushOptions)
                }
            }
        }
        // libgit2 refuses a non-fast-forward before sending anything when it knows the remote
        // tip; a server that refuses reports it per reference instead.
        if result == GitError.Code.nonFastForward.rawValue {
            return .rejected(String(borrowing: git_error_last()?.pointee.message) ?? "non-fast-forward")
        }
        try context.rethrow(result, "push to '\(name)' (\(remote.url))")
        if let status = context.pushStatus { return .rejected(status) }
        return .pushed
    }
}

/// Owns a `git_remote`.
final class RemoteHandle {
    let pointer: OpaquePointer
    /// `nil` for a detached remote (no repository behind it).
    private let repository: Repository?

    /// A remote with no repository, for connecting only (`git_remote_create_detached`).
    init(detached url: String) throws {
        try Libgit2.prepare()
        var raw: OpaquePointer?
        try check(git_remote_create_detached(&raw, url), "prepare a connection to \(url)")
        guard let raw else { throw GitError.unexpectedNull("prepare a connection to \(url)") }
        self.pointer = raw
        self.repository = nil
    }

    init(lookup name: String, in repository: Repository) throws {
        var raw: OpaquePointer?
        try check(
            git_remote_lookup(&raw, repository.pointer, name), "find the remote '\(name)'",
            hint: "Add it with `git remote add \(name) URL` in the knowledge base.")
        guard let raw else { throw GitError.unexpectedNull("find the remote '\(name)'") }
        self.pointer = raw
        self.repository = repository
    }

    deinit { git_remote_free(pointer) }

    var url: String { String(borrowing: git_remote_url(pointer)) ?? "" }
    /// Where a push goes: `remote.NAME.pushurl` when set, else the URL.
    var pushURL: String { String(borrowing: git_remote_pushurl(pointer)) ?? url }
}
