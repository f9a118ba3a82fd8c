import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido pipeline [--client X]`: proposals sent, weighted by their probability.
struct PipelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: Help.abstract("pipeline"),
        discussion: Help.discussion("pipeline"))

    @OptionGroup var options: QueryOptions

    @Option(help: ArgumentHelp(Help.option("pipeline", "client")))
    var client: String?

    func run() async throws {
        try await reportingCLIErrors {
            let context = try await options.context()
            let proposals = Questions(index: context.index, today: context.today).pipeline(client: try context.client(client))
            if proposals.isEmpty, context.format != .json {
                StandardError.write(context.words("Aucune proposition en attente.\n", "No pending proposal.\n"))
            }
            context.emit(Self.table(proposals, context: context), json: JSONText.array(proposals.map { proposal in
                JSONText.object([
                    ("engagement", JSONText.quote(context.index.id(proposal.engagement))),
                    ("client", context.index.value(proposal.engagement)["client"]?.text.map(JSONText.quote) ?? "null"),
                    ("amount_ht", proposal.amount.amount.description), ("currency", JSONText.quote(proposal.amount.currency)),
                    ("probability", proposal.probability.description), ("weighted", proposal.weighted.amount.description),
                    ("sent_on", DateOption.json(proposal.sentOn)), ("decision_due", DateOption.json(proposal.decisionDue)),
                ])
            }))
        }
    }

    static func table(_ proposals: [Questions.Proposal], context: QueryContext) -> ResultTable {
        var table = ResultTable(columns: [
            context.words("Client", "Client"), context.words("Mission", "Engagement"), context.words("Montant HT", "Amount excl. VAT"),
            context.words("Probabilité", "Probability"), context.words("Pondéré HT", "Weighted excl. VAT"), context.words("Devise", "Currency"),
            context.words("Envoyée le", "Sent on"), context.words("Décision", "Decision due"),
        ])
        table.flexible = [0]
        table.rows = proposals.map { proposal in
            [context.name(of: context.index.value(proposal.engagement)["client"]?.text ?? ""), context.index.id(proposal.engagement),
             context.cell(proposal.amount.amount), context.percent(proposal.probability), context.cell(proposal.weighted.amount),
             proposal.amount.currency, proposal.sentOn?.written ?? "", proposal.decisionDue?.written ?? ""]
        }
        let raw = MoneyTotals(proposals.map(\.amount)), weighted = MoneyTotals(proposals.map(\.weighted))
        if !raw.isEmpty {
            table.sections[table.rows.count] = context.words("Total par devise", "Total per currency")
            table.rows += raw.currencies.map { currency in
                ["Total", "", context.cell(raw[currency]), "", context.cell(weighted[currency]), currency, "", ""]
            }
        }
        return table
    }
}
