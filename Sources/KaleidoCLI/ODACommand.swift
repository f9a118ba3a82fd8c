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
        discussion: """
            CLIENT is an id, a name or an alias, as for `history`. Art. L1115-6 CGCT: each spring \
            a French authority declares on the DCTCIV's e-APD form what it PAID in year N. The \
            command reads the `disbursements` of the conventions it is party to, the projects it \
            leads or takes part in and the engagements for it, and declares the payments dated \
            in --year whose payer is CLIENT (written, or the project's lead, the engagement's \
            client, the convention's only French party) to a country on the OECD DAC list of \
            that year (written country, else the recipient record's); development awareness \
            (CRS sector 99820) in France or with no country is declared unallocated ("Non \
            ventilé"). Sums are exact and per currency (EUR and TND are never added). Every \
            other payment found is listed as left out with its reason: paid by another party, \
            dated outside the year, no country, country not on that year's DAC list.

            --format csv writes the declaration itself, one payment a row, in the e-APD entry's \
            columns: Année, Collectivité déclarante, Pays bénéficiaire, Canal d'acheminement, \
            Secteur CAD, Type d'aide, Partenaire, Montant, Devise, Date du versement, \
            Marqueurs, Base légale, Convention, Fiche (the ministry's e-APD pages ask for each \
            amount its country, channel and sector, and markers scored 0–2; sources in \
            docs/data-model.md). The form takes euros: convert a line in another currency at \
            the payment's rate before entering it (no rate is assumed here). \
            JSON: {"client", "year", "payments": [{"record", "date", "amount", "currency", \
            "payer", "recipient", "recipient_name", "country", "channel", "sector", "aid_type", \
            "legal_basis", "convention"}], "by_country"|"by_channel"|"by_sector": [{key, \
            "currency", "amount", "payments"}], "totals": [{"amount", "currency"}], \
            "excluded": [payment + "reason": other_payer|other_year|no_country|not_on_dac_list]}.

            --commitments: the estimated view. The lines sum the client's \
            own financial_commitments for --year in conventions with a party from a country on \
            the OECD DAC list of ODA recipients, by country, nature (numeraire, valorisation) \
            and currency; amounts are exact decimals, never rounded. A convention whose other \
            parties are in several eligible countries is declared under the first of them in \
            alphabetical order (split it by hand if needed). A total per currency follows. Commitments in conventions whose other parties are all outside that list \
            are left out and listed as excluded, with the countries that made them so.

            JSON (--format json, --commitments): {"client": id, "year": number, \
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

    @Flag(help: "Sum the conventions' estimated financial commitments for the year instead of the payments.")
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
