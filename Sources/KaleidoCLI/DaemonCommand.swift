import ArgumentParser
import Foundation
import KaleidoKB
import KaleidoSync
import KaleidoYAML
import Logging

/// `kaleido daemon`: syncs one or more KBs in the foreground until SIGTERM or SIGINT.
struct DaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: Help.abstract("daemon"),
        discussion: Help.discussion("daemon"),
        subcommands: [DaemonAddCommand.self, DaemonListCommand.self, DaemonRemoveCommand.self])

    @Option(name: .customLong("kb"), help: ArgumentHelp(Help.option("daemon", "roots"), valueName: "dir"))
    var roots: [String] = []

    @Option(help: ArgumentHelp(Help.option("daemon", "logLevel")))
    var logLevel: String = "info"

    @Flag(help: ArgumentHelp(Help.option("daemon", "install")))
    var install = false

    func run() async throws {
        try await reportingCLIErrors {
            if install {
                try DaemonInstall.run(roots: roots)
                return
            }
            // First of all: a SIGTERM during start-up (a service stopped as it starts) must end
            // the daemon through its clean path, not the signal's default action.
            StopSignal.install()
            let level = Logger.Level(rawValue: logLevel) ?? .info
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
            let logger = Logger(label: "kaleido.daemon")
            let settings = try resolveRoots().map { root in
                do {
                    var settings = try SharedConfig.load(root: root, remember: false).settings
                    // A child process: a stalled remote is abandoned, SIGTERM kills a transfer.
                    settings.transfer = .childProcess(executable: TransferMode.currentExecutable)
                    return settings
                } catch { throw CLIError.usage("\(root): " + SyncProblems.text("\(error)")) }
            }
            let daemon: Daemon
            do {
                daemon = try Daemon(settings: settings, merger: DefaultMerger.make(for:), logger: logger, answerRequest: SyncCommand.answer)
            } catch SyncError.locked(let message) {
                StandardError.write("kaleido: \(SyncProblems.text(message))\n")
                throw ExitCode(SyncCommand.lockedExitCode)
            } catch let error as SyncError {
                throw CLIError.usage(SyncProblems.text("\(error)"))
            }
            daemon.run()
        }
    }

    private func resolveRoots() throws -> [String] {
        let cwd = FileManager.default.currentDirectoryPath
        if !roots.isEmpty { return roots.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } }
        if let data = FileManager.default.contents(atPath: DaemonRegistry.path()),
           let document = try? YAMLParser().parseDocument(Array(data)),
           let items = document.root["knowledge_bases"]?.items {
            let listed = items.compactMap(\.stringValue)
            if !listed.isEmpty { return listed }
        }
        guard let found = KnowledgeBase.locate(from: cwd, fileSystem: LocalFileSystem()) else {
            throw CLIError.usage(Messages.noKBToSync)
        }
        return [found]
    }
}
