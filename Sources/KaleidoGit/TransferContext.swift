internal import CGit2
internal import Foundation

/// The state of one fetch or push that libgit2's C callbacks reach through their `payload`:
/// the credential selector, the cancellation check, and what the callbacks learnt.
///
/// libgit2 calls the callbacks synchronously on the calling thread, during `git_remote_fetch`
/// or `git_remote_push`; the caller keeps the context alive across that call.
final class TransferContext {
    let options: TransferOptions
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
        callbacks.certificate_check = { cert, _, host, payload in
            // TLS certificates keep libgit2's own verification (passthrough); ssh host keys are
            // checked here against known_hosts (HostKeyCheck.swift).
            guard let cert, let payload, cert.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 else { return GIT_PASSTHROUGH.rawValue }
            let context = Unmanaged<TransferContext>.fromOpaque(payload).takeUnretainedValue()
            context.options.progress()
            return context.checkHostKey(cert, host: String(borrowing: host) ?? "")
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
        switch selector.next(url: url, usernameFromURL: username, allowed: allowed) {
        case .username(let name):
            return git_credential_username_new(out, name)
        case .sshKeyFile(let name, let privateKey, let publicKey, let passphrase):
            let publicPath = publicKey.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
            return git_credential_ssh_key_new(out, name, publicPath, privateKey, passphrase)
        case .sshAgent(let name):
            return git_credential_ssh_key_from_agent(out, name)
        case .userPassword(let name, let password):
            return git_credential_userpass_plaintext_new(out, name, password)
        case .credentialHelper(let name):
            guard let (user, password) = options.credentialHelper(url, name) else {
                return credential(out, url: url, username: username, allowed: allowed)
            }
            return git_credential_userpass_plaintext_new(out, user, password)
        case .giveUp(let reason):
            authenticationFailure = reason
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

/// git's credential helper, run as `git credential fill` (libgit2 does not read helpers).
public enum GitCredentialHelper {
    /// The user name and password git's configured helper knows for `url`, or `nil`.
    @Sendable public static func fill(url: String, username: String?) -> (String, String)? {
        guard let components = URLComponents(string: url), let host = components.host else { return nil }
        var input = "protocol=\(components.scheme ?? "https")\nhost=\(host)\n"
        if let port = components.port { input = "protocol=\(components.scheme ?? "https")\nhost=\(host):\(port)\n" }
        if !components.path.isEmpty { input += "path=\(components.path.drop { $0 == "/" })\n" }
        if let username { input += "username=\(username)\n" }
        input += "\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "credential", "fill"]
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"  // a daemon has no terminal: never block on a prompt
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return parse(output)
    }

    /// The `username` and `password` lines of a helper's answer.
    static func parse(_ output: String) -> (String, String)? {
        var fields: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        guard let user = fields["username"], let password = fields["password"] else { return nil }
        return (user, password)
    }
}
