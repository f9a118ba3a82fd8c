internal import Foundation

/// Why an ssh key file did not log in, told from the key itself: libgit2 reports a key whose
/// passphrase is missing or wrong, and an RSA key the server refuses, as the same
/// authentication failure.
///
/// Debian 12's libssh2 1.10 signs with RSA keys only as `ssh-rsa` (SHA-1), which OpenSSH 8.8
/// and later refuse by default (`PubkeyAcceptedAlgorithms`); SHA-2 signatures (`rsa-sha2-256`)
/// came with libssh2 1.11. Such a key cannot log in to a current server through libgit2, from
/// a file or from ssh-agent, so the refusal says what to use instead.
struct SSHKeyDiagnosis {
    /// The private key file.
    let path: String
    /// Whether a passphrase was given for it.
    let passphraseGiven: Bool
    /// libssh2's message, as libgit2 reported it.
    let detail: String

    /// The sentence for the user.
    var reason: String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let publicKey = (try? String(contentsOfFile: path + ".pub", encoding: .utf8)) ?? ""
        if Self.isEncrypted(text) {
            if !passphraseGiven {
                return "the ssh key \(path) is protected by a passphrase and none was given: set a command that prints it "
                    + "with `git config kaleido.sshKeyPassphraseCommand 'COMMAND'` in the knowledge base (or --global; "
                    + "or KALEIDO_SSH_KEY_PASSPHRASE_COMMAND), or add the key to ssh-agent (`ssh-add \(path)`)"
            }
            // libgit2 does not tell a wrong passphrase from a refused key.
            let libssh2 = detail.isEmpty ? "" : " (\(detail))"
            return "the ssh key \(path) was refused: its passphrase (from kaleido.sshKeyPassphraseCommand) is wrong, "
                + "or the server does not accept the key (is \(path).pub in its authorized_keys?)\(libssh2)"

        }
        if publicKey.hasPrefix("ssh-rsa ") || text.contains("BEGIN RSA PRIVATE KEY") {
            return "the server refused the RSA key \(path): this libgit2 (libssh2 1.10) signs with RSA keys only as "
                + "ssh-rsa (SHA-1), which OpenSSH 8.8 and later refuse by default; use an ECDSA or ed25519 key "
                + "(`ssh-keygen -t ecdsa -m PEM`) and add its .pub to the server, or have the server accept ssh-rsa "
                + "(PubkeyAcceptedAlgorithms +ssh-rsa)"
        }
        return "the server refused the ssh key \(path) (is \(path).pub in the server's authorized_keys?)"
    }

    /// Whether a private key file is protected by a passphrase: an encrypted PEM key, or an
    /// OpenSSH key whose cipher is not `none`.
    static func isEncrypted(_ text: String) -> Bool {
        if text.contains("Proc-Type: 4,ENCRYPTED") || text.contains("BEGIN ENCRYPTED PRIVATE KEY") { return true }
        guard text.contains("BEGIN OPENSSH PRIVATE KEY") else { return false }
        let body = text.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        guard let data = Data(base64Encoded: body) else { return false }
        let bytes = [UInt8](data)
        // "openssh-key-v1\0", then the cipher name as a length-prefixed string.
        let magic = 15
        guard bytes.count > magic + 4 else { return false }
        let length = bytes[magic..<magic + 4].reduce(0) { $0 << 8 | Int($1) }
        guard bytes.count >= magic + 4 + length else { return false }
        return String(decoding: bytes[(magic + 4)..<(magic + 4 + length)], as: UTF8.self) != "none"
    }
}
