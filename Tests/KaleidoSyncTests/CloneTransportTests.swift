import Foundation
import Testing

/// `kaleido clone` over ssh with a real sshd: the host key is checked as a sync checks it
/// (an unknown server is refused, nothing is left, `kaleido trust-host` is the way on), then
/// the clone works and syncs.
extension ProcessTests {
    @Test(.enabled(if: SSHServer.available))
    func cloneOverSSHChecksTheHostKeyLikeASync() async throws {
        try await withScratch { base in
            let remote = try base.makeRemote(files: [Self.record: partner("tn-mun-sfax", name: "Sfax")])
            let server = try SSHServer(base)
            let scratch = server.withKey(base)
            let target = scratch.path("bruno")
            let identity = ["--name", "Bruno Ferrand", "--email", "bruno@example.org", "--lang", "fr"]

            let refused = try scratch.run(KaleidoBinary.path, ["clone", server.url(remote), target] + identity, in: scratch.root, allowFailure: true)
            #expect(refused.status == 1, "\(refused.errors)")
            #expect(refused.errors.contains("127.0.0.1 port \(server.port) is not a known host"), "\(refused.errors)")
            #expect(refused.errors.contains("kaleido trust-host 127.0.0.1:\(server.port)"), "\(refused.errors)")
            #expect(!FileManager.default.fileExists(atPath: target), "nothing left behind")

            let trusted = try scratch.kaleido("trust-host", "--yes", "127.0.0.1:\(server.port)", in: scratch.root)
            #expect(trusted.status == 0, "\(trusted.errors)")
            let cloned = try scratch.run(KaleidoBinary.path, ["clone", server.url(remote), target] + identity, in: scratch.root, allowFailure: true)
            #expect(cloned.status == 0, "\(cloned.errors)")
            // Over ssh the remote's HEAD is not reported: the only branch, main, is checked out.
            #expect(cloned.output.contains("(branche main, 1 fiche,"), "\(cloned.output)")
            #expect(scratch.read(Self.record, in: target) == partner("tn-mun-sfax", name: "Sfax"))

            try scratch.write(partner("tn-mun-sfax", name: "Sfax la belle"), to: Self.record, in: target)
            let synced = try scratch.kaleido("sync", in: target)
            #expect(synced.status == 0, "\(synced.errors)\(synced.output)")
            #expect(try scratch.gitOutput("log", "-1", "--format=%an", "main", in: remote) == "Bruno Ferrand")
        }
    }
}
