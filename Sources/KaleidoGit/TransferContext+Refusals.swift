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
