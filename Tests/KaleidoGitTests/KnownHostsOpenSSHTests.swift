import Foundation
import KaleidoGit
import Testing

/// Fingerprints and hashed names checked against OpenSSH's `ssh-keygen`, the reference.
@Suite("Known hosts against ssh-keygen", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen")))
struct KnownHostsOpenSSHTests {
    @Test(arguments: [["-t", "ed25519"], ["-t", "ecdsa", "-b", "256"], ["-t", "ecdsa", "-b", "384"], ["-t", "rsa", "-b", "2048"]])
    func fingerprintsMatchSSHKeygen(_ type: [String]) throws {
        try withScratchDirectory { scratch in
            let file = scratch.path("key")
            _ = try runTool(["ssh-keygen", "-q", "-N", "", "-f", file] + type)
            let publicLine = try String(contentsOfFile: file + ".pub", encoding: .utf8).split(separator: " ")
            let key = try #require(SSHHostKey(base64: publicLine[1]))
            #expect(key.type == String(publicLine[0]))
            #expect(key.base64 == String(publicLine[1]))
            // "256 SHA256:… comment (ED25519)"
            let printed = try runTool(["ssh-keygen", "-lf", file + ".pub"]).split(separator: " ")
            #expect(key.fingerprint == String(printed[1]))
        }
    }

    static let names = [
        SSHEndpoint(host: "git.example.org"), SSHEndpoint(host: "127.0.0.1", port: 2222),
        SSHEndpoint(host: "Git.Example.ORG", port: 443), SSHEndpoint(host: "::1", port: 2222),
    ]

    /// `ssh-keygen -H` hashes our plain lines; we must match its hashed lines to the same
    /// names, and not to others.
    @Test(arguments: names)
    func hashedLinesOfSSHKeygenMatch(_ endpoint: SSHEndpoint) throws {
        try withScratchDirectory { scratch in
            let key = try #require(SSHHostKey(base64: KnownHostsTests.ed25519))
            let file = scratch.path("known_hosts")
            try (KnownHosts.line(for: key, at: endpoint) + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            _ = try runTool(["ssh-keygen", "-q", "-H", "-f", file])
            let hashed = try String(contentsOfFile: file, encoding: .utf8)
            #expect(hashed.hasPrefix("|1|"))
            let known = KnownHosts.parse(hashed, file: file)
            #expect(known.entries.count == 1)
            guard case .trusted = known.verify(key, at: endpoint) else { Issue.record("\(hashed)"); return }
            var elsewhere = endpoint
            elsewhere.port += 1
            guard case .unknown = known.verify(key, at: elsewhere) else { Issue.record("matched another port"); return }
        }
    }

    /// The hashed lines we write are found by `ssh-keygen -F`.
    @Test(arguments: names)
    func sshKeygenFindsOurHashedLines(_ endpoint: SSHEndpoint) throws {
        try withScratchDirectory { scratch in
            let key = try #require(SSHHostKey(base64: KnownHostsTests.ecdsa))
            let salt = (0..<20).map { UInt8($0 * 13 % 256) }
            let line = KnownHosts.line(for: key, at: endpoint, hashingWith: salt)
            let file = scratch.path("known_hosts")
            try (line + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            // ssh lowercases the host name before it looks it up; `ssh-keygen -F` takes it as given.
            let host = endpoint.host.lowercased()
            let name = endpoint.port == 22 ? host : "[\(host)]:\(endpoint.port)"
            let found = try runTool(["ssh-keygen", "-F", name, "-f", file])
            #expect(found.contains(key.base64), "\(found)")
            #expect(throws: (any Error).self) { try runTool(["ssh-keygen", "-F", "other.example.org", "-f", file]) }
        }
    }

    /// Files that do not exist are not an error; appending creates ~/.ssh and starts on a new line.
    @Test func appendCreatesTheFolderAndKeepsLinesApart() throws {
        try withScratchDirectory { scratch in
            let file = scratch.path("home/.ssh/known_hosts")
            let files = KnownHostsFiles(user: [file], global: [scratch.path("missing")])
            #expect(files.load().entries.isEmpty)
            let key = try #require(SSHHostKey(base64: KnownHostsTests.ed25519))
            try files.append(KnownHosts.line(for: key, at: SSHEndpoint(host: "a.example.org")))
            try FileHandle(forWritingAtPath: file).map { handle in
                handle.seekToEndOfFile()
                handle.write(Data("# no newline at the end".utf8))
                handle.closeFile()
            }
            try files.append(KnownHosts.line(for: key, at: SSHEndpoint(host: "b.example.org", port: 2222)))
            let known = files.load()
            #expect(known.entries.map(\.location.line) == [1, 3])
            let attributes = try FileManager.default.attributesOfItem(atPath: scratch.path("home/.ssh"))
            #expect((attributes[.posixPermissions] as? Int) == 0o700)
            guard case .trusted = known.verify(key, at: SSHEndpoint(host: "b.example.org", port: 2222)) else {
                Issue.record("appended line not trusted"); return
            }
        }
    }
}
