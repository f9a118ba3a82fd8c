import Foundation
import Glibc
import Testing

/// ssh host key verification with a real sshd: unknown and changed keys are refused before
/// anything is fetched or pushed; `kaleido trust-host`, plain, `[host]:port`, hashed and
/// configured known_hosts entries let the sync through.
extension ProcessTests {
    static let record = "knowledge/partners/tn-mun-sfax.yaml"

    /// A remote, a running sshd and a clone `a` with one local edit committed by nobody yet.
    func sshSetUp(_ scratch: Scratch) throws -> (server: SSHServer, scratch: Scratch, remote: String, clone: String) {
        let remote = try scratch.makeRemote(files: [Self.record: partner("tn-mun-sfax", name: "Sfax")])
        let server = try SSHServer(scratch)
        let keyed = server.withKey(scratch)
        let clone = try keyed.clone(server.url(remote), as: "a", person: "Amina")
        try keyed.write(partner("tn-mun-sfax", name: "Sfax la belle"), to: Self.record, in: clone)
        return (server, keyed, remote, clone)
    }

    @Test(.enabled(if: SSHServer.available))
    func anUnknownHostIsRefusedUntilTrustHost() async throws {
        try await withScratch { base in
            let (server, scratch, remote, clone) = try sshSetUp(base)
            let seed = try scratch.gitOutput("rev-parse", "main", in: remote)
            let fingerprint = try server.fingerprint(scratch)
            let refused = try scratch.kaleido("sync", in: clone)
            #expect(refused.status == 1, "\(refused.errors)\(refused.output)")
            #expect(refused.errors.contains("127.0.0.1 port \(server.port) is not a known host"), "\(refused.errors)")
            #expect(refused.errors.contains("ssh-ed25519 key \(fingerprint)"), "\(refused.errors)")
            #expect(refused.errors.contains("kaleido trust-host 127.0.0.1:\(server.port)"), "\(refused.errors)")
            #expect(refused.output.contains("1 commit(s) wait to be pushed"), "\(refused.output)")
            #expect(try scratch.gitOutput("rev-parse", "main", in: remote) == seed)
            #expect(server.acceptedLogins == 1, "only git's clone logged in: \(server.process.log)")

            let notATerminal = try scratch.kaleido("trust-host", in: clone)
            #expect(notATerminal.status == 1)
            #expect(notATerminal.errors.contains("--yes"))
            let trusted = try scratch.kaleido("trust-host", "--yes", in: clone)
            #expect(trusted.status == 0, "\(trusted.errors)")
            #expect(trusted.output.contains(fingerprint))
            let knownHosts = scratch.read(".home/.ssh/known_hosts", in: scratch.root) ?? ""
            #expect(knownHosts == (try server.knownHostsLine()) + "\n")
            let again = try scratch.kaleido("trust-host", "127.0.0.1:\(server.port)", in: clone)
            #expect(again.status == 0)
            #expect(again.output.contains("already trusted (\(scratch.path(".home/.ssh/known_hosts")):1)"), "\(again.output)")

            let synced = try scratch.kaleido("sync", in: clone)
            #expect(synced.status == 0, "\(synced.errors)\(synced.output)")
            #expect(synced.output.contains("pushed"))
            #expect(try scratch.gitOutput("rev-parse", "main", in: remote) == scratch.gitOutput("rev-parse", "HEAD", in: clone))
        }
    }

