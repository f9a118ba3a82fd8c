public import KaleidoGit

/// How a sync reaches its remote. The engine asks for a fetch or a push and does not care
/// whether it runs on the calling thread or in a watched child process.
public protocol RemoteTransfer {
    /// Fetches `remote` into `repository` (`refs/remotes/REMOTE/*` move).
    ///
    /// - Throws: `HostKeyRefusal` when the ssh host key is not trusted; `GitError` otherwise
    ///   (code `-7`, GIT_EUSER, when `options.isCancelled` stopped it).
    func fetch(_ repository: Repository, remote: String, options: TransferOptions) throws

    /// Pushes `localReference` to `remoteReference` on `remote`, never forcing.
    ///
    /// - Throws: as `fetch`.
    func push(_ repository: Repository, remote: String, localReference: String, remoteReference: String,
              options: TransferOptions) throws -> PushOutcome
}

/// Where a sync's transfers run (`SyncSettings.transfer`).
public enum TransferMode: Hashable, Sendable {
    /// On the engine's thread, through libgit2. libgit2 1.5 has no network timeout and checks
    /// cancellation only when data arrives, so a server that accepts and never answers blocks
    /// the thread for ever: for library users and unit tests with trusted remotes.
    case inProcess
    /// In a child process `EXECUTABLE __transfer` (see `TransferChild`), abandoned and killed
    /// after `SyncSettings.timeout` seconds without progress, or at once on cancellation. What
    /// `kaleido sync`, `kaleido daemon` and `kaleido trust-host` use.
    case childProcess(executable: String)

    /// The running executable itself (`/proc/self/exe` names its inode, so a daemon whose
    /// binary was upgraded meanwhile still starts children that speak its protocol).
    public static var currentExecutable: String { "/proc/self/exe" }
}

/// libgit2 on the calling thread, with no timeout.
public struct InProcessTransfer: RemoteTransfer {
    public init() {}

    public func fetch(_ repository: Repository, remote: String, options: TransferOptions) throws {
        try repository.fetch(remote: remote, options: options)
    }

    public func push(_ repository: Repository, remote: String, localReference: String, remoteReference: String,
                     options: TransferOptions) throws -> PushOutcome {
        try repository.push(remote: remote, localReference: localReference, remoteReference: remoteReference, options: options)
    }
}

extension SyncSettings {
    /// The transfer these settings ask for.
    func makeTransfer() -> any RemoteTransfer {
        switch transfer {
        case .inProcess: InProcessTransfer()
        case .childProcess(let executable): ChildTransfer(executable: executable, timeout: timeout, label: root)
        }
    }
}
