import ArgumentParser
import Foundation
import Glibc
import KaleidoGit
import KaleidoKB
import KaleidoSync

/// `kaleido trust-host [SERVER]`: reads an ssh server's host key, shows its fingerprint and,
/// once the user confirms, appends it to known_hosts, so that sync trusts the server.
struct TrustHostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust-host",
        abstract: Help.abstract("trust-host"),
        discussion: """
            Sync refuses an ssh server whose host key is not in known_hosts (~/.ssh/known_hosts, \
            /etc/ssh/ssh_known_hosts, or sync.known_hosts in .kaleido/config.yaml, or \
            KALEIDO_KNOWN_HOSTS). Compare the fingerprint printed here with the one the server's \
            administrator reads with `ssh-keygen -lf` on the server's host key before you accept \
            it. A key that differs from a stored one is never replaced: remove the old line with \
            `ssh-keygen -R` first. Exit codes: 0 trusted (added, or already known), 1 not trusted, \
            2 usage error.
            """)

    @Argument(help: ArgumentHelp("HOST, HOST:PORT, [HOST]:PORT or an ssh URL (default: the knowledge base's remote).", valueName: "server"))
    var server: String?

    @OptionGroup var kb: KBOptions

    @Flag(help: "Add the key without asking (for scripts: check the fingerprint first).")
    var yes = false

    @Flag(help: "Write the host name hashed (|1|salt|hash), as ssh's HashKnownHosts does.")
    var hash = false

    @Flag(name: .customLong("print"), help: "Only print the known_hosts line, as ssh-keyscan does; change nothing.")
    var printOnly = false

    func run() async throws {
        try await reportingCLIErrors {
            let (endpoint, files, timeout) = try target()
            let key: SSHHostKey
            do {
                // In a child process: a server that accepts and never answers is given up after sync.timeout.
                let probe = ChildTransfer(executable: TransferMode.currentExecutable, timeout: timeout, label: "\(endpoint)")
                key = try probe.hostKey(of: endpoint)
            } catch {
                StandardError.write("kaleido: error: \(error)\n")
                throw ExitCode.failure
            }
            let line = KnownHosts.line(for: key, at: endpoint, hashingWith: hash ? Self.salt() : nil)
            if printOnly {
                print(line)
                return
            }
            print("The ssh server \(endpoint) presents the \(key.type) key \(key.fingerprint)")
            let verdict = files.load().verify(key, at: endpoint)
            switch verdict {
            case .trusted(let location):
                print("It is already trusted (\(location)).")
                return
            case .changed, .revoked:
                // Never replace a stored key: the user removes it knowingly first.
                StandardError.write("kaleido: error: \(HostKeyRefusal(endpoint: endpoint, key: key, verdict: verdict, files: files))\n")
                throw ExitCode.failure
            case .unknown:
                break
            }
            guard yes || confirm(files.writable) else {
                print("Not trusted: nothing was changed.")
                throw ExitCode.failure
            }
            do { try files.append(line) } catch {
                StandardError.write("kaleido: error: \(error)\n")
                throw ExitCode.failure
            }
            print("Added to \(files.writable): sync now trusts this key for \(endpoint).")
        }
    }

    /// The server, the known_hosts files and the timeout, from the argument and the KB's settings.
    private func target() throws -> (SSHEndpoint, KnownHostsFiles, Double) {
        let root = kb.kbRoot != nil || server == nil ? try kb.open().root
            : KnowledgeBase.locate(from: FileManager.default.currentDirectoryPath, fileSystem: LocalFileSystem())
        var files = KnownHostsFiles.current
        var timeout = SyncSettings(root: "/").timeout
        var remoteURL: String?
        if let root {
            let settings: SyncSettings
            do { settings = try SyncSettings.load(root: root) } catch { throw CLIError.usage("\(error)") }
            files = settings.knownHosts
            timeout = settings.timeout
            if server == nil {
                if let repository = try? Repository.open(at: root) { remoteURL = try? repository.remoteURL(settings.remote) }
                guard remoteURL != nil else {
                    throw CLIError.usage("the knowledge base has no remote '\(settings.remote)': name the server, e.g. `kaleido trust-host git.example.org:2222`")
                }
            }
        }
        if let server {
            guard let endpoint = SSHEndpoint(argument: server) else {
                throw CLIError.usage("\(server): expected HOST, HOST:PORT, [HOST]:PORT or ssh://[USER@]HOST[:PORT]/PATH")
            }
            return (endpoint, files, timeout)
        }
        guard let remoteURL, let endpoint = SSHEndpoint(remoteURL: remoteURL) else {
            throw CLIError.usage("the remote \(remoteURL ?? "") is not an ssh remote: only ssh servers are checked against known_hosts (https uses TLS certificates)")
        }
        return (endpoint, files, timeout)
    }

    /// Asks on the terminal; without one, says to check the fingerprint and pass --yes.
    private func confirm(_ file: String) -> Bool {
        guard isatty(STDIN_FILENO) == 1 else {
            StandardError.write("kaleido: standard input is not a terminal: check the fingerprint, then run again with --yes to add it to \(file)\n")
            return false
        }
        Swift.print("Is this the fingerprint your server's administrator gave you? Add it to \(file)? [y/N] ", terminator: "")
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }

    /// 20 random bytes, as ssh salts a hashed name.
    private static func salt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<20).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}
