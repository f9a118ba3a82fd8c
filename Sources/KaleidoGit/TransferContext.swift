internal import CGit2
internal import Foundation

/// The state of one fetch or push that libgit2's C callbacks reach through their `payload`:
/// the credential selector, the cancellation check, and what the callbacks learnt.
///
/// libgit2 calls the callbacks synchronously on the calling thread, during `git_remote_fetch`
/// or `git_remote_push`; the caller keeps the context alive across that call.
final class TransferContext {
    var options: TransferOptions
    var selector: CredentialSelector
    /// Why authentication stopped, when the selector gave up.
    var authenticationFailure: String?
    /// The remote's refusal of the pushed reference, if any.
    var pushStatus: String?
    var cancelled = false
    /// The ssh server the URL names (its port is not given to the certificate callback).
    let endpoint: SSHEndpoint?
    /// Why the ssh server's host key was refused, when it was.
    var hostKeyRefusal: HostKeyRefusal?
    /// The CAs an https server's certificate must chain to (set by `prepare`).
    var trust: TLSTrust?
    /// Why an https server's certificate was refused, when it was.
    var certificateRefusal: String?
    /// The credential offered last, while the server has not answered it yet.
    var offered: OfferedCredential?
    /// The credentials the server refused, described for the user (never the secrets).
    var refusedCredentials: [String] = []

    init(options: TransferOptions, url: String) {
        self.options = options
        self.endpoint = SSHEndpoint(remoteURL: url)
        self.selector = CredentialSelector(
            credentials: options.credentials,
            agentAvailable: ProcessInfo.processInfo.environment["SSH_AUTH_SOCK"].map { !$0.isEmpty } ?? false)
    }

    func install(into callbacks: inout git_remote_callbacks) {
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.credentials = { out, url, usernameFromURL, allowed, payload in
            guard let out, let payload else { return -1 }
            let context = Unmanaged<TransferContext>.fromOpaque(payload).takeUnretainedValue()
            context.options.progress()
            return context.credential(
                out, url: String(borrowing: url) ?? "", username: String(borrowing: usernameFromURL),
                allowed: AllowedCredentials(rawValue: allowed))
        }
        callbacks.certificate_check = { cert, valid, host, payload in
            // ssh host keys are checked against known_hosts (HostKeyCheck.swift); TLS
            // certificates libgit2 refused are checked again (TLSCertificateCheck.swift).
            guard let cert, let payload else { return GIT_PASSTHROUGH.rawValue }
            let context = Unmanaged<TransferContext>.fromOpaque(payload).takeUnretainedValue()
            context.options.progress()
            switch cert.pointee.cert_type {
            case GIT_CERT_HOSTKEY_LIBSSH2: return context.checkHostKey(cert, host: String(borrowing: host) ?? "")
            case GIT_CERT_X509: return context.checkCertificate(cert, valid: valid != 0, host: String(borrowing: host) ?? "")
            default: return GIT_PASSTHROUGH.rawValue
            }
        }
        callbacks.transfer_progress = { _, payload in
            guard let payload else { return 0 }
            return Unmanaged<TransferContext>.fromOpaque(payload).takeUnretainedValue().checkCancel()
        }
        callbacks.push_transfer_progress = { _, _, _, payload in
            guard let payload else { return 0 }
            return Unmanaged<TransferContext>.fromOpaque(payload).takeUnretainedValue().checkCancel()
        }
        callbacks.sideband_progress = { _, _, payload in
            guard let payload else { return 0 }
            return Unmanaged<TransferContext>.fromOpaque(payload).takeUnretainedValue().checkCancel()
        }
        callbacks.pack_progress = { _, _, _, payload in
            guard let payload else { return 0 }
            return Unmanaged<TransferContext>.fromOpaque(payload).takeUnretainedValue().checkCancel()
        }
        callbacks.push_update_reference = { _, status, payload in
            guard let payload else { return 0 }
            let context = Unmanaged<TransferContext>.fromOpaque(payload).takeUnretainedValue()
            if let status { context.pushStatus = String(cString: status) }
            return 0
        }
    }

    private func checkCancel() -> Int32 {
        options.progress()
        if options.isCancelled() { cancelled = true; return GIT_EUSER.rawValue }
        return 0
    }

    private func credential(
        _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>,
        url: String, username: String?, allowed: AllowedCredentials
    ) -> Int32 {
        // Asked again after offering a password or key: the server refused it.
        if let refused = offered.take() { refuse(refused, url: url) }
        switch selector.next(url: url, usernameFromURL: username, allowed: allowed) {
        case .username(let name):
            return git_credential_username_new(out, name)
        case .sshKeyFile(let name, let privateKey, let publicKey, let passphrase):
            let publicPath = publicKey.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
            var secret = passphrase
            if secret == nil, let command = options.credentials.sshPassphraseCommand {
                do { secret = try PassphraseCommand.run(command, directory: options.credentialHelper.directory) } catch {
                    refusedCredentials.append("\(error)")
                    return credential(out, url: url, username: username, allowed: allowed)
                }
            }
            offered = .key(privateKey, passphraseGiven: secret != nil)
            return git_credential_ssh_key_new(out, name, publicPath, privateKey, secret)
        case .sshAgent(let name):
            offered = .agent(name)
            return git_credential_ssh_key_from_agent(out, name)
        case .userPassword(let name, let password):
            offered = .token(name)
            return git_credential_userpass_plaintext_new(out, name, password)
        case .credentialHelper(let name):
            guard let (user, password) = options.credentialHelper.fill(url: url, username: name) else {
                return credential(out, url: url, username: username, allowed: allowed)
            }
            offered = .helper(user, password)
            return git_credential_userpass_plaintext_new(out, user, password)
        case .giveUp(let reason):
            authenticationFailure = refusedCredentials.isEmpty ? reason : refusedCredentials.joined(separator: "; ")
                + (allowed.contains(.userPassword)
                    ? ". Check the token or password: a token may have expired or lack the repository's scope" : "")
            return GIT_EAUTH.rawValue
        }
    }

    /// Throws for a failed transfer, preferring what the callbacks know over libgit2's message.
    func rethrow(_ result: Int32, _ operation: String) throws {
        guard result < 0 else { return }
        if let hostKeyRefusal { throw hostKeyRefusal }
        if cancelled {
            throw GitError(code: GitError.Code(rawValue: GIT_EUSER.rawValue), errorClass: .none,
                           message: "cancelled", operation: operation)
        }
        if let certificateRefusal {
            throw GitError(code: .certificate, errorClass: .none, message: certificateRefusal, operation: operation, hint: TLSTrust.advice)
        }
        if let authenticationFailure {
            throw GitError(code: .authentication, errorClass: .none, message: authenticationFailure, operation: operation)
        }
        do { try check(result, operation) } catch let error as GitError where error.message.contains("known_hosts") {
            throw GitError(code: error.code, errorClass: error.errorClass, message: error.message, operation: operation,
                           hint: Self.knownHostsHint())
        }
    }

    /// libgit2 1.5.1 reads ~/.ssh/known_hosts itself through libssh2 before asking us, and
    /// stops the connection at a line libssh2 cannot parse: name the lines our parser skipped.
    static func knownHostsHint() -> String {
        let home = KnownHostsFiles.current
        let skipped = home.user.first.map { KnownHostsFiles(user: [$0], global: []).load().skipped } ?? []
        let lines = skipped.isEmpty ? "" : " (malformed: \(skipped.map(\.description).joined(separator: "; ")))"
        return "libgit2 reads \(home.writable) itself and stops at a line it cannot parse\(lines): fix or remove that line."
    }
}
