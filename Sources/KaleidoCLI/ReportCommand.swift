import ArgumentParser
import Foundation
import KaleidoQuery

/// `kaleido report PARTNER`: a partner's history as a document to hand to a client.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: Help.abstract("report"),
        discussion: Help.discussion("report"))

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, html }

    @OptionGroup var kbOptions: KBOptions

    @Argument(help: ArgumentHelp(Help.option("report", "partner")))
    var partner: String

    @Option(help: ArgumentHelp(Help.option("report", "format")))
    var format: Format = .markdown

    @Option(help: ArgumentHelp(Help.option("report", "include"), valueName: "level"))
    var include: Level = .public

    /// `--include`'s values: the confidentiality keys.
    enum Level: String, ExpressibleByArgument, CaseIterable {
        case `public`, interne, restreint
        var confidentiality: Confidentiality { Confidentiality(key: rawValue) ?? .public }
    }

    @Option(name: .shortAndLong, help: ArgumentHelp(Help.option("report", "output")))
    var output: String?

    func run() async throws {
        try await reportingCLIErrors {
            let context = try await QueryOptions.context(kbOptions: kbOptions, format: .markdown, cacheInfo: false)
            let record = try context.partner(partner)
            context.announcePartner(record, query: partner, document: true)
            let report = PartnerReport(partner: record, index: context.index, today: context.today, french: Lang.current == .fr,
                                       include: include.confidentiality) { key, field, type in
                context.label(key, field: field, type: type)
            }
            let text = format == .html ? report.html() : report.markdown()
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
                    throw CLIError.io(Messages.cannotWrite(output))
                }
            } else {
                print(text, terminator: "")
            }
        }
    }
}
