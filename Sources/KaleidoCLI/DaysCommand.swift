import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido days [--client X] [--by client|engagement|consultant]`: consultant-days used
/// against the days sold.
struct DaysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "days",
        abstract: Help.abstract("days"),
        discussion: Help.discussion("days"))

    @OptionGroup var options: QueryOptions

    @Option(help: ArgumentHelp(Help.option("days", "client")))
    var client: String?

    @Option(help: ArgumentHelp(Help.option("days", "by")))
    var by = "client"

    @Option(help: ArgumentHelp(Help.option("days", "since")))
    var since: String?

    @Option(help: ArgumentHelp(Help.option("days", "until")))
    var until: String?

    func run() async throws {
        try await reportingCLIErrors {
            guard let grouping = Questions.DaysGrouping(rawValue: by) else {
                throw CLIError.usage(Messages.badDaysBy(by))
            }
            let from = try DateOption.parse(since, option: "--since"), to = try DateOption.parse(until, option: "--until")
            let context = try await options.context()
            let period = from == nil && to == nil ? nil : DateInterval(start: from, end: to)
            let rows = Questions(index: context.index, today: context.today).days(by: grouping, client: try context.client(client), during: period)
            if rows.isEmpty, context.format != .json {
                StandardError.write(context.words("Aucune mission avec des jours prévus ou passés.\n", "No mission with days budgeted or used.\n"))
            }
            context.emit(Self.table(rows, grouping: grouping, context: context), json: Self.json(rows, context: context))
        }
    }

    static func table(_ rows: [Questions.DaysRow], grouping: Questions.DaysGrouping, context: QueryContext) -> ResultTable {
        let budgeted = context.words("Jours prévus", "Days budgeted"), used = context.words("Jours passés", "Days used")
        let left = context.words("Reste", "Left")
        var table: ResultTable
        switch grouping {
        case .client:
            table = ResultTable(columns: [context.words("Client", "Client"), budgeted, used, left])
            table.rows = rows.map { [context.name(of: $0.client), context.cell($0.budgeted), context.cell($0.used), context.cell($0.left)] }
        case .engagement:
            table = ResultTable(columns: [context.words("Client", "Client"), context.words("Mission", "Engagement"), budgeted, used, left])
            table.rows = rows.map {
                [context.name(of: $0.client), $0.engagement.map(context.index.id) ?? "", context.cell($0.budgeted), context.cell($0.used), context.cell($0.left)]
            }
        case .consultant:
            table = ResultTable(columns: [context.words("Client", "Client"), context.words("Consultant", "Consultant"), used])
            table.rows = rows.map { [context.name(of: $0.client), context.name(of: $0.consultant ?? ""), context.cell($0.used)] }
        }
        table.flexible = [0]
        if rows.count > 1 {
            let totalUsed = rows.reduce(ExactDecimal.zero) { $0 + $1.used }
            let budgets = rows.compactMap(\.budgeted)
            let totalBudget = budgets.isEmpty ? nil : budgets.reduce(ExactDecimal.zero, +)
            // What is left in total only when every row has a budget (else it would mislead).
            let totalLeft = budgets.count == rows.count ? totalBudget.map { $0 - totalUsed } : nil
            switch grouping {
            case .client: table.rows.append(["Total", context.cell(totalBudget), context.cell(totalUsed), context.cell(totalLeft)])
            case .engagement: table.rows.append(["Total", "", context.cell(totalBudget), context.cell(totalUsed), context.cell(totalLeft)])
            case .consultant: table.rows.append(["Total", "", context.cell(totalUsed)])
            }
        }
        return table
    }

    static func json(_ rows: [Questions.DaysRow], context: QueryContext) -> String {
        JSONText.array(rows.map { row in
            var fields = [("client", JSONText.quote(row.client))]
            if let engagement = row.engagement { fields.append(("engagement", JSONText.quote(context.index.id(engagement)))) }
            if let consultant = row.consultant { fields.append(("consultant", JSONText.quote(consultant))) }
            fields += [("budgeted", BusinessJSON.number(row.budgeted)), ("used", row.used.description), ("left", BusinessJSON.number(row.left))]
            return JSONText.object(fields)
        })
    }
}
