import Foundation
import Glibc
import Testing

/// Sync over https against a real server (nginx, git http-backend, a private CA, basic auth):
/// a token and git's credential helper authenticate; a refused password or an untrusted
/// certificate is refused (exit 1, the reason and what to set), not taken for an outage.
extension ProcessTests {
    static let httpsRecord = "knowledge/partners/tn-mun-sfax.yaml"

    /// A remote served by `server` and clones `a` and `b` whose origin is its https URL (cloned
    /// through the file system: the clone's own credentials are not what is tested).
    func httpsClones(_ scratch: Scratch, _ server: HTTPSServer, host: String = "127.0.0.1") throws -> (remote: String, a: String, b: String) {
        let remote = scratch.path("remote.git")
        let a = try scratch.clone(remote, as: "a", person: "Amina")
        let b = try scratch.clone(remote, as: "b", person: "Bruno")
        for clone in [a, b] { try scratch.git("remote", "set-url", "origin", server.url("remote.git", host: host), in: clone) }
        return (remote, a, b)
    }

    /// A's edit is pushed over https and fetched by B; the remote holds A's commit.
    func pushAndFetch(_ scratch: Scratch, remote: String, a: String, b: String) throws {
        try scratch.write(partner("tn-mun-sfax", name: "Sfax la belle"), to: Self.httpsRecord, in: a)
        let pushed = try scratch.kaleido("sync", in: a)
        #expect(pushed.status == 0, "\(pushed.errors)\(pushed.output)")
        #expect(pushed.output.contains("pushed"))
        #expect(try scratch.gitOutput("rev-parse", "main", in: remote) == scratch.gitOutput("rev-parse", "HEAD", in: a))
        let fetched = try scratch.kaleido("sync", in: b)
        #expect(fetched.status == 0, "\(fetched.errors)\(fetched.output)")
        #expect(scratch.read(Self.httpsRecord, in: b)?.contains("Sfax la belle") == true)
    }

    func seededRemote(_ scratch: Scratch) throws {
        _ = try scratch.makeRemote(files: [Self.httpsRecord: partner("tn-mun-sfax", name: "Sfax")])
    }

    /// A seeded remote served by a new https server (`users`, the certificate's names and key
    /// usage), the clones `a` and `b` whose origin is its URL, and every process's environment
    /// with `environment(server)` added; the server is stopped afterwards.
    func withHTTPSKB(
        users: [String: String], subjectAltNames: String = "IP:127.0.0.1,DNS:localhost", extendedKeyUsage: String = "serverAuth",
        environment: (HTTPSServer) -> [String: String] = { _ in [:] },
        _ body: (inout Scratch, HTTPSServer, (remote: String, a: String, b: String)) throws -> Void
    ) async throws {
        try await withScratch { base in
            try seededRemote(base)
            let server = try HTTPSServer(base, users: users, subjectAltNames: subjectAltNames, extendedKeyUsage: extendedKeyUsage)
            defer { server.stop() }
            var scratch = base
            scratch.extraEnvironment = environment(server)
            let clones = try httpsClones(scratch, server)
            try body(&scratch, server, clones)
        }
    }

    @Test(.enabled(if: HTTPSServer.available, "nginx and fcgiwrap are installed by scripts/bootstrap --test"))
    func httpsPushAndFetchWithATokenTrustingGIT_SSL_CAINFO() async throws {
        // https://127.0.0.1:PORT: the certificate names the address in an IP subjectAltName.
        try await withHTTPSKB(users: ["x-access-token": "tok-1234"], environment: { server in ["KALEIDO_TOKEN": "tok-1234", "GIT_SSL_CAINFO": server.caFile] }) { scratch, server, clones in
            let (remote, a, b) = clones
            try pushAndFetch(scratch, remote: remote, a: a, b: b)
            #expect(server.failedLogins == 0)
            server.stop()
            #expect(!server.isListening, "nothing of the server is left running")
        }
    }

    @Test(.enabled(if: HTTPSServer.available, "nginx and fcgiwrap are installed by scripts/bootstrap --test"))
    func httpsPushAndFetchWithACredentialHelperTrustingHttpSslCAInfo() async throws {
        try await withHTTPSKB(users: ["alice": "s3cret"]) { scratch, server, clones in
            let (remote, a, b) = clones
            let store = scratch.path(".home/credentials")
            try scratch.write("https://alice:s3cret@127.0.0.1:\(server.port)\n", to: ".home/credentials", in: scratch.root)
            for clone in [a, b] {
                try scratch.git("config", "credential.helper", "store --file=\(store)", in: clone)
                try scratch.git("config", "http.sslCAInfo", server.caFile, in: clone)
            }
            try pushAndFetch(scratch, remote: remote, a: a, b: b)
            #expect(server.failedLogins == 0)
        }
    }

