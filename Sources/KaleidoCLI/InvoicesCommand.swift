import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido invoices [--unpaid | --overdue] [--client X]`: the engagements' invoices and
/// where each stands today.
struct InvoicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoices",
        abstract: Help.abstract("invoices"),
        discussion: Help.discussion("invoices"))

    @OptionGroup var options: QueryOptions

    @Option(help: ArgumentHelp(Help.option("invoices", "client")))
    var client: String?

    @Flag(help: ArgumentHelp(Help.option("invoices", "unpaid")))
    var unpaid = false

    @Flag(help: ArgumentHelp(Help.option("invoices", "overdue")))
    var overdue = false

    func run() async throws {
        try await reportingCLIErrors {
            let context = try await options.context()
            let questions = Questions(index: context.index, today: context.today)
            let clientRecord = try context.client(client)
            let invoices: [Questions.Invoice]
            if unpaid || overdue {
                invoices = questions.unpaidInvoices(overdueOnly: overdue, client: clientRecord)
            } else {
                invoices = questions.engagements(of: clientRecord).flatMap(questions.invoices(of:))
                    .sorted { ($0.due?.ordinal ?? .max, $0.number) < ($1.due?.ordinal ?? .max, $1.number) }
            }
            if invoices.isEmpty, context.format != .json {
                StandardError.write(context.words(overdue ? "Aucune facture en retard.\n" : unpaid ? "Aucune facture impayée.\n" : "Aucune facture.\n",
                                                  overdue ? "No overdue invoice.\n" : unpaid ? "No unpaid invoice.\n" : "No invoice.\n"))
            }
            context.emit(Self.table(invoices, context: context), json: JSONText.array(invoices.map { BusinessJSON.invoice($0, index: context.index) }))
        }
    }

    static func stateLabel(_ invoice: Questions.Invoice, context: QueryContext) -> String {
        switch invoice.state {
        case .paid: context.words("payée", "paid")
        case .overdue: context.words("en retard (\(invoice.daysLate) j)", "overdue (\(invoice.daysLate) d)")
        case .unpaid: context.words("à échoir", "not due")
        }
    }

    /// The invoices with their client and mission, then the TTC totals per currency.
    static func table(_ invoices: [Questions.Invoice], context: QueryContext) -> ResultTable {
        var table = ResultTable(columns: [
            context.words("N°", "Number"), context.words("Date", "Date"), context.words("Client", "Client"),
            context.words("Mission", "Engagement"), context.words("Montant HT", "Amount excl. VAT"), context.words("TVA", "VAT"),
            context.words("Montant TTC", "Amount incl. VAT"), context.words("Devise", "Currency"), context.words("Échéance", "Due"),
            context.words("Payée le", "Paid on"), context.words("État", "State"),
        ])
        table.flexible = [3]
        table.rows = invoices.map { invoice in
            let client = context.index.value(invoice.engagement)["client"]?.text ?? ""
            return [invoice.number, context.cell(invoice.date), context.name(of: client), context.index.id(invoice.engagement),
                    context.cell(invoice.amountHT.amount), invoice.vatRate.map(context.percent) ?? "", context.cell(invoice.amountTTC.amount),
                    invoice.amountHT.currency, context.cell(invoice.due), context.cell(invoice.paidOn), stateLabel(invoice, context: context)]
        }
        let totals = MoneyTotals(invoices.map(\.amountTTC))
        if !totals.isEmpty {
            table.sections[table.rows.count] = context.words("Total TTC par devise", "Total incl. VAT per currency")
            table.rows += totals.totals.map { ["Total", "", "", "", "", "", context.cell($0.amount), $0.currency, "", "", ""] }
        }
        return table
    }
}
