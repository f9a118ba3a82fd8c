internal import CGit2

// How libgit2 1.5.1 asks about an ssh host key (src/libgit2/transports/ssh.c, `check_certificate`):
// after the key exchange and before authentication, it calls `certificate_check` with a
// `git_cert_hostkey` whose `GIT_CERT_SSH_RAW` bit says `hostkey`/`hostkey_len` hold the server's
// key blob, and with the URL's host (not its port). It has already compared the key with
// ~/.ssh/known_hosts through libssh2 (`valid`), but libssh2 knows neither `@revoked`, nor
// /etc/ssh/ssh_known_hosts, nor Kaleido's configured files, so that verdict is ignored here.
// The callback's answer: 0 continues, a negative code fails the connection with that code,
// GIT_PASSTHROUGH keeps libgit2's verdict, and a positive value also continues.

/// The raw key of an ssh `git_cert`, or `nil` when libgit2 gave none.
func rawHostKey(_ cert: UnsafeMutablePointer<git_cert>) -> SSHHostKey? {
    UnsafeMutableRawPointer(cert).withMemoryRebound(to: git_cert_hostkey.self, capacity: 1) { hostkey in
        guard hostkey.pointee.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0,
              let bytes = hostkey.pointee.hostkey, hostkey.pointee.hostkey_len > 0 else { return nil }
        // Copied at once: the buffer belongs to libssh2's session.
        let blob = UnsafeRawBufferPointer(start: bytes, count: hostkey.pointee.hostkey_len)
        return SSHHostKey(blob: Array(blob))
    }
}

extension TransferContext {
    /// Accepts the server's key only when known_hosts trusts it; otherwise remembers why, for
    /// `rethrow`, and fails the connection before any credential is offered.
    func checkHostKey(_ cert: UnsafeMutablePointer<git_cert>, host: String) -> Int32 {
        // libgit2 passes the host without the port: take the port from the URL we gave it.
        let endpoint = endpoint.flatMap { $0.host.lowercased() == host.lowercased() ? $0 : nil } ?? SSHEndpoint(host: host)
        guard let key = rawHostKey(cert) else {
            hostKeyRefusal = HostKeyRefusal(
                endpoint: endpoint, key: SSHHostKey.missing, verdict: .unknown(otherTypes: []), files: options.knownHosts)
            return GIT_ECERTIFICATE.rawValue
        }
        let verdict = options.knownHosts.load().verify(key, at: endpoint)
        if case .trusted = verdict { return 0 }
        hostKeyRefusal = HostKeyRefusal(endpoint: endpoint, key: key, verdict: verdict, files: options.knownHosts)
        return GIT_ECERTIFICATE.rawValue
    }
}

extension SSHHostKey {
    /// Stands for a key libssh2 did not hand over (never trusted: no line holds it).
    static let missing = SSHHostKey(type: "unknown", blob: [0, 0, 0, 7] + Array("unknown".utf8))
}

/// Reads an ssh server's host key without logging in, for `kaleido trust-host`.
public enum HostKeyProbe {
    private final class Capture {
        var key: SSHHostKey?
    }

    /// Connects to `endpoint`, reads the key the server presents, and disconnects before
    /// authenticating. The key is the one a sync will be shown (libssh2 negotiates the same
    /// key type, given the same known_hosts).
    ///
    /// - Throws: `GitError` (class `.net` or `.ssh`) when the server cannot be reached or does
    ///   not speak ssh.
    public static func key(of endpoint: SSHEndpoint) throws -> SSHHostKey {
        let host = endpoint.host.contains(":") ? "[\(endpoint.host)]" : endpoint.host
        let remote = try RemoteHandle(detached: "ssh://kaleido@\(host):\(endpoint.port)/")
        let capture = Capture()
        var callbacks = git_remote_callbacks()
        try check(git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION)), "prepare a connection")
        callbacks.payload = Unmanaged.passUnretained(capture).toOpaque()
        callbacks.certificate_check = { cert, _, _, payload in
            guard let cert, let payload, cert.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 else { return GIT_EUSER.rawValue }
            Unmanaged<Capture>.fromOpaque(payload).takeUnretainedValue().key = rawHostKey(cert)
            // Stop here: we wanted the key, not a session.
            return GIT_EUSER.rawValue
        }
        let result = withExtendedLifetime(capture) {
            git_remote_connect(remote.pointer, GIT_DIRECTION_FETCH, &callbacks, nil, nil)
        }
        if let key = capture.key { return key }
        do { try check(result, "read the host key of \(endpoint)") } catch let error as GitError where error.message.contains("known_hosts") {
            throw GitError(code: error.code, errorClass: error.errorClass, message: error.message, operation: error.operation,
                           hint: TransferContext.knownHostsHint())
        }
        throw GitError(code: .generic, errorClass: .none, message: "the server did not present an ssh host key",
                       operation: "read the host key of \(endpoint)")
    }
}