    @Test(.enabled(if: HTTPSServer.available, "nginx and fcgiwrap are installed by scripts/bootstrap --test"))
    func aWrongPasswordExits1AndIsRejectedToTheHelper() async throws {
        try await withHTTPSKB(users: ["alice": "s3cret"], environment: { server in ["GIT_SSL_CAINFO": server.caFile] }) { scratch, server, clones in
            let (remote, a, _) = clones
            let seed = try scratch.gitOutput("rev-parse", "main", in: remote)
            let store = scratch.path(".home/credentials")
            let stored = "https://alice:wrong@127.0.0.1:\(server.port)\nhttps://bob:other@example.org\n"
            try scratch.write(stored, to: ".home/credentials", in: scratch.root)
            try scratch.git("config", "credential.helper", "store --file=\(store)", in: a)
            try scratch.write(partner("tn-mun-sfax", name: "Sfax la belle"), to: Self.httpsRecord, in: a)

            let refused = try scratch.kaleido("sync", in: a)
            #expect(refused.status == 1, "not offline (3): \(refused.errors)\(refused.output)")
            #expect(refused.errors.contains("refused"), "\(refused.errors)")
            #expect(refused.errors.contains("alice"), "\(refused.errors)")
            #expect(refused.output.contains("1 commit(s) wait to be pushed"), "\(refused.output)")
            #expect(try scratch.gitOutput("rev-parse", "main", in: remote) == seed)
            #expect(server.failedLogins == 1, "one login with the helper's password")
            // git's helper forgot the refused password, and only it.
            #expect(scratch.read(".home/credentials", in: scratch.root) == "https://bob:other@example.org\n")
            let status = try scratch.kaleido("status", in: a)
            #expect(status.output.contains("Authentication refused"), "\(status.output)")
            #expect(!status.output.contains("Offline"), "\(status.output)")

            // With nothing left to offer, the next sync does not even try a login.
            let again = try scratch.kaleido("sync", in: a)
            #expect(again.status == 1, "\(again.errors)\(again.output)")
            #expect(server.failedLogins == 1)

            // A server that is down is offline again, whatever was refused before.
            server.stop()
            let offline = try scratch.kaleido("sync", in: a)
            #expect(offline.status == 3, "\(offline.errors)\(offline.output)")
            let after = try scratch.kaleido("status", in: a)
            #expect(after.output.contains("Offline since") && !after.output.contains("refused since"), "\(after.output)")
        }
    }

    @Test(.enabled(if: HTTPSServer.available, "nginx and fcgiwrap are installed by scripts/bootstrap --test"))
    func theDaemonRetriesARefusedLoginRarely() async throws {
        try await withHTTPSKB(users: ["x-access-token": "right"], environment: { server in ["KALEIDO_TOKEN": "wrong", "GIT_SSL_CAINFO": server.caFile] }) { scratch, server, clones in
            let (_, a, _) = clones
            let daemon = try DaemonProcess(kb: a, scratch: scratch)
            #expect(eventually(timeout: 10) { server.failedLogins >= 1 }, "\(daemon.log)")
            // The offline backoff (daemon.max_backoff: 1 s) would try again every second.
            try scratch.write(partner("tn-mun-sfax", name: "Sfax la belle"), to: Self.httpsRecord, in: a)
            #expect(eventually(timeout: 10) { (try? scratch.gitOutput("log", "-1", "--format=%s", in: a))?.contains("tn-mun-sfax") == true })
            sleep(3)
            #expect(server.failedLogins == 1, "\(daemon.log)")
            let status = try scratch.kaleido("status", in: a)
            #expect(status.output.contains("Authentication refused"), "\(status.output)")
            #expect(daemon.stop() == 0)
            #expect(daemon.log.contains("authentication refused"), "\(daemon.log)")
        }
    }

