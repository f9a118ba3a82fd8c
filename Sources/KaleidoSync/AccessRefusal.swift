internal import KaleidoGit

/// The remote was reached but refused our credentials, or we refused its certificate: not an
/// outage. Retrying soon cannot help (and a wrong password retried every minute looks like an
/// attack to the server), so `kaleido sync` exits 1 and the daemon waits
/// `DaemonSchedule.refusalRetryInterval` before it tries again.
public struct AccessRefusal: Hashable, Sendable, CustomStringConvertible {
    /// What was refused.
    public enum Kind: String, Codable, Hashable, Sendable {
        /// The server refused every credential offered (a password, token or ssh key).
        case authentication
        /// The https server's certificate is not trusted (or the trusted CAs cannot be read).
        case certificate

        /// How `kaleido status` and the log name it.
        public var label: String { self == .authentication ? "authentication refused" : "certificate refused" }
    }

    public var kind: Kind
    /// The reason and what to do, as sentences.
    public var message: String

    /// The refusal `error` reports, or `nil` for any other failure (which counts as offline).
    public init?(_ error: any Error) {
        guard let gitError = (error as? GitError) ?? { if case .git(let inner)? = error as? SyncError { inner } else { nil } }() else {
            return nil
        }
        switch gitError.code {
        case .authentication: kind = .authentication
        case .certificate: kind = .certificate
        default: return nil
        }
        message = gitError.description
    }

    public var description: String { message }
}
