import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido history PARTNER`: everything the KB records with a partner, by year.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: Help.abstract("history"),
        discussion: Help.discussion("history"))

    @OptionGroup var options: QueryOptions

    @Argument(help: ArgumentHelp(Help.option("history", "partner")))
    var partner: String

    @Option(help: ArgumentHelp(Help.option("history", "since")))
    var since: String?

    @Option(help: ArgumentHelp(Help.option("history", "until")))
    var until: String?

    @Flag(name: .customLong("include-related"), help: ArgumentHelp(Help.option("history", "includeRelated")))
    var includeRelated = false

    func run() async throws {
        try await reportingCLIErrors {
            let context = try await options.context()
            let record = try context.partner(partner)
            let query = HistoryQuery(partner: record, since: try DateOption.parse(since, option: "--since"),
                                     until: try DateOption.parse(until, option: "--until"), includeRelated: includeRelated)
            let entries = query.run(on: context.index)
            context.announcePartner(record, query: partner)
            if entries.isEmpty {
                StandardError.write(Messages.noHistory(context.index.id(record), since: since, until: until) + "\n")
            }
            context.emit(Self.table(entries, partner: record, context: context), json: Self.json(entries))
        }
    }

    static func table(_ entries: [HistoryEntry], partner: Int, context: QueryContext) -> ResultTable {
        var table = ResultTable(columns: [Headers.dates, Headers.type, Headers.title,
                                          Headers.relation, "Id"])
        table.flexible = [2]
        var lastYear: Int?? = .none
        for entry in entries {
            if lastYear != .some(entry.year) {
                table.sections[table.rows.count] = entry.year.map(String.init) ?? Headers.undated
                lastYear = .some(entry.year)
            }
            let label = Vocabulary.relationLabel(entry.relation, language: context.language)
            let relation = entry.via.map { "\(label) (via \($0))" } ?? label
            table.rows.append([entry.interval.text, context.typeLabel(entry.type), entry.title, relation, entry.id])
        }
        if entries.isEmpty { table.sections[0] = Headers.noRecord }
        return table
    }

    static func json(_ entries: [HistoryEntry]) -> String {
        JSONText.array(entries.map { entry in
            var pairs: [(String, String)] = [
                ("id", JSONText.quote(entry.id)), ("type", JSONText.quote(entry.type.rawValue)), ("title", JSONText.quote(entry.title)),
                ("start", DateOption.json(entry.interval.start)), ("end", DateOption.json(entry.interval.end)),
                ("relation", JSONText.quote(entry.relation)),
            ]
            if let via = entry.via { pairs.append(("via", JSONText.quote(via))) }
            return JSONText.object(pairs)
        })
    }
}