    @Test(.enabled(if: HTTPSServer.available, "nginx and fcgiwrap are installed by scripts/bootstrap --test"))
    func anUntrustedCertificateExits1NamingTheSettings() async throws {
        try await withHTTPSKB(users: ["x-access-token": "tok"], environment: { server in ["KALEIDO_TOKEN": "tok"] }) { scratch, server, clones in
            let (remote, a, _) = clones
            let seed = try scratch.gitOutput("rev-parse", "main", in: remote)
            try scratch.write(partner("tn-mun-sfax", name: "Sfax la belle"), to: Self.httpsRecord, in: a)
            let refused = try scratch.kaleido("sync", in: a)
            #expect(refused.status == 1, "not offline (3): \(refused.errors)\(refused.output)")
            #expect(refused.errors.contains("not signed by a trusted"), "\(refused.errors)")
            #expect(refused.errors.contains("http.sslCAInfo"), "\(refused.errors)")
            #expect(refused.errors.contains("GIT_SSL_CAINFO"), "\(refused.errors)")
            #expect(try scratch.gitOutput("rev-parse", "main", in: remote) == seed)
            #expect(server.acceptedRequests == 0 && server.failedLogins == 0, "nothing sent before the certificate was checked")
            let status = try scratch.kaleido("status", in: a)
            #expect(status.output.contains("Certificate refused"), "\(status.output)")

            // OpenSSL's variable, as curl and git read it, is trusted too.
            scratch.extraEnvironment["SSL_CERT_FILE"] = server.caFile
            let trusted = try scratch.kaleido("sync", in: a)
            #expect(trusted.status == 0, "\(trusted.errors)\(trusted.output)")

            // A CA file that cannot be read is a setting to fix, not an outage.
            try scratch.git("config", "http.sslCAInfo", scratch.path("missing.pem"), in: a)
            let unreadable = try scratch.kaleido("sync", in: a)
            #expect(unreadable.status == 1, "\(unreadable.errors)\(unreadable.output)")
            #expect(unreadable.errors.contains("load the trusted CA certificates (http.sslCAInfo=\(scratch.path("missing.pem"))"), "\(unreadable.errors)")
        }
    }

    @Test(.enabled(if: HTTPSServer.available, "nginx and fcgiwrap are installed by scripts/bootstrap --test"))
    func aCAFolderInTheGlobalGitConfigIsTrusted() async throws {
        try await withHTTPSKB(users: ["x-access-token": "tok"], environment: { server in ["KALEIDO_TOKEN": "tok"] }) { scratch, server, clones in
            let (remote, a, b) = clones
            // The user's ~/.gitconfig (the scratch HOME), a folder of PEM certificates.
            let folder = scratch.path("cas")
            for path in [folder, scratch.path(".home")] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
            try FileManager.default.copyItem(atPath: server.caFile, toPath: folder + "/team-ca.pem")
            try scratch.git("config", "--global", "http.sslCAPath", folder, in: scratch.root)
            try pushAndFetch(scratch, remote: remote, a: a, b: b)
        }
    }

    @Test(.enabled(if: HTTPSServer.available, "nginx and fcgiwrap are installed by scripts/bootstrap --test"))
    func anAddressMustBeNamedByTheCertificate() async throws {
        // A certificate for localhost only, from a trusted CA.
        try await withHTTPSKB(users: ["x-access-token": "tok"], subjectAltNames: "DNS:localhost", environment: { server in ["KALEIDO_TOKEN": "tok", "GIT_SSL_CAINFO": server.caFile] }) { scratch, server, clones in
            let (_, a, b) = clones
            let refused = try scratch.kaleido("sync", in: a)
            #expect(refused.status == 1, "\(refused.errors)\(refused.output)")
            #expect(refused.errors.contains("does not name 127.0.0.1"), "\(refused.errors)")
            try scratch.git("remote", "set-url", "origin", server.url("remote.git", host: "localhost"), in: b)
            let byName = try scratch.kaleido("sync", in: b)
            #expect(byName.status == 0, "\(byName.errors)\(byName.output)")
        }
    }

    @Test(.enabled(if: HTTPSServer.available, "nginx and fcgiwrap are installed by scripts/bootstrap --test"))
    func anAddressCertificateMustBeMadeForAServer() async throws {
        // It names the address, from a trusted CA, but for TLS clients only.
        try await withHTTPSKB(users: ["x-access-token": "tok"], extendedKeyUsage: "clientAuth", environment: { server in ["KALEIDO_TOKEN": "tok", "GIT_SSL_CAINFO": server.caFile] }) { scratch, server, clones in
            let (_, a, _) = clones
            let refused = try scratch.kaleido("sync", in: a)
            #expect(refused.status == 1, "\(refused.errors)\(refused.output)")
            #expect(refused.errors.contains("not made for a TLS server"), "\(refused.errors)")
        }
    }
}
