internal import CGit2
internal import Foundation

/// A credential offered to the server, remembered until the server answers: libgit2 asks for
/// another credential only when the last one was refused.
enum OfferedCredential {
    case key(String, passphraseGiven: Bool)
    case agent(String)
    case token(String)
    /// The credential helper's user name and password, to reject to the helper if refused.
    case helper(String, String)
}

extension Optional where Wrapped == OfferedCredential {
    /// Returns the offered credential and forgets it.
    mutating func take() -> OfferedCredential? {
        defer { self = nil }
        return self
    }
}

extension TransferContext {
    /// What the transfer of `repository` needs set up in this process, right before it starts:
    /// the CAs to trust for https (process-global in libgit2) and the folder git's credential
    /// helper and the passphrase command run in.
    ///
    /// - Throws: `GitError` (`.certificate`) when the configured CA file cannot be loaded.
    func prepare(repository: Repository, url: String) throws {
        if options.credentialHelper.directory == nil {
            options.credentialHelper.directory = repository.workingDirectory ?? repository.gitDirectory
        }
        if options.credentials.sshPassphraseCommand == nil,
           let command = repository.configString("kaleido.sshKeyPassphraseCommand"), !command.isEmpty {
            options.credentials.sshPassphraseCommand = command
        }
        let scheme = url.prefix { $0 != ":" }.lowercased()
        guard scheme == "https" || scheme == "http" else { return }
        let trust = TLSTrust.resolve(repository: repository)
        try trust.apply()
        self.trust = trust
    }

    /// The server refused `credential`: say so in the failure, and make git's helper forget a
    /// password it supplied.
    func refuse(_ credential: OfferedCredential, url: String) {
        switch credential {
        case .key(let path, let passphraseGiven):
            let detail = String(borrowing: git_error_last()?.pointee.message) ?? ""
            refusedCredentials.append(SSHKeyDiagnosis(path: path, passphraseGiven: passphraseGiven, detail: detail).reason)
        case .agent(let user): refusedCredentials.append("the server refused ssh-agent's keys for \(user)")
        case .token(let user): refusedCredentials.append("the server refused the token (KALEIDO_TOKEN) for \(user)")
        case .helper(let user, let password):
            refusedCredentials.append("the server refused the password of git's credential helper for \(user) (the helper was told to forget it)")
            options.credentialHelper.reject(url: url, username: user, password: password)
        }
    }
}

/// Runs the command that prints an ssh key's passphrase (`kaleido.sshKeyPassphraseCommand` in
/// git config, or `KALEIDO_SSH_KEY_PASSPHRASE_COMMAND`), like `ssh`'s `SSH_ASKPASS`. Its output
/// is a secret: it is never logged nor put in an error.
enum PassphraseCommand {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The command's standard output without its final line break.
    static func run(_ command: String, directory: String?) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let stdout = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw Failure(description: "the ssh key passphrase command could not start: \(error)")
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "the ssh key passphrase command exited with status \(process.terminationStatus)")
        }
        var text = String(decoding: output, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
