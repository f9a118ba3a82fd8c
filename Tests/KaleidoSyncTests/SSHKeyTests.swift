import Foundation
import Glibc
import Testing

/// ssh keys against the suite's real sshd (Debian's OpenSSH 9.2): a passphrase-protected key
/// through the passphrase command or ssh-agent, and an RSA key, which OpenSSH 9.2 accepts only
/// with SHA-2 signatures.
extension ProcessTests {
    /// A remote behind a running sshd whose host key is trusted, a new key of `type` that the
    /// server accepts, and a clone `a` with one local edit.
    func sshKeySetUp(_ base: Scratch, type: [String], passphrase: String) throws
        -> (server: SSHServer, scratch: Scratch, remote: String, clone: String, key: String) {
        let remote = try base.makeRemote(files: [Self.record: partner("tn-mun-sfax", name: "Sfax")])
        let server = try SSHServer(base)
        try base.write(try server.knownHostsLine() + "\n", to: ".home/.ssh/known_hosts", in: base.root)
        let key = server.keys + "/id_user"
        try base.run("/usr/bin/ssh-keygen", ["-q"] + type + ["-m", "PEM", "-N", passphrase, "-f", key])
        let authorized = try String(contentsOfFile: server.keys + "/authorized_keys", encoding: .utf8)
            + String(contentsOfFile: key + ".pub", encoding: .utf8)
        try authorized.write(toFile: server.keys + "/authorized_keys", atomically: true, encoding: .utf8)
        let clone = try base.clone(remote, as: "a", person: "Amina")
        try base.git("remote", "set-url", "origin", server.url(remote), in: clone)
        try base.write(partner("tn-mun-sfax", name: "Sfax la belle"), to: Self.record, in: clone)
        var scratch = base
        scratch.extraEnvironment["KALEIDO_SSH_KEY"] = key
        return (server, scratch, remote, clone, key)
    }

    func expectPushed(_ scratch: Scratch, _ clone: String, remote: String) throws {
        let synced = try scratch.kaleido("sync", in: clone)
        #expect(synced.status == 0, "\(synced.errors)\(synced.output)")
        #expect(synced.output.contains("pushed"), "\(synced.output)")
        #expect(try scratch.gitOutput("rev-parse", "main", in: remote) == scratch.gitOutput("rev-parse", "HEAD", in: clone))
    }

