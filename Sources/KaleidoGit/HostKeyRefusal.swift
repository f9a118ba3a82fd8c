/// Why a sync refused to talk to an ssh server: its host key is not one known_hosts trusts.
/// Nothing was sent to or received from the server beyond the key exchange.
///
/// `description` is the message for the user: the host, the key type and SHA256 fingerprint,
/// the known_hosts lines involved, and what to do.
public struct HostKeyRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The server.
    public let endpoint: SSHEndpoint
    /// The key it presented.
    public let key: SSHHostKey
    /// Why it is refused: `.unknown`, `.changed` or `.revoked` (never `.trusted`).
    public let verdict: HostKeyVerdict
    /// The files that were searched.
    public let files: KnownHostsFiles

    /// A refusal; `verdict` is what `KnownHosts.verify` answered.
    public init(endpoint: SSHEndpoint, key: SSHHostKey, verdict: HostKeyVerdict, files: KnownHostsFiles) {
        self.endpoint = endpoint
        self.key = key
        self.verdict = verdict
        self.files = files
    }

    private var server: String {
        endpoint.port == 22 ? "ssh server \(endpoint.host)" : "ssh server \(endpoint.host) port \(endpoint.port)"
    }

    private var presented: String { "it presented the \(key.type) key \(key.fingerprint)" }

    private var scanCommand: String {
        (endpoint.port == 22 ? "ssh-keyscan -t \(key.type) " : "ssh-keyscan -p \(endpoint.port) -t \(key.type) ")
            + "\(endpoint.host) >> \(files.writable)"
    }

    private var howToTrust: String {
        "Compare this fingerprint with the one the server's administrator reads with `ssh-keygen -lf` "
            + "on the server's host key (GitHub, GitLab and others publish theirs); if they are the same, run "
            + "`kaleido trust-host \(endpoint)`, or add the line `\(scanCommand)` prints to known_hosts."
    }

    /// Sentences for the user.
    public var description: String {
        switch verdict {
        case .trusted(let location):
            return "The \(server) is trusted by \(location)."
        case .revoked(let location):
            return "Refusing the \(server): \(presented), which \(location) marks @revoked: "
                + "it must never be accepted. Nothing was fetched or pushed. Ask the server's administrator "
                + "for the server's new key and check its fingerprint before trusting it with `kaleido trust-host \(endpoint)`."
        case .changed(let stored):
            let lines = stored.map { "\($0.location) (\($0.key.type) \($0.key.fingerprint))" }.joined(separator: ", ")
            return "WARNING: the host key of the \(server) has CHANGED: \(presented), but \(lines) "
                + "holds a different \(key.type) key for it. Someone may be intercepting the connection "
                + "(a man-in-the-middle attack), or the server's key was replaced. Nothing was fetched or pushed. "
                + "Ask the server's administrator whether the key changed; only if it did and the new fingerprint "
                + "is \(key.fingerprint), remove the old line with `ssh-keygen -R '\(endpoint.knownHostsName)' -f \(stored[0].location.file)` "
                + "and run `kaleido trust-host \(endpoint)`."
        case .unknown(let otherTypes):
            var text = "The \(server) is not a known host, so Kaleido cannot tell it is your team's server: \(presented). "
            if !otherTypes.isEmpty {
                let lines = otherTypes.map { "\($0.key.type) at \($0.location)" }.joined(separator: ", ")
                text += "known_hosts knows it only with keys of other types (\(lines)). "
            } else {
                text += "No line of \(files.all.joined(separator: ", ")) names it. "
            }
            return text + "Nothing was fetched or pushed. " + howToTrust
        }
    }
}
