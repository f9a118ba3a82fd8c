import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido billing [--client X]`: what is left to invoice on each running mission.
struct BillingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "billing",
        abstract: Help.abstract("billing"),
        discussion: Help.discussion("billing"))

    @OptionGroup var options: QueryOptions

    @Option(help: ArgumentHelp(Help.option("billing", "client")))
    var client: String?

    struct Row {
        var engagement: Int
        var currency: String
        var contract: ExactDecimal
        var invoiced: ExactDecimal
        var paid: ExactDecimal
        var left: ExactDecimal
        /// The schedule's milestones due and not invoiced (on the mission's first row only).
        var milestones: [Questions.Milestone]
    }

    func run() async throws {
        try await reportingCLIErrors {
            let context = try await options.context()
            let billing = Questions(index: context.index, today: context.today).billing(client: try context.client(client))
            let rows = billing.flatMap { item in
                item.left.currencies.enumerated().map { offset, currency in
                    Row(engagement: item.engagement, currency: currency, contract: item.contract[currency] ?? .zero,
                        invoiced: item.invoiced[currency] ?? .zero, paid: item.paid[currency] ?? .zero, left: item.left[currency] ?? .zero,
                        milestones: offset == 0 ? item.milestonesToInvoice : [])
                }
            }
            if rows.isEmpty, context.format != .json {
                StandardError.write(context.words("Aucune mission en cours avec un montant de contrat.\n", "No running mission with a contract amount.\n"))
            }
            context.emit(Self.table(rows, context: context), json: JSONText.array(rows.map { row in
                JSONText.object([
                    ("engagement", JSONText.quote(context.index.id(row.engagement))),
                    ("client", context.index.value(row.engagement)["client"]?.text.map(JSONText.quote) ?? "null"),
                    ("currency", JSONText.quote(row.currency)), ("contract", row.contract.description), ("invoiced", row.invoiced.description),
                    ("paid", row.paid.description), ("left", row.left.description),
                    ("milestones_to_invoice", JSONText.array(row.milestones.map { milestone in
                        JSONText.object([("milestone", JSONText.quote(milestone.milestone)), ("due", DateOption.json(milestone.due)),
                                         ("amount", milestone.amount.amount.description), ("currency", JSONText.quote(milestone.amount.currency))])
                    })),
                ])
            }))
        }
    }

    static func table(_ rows: [Row], context: QueryContext) -> ResultTable {
        var table = ResultTable(columns: [
            context.words("Client", "Client"), context.words("Mission", "Engagement"), context.words("Contrat HT", "Contract excl. VAT"),
            context.words("Facturé HT", "Invoiced excl. VAT"), context.words("Encaissé HT", "Paid excl. VAT"),
            context.words("Reste à facturer HT", "Left to invoice excl. VAT"), context.words("Devise", "Currency"),
            context.words("Jalons à facturer", "Milestones to invoice"),
        ])
        table.flexible = [0]
        table.rows = rows.map { row in
            [context.name(of: context.index.value(row.engagement)["client"]?.text ?? ""), context.index.id(row.engagement),
             context.cell(row.contract), context.cell(row.invoiced), context.cell(row.paid), context.cell(row.left), row.currency,
             row.milestones.map { "\($0.milestone) (\($0.due?.written ?? "?"), \(context.cell($0.amount.amount)) \($0.amount.currency))" }
                .joined(separator: "; ")]
        }
        if rows.count > 1 {
            var totals: [String: (ExactDecimal, ExactDecimal, ExactDecimal, ExactDecimal)] = [:]
            for row in rows {
                let sum = totals[row.currency] ?? (.zero, .zero, .zero, .zero)
                totals[row.currency] = (sum.0 + row.contract, sum.1 + row.invoiced, sum.2 + row.paid, sum.3 + row.left)
            }
            table.sections[table.rows.count] = context.words("Total par devise", "Total per currency")
            table.rows += totals.keys.sorted().map { currency in
                let sum = totals[currency] ?? (.zero, .zero, .zero, .zero)
                return ["Total", "", context.cell(sum.0), context.cell(sum.1), context.cell(sum.2), context.cell(sum.3), currency, ""]
            }
        }
        return table
    }
}
