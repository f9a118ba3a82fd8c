import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido followups [--week DATE] [--by PERSON]`: the week's next steps, per consultant.
struct FollowUpsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followups",
        abstract: Help.abstract("followups"),
        discussion: Help.discussion("followups"))

    @OptionGroup var options: QueryOptions

    @Option(help: ArgumentHelp(Help.option("followups", "week"), valueName: "date"))
    var week: String?

    @Option(help: ArgumentHelp(Help.option("followups", "by"), valueName: "person"))
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
