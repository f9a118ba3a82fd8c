import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido deliverables PROJECT|ENGAGEMENT [--overdue]`: where a project's or a mission's
/// deliverables stand today; for a mission, its invoices and days too.
struct DeliverablesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliverables",
        abstract: Help.abstract("deliverables"),
        discussion: Help.discussion("deliverables"))

    @OptionGroup var options: QueryOptions

    @Argument(help: ArgumentHelp(Help.option("deliverables", "project")))
    var project: String

    @Flag(help: ArgumentHelp(Help.option("deliverables", "overdue")))
    var overdue = false

    func run() async throws {
        try await reportingCLIErrors {
            let context = try await options.context()
            let record = try context.projectOrEngagement(project)
            let items = context.index.value(record)["deliverables"]?.items ?? []
            // The library keeps the record's order, one answer per item: pair each with its delivery
            // date, then list them by due date (undated last; the record's order among equals).
            let rows = zip(Questions(index: context.index, today: context.today).deliverables(of: record), items).map {
                Row(deliverable: $0, deliveredOn: $1["delivered_on"]?.text.flatMap(PartialDate.init))
            }.enumerated().sorted { lhs, rhs in
                let left = lhs.element.deliverable.due?.first.ordinal ?? .max, right = rhs.element.deliverable.due?.first.ordinal ?? .max
                return (left, lhs.offset) < (right, rhs.offset)
            }.map(\.element).filter { !overdue || $0.deliverable.state == .overdue }
            if rows.isEmpty, context.format != .json {
                StandardError.write(Messages.noDeliverable(overdue: overdue, project: context.index.title(record), id: context.index.id(record)) + "\n")
            }
            if context.index.type(record) == .engagement {
                EngagementSummary(record: record, overdueOnly: overdue, context: context).emit(deliverables: rows)
            } else {
                context.emit(Self.table(rows, context: context), json: Self.json(rows))
            }
        }
    }

    struct Row {
        var deliverable: Questions.Deliverable
        var deliveredOn: PartialDate?
    }

    static func stateLabel(_ state: Questions.Deliverable.State, context: QueryContext) -> String {
        switch state {
        case .delivered: Headers.delivered
        case .overdue: Headers.overdue
        case .cancelled: Headers.cancelled
        case .pending: Headers.pending
        }
    }

    static func table(_ rows: [Row], context: QueryContext) -> ResultTable {
        var table = ResultTable(columns: [Headers.key, Headers.title, Headers.due,
                                          Headers.deliveredOn, Headers.state])
        table.flexible = [1]
        table.rows = rows.map { row in
            [row.deliverable.key, row.deliverable.title, row.deliverable.due?.written ?? "", row.deliveredOn?.written ?? "",
             stateLabel(row.deliverable.state, context: context)]
        }
        return table
    }

    static func json(_ rows: [Row]) -> String {
        JSONText.array(rows.map { row in
            JSONText.object([
                ("key", JSONText.quote(row.deliverable.key)), ("title", JSONText.quote(row.deliverable.title)),
                ("due", DateOption.json(row.deliverable.due)), ("delivered_on", DateOption.json(row.deliveredOn)),
                ("state", JSONText.quote(row.deliverable.state.rawValue)),
            ])
        })
    }
}

extension QueryContext {
    /// A project or an engagement from its id or title (or words of it): projects first, as
    /// before missions existed here, then missions when no project matches ("passeport" is the
    /// project; the 2009 mission about it is reached by its id or its own words). An unknown or
    /// ambiguous one is a usage error that lists what the user can type instead.
    func projectOrEngagement(_ query: String) throws -> Int {
        let resolver = PartnerResolver(index: index)
        var candidates: [Int] = []
        for type in [RecordType.project, .engagement] where candidates.isEmpty {
            switch resolver.resolve(query, type: type) {
            case .found(let record): return record
            case .ambiguous(let records): candidates = records
            case .notFound: break
            }
        }
        if candidates.isEmpty {
            throw CLIError.usage(Messages.projectOrMissionNotFound(query))
        }
        let lines = candidates.map { "  \(index.id($0))  \(index.title($0))" }
        if index.type(candidates[0]) == .project { throw CLIError.usage(Messages.projectAmbiguous(query, lines: lines)) }
        throw CLIError.usage(Messages.missionAmbiguous(query, lines: lines))
    }
}
