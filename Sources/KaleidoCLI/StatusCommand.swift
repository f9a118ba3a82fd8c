import ArgumentParser
import Foundation
import KaleidoSync

/// `kaleido status`: the sync state of the KB, as the daemon (or the last `kaleido sync`) left it.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the sync state: last sync, ahead/behind, offline, files waiting, open conflicts.")

    @OptionGroup var kb: KBOptions

    @Option(name: .customLong("format"), help: "text or json.")
    var format: DiagnosticFormat = .text

    func run() async throws {
        try await reportingCLIErrors {
            let base = try kb.open()
            do {
                let status = try SyncStatus.read(settings: try SyncSettings.load(root: base.root))
                print(format == .json ? status.json() : status.text(), terminator: format == .json ? "\n" : "")
            } catch let error as SyncError {
                throw CLIError.usage("\(error)")
            }
        }
    }
}
