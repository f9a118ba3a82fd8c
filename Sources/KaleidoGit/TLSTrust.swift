internal import CGit2
internal import Foundation

/// The CA certificates an https server's certificate must chain to, taken where a git user
/// sets them: `GIT_SSL_CAINFO`/`GIT_SSL_CAPATH`, else `http.sslCAInfo`/`http.sslCAPath` in git's
/// configuration (the repository's, then the user's), else OpenSSL's `SSL_CERT_FILE`/
/// `SSL_CERT_DIR`, else the system bundle libgit2 was built with.
///
/// libgit2's CA locations are process-global (`GIT_OPT_SET_SSL_CERT_LOCATIONS`) and replace
/// the default bundle, as curl's do: `apply()` sets them right before each transfer, so that
/// one repository's CA never lingers into another's transfer in the same process. Two
/// transfers must not run at once in one process (each runs in its own child, or one after
/// the other).
struct TLSTrust: Hashable, Sendable {
    /// A file of PEM certificates, or `nil`.
    var file: String?
    /// A folder of PEM certificates, or `nil`.
    var directory: String?
    /// Where `file` and `directory` came from, for messages (`GIT_SSL_CAINFO=/x/ca.pem`).
    var origin: String

    /// The bundle Debian's libgit2 loads at start (its `GIT_DEFAULT_CERT_LOCATION`).
    static let systemBundle = "/etc/ssl/certs/ca-certificates.crt"

    /// What to tell a user whose server's certificate was refused.
    static let advice = "If the server's certificate is signed by your organisation's certificate authority, "
        + "point git at that CA's certificate: `git config http.sslCAInfo /path/to/ca.pem` in the knowledge base "
        + "(or --global), or the environment variable GIT_SSL_CAINFO (a folder: http.sslCAPath, GIT_SSL_CAPATH; "
        + "SSL_CERT_FILE and SSL_CERT_DIR are read too)."

    /// The CA locations for transfers of `repository`, read from `environment` and git config.
    static func resolve(repository: Repository?, environment: [String: String] = ProcessInfo.processInfo.environment) -> TLSTrust {
        let home = environment["HOME"]
        func setting(_ variable: String, _ key: String, _ openSSL: String) -> (String, String)? {
            if let value = environment[variable], !value.isEmpty { return (value, variable) }
            if let value = repository?.configString(key), !value.isEmpty {
                let path = value.hasPrefix("~/") ? (home ?? "") + value.dropFirst(1) : value
                return (path, key)
            }
            if let value = environment[openSSL], !value.isEmpty { return (value, openSSL) }
            return nil
        }
        let file = setting("GIT_SSL_CAINFO", "http.sslCAInfo", "SSL_CERT_FILE")
        let directory = setting("GIT_SSL_CAPATH", "http.sslCAPath", "SSL_CERT_DIR")
        var origins = [file, directory].compactMap { $0.map { "\($0.1)=\($0.0)" } }
        // A folder alone adds to the system bundle, as with curl.
        var bundle = file?.0
        if bundle == nil, FileManager.default.fileExists(atPath: systemBundle) {
            bundle = systemBundle
            origins.append("the system bundle \(systemBundle)")
        }
        return TLSTrust(file: bundle, directory: directory?.0, origin: origins.joined(separator: ", "))
    }

    /// Makes libgit2 trust exactly these CAs for the next connections of this process.
    ///
    /// - Throws: `GitError` with code `.certificate` when a file or folder cannot be read or
    ///   holds no certificate: the transfer could not check any server.
    func apply() throws {
        guard file != nil || directory != nil else { return }
        try Libgit2.prepare()
        let result = kaleido_git_set_ssl_cert_locations(file, directory)
        guard result < 0 else { return }
        let message = String(borrowing: git_error_last()?.pointee.message) ?? "unreadable"
        throw GitError(
            code: .certificate, errorClass: .none, message: message,
            operation: "load the trusted CA certificates (\(origin))",
            hint: "Check that the file or folder exists and holds PEM certificates.")
    }
}
