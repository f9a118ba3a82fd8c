public import KaleidoGit

/// Why a sync could not run or finish. Each reads as a sentence saying what to do.
public enum SyncError: Error, Sendable, CustomStringConvertible {
    /// `.kaleido/config.yaml` is unreadable or has a wrong value.
    case configuration(String)
    /// The KB folder is not a git working tree, or the branch or remote is missing.
    case repository(String)
    /// Another process (a daemon, another `kaleido sync`) is syncing this KB.
    case locked(String)
    /// A file could not be read or written.
    case io(String)
    /// A git operation failed.
    case git(GitError)

    public var description: String {
        switch self {
        case .configuration(let message): "the KB config is not usable: \(message)"
        case .repository(let message), .locked(let message), .io(let message): message
        case .git(let error): error.description
        }
    }
}
