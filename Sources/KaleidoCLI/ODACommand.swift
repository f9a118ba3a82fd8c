import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido oda CLIENT --year YYYY`: the figures of a local authority's yearly ODA (e-APD)
/// declaration, from the financial commitments of its conventions.
struct ODACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oda",
        abstract: Help.abstract("oda"),
        discussion: """
            CLIENT is an id, a name or an alias, as for `history`. The lines sum the client's \
            own financial_commitments for --year in conventions with a party from a country on \
            the OECD DAC list of ODA recipients, by country, nature (numeraire, valorisation) \
            and currency; amounts are exact decimals, never rounded. A convention whose other \
            parties are in several eligible countries is declared under the first of them in \
            alphabetical order (split it by hand if needed). A total per currency follows. Commitments in conventions whose other parties are all outside that list \
            are left out and listed as excluded, with the countries that made them so.

            JSON (--format json): {"client": id, "year": number, \
            "lines": [{"country", "nature", "currency", "amount": number, "conventions": [id…]}], \
            "totals": [{"currency", "amount"}], \
            "excluded": [{"convention": id, "countries": [code…], "reason": "no_eligible_country", \
            "nature", "currency", "amount"}]}.
            """)

    @OptionGroup var options: QueryOptions

    @Argument(help: "The client: id, name or alias.")
    var client: String

    @Option(help: "The year declared (YYYY).")
    var year: String

    func run() async throws {
        try await reportingCLIErrors {
            guard year.count == 4, year.allSatisfy({ $0.isASCII && $0.isNumber }), let declared = Int(year) else {
                throw CLIError.usage(Messages.badYear(option: "--year", year))
            }
            let context = try await options.context()
            let record = try context.partner(client)
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
