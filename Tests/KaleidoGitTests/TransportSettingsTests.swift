import Foundation
@testable import KaleidoGit
import Testing

/// The pure parts of https and ssh set-up: where the trusted CAs come from, what git's
/// credential helper is told, which key files need a passphrase.
@Suite("Transport settings")
struct TransportSettingsTests {
    @Test func gitVariablesWinOverGitConfigWhichWinsOverOpenSSLs() throws {
        try TestFolder.with { folder in
            let repository = try Repository.create(at: folder)
            let config = repository.gitDirectory + "config"
            let text = try String(contentsOfFile: config, encoding: .utf8)
            try (text + "[http]\n\tsslCAInfo = ~/config-ca.pem\n").write(toFile: config, atomically: false, encoding: .utf8)
            let openSSL = ["HOME": "/home/amina", "SSL_CERT_FILE": "/openssl/ca.pem", "SSL_CERT_DIR": "/openssl/certs"]
            let fromConfig = TLSTrust.resolve(repository: repository, environment: openSSL)
            #expect(fromConfig.file == "/home/amina/config-ca.pem")
            #expect(fromConfig.directory == "/openssl/certs")
            #expect(fromConfig.origin.contains("http.sslCAInfo=/home/amina/config-ca.pem"))
            let fromGit = TLSTrust.resolve(repository: repository, environment: openSSL.merging(["GIT_SSL_CAINFO": "/git/ca.pem"]) { $1 })
            #expect(fromGit.file == "/git/ca.pem")
            let none = TLSTrust.resolve(repository: nil, environment: [:])
            #expect(none.directory == nil)
            #expect(none.file == (FileManager.default.fileExists(atPath: TLSTrust.systemBundle) ? TLSTrust.systemBundle : nil))
        }
    }

    @Test func theHelperIsToldTheHostWithItsPortAndThePath() {
        #expect(GitCredentialHelper.description(of: "https://git.example.org:8443/team/kb.git")
                == "protocol=https\nhost=git.example.org:8443\npath=team/kb.git\n")
        #expect(GitCredentialHelper.description(of: "https://git.example.org") == "protocol=https\nhost=git.example.org\n")
        #expect(GitCredentialHelper.description(of: "not a url") == nil)
    }

    @Test func encryptedKeyFilesAreRecognised() throws {
        try TestFolder.with { folder in
            for (name, passphrase, format) in [("plain", "", "RFC4716"), ("locked", "secret", "RFC4716"),
                                               ("plain-pem", "", "PEM"), ("locked-pem", "secret", "PEM")] {
                let path = folder + "/" + name
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
                process.arguments = ["-q", "-t", "ecdsa", "-m", format, "-N", passphrase, "-f", path]
                try process.run()
                process.waitUntilExit()
                let text = try String(contentsOfFile: path, encoding: .utf8)
                #expect(SSHKeyDiagnosis.isEncrypted(text) == !passphrase.isEmpty, "\(name)")
            }
        }
    }
}

/// A temporary folder removed after `body`.
enum TestFolder {
    static func with(_ body: (String) throws -> Void) throws {
        let folder = NSTemporaryDirectory() + "kaleido-transport-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }
}
