import Foundation
import Glibc
import Testing

extension ProcessTests {
    /// Sync through `url` between two clones: A's edit reaches B, and an unreachable server
    /// gives the offline exit code.
    func syncBothWays(_ scratch: Scratch, url: String, extraConfig: String = "", stopServer: () -> Void) throws {
        let path = "knowledge/partners/tn-mun-sfax.yaml"
        let a = try scratch.clone(url, as: "a", person: "Amina")
        let b = try scratch.clone(url, as: "b", person: "Bruno")
        try scratch.write(partner("tn-mun-sfax", name: "Sfax").replacingOccurrences(of: "+33 4 75 00 00 00", with: "+216 74 999 999"), to: path, in: a)
        let pushed = try scratch.kaleido("sync", in: a)
        #expect(pushed.status == 0, "\(pushed.errors)\(pushed.output)")
        #expect(pushed.output.contains("pushed"))
        let pulled = try scratch.kaleido("sync", in: b)
        #expect(pulled.status == 0, "\(pulled.errors)\(pulled.output)")
        #expect(scratch.read(path, in: b)?.contains("+216 74 999 999") == true)
        #expect(try scratch.gitOutput("rev-parse", "HEAD", in: a) == scratch.gitOutput("rev-parse", "HEAD", in: b))
        stopServer()
        try scratch.write(partner("tn-mun-sfax", name: "Sfax la belle"), to: path, in: b)
        let offline = try scratch.kaleido("sync", in: b)
        #expect(offline.status == 3, "\(offline.errors)\(offline.output)")
        #expect(offline.output.contains("1 commit(s) wait to be pushed"))
    }

    @Test func syncOverGitDaemon() async throws {
        try await withScratch { scratch in
            _ = try scratch.makeRemote(files: ["knowledge/partners/tn-mun-sfax.yaml": partner("tn-mun-sfax", name: "Sfax")])
            let port = try freePort()
            let server = try ServerProcess(
                "/usr/lib/git-core/git-daemon",
                ["--enable=receive-pack", "--base-path=\(scratch.root)", "--export-all", "--reuseaddr",
                 "--listen=127.0.0.1", "--port=\(port)", scratch.root],
                port: port, log: scratch.path("git-daemon.log"), environment: scratch.environment)
            try syncBothWays(scratch, url: "git://127.0.0.1:\(port)/remote.git") { server.stop() }
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd"), "openssh-server is installed by scripts/bootstrap --test"))
    func syncOverSSHWithAKeyFile() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: ["knowledge/partners/tn-mun-sfax.yaml": partner("tn-mun-sfax", name: "Sfax")])
            let keys = scratch.path("ssh")
            try FileManager.default.createDirectory(atPath: keys, withIntermediateDirectories: true)
            try scratch.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", keys + "/host_key"])
            try scratch.run("/usr/bin/ssh-keygen", ["-q", "-t", "ecdsa", "-b", "256", "-m", "PEM", "-N", "", "-f", keys + "/id_ecdsa"])
            try FileManager.default.copyItem(atPath: keys + "/id_ecdsa.pub", toPath: keys + "/authorized_keys")
            let port = try freePort()
            try """
                Port \(port)
                ListenAddress 127.0.0.1
                HostKey \(keys)/host_key
                PidFile \(keys)/sshd.pid
                AuthorizedKeysFile \(keys)/authorized_keys
                StrictModes no
                UsePAM no
                PermitRootLogin prohibit-password
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PubkeyAuthentication yes
                LogLevel VERBOSE

                """.write(toFile: keys + "/sshd_config", atomically: true, encoding: .utf8)
            // sshd refuses to start without its privilege-separation folder.
            try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
            let server = try ServerProcess(
                "/usr/sbin/sshd", ["-D", "-e", "-f", keys + "/sshd_config"],
                port: port, log: scratch.path("sshd.log"), environment: scratch.environment)
            let user = String(cString: getpwuid(getuid()).pointee.pw_name)
            let url = "ssh://\(user)@127.0.0.1:\(port)\(remote)"
            // git itself clones with the same key (the test set-up); kaleido reads KALEIDO_SSH_KEY.
            var scratchWithKey = scratch
            scratchWithKey.extraEnvironment = [
                "GIT_SSH_COMMAND": "ssh -i \(keys)/id_ecdsa -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o IdentitiesOnly=yes",
                "KALEIDO_SSH_KEY": keys + "/id_ecdsa",
            ]
            try syncBothWays(scratchWithKey, url: url) { server.stop() }
            // two clones by git, then kaleido's own libgit2 connections (fetch and push of A, fetch of B)
            #expect(server.log.components(separatedBy: "Accepted publickey").count - 1 >= 5, "\(server.log)")
        }
    }
}
