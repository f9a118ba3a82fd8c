import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido conventions`: conventions ending soon with their renewal deadlines, or said to be in
/// force with a legal gap.
struct ConventionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conventions", abstract: Help.abstract("conventions"),
        discussion: Help.discussion("conventions"))

    @OptionGroup var options: QueryOptions

    @Option(name: .customLong("ending-within"), help: ArgumentHelp(Help.option("conventions", "endingWithin")))
    var endingWithin = "6m"

    @Option(name: .customLong("vote-margin"), help: ArgumentHelp(Help.option("conventions", "voteMargin")))
    var voteMargin = "1m"

    @Option(name: .customLong("transmission-margin"), help: ArgumentHelp(Help.option("conventions", "transmissionMargin")))
    var transmissionMargin = "15d"

    @Flag(help: ArgumentHelp(Help.option("conventions", "gaps")))
    var gaps = false

    /// The command's words, in one place for the message catalogue.
    struct Wording {
        let context: QueryContext
        var title: String { context.words("Titre", "Title") }
        var ends: String { context.words("Fin", "Ends") }
        var notice: String { context.words("Préavis avant le", "Notice by") }
        var vote: String { context.words("Vote du conseil avant le", "Council vote by") }
        var transmit: String { context.words("Transmission au préfet avant le", "Sent to the préfet by") }
        var renewal: String { context.words("Suite", "Renewal") }
        var missing: String { context.words("Manque", "Missing") }
        var passed: String { context.words("dépassé", "passed") }
        var nonePrepared: String { context.words("aucune en préparation", "none prepared") }
        func changedBy(_ avenant: String) -> String { context.words("modifiée par \(avenant)", "changed by \(avenant)") }
        func notTransmitted(_ party: String) -> String { context.words("transmission au préfet par \(party)", "transmission to the préfet by \(party)") }
        func terminated(_ date: String) -> String { context.words("résiliée le \(date)", "terminated on \(date)") }
        // stderr notes stay English until the message catalogue takes them.
    }

    func run() async throws {
        try await reportingCLIErrors {
            let context = try await options.context()
            let questions = Questions(index: context.index, today: context.today)
            if gaps {
                listGaps(questions, context: context)
                return
            }
            let found = questions.conventionsEnding(by: try Duration.add(endingWithin, to: context.today),
                                                    voteMargin: try Self.margin(voteMargin, option: "--vote-margin"),
                                                    transmissionMargin: try Self.margin(transmissionMargin, option: "--transmission-margin"))
            listEnding(found, context: context)
        }
    }

    private func listEnding(_ found: [Questions.EndingConvention], context: QueryContext) {
        let index = context.index, say = Wording(context: context)
        if found.isEmpty { StandardError.write(Messages.noConventionEnding(within: endingWithin) + "\n") }
        var table = ResultTable(columns: ["Id", say.title, say.ends, say.notice, say.vote, say.transmit, say.renewal])
        table.flexible = [1]
        func renewal(_ convention: Questions.EndingConvention) -> String {
            if let successor = convention.successor {
                let status = index.value(successor)["status"]?.text ?? ""
                return "\(index.id(successor)) (\(context.label(status, field: "status", type: .convention)))"
            }
            return say.nonePrepared + (convention.renewalMode.map { " — " + context.label($0, field: "renewal_mode", type: nil) } ?? "")
        }
        func deadline(_ day: CalendarDay) -> String { day < context.today ? "\(day) (\(say.passed))" : day.description }
        table.rows = found.map { convention in
            let plan = convention.plan
            return [index.id(convention.record), index.title(convention.record),
                    convention.ends.written + (convention.endChangedBy.map { " (\(say.changedBy($0)))" } ?? ""),
                    deadline(plan.noticeBy), deadline(plan.voteBy), deadline(plan.transmitBy), renewal(convention)]
        }
        context.emit(table, json: JSONText.array(found.map { convention in
            let plan = convention.plan
            return JSONText.object([
                ("id", JSONText.quote(index.id(convention.record))), ("ends", JSONText.quote(convention.ends.written)),
                ("end_changed_by", convention.endChangedBy.map(JSONText.quote) ?? "null"),
                ("successor", convention.successor.map { JSONText.quote(index.id($0)) } ?? "null"),
                ("renewal_mode", convention.renewalMode.map(JSONText.quote) ?? "null"),
                ("notice_months", plan.noticeMonths.map(String.init) ?? "null"),
                ("notice_by", JSONText.quote(plan.noticeBy.description)), ("vote_by", JSONText.quote(plan.voteBy.description)),
                ("transmit_by", JSONText.quote(plan.transmitBy.description)),
            ])
        }))
    }

    private func listGaps(_ questions: Questions, context: QueryContext) {
        let index = context.index, say = Wording(context: context)
        let found = questions.conventionGaps()
        if found.isEmpty { StandardError.write(Messages.noConventionGap + "\n") }
        var table = ResultTable(columns: ["Id", say.title, say.missing])
        table.flexible = [1, 2]
        func missing(_ gap: Questions.ConventionGap) -> [String] {
            (gap.noFinancialCommitments ? ["financial_commitments"] : []) + gap.untransmitted.map { say.notTransmitted(index.id($0)) }
                + (gap.terminatedOn.map { [say.terminated($0.written)] } ?? [])
        }
        table.rows = found.map { [index.id($0.record), index.title($0.record), missing($0).joined(separator: "; ")] }
        context.emit(table, json: JSONText.array(found.map { gap in
            let keys = (gap.noFinancialCommitments ? ["financial_commitments"] : []) + (gap.notSentToPrefect ? ["transmissions"] : [])
                + (gap.terminatedOn != nil ? ["terminated"] : [])
            return JSONText.object([("id", JSONText.quote(index.id(gap.record))),
                                    ("missing", "[" + keys.map(JSONText.quote).joined(separator: ", ") + "]"),
                                    ("untransmitted", "[" + gap.untransmitted.map { JSONText.quote(index.id($0)) }.joined(separator: ", ") + "]"),
                                    ("terminated_on", DateOption.json(gap.terminatedOn))])
        }))
    }

    /// A margin written as a duration (`15d`, `2w`, `1m`, `1y`).
    static func margin(_ text: String, option: String) throws -> RenewalPlan.Margin {
        guard let unit = text.last, let amount = Int(text.dropLast()), amount >= 0 else {
            throw CLIError.usage(Messages.badDuration(option, text))
        }
        switch unit {
        case "d": return .days(amount)
        case "w": return .days(7 * amount)
        case "m": return .months(amount)
        case "y": return .months(12 * amount)
        default: throw CLIError.usage(Messages.badDuration(option, text))
        }
    }
}
