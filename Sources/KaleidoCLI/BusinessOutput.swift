import KaleidoKB
import KaleidoQuery

/// What the business commands (days, billing, invoices, pipeline, due) and `deliverables` on
/// an engagement share: amounts and days as cells, names of records, the `--client` option and
/// several titled tables in one output.
extension QueryContext {
    /// An exact decimal as a cell: as written, with a decimal comma in excel-fr CSV.
    func cell(_ value: ExactDecimal?) -> String {
        guard let value else { return "" }
        return isExcelFR ? value.description.replacing(".", with: ",") : value.description
    }

    /// A fraction (0.6) as a percentage cell (`60 %`, `60%` in English).
    func percent(_ fraction: ExactDecimal) -> String {
        let hundred = ExactDecimal("100") ?? .zero
        let value = (fraction * hundred).trimmed(to: 0).description
        return words("\(isExcelFR ? value.replacing(".", with: ",") : value) %", "\(value)%")
    }

    /// The title of the record with this id (a person's full name, a partner's name), or the
    /// id itself when no record has it.
    func name(of id: String) -> String {
        index.position(of: id).map { index.title($0) } ?? id
    }

    /// A CalendarDay as a cell (`2026-10-10`), empty when absent.
    func cell(_ day: CalendarDay?) -> String { day?.description ?? "" }

    /// The client of `--client`, when given.
    func client(_ query: String?) throws -> Int? {
        try query.map(partner)
    }

    /// Prints several tables, each under its title (a heading line in the terminal, `##` in
    /// Markdown, a blank line between CSV blocks), or `json` for --format json.
    func emit(sections: [(title: String, table: ResultTable)], json: @autoclosure () -> String) {
        switch format {
        case .json: print(json())
        case .table:
            print(sections.map { "\($0.title)\n" + $0.table.renderTable(width: Terminal.width) }.joined(separator: "\n"), terminator: "")
        case .markdown:
            print(sections.map { "## \($0.title)\n\n" + $0.table.renderMarkdown() }.joined(separator: "\n"), terminator: "")
        case .csv:
            // One byte-order mark, at the start of the file.
            print(sections.enumerated().map { offset, section in
                isExcelFR ? section.table.renderCSV(delimiter: ";", byteOrderMark: offset == 0) : section.table.renderCSV()
            }.joined(separator: "\r\n"), terminator: "")
        }
    }
}

/// JSON of the business figures: exact decimals as numbers, dates as strings.
enum BusinessJSON {
    static func number(_ value: ExactDecimal?) -> String { value?.description ?? "null" }
    static func day(_ value: CalendarDay?) -> String { value.map { JSONText.quote($0.description) } ?? "null" }
    static func money(_ totals: MoneyTotals) -> String { JSONText.array(totals.totals.map(\.json)) }

    static func invoice(_ invoice: Questions.Invoice, index: KBIndex) -> String {
        JSONText.object([
            ("number", JSONText.quote(invoice.number)), ("engagement", JSONText.quote(index.id(invoice.engagement))),
            ("client", index.value(invoice.engagement)["client"]?.text.map(JSONText.quote) ?? "null"),
            ("date", day(invoice.date)), ("amount_ht", invoice.amountHT.amount.description), ("vat_rate", number(invoice.vatRate)),
            ("amount_ttc", invoice.amountTTC.amount.description), ("currency", JSONText.quote(invoice.amountHT.currency)),
            ("due", day(invoice.due)), ("paid_on", day(invoice.paidOn)), ("milestone", invoice.milestone.map(JSONText.quote) ?? "null"),
            ("state", JSONText.quote(invoice.state.rawValue)), ("days_late", String(invoice.daysLate)),
        ])
    }
}
