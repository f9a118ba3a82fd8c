import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido due [--within 30d]`: what the cooperative must hand in soon and what it is owed.
struct DueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: Help.abstract("due"),
        discussion: Help.discussion("due"))

    @OptionGroup var options: QueryOptions

    @Option(help: ArgumentHelp(Help.option("due", "within")))
    var within = "30d"

    func run() async throws {
        try await reportingCLIErrors {
            let context = try await options.context()
            let until = try Duration.add(within, to: context.today)
            let questions = Questions(index: context.index, today: context.today)
            let items = questions.dueItems(until: until)
            let invoices = questions.unpaidInvoices()
            let dueTitle = context.words("Livrables et rapports à rendre d'ici le \(until)", "Deliverables and reports due by \(until)")
            let invoiceTitle = context.words("Factures non payées au \(context.today)", "Invoices unpaid on \(context.today)")
            context.emit(sections: [(dueTitle, Self.table(items, context: context)), (invoiceTitle, InvoicesCommand.table(invoices, context: context))],
                         json: JSONText.object([
                            ("today", JSONText.quote(context.today.description)), ("until", JSONText.quote(until.description)),
                            ("due", JSONText.array(items.map { Self.json($0, index: context.index) })),
                            ("unpaid_invoices", JSONText.array(invoices.map { BusinessJSON.invoice($0, index: context.index) })),
                            ("unpaid_ttc", BusinessJSON.money(MoneyTotals(invoices.map(\.amountTTC)))),
                         ]))
        }
    }

    static func table(_ items: [Questions.DueItem], context: QueryContext) -> ResultTable {
        var table = ResultTable(columns: [
            context.words("Échéance", "Due"), context.words("Dossier", "Record"), context.words("Élément", "Item"),
            context.words("Titre", "Title"), context.words("État", "State"),
        ])
        table.flexible = [3]
        table.rows = items.map { item in
            let title = item.kind == .report ? context.words("Rapport \(item.key) pour \(context.name(of: item.title))",
                                                             "\(item.key) report to \(context.name(of: item.title))") : item.title
            return [item.due.written, context.index.id(item.record), item.kind == .report ? context.words("rapport", "report") : item.key,
                    title, item.overdue ? context.words("en retard", "overdue") : context.words("à venir", "pending")]
        }
        return table
    }

    static func json(_ item: Questions.DueItem, index: KBIndex) -> String {
        JSONText.object([
            ("record", JSONText.quote(index.id(item.record))), ("kind", JSONText.quote(item.kind.rawValue)), ("key", JSONText.quote(item.key)),
            ("title", JSONText.quote(item.title)), ("due", JSONText.quote(item.due.written)),
            ("state", JSONText.quote(item.overdue ? "overdue" : "pending")),
        ])
    }
}
