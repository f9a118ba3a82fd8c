import Foundation
import Glibc

/// A real HTTPS git server on 127.0.0.1: nginx (TLS with a certificate signed by a private CA
/// the test makes with the `openssl` command, HTTP basic auth from an htpasswd file) in front of
/// `git http-backend` through fcgiwrap, serving the scratch folder's bare repositories with push
/// enabled. nginx runs as the current user, in the foreground, with every file in its folder.
struct HTTPSServer {
    let folder: String
    let port: UInt16
    /// The private CA's certificate: what a client must trust.
    let caFile: String
    private let nginx: ServerProcess
    private let fcgi: ServerProcess

    static let nginxPath = "/usr/sbin/nginx", fcgiwrapPath = "/usr/sbin/fcgiwrap"
    static let backendPath = "/usr/lib/git-core/git-http-backend", opensslPath = "/usr/bin/openssl"

    static var available: Bool {
        [nginxPath, fcgiwrapPath, backendPath, opensslPath].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts a server for the bare repositories under `scratch.root`, accepting `users`
    /// (name → password), with a certificate for `subjectAltNames` (openssl's syntax).
    init(_ scratch: Scratch, name: String = "https", users: [String: String],
         subjectAltNames: String = "IP:127.0.0.1,DNS:localhost", extendedKeyUsage: String = "serverAuth") throws {
        folder = scratch.path(name)
        try FileManager.default.createDirectory(atPath: folder + "/tmp", withIntermediateDirectories: true)
        caFile = folder + "/ca.crt"
        try Self.makeCertificates(in: folder, extensions: "subjectAltName=\(subjectAltNames)\nextendedKeyUsage=\(extendedKeyUsage)\n", scratch: scratch)
        var htpasswd = ""
        for (user, password) in users.sorted(by: { $0.key < $1.key }) {
            let hash = try scratch.run(Self.opensslPath, ["passwd", "-apr1", password]).output
            htpasswd += "\(user):\(hash.trimmingCharacters(in: .whitespacesAndNewlines))\n"
        }
        try htpasswd.write(toFile: folder + "/htpasswd", atomically: true, encoding: .utf8)
        let fcgiPort = try freePort()
        // One process (`-c 1`): preforked workers would outlive the SIGTERM that stops it.
        fcgi = try ServerProcess(
            Self.fcgiwrapPath, ["-c", "1", "-s", "tcp:127.0.0.1:\(fcgiPort)"],
            port: fcgiPort, log: folder + "/fcgiwrap.log", environment: scratch.environment)
        port = try freePort()
        try Self.configuration(folder: folder, port: port, fcgiPort: fcgiPort, projectRoot: scratch.root)
            .write(toFile: folder + "/nginx.conf", atomically: true, encoding: .utf8)
        do {
            nginx = try ServerProcess(
                Self.nginxPath, ["-p", folder, "-c", folder + "/nginx.conf", "-e", folder + "/error.log"],
                port: port, log: folder + "/nginx.out", environment: scratch.environment)
        } catch {
            fcgi.stop()
            throw CommandFailed(description: "\(error) \((try? String(contentsOfFile: folder + "/error.log", encoding: .utf8)) ?? "")")
        }
    }

    /// A CA (key and self-signed certificate) and a server certificate it signs.
    private static func makeCertificates(in folder: String, extensions: String, scratch: Scratch) throws {
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try scratch.run(opensslPath, ["req", "-x509"] + ec + [
            "-keyout", folder + "/ca.key", "-out", folder + "/ca.crt", "-days", "2", "-subj", "/CN=Kaleido test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        try scratch.run(opensslPath, ["req", "-new"] + ec + [
            "-keyout", folder + "/server.key", "-out", folder + "/server.csr", "-subj", "/CN=Kaleido test server"])
        try "basicConstraints=CA:FALSE\n\(extensions)"
            .write(toFile: folder + "/server.ext", atomically: true, encoding: .utf8)
        try scratch.run(opensslPath, [
            "x509", "-req", "-in", folder + "/server.csr", "-CA", folder + "/ca.crt", "-CAkey", folder + "/ca.key",
            "-CAcreateserial", "-out", folder + "/server.crt", "-days", "2", "-extfile", folder + "/server.ext"])
    }

    private static func configuration(folder: String, port: UInt16, fcgiPort: UInt16, projectRoot: String) -> String {
        """
        daemon off;
        master_process off;
        pid \(folder)/nginx.pid;
        error_log \(folder)/error.log info;
        events { worker_connections 64; }
        http {
          access_log \(folder)/access.log;
          client_body_temp_path \(folder)/tmp/body;
          fastcgi_temp_path \(folder)/tmp/fastcgi;
          proxy_temp_path \(folder)/tmp/proxy;
          uwsgi_temp_path \(folder)/tmp/uwsgi;
          scgi_temp_path \(folder)/tmp/scgi;
          server {
            listen 127.0.0.1:\(port) ssl;
            ssl_certificate \(folder)/server.crt;
            ssl_certificate_key \(folder)/server.key;
            client_max_body_size 0;
            auth_basic "kaleido test";
            auth_basic_user_file \(folder)/htpasswd;
            location / {
              fastcgi_pass 127.0.0.1:\(fcgiPort);
              fastcgi_param SCRIPT_FILENAME \(backendPath);
              fastcgi_param GIT_PROJECT_ROOT \(projectRoot);
              fastcgi_param GIT_HTTP_EXPORT_ALL "";
              fastcgi_param GIT_CONFIG_NOSYSTEM 1;
              fastcgi_param HOME \(folder);
              fastcgi_param PATH_INFO $uri;
              fastcgi_param REMOTE_USER $remote_user;
              fastcgi_param QUERY_STRING $query_string;
              fastcgi_param REQUEST_METHOD $request_method;
              fastcgi_param CONTENT_TYPE $content_type;
              fastcgi_param CONTENT_LENGTH $content_length;
              fastcgi_param HTTP_CONTENT_ENCODING $http_content_encoding;
            }
          }
        }

        """
    }

    /// The URL of a repository under the scratch folder, e.g. `url("remote.git")`.
    func url(_ repository: String, host: String = "127.0.0.1") -> String { "https://\(host):\(port)/\(repository)" }

    /// How many requests nginx refused for a wrong password (a user was sent).
    var failedLogins: Int {
        let log = (try? String(contentsOfFile: folder + "/error.log", encoding: .utf8)) ?? ""
        return log.components(separatedBy: "password mismatch").count - 1
    }

    /// How many requests reached git http-backend after a successful login.
    var acceptedRequests: Int {
        let log = (try? String(contentsOfFile: folder + "/access.log", encoding: .utf8)) ?? ""
        return log.split(separator: "\n").filter { $0.contains("\" 200 ") && !$0.contains(" - - [") }.count
    }

    /// Whether nginx or fcgiwrap (or a process they left) still listens.
    var isListening: Bool { KaleidoSyncTests.isListening(port) || KaleidoSyncTests.isListening(fcgi.port) }

    func stop() {
        nginx.stop()
        fcgi.stop()
    }
}
