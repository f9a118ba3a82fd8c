import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido followups [--week DATE] [--by PERSON]`: the week's next steps, per consultant.
struct FollowUpsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followups",
        abstract: Help.abstract("followups"),
        discussion: """
            Lists the `next_step` of interactions whose date falls in the week holding --week \
            (YYYY-MM-DD, default today); a step dated by month (2026-12) is listed in every week \
            of that month. Who does a step is its `by`, else the interaction's `assignee`; steps \
            without either are listed last. --by keeps one person's steps (id, name or alias; a \
            single word is enough when it names one person). Cancelled interactions are left out.

            JSON (--format json): a list sorted by person, then date: {"by": person id or null, \
            "by_name", "date": as written, "action", "interaction": id}.
            """)

    @OptionGroup var options: QueryOptions

    @Option(help: ArgumentHelp("A day of the week wanted (YYYY-MM-DD); default today.", valueName: "date"))
    var week: String?

    @Option(help: ArgumentHelp("Only this person's steps: id, name or alias.", valueName: "person"))
    var by: String?

    func run() async throws {
        try await reportingCLIErrors {
            let context = try await options.context()
            let index = context.index
            var day = context.today
            if let week {
                guard let date = PartialDate(week), date.day != nil else { throw CLIError.usage(Messages.badWeek(week)) }
                day = date.first
            }
            let person = try by.map { try PersonLookup.resolve($0, index: index, byWords: true) }
            let period = Questions.week(of: day)
            let steps = Questions(index: index, today: context.today).followUps(during: period, by: person)
            if steps.isEmpty, context.format != .json {
                let from = period.start?.description ?? "", to = period.end?.description ?? ""
                StandardError.write(context.words("Aucune prochaine étape du \(from) au \(to).\n", "No next step from \(from) to \(to).\n"))
            }
            context.emit(Self.table(steps, context: context), json: Self.json(steps, index: index))
        }
    }

    static func table(_ steps: [Questions.FollowUp], context: QueryContext) -> ResultTable {
        let index = context.index
        var table = ResultTable(columns: [context.words("Qui", "Who"), context.words("Échéance", "Due"), "Action", "Interaction"])
        table.flexible = [2]
        table.rows = steps.map { step in
            [step.by.map { index.title($0) } ?? context.words("(personne)", "(nobody)"), step.date.written, step.action, index.id(step.interaction)]
        }
        return table
    }

    static func json(_ steps: [Questions.FollowUp], index: KBIndex) -> String {
        JSONText.array(steps.map { step in
            JSONText.object([
                ("by", step.by.map { JSONText.quote(index.id($0)) } ?? "null"),
                ("by_name", step.by.map { JSONText.quote(index.title($0)) } ?? "null"),
                ("date", JSONText.quote(step.date.written)), ("action", JSONText.quote(step.action)),
                ("interaction", JSONText.quote(index.id(step.interaction))),
            ])
        })
    }
}
