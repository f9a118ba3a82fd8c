import ArgumentParser
import Foundation
import KaleidoQuery

/// `kaleido report PARTNER`: a partner's history as a document to hand to a client.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: Help.abstract("report"),
        discussion: """
            Timeline, conventions with their financial commitments (per year, party, nature and \
            currency, with totals per party, nature and currency), projects with their funding \
            lines (totals of the granted amounts per currency; refused or pending lines shown as \
            such and never counted), and contacts (professional details only). Amounts in \
            different currencies are never added together.

            Only what a client may see: records marked `confidentiality: public`. A record \
            without the field is `interne` (the schema's default) and is left out unless \
            --include interne; --include restreint also shows restricted records. Interactions \
            (the team's exchange notes) are never shown. The document states the period it \
            covers and how many records it leaves out. The partner chosen (and any other partner \
            the name also matches) is named on standard error.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, html }

    @OptionGroup var kbOptions: KBOptions

    @Argument(help: "The partner: id, name or alias.")
    var partner: String

    @Option(help: "Output format: markdown or html.")
    var format: Format = .markdown

    @Option(help: ArgumentHelp("Also show records of this confidentiality: interne, or restreint (which includes interne).", valueName: "level"))
    var include: Level = .public

    /// `--include`'s values: the confidentiality keys.
    enum Level: String, ExpressibleByArgument, CaseIterable {
        case `public`, interne, restreint
        var confidentiality: Confidentiality { Confidentiality(key: rawValue) ?? .public }
    }

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
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