    @Test(.enabled(if: SSHServer.available))
    func aChangedHostKeyIsRefusedAndNothingIsFetchedOrPushed() async throws {
        try await withScratch { base in
            let (server, scratch, remote, clone) = try sshSetUp(base)
            // Someone else pushed meanwhile (through the file system): a fetch would bring it in.
            let other = try scratch.clone(remote, as: "other", person: "Bruno")
            try scratch.write(partner("fr-ville-romans", name: "Romans"), to: "knowledge/partners/fr-ville-romans.yaml", in: other)
            try scratch.git("add", "--all", in: other)
            try scratch.git("commit", "--quiet", "-m", "Romans", in: other)
            try scratch.git("push", "--quiet", "origin", "main", in: other)
            let remoteTip = try scratch.gitOutput("rev-parse", "main", in: remote)
            let tracking = try scratch.gitOutput("rev-parse", "refs/remotes/origin/main", in: clone)
            // known_hosts holds another ed25519 key for this host and port.
            try scratch.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", scratch.path("impostor")])
            let stored = try String(contentsOfFile: scratch.path("impostor.pub"), encoding: .utf8).split(separator: " ")
            let knownHosts = scratch.path(".home/.ssh/known_hosts")
            try scratch.write("# test\n[127.0.0.1]:\(server.port) \(stored[0]) \(stored[1])\n", to: ".home/.ssh/known_hosts", in: scratch.root)

            let refused = try scratch.kaleido("sync", in: clone)
            #expect(refused.status == 1, "\(refused.errors)\(refused.output)")
            for part in ["has CHANGED", "127.0.0.1 port \(server.port)", "ssh-ed25519", try server.fingerprint(scratch),
                         "\(knownHosts):2", "man-in-the-middle", "ssh-keygen -R '[127.0.0.1]:\(server.port)'"] {
                #expect(refused.errors.contains(part), "\(part) missing: \(refused.errors)")
            }
            #expect(try scratch.gitOutput("rev-parse", "main", in: remote) == remoteTip, "nothing pushed")
            #expect(try scratch.gitOutput("rev-parse", "refs/remotes/origin/main", in: clone) == tracking, "nothing fetched")
            #expect(try scratch.gitOutput("rev-list", "--count", "HEAD", "^refs/remotes/origin/main", in: clone) == "1", "the edit is committed locally")
            #expect(server.acceptedLogins == 1, "kaleido never logged in: \(server.process.log)")
            // trust-host never replaces a stored key.
            let trust = try scratch.kaleido("trust-host", "--yes", in: clone)
            #expect(trust.status == 1)
            #expect(trust.errors.contains("has CHANGED"))
            #expect(scratch.read(".home/.ssh/known_hosts", in: scratch.root)?.components(separatedBy: "\n").count == 3)
        }
    }

    /// The team pins its server in the KB (`sync.known_hosts`), hashed as `ssh-keygen -H` writes it.
    @Test(.enabled(if: SSHServer.available))
    func aHashedEntryInTheConfiguredFileIsTrusted() async throws {
        try await withScratch { base in
            let (server, scratch, remote, clone) = try sshSetUp(base)
            try scratch.write(try server.knownHostsLine() + "\n", to: ".kaleido/known_hosts", in: clone)
            try scratch.run("/usr/bin/ssh-keygen", ["-q", "-H", "-f", clone + "/.kaleido/known_hosts"])
            #expect(scratch.read(".kaleido/known_hosts", in: clone)?.hasPrefix("|1|") == true)
            let config = try #require(scratch.read(".kaleido/config.yaml", in: clone))
            try scratch.write(config + "sync:\n  known_hosts: .kaleido/known_hosts\n", to: ".kaleido/config.yaml", in: clone)
            try scratch.git("add", ".kaleido", in: clone)
            try scratch.git("commit", "--quiet", "-m", "pin the server's host key", in: clone)
            let synced = try scratch.kaleido("sync", in: clone)
            #expect(synced.status == 0, "\(synced.errors)\(synced.output)")
            #expect(try scratch.gitOutput("rev-parse", "main", in: remote) == scratch.gitOutput("rev-parse", "HEAD", in: clone))
            #expect(scratch.read(".home/.ssh/known_hosts", in: scratch.root) == nil, "the user's file was not needed")
        }
    }

