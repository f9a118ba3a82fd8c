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
        discussion: Help.discussion("trust-host"))

    @Argument(help: ArgumentHelp(Help.option("trust-host", "server"), valueName: "server"))
    var server: String?

    @OptionGroup var kb: KBOptions

    @Flag(help: ArgumentHelp(Help.option("trust-host", "yes")))
    var yes = false

    @Flag(help: ArgumentHelp(Help.option("trust-host", "hash")))
    var hash = false

    @Flag(name: .customLong("print"), help: ArgumentHelp(Help.option("trust-host", "printOnly")))
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
                StandardError.write(Messages.errorPrefix + "\(error)\n")
                throw ExitCode.failure
            }
            let line = KnownHosts.line(for: key, at: endpoint, hashingWith: hash ? Self.salt() : nil)
            if printOnly {
                print(line)
                return
            }
            print(TrustHostText.presents("\(endpoint)", type: key.type, fingerprint: key.fingerprint))
            let verdict = files.load().verify(key, at: endpoint)
            switch verdict {
            case .trusted(let location):
                print(TrustHostText.alreadyTrusted("\(location)"))
                return
            case .changed, .revoked:
                // Never replace a stored key: the user removes it knowingly first.
                StandardError.write(Messages.errorPrefix + "\(HostKeyRefusal(endpoint: endpoint, key: key, verdict: verdict, files: files))\n")
                throw ExitCode.failure
            case .unknown:
                break
            }
            guard yes || confirm(files.writable) else {
                print(TrustHostText.notTrusted)
                throw ExitCode.failure
            }
            do { try files.append(line) } catch {
                StandardError.write(Messages.errorPrefix + "\(error)\n")
                throw ExitCode.failure
            }
            print(TrustHostText.added(to: files.writable, endpoint: "\(endpoint)"))
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
                    throw CLIError.usage(TrustHostText.noRemote(settings.remote))
                }
            }
        }
        if let server {
            guard let endpoint = SSHEndpoint(argument: server) else {
                throw CLIError.usage(TrustHostText.badServer(server))
            }
            return (endpoint, files, timeout)
        }
        guard let remoteURL, let endpoint = SSHEndpoint(remoteURL: remoteURL) else {
            throw CLIError.usage(TrustHostText.notSSH(remoteURL ?? ""))
        }
        return (endpoint, files, timeout)
    }

    /// Asks on the terminal; without one, says to check the fingerprint and pass --yes.
    private func confirm(_ file: String) -> Bool {
        guard isatty(STDIN_FILENO) == 1 else {
            StandardError.write(TrustHostText.noTerminal(file) + "\n")
            return false
        }
        Swift.print(TrustHostText.question(file), terminator: "")
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return ["y", "yes", "o", "oui"].contains(answer)
    }

    /// 20 random bytes, as ssh salts a hashed name.
    private static func salt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<20).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}
