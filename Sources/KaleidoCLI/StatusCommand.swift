import ArgumentParser
import Foundation
import KaleidoSync

/// `kaleido status`: the sync state of the KB, as the daemon (or the last `kaleido sync`) left it.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: Help.abstract("status"))

    @OptionGroup var kb: KBOptions

    @Option(name: .customLong("format"), help: ArgumentHelp(Help.option("status", "format")))
    var format: DiagnosticFormat = .text

    func run() async throws {
        try await reportingCLIErrors {
            // Not kb.open(): with a bad shared config, status shows the problem (SharedConfig).
            let root = try kb.locateRoot()
            do {
                let loaded = try SharedConfig.load(root: root, remember: false)
                var status = try SyncStatus.read(settings: loaded.settings)
                status.state.configProblem = loaded.problem  // the file now, not as the last cycle saw it
                print(format == .json ? status.json() : StatusText.render(status), terminator: format == .json ? "\n" : "")
            } catch let error as SyncError {
                throw CLIError.usage(SyncProblems.text("\(error)"))
            }
        }
    }
}
