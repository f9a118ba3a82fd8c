import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido history PARTNER`: everything the KB records with a partner, by year.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: Help.abstract("history"),
        discussion: """
            PARTNER is an id, a name or an alias in any script, ignoring case and accents \
            ("sfax", "Safaqis", "صفاقس"). A name shared by several partners lists them and exits \
            with status 2. The partner chosen is named before the table (`Partner: tn-mun-sfax — \
            Municipalité de Sfax`), with the other partners the words also fit (`also matches: \
            tn-gouv-sfax …; pass the id to choose`); on standard error for csv, markdown and json. \
            Dates are intervals: --since 2008 keeps records overlapping 2008 or later.
            """)

    @OptionGroup var options: QueryOptions

    @Argument(help: "The partner: id, name or alias.")
    var partner: String

    @Option(help: "Keep records overlapping this date or later (YYYY, YYYY-MM or YYYY-MM-DD).")
    var since: String?

    @Option(help: "Keep records overlapping this date or earlier.")
    var until: String?

    @Flag(name: .customLong("include-related"), help: "Add the records of the parent, member, predecessor and successor partners and of the other parties of shared partnerships.")
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