    @Test(.enabled(if: SSHServer.available))
    func aPassphraseProtectedKeyThroughThePassphraseCommand() async throws {
        try await withScratch { base in
            let secret = "correct horse 42"
            let (server, scratch, remote, clone, _) = try sshKeySetUp(base, type: ["-t", "ecdsa", "-b", "256"], passphrase: secret)
            defer { server.stop() }
            // Without the passphrase the key cannot be used: refused, not offline.
            let locked = try scratch.kaleido("sync", in: clone)
            #expect(locked.status == 1, "\(locked.errors)\(locked.output)")
            #expect(locked.errors.contains("kaleido.sshKeyPassphraseCommand"), "\(locked.errors)")

            try scratch.write(secret + "\n", to: "passphrase.txt", in: scratch.root)
            try scratch.git("config", "kaleido.sshKeyPassphraseCommand", "cat \(scratch.path("passphrase.txt"))", in: clone)
            try expectPushed(scratch, clone, remote: remote)
            let status = try scratch.kaleido("status", in: clone)
            for output in [locked.output, locked.errors, status.output] { #expect(!output.contains(secret)) }
        }
    }

    @Test(.enabled(if: SSHServer.available))
    func aWrongPassphraseIsRefusedNotOffline() async throws {
        try await withScratch { base in
            let (server, scratch, _, clone, _) = try sshKeySetUp(base, type: ["-t", "ecdsa", "-b", "256"], passphrase: "right one")
            defer { server.stop() }
            try scratch.git("config", "kaleido.sshKeyPassphraseCommand", "echo wrong one", in: clone)
            let refused = try scratch.kaleido("sync", in: clone)
            #expect(refused.status == 1, "\(refused.errors)\(refused.output)")
            #expect(refused.errors.contains("passphrase"), "\(refused.errors)")
            #expect(!refused.errors.contains("wrong one") && !refused.output.contains("wrong one"))
            try scratch.git("config", "kaleido.sshKeyPassphraseCommand", "exit 7", in: clone)
            let failing = try scratch.kaleido("sync", in: clone)
            #expect(failing.status == 1, "\(failing.errors)\(failing.output)")
            #expect(failing.errors.contains("passphrase command exited with status 7"), "\(failing.errors)")
        }
    }

    @Test(.enabled(if: SSHServer.available))
    func aPassphraseProtectedKeyThroughSSHAgent() async throws {
        try await withScratch { base in
            let secret = "agent secret"
            let (server, keyed, remote, clone, key) = try sshKeySetUp(base, type: ["-t", "ecdsa", "-b", "256"], passphrase: secret)
            defer { server.stop() }
            var scratch = keyed
            scratch.extraEnvironment["KALEIDO_SSH_KEY"] = nil
            let socket = scratch.path("agent.sock")
            let agent = try AgentProcess(socket: socket, scratch: scratch)
            defer { agent.stop() }
            // ssh-add reads the passphrase from SSH_ASKPASS, as on a desktop.
            try scratch.write("#!/bin/sh\necho '\(secret)'\n", to: "askpass", in: scratch.root)
            chmod(scratch.path("askpass"), 0o755)
            var adding = scratch
            adding.extraEnvironment.merge(["SSH_AUTH_SOCK": socket, "SSH_ASKPASS": scratch.path("askpass"),
                                           "SSH_ASKPASS_REQUIRE": "force", "DISPLAY": ":0"]) { $1 }
            try adding.run("/usr/bin/ssh-add", [key])
            scratch.extraEnvironment["SSH_AUTH_SOCK"] = socket
            try expectPushed(scratch, clone, remote: remote)
        }
    }

    @Test(.enabled(if: SSHServer.available))
    func anRSAKeyRefusedForSHA1SaysWhatToDo() async throws {
        try await withScratch { base in
            let (server, scratch, remote, clone, _) = try sshKeySetUp(base, type: ["-t", "rsa", "-b", "2048"], passphrase: "")
            defer { server.stop() }
            // Debian 12's libssh2 1.10 signs only with ssh-rsa (SHA-1), which OpenSSH 9.2 refuses:
            // the error says so and what to use instead (not offline).
            let refused = try scratch.kaleido("sync", in: clone)
            #expect(refused.status == 1, "\(refused.errors)\(refused.output)")
            for part in ["RSA key", "SHA-1", "ssh-keygen -t ecdsa", "PubkeyAcceptedAlgorithms"] {
                #expect(refused.errors.contains(part), "\(part): \(refused.errors)")
            }
            #expect(server.process.log.contains("signature algorithm ssh-rsa not in PubkeyAcceptedAlgorithms"), "\(server.process.log)")
            #expect(try scratch.gitOutput("rev-parse", "main", in: remote) != scratch.gitOutput("rev-parse", "HEAD", in: clone))
        }
    }
}

/// `ssh-agent -D` on a socket in the scratch folder, stopped by the test.
struct AgentProcess {
    let process: Process

    init(socket: String, scratch: Scratch) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-agent")
        process.arguments = ["-D", "-a", socket]
        process.environment = scratch.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        guard eventually(timeout: 10, { FileManager.default.fileExists(atPath: socket) }) else {
            throw CommandFailed(description: "ssh-agent did not create \(socket)")
        }
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

extension ProcessTests {
    /// `.kaleido/config.yaml` comes from the remote: a command in it would run on every
    /// teammate's machine, so the passphrase command is refused there with where to put it.
    @Test func aPassphraseCommandInTheSharedConfigIsRefused() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: [Self.record: partner("tn-mun-sfax", name: "Sfax")])
            let clone = try scratch.clone(remote, as: "a", person: "Amina")
            let config = try #require(scratch.read(".kaleido/config.yaml", in: clone))
            try scratch.write(config + "sync:\n  ssh_key_passphrase_command: touch \(scratch.path("ran"))\n", to: ".kaleido/config.yaml", in: clone)
            let refused = try scratch.kaleido("sync", in: clone)
            #expect(refused.status == 2, "\(refused.errors)\(refused.output)")
            #expect(refused.errors.contains("git config kaleido.sshKeyPassphraseCommand"), "\(refused.errors)")
            let line = config.split(separator: "\n", omittingEmptySubsequences: false).count + 1
            #expect(refused.errors.contains(".kaleido/config.yaml:\(line):"), "file:line:col: \(refused.errors)")
            #expect(!FileManager.default.fileExists(atPath: scratch.path("ran")))
        }
    }
}
