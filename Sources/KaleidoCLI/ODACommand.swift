import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido oda CLIENT --year YYYY`: a local authority's yearly ODA (e-APD) declaration from the
/// payments it made that year; `--commitments` keeps the older view from its conventions'
/// estimated financial commitments.
struct ODACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oda",
        abstract: Help.abstract("oda"),
        discussion: Help.discussion("oda"))

    @OptionGroup var options: QueryOptions

    @Argument(help: ArgumentHelp(Help.option("oda", "client")))
    var client: String

    @Option(help: ArgumentHelp(Help.option("oda", "year")))
    var year: String

    @Flag(help: ArgumentHelp(Help.option("oda", "commitments")))
    var commitments = false

    func run() async throws {
        try await reportingCLIErrors {
            guard year.count == 4, year.allSatisfy({ $0.isASCII && $0.isNumber }), let declared = Int(year) else {
                throw CLIError.usage(Messages.badYear(option: "--year", year))
            }
            let context = try await options.context()
            let record = try context.partner(client)
            guard commitments else {
                let payments = Questions(index: context.index, today: context.today).disbursements(involving: record)
                let output = ODAPaymentsOutput(declaration: ODAPaymentDeclaration(client: context.index.id(record), year: declared, payments: payments),
                                               context: context)
                if output.declaration.payments.isEmpty, context.format != .json { StandardError.write(output.noPayment(client: record)) }
                context.emit(context.format == .csv ? output.csvTable(client: record) : output.summaryTable(), json: output.json(client: record))
                return
            }
            let (lines, excludedIDs) = Questions(index: context.index, today: context.today).odaDeclaration(client: record, year: declared)
            let declaration = Declaration(client: record, year: declared, lines: lines,
                                          excluded: excludedIDs.flatMap { Self.excluded($0, client: record, year: declared, index: context.index) })
            if lines.isEmpty, declaration.excluded.isEmpty, context.format != .json {
                StandardError.write(Messages.noODA(client: context.index.title(record), year: year) + "\n")
            }
            context.emit(declaration.table(context: context), json: declaration.json(index: context.index))
        }
    }

    /// The client's commitments for the year in a convention the library left out, by nature
    /// and currency, with the countries of the other parties (none of them ODA-eligible).
    static func excluded(_ id: String, client: Int, year: Int, index: KBIndex) -> [Declaration.Excluded] {
        guard let convention = index.position(of: id) else { return [] }
        let countries = Set(index.references(from: convention).filter { $0.relation == "party" && $0.target != client }
            .compactMap { $0.target.flatMap { index.value($0)["country"]?.text } }).sorted()
        var sums: [String: Declaration.Excluded] = [:]
        for commitment in index.value(convention)["financial_commitments"]?.items ?? []
        where commitment["party"]?.text == index.id(client) && commitment["year"]?.text == String(year) {
            guard let amount = commitment["amount"]?.text.flatMap(ExactDecimal.init) else { continue }
            let nature = commitment["nature"]?.text ?? "", currency = commitment["currency"]?.text ?? ""
            var item = sums[nature + "|" + currency]
                ?? Declaration.Excluded(convention: id, countries: countries, nature: nature, currency: currency, amount: .zero)
            item.amount = item.amount + amount
            sums[nature + "|" + currency] = item
        }
        return sums.values.sorted { ($0.nature, $0.currency) < ($1.nature, $1.currency) }
    }
}
