import ArgumentParser
import Foundation
import KaleidoQuery

/// `kaleido report PARTNER`: a partner's history as a document to hand to a client.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A partner's history as a Markdown or self-contained HTML document for a client.",
        discussion: "Timeline, conventions with their financial commitments per year, projects with their funding, and contacts (professional details only).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, html }

    @OptionGroup var kbOptions: KBOptions

    @Argument(help: "The partner: id, name or alias.")
    var partner: String

    @Option(help: "Output format: markdown or html.")
    var format: Format = .markdown

    @Option(help: "Language of labels: fr or en.")
    var lang: QueryOptions.Language = .fr

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() async throws {
        try await reportingCLIErrors {
            let context = try await QueryOptions.context(kbOptions: kbOptions, lang: lang, format: .markdown, cacheInfo: false)
            let record = try context.partner(partner)
            let report = PartnerReport(partner: record, index: context.index, today: context.today, french: lang == .fr) { key, field, type in
                context.label(key, field: field, type: type)
            }
            let text = format == .html ? report.html() : report.markdown()
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
                    throw CLIError.io("cannot write \(output); check that its folder exists and is writable")
                }
            } else {
                print(text, terminator: "")
            }
        }
    }
}
