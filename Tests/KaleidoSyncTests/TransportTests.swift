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
            let (server, port) = try gitDaemon(scratch)
            try syncBothWays(scratch, url: "git://127.0.0.1:\(port)/remote.git") { server.stop() }
        }
    }

    @Test(.enabled(if: SSHServer.available, "openssh-server is installed by scripts/bootstrap --test"))
    func syncOverSSHWithAKeyFile() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: ["knowledge/partners/tn-mun-sfax.yaml": partner("tn-mun-sfax", name: "Sfax")])
            let server = try SSHServer(scratch)
            // kaleido checks the server's host key: the test trusts its own server explicitly.
            try scratch.write(try server.knownHostsLine() + "\n", to: ".home/.ssh/known_hosts", in: scratch.root)
            try syncBothWays(server.withKey(scratch), url: server.url(remote)) { server.stop() }
            // two clones by git, then kaleido's own libgit2 connections (fetch and push of A, fetch of B)
            #expect(server.acceptedLogins >= 5, "\(server.process.log)")
        }
    }
}
