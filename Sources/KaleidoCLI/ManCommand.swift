import ArgumentParser
import KaleidoWorkspace

/// `kaleido __man`: prints the manual page kaleido(1) in roff, for scripts/install. Hidden:
/// users read the page with `man kaleido`.
struct ManCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "__man",
        abstract: Help.abstract("__man"),
        shouldDisplay: false)

    func run() async throws {
        try await reportingCLIErrors {
            let dump = try CommandDump.kaleido()
            print(ManPage(root: dump.command, version: KaleidoVersion.current).rendered(), terminator: "")
        }
    }
}
