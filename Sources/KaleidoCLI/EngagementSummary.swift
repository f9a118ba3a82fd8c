import KaleidoKB
import KaleidoQuery

/// `kaleido deliverables ENGAGEMENT`: a mission's deliverables, invoices and days in one
/// output (three tables, or one JSON object).
struct EngagementSummary {
    var record: Int
    var overdueOnly: Bool
    var context: QueryContext

    func emit(deliverables rows: [DeliverablesCommand.Row]) {
        let questions = Questions(index: context.index, today: context.today)
        let invoices = questions.invoices(of: record).filter { !overdueOnly || $0.state == .overdue }
        let consultants = questions.daysByConsultant(of: record)
        let used = consultants.reduce(ExactDecimal.zero) { $0 + $1.days }
        let budgeted = context.index.value(record)["days_budgeted"]?.text.flatMap(ExactDecimal.init)
        let left = budgeted.map { $0 - used }
        let leftToInvoice = questions.billing().first { $0.engagement == record }?.left ?? MoneyTotals()
        let name = "\(context.index.title(record)) (\(context.index.id(record)))"
        context.emit(sections: [
            (context.words("Livrables : ", "Deliverables: ") + name, DeliverablesCommand.table(rows, context: context)),
            (context.words("Factures", "Invoices"), InvoicesCommand.table(invoices, context: context)),
            (context.words("Jours", "Days"), daysTable(consultants, used: used, budgeted: budgeted, left: left, leftToInvoice: leftToInvoice)),
        ], json: JSONText.object([
            ("engagement", JSONText.quote(context.index.id(record))),
            ("deliverables", DeliverablesCommand.json(rows)),
            ("invoices", JSONText.array(invoices.map { BusinessJSON.invoice($0, index: context.index) })),
            ("days", JSONText.object([
                ("budgeted", BusinessJSON.number(budgeted)), ("used", used.description), ("left", BusinessJSON.number(left)),
                ("by_consultant", JSONText.array(consultants.map {
                    JSONText.object([("consultant", JSONText.quote($0.person)), ("days", $0.days.description)])
                })),
            ])),
            ("left_to_invoice", BusinessJSON.money(leftToInvoice)),
        ]))
    }

    /// Each consultant's days, then the total against the budget and what is left to invoice.
    private func daysTable(_ consultants: [(person: String, days: ExactDecimal)], used: ExactDecimal, budgeted: ExactDecimal?,
                           left: ExactDecimal?, leftToInvoice: MoneyTotals) -> ResultTable {
        var table = ResultTable(columns: [context.words("Consultant", "Consultant"), context.words("Jours passés", "Days used"),
                                          context.words("Jours prévus", "Days budgeted"), context.words("Reste", "Left")])
        table.rows = consultants.map { [context.name(of: $0.person), context.cell($0.days), "", ""] }
        table.rows.append(["Total", context.cell(used), context.cell(budgeted), context.cell(left)])
        for money in leftToInvoice.totals {
            table.rows.append([context.words("Reste à facturer HT", "Left to invoice excl. VAT"), "\(context.cell(money.amount)) \(money.currency)", "", ""])
        }
        return table
    }
}