    /// KALEIDO_KNOWN_HOSTS replaces the user's file; a key marked @revoked is refused even
    /// when another line trusts it.
    @Test(.enabled(if: SSHServer.available))
    func aRevokedKeyIsRefusedAndThePlainPortEntryTrusts() async throws {
        try await withScratch { base in
            let (server, keyed, remote, clone) = try sshSetUp(base)
            var scratch = keyed
            let file = scratch.path("machine_known_hosts")
            scratch.extraEnvironment["KALEIDO_KNOWN_HOSTS"] = file
            let seed = try scratch.gitOutput("rev-parse", "main", in: remote)
            let line = try server.knownHostsLine()
            let revokedKey = line.split(separator: " ").dropFirst().joined(separator: " ")
            try "\(line)\n@revoked * \(revokedKey)\n".write(toFile: file, atomically: true, encoding: .utf8)
            let refused = try scratch.kaleido("sync", in: clone)
            #expect(refused.status == 1, "\(refused.errors)\(refused.output)")
            #expect(refused.errors.contains("\(file):2 marks @revoked"), "\(refused.errors)")
            #expect(try scratch.gitOutput("rev-parse", "main", in: remote) == seed)

            try "# the team's server\n\(line)\n".write(toFile: file, atomically: true, encoding: .utf8)
            // libgit2 reads ~/.ssh/known_hosts itself and stops at a line libssh2 cannot parse:
            // the error names that line.
            try scratch.write("garbage line\n", to: ".home/.ssh/known_hosts", in: scratch.root)
            let stopped = try scratch.kaleido("sync", in: clone)
            #expect(stopped.status == 3, "\(stopped.errors)\(stopped.output)")
            #expect(stopped.output.contains("\(scratch.path(".home/.ssh/known_hosts")):1: expected host names"), "\(stopped.output)")
            try FileManager.default.removeItem(atPath: scratch.path(".home/.ssh/known_hosts"))

            let synced = try scratch.kaleido("sync", in: clone)
            #expect(synced.status == 0, "\(synced.errors)\(synced.output)")
            #expect(try scratch.gitOutput("rev-parse", "main", in: remote) == scratch.gitOutput("rev-parse", "HEAD", in: clone))
        }
    }

    /// The daemon logs a refusal once, keeps its schedule, and syncs once the host is trusted.
    @Test(.enabled(if: SSHServer.available))
    func theDaemonLogsARefusalOnceAndSyncsOnceTrusted() async throws {
        try await withScratch { base in
            let (server, scratch, remote, clone) = try sshSetUp(base)
            let daemon = try DaemonProcess(kb: clone, scratch: scratch)
            defer { daemon.stop() }
            #expect(eventually(timeout: 15) { daemon.log.contains("ssh host key refused") }, "\(daemon.log)")
            // fetch_interval and max_backoff are 1 s: several retries happen meanwhile.
            let attempts = server.process.log.components(separatedBy: "Connection from").count
            #expect(eventually(timeout: 10) { server.process.log.components(separatedBy: "Connection from").count >= attempts + 2 },
                    "the daemon keeps retrying: \(server.process.log)")
            #expect(daemon.log.components(separatedBy: "ssh host key refused").count - 1 == 1, "\(daemon.log)")
            #expect(daemon.log.contains(try server.fingerprint(scratch)))

            let trusted = try scratch.kaleido("trust-host", "--yes", "--hash", in: clone)
            #expect(trusted.status == 0, "\(trusted.errors)")
            #expect(scratch.read(".home/.ssh/known_hosts", in: scratch.root)?.hasPrefix("|1|") == true)
            let pushed = try eventually(timeout: 20) {
                try scratch.gitOutput("rev-parse", "main", in: remote) == scratch.gitOutput("rev-parse", "HEAD", in: clone)
                    && scratch.read(Self.record, in: clone)?.contains("Sfax la belle") == true
                    && (try scratch.gitOutput("show", "main:" + Self.record, in: remote)).contains("Sfax la belle")
            }
            #expect(pushed, "\(daemon.log)")
            #expect(daemon.stop() == 0)
        }
    }
}
