import Foundation
import Glibc

/// A real `sshd` on 127.0.0.1 serving the scratch folder, with a generated ed25519 host key and
/// an ecdsa client key that it accepts.
struct SSHServer {
    let process: ServerProcess
    let keys: String
    let port: UInt16
    let user: String

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") }

    init(_ scratch: Scratch) throws {
        keys = scratch.path("ssh")
        try FileManager.default.createDirectory(atPath: keys, withIntermediateDirectories: true)
        try scratch.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", keys + "/host_key"])
        try scratch.run("/usr/bin/ssh-keygen", ["-q", "-t", "ecdsa", "-b", "256", "-m", "PEM", "-N", "", "-f", keys + "/id_ecdsa"])
        try FileManager.default.copyItem(atPath: keys + "/id_ecdsa.pub", toPath: keys + "/authorized_keys")
        port = try freePort()
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
        process = try ServerProcess(
            "/usr/sbin/sshd", ["-D", "-e", "-f", keys + "/sshd_config"],
            port: port, log: scratch.path("sshd.log"), environment: scratch.environment)
        user = String(cString: getpwuid(getuid()).pointee.pw_name)
    }

    /// The ssh URL of a folder on this server.
    func url(_ path: String) -> String { "ssh://\(user)@127.0.0.1:\(port)\(path)" }

    /// `scratch` with git cloning through this server (no host check: that is the test set-up,
    /// not what is tested) and kaleido using the client key.
    func withKey(_ scratch: Scratch) -> Scratch {
        var scratch = scratch
        scratch.extraEnvironment["GIT_SSH_COMMAND"] =
            "ssh -i \(keys)/id_ecdsa -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o IdentitiesOnly=yes -o LogLevel=ERROR"
        scratch.extraEnvironment["KALEIDO_SSH_KEY"] = keys + "/id_ecdsa"
        return scratch
    }

    /// The known_hosts line for this server, computed by the test from the host key file.
    func knownHostsLine(name: String? = nil) throws -> String {
        let publicKey = try String(contentsOfFile: keys + "/host_key.pub", encoding: .utf8).split(separator: " ")
        return "\(name ?? "[127.0.0.1]:\(port)") \(publicKey[0]) \(publicKey[1])"
    }

    /// The host key's fingerprint as `ssh-keygen -lf` prints it.
    func fingerprint(_ scratch: Scratch) throws -> String {
        String(try scratch.run("/usr/bin/ssh-keygen", ["-lf", keys + "/host_key.pub"]).output.split(separator: " ")[1])
    }

    /// How many logins sshd accepted so far.
    var acceptedLogins: Int { process.log.components(separatedBy: "Accepted publickey").count - 1 }

    func stop() { process.stop() }
}
