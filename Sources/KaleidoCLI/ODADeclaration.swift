import KaleidoKB
import KaleidoQuery

/// What `kaleido oda` prints: the declared lines, a total per currency, and what was left out.
struct Declaration {
    /// A client's commitments in one convention left out of the declaration, for one nature
    /// and currency.
    struct Excluded {
        var convention: String
        /// The other parties' countries, none of them on the OECD DAC list.
        var countries: [String]
        var nature: String
        var currency: String
        var amount: ExactDecimal
    }

    var client: Int
    var year: Int
    var lines: [Questions.ODALine]
    var excluded: [Excluded]

    /// The declared amounts summed by currency (natures together): what the declaration totals.
    var totals: [(currency: String, amount: ExactDecimal)] {
        var sums: [String: ExactDecimal] = [:]
        for line in lines { sums[line.currency] = (sums[line.currency] ?? .zero) + line.amount }
        return sums.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Lines, then one `Total` row per currency, then the excluded commitments under their own
    /// heading; the last column says which kind each row is, so CSV (which has no headings)
    /// stays unambiguous.
    func table(context: QueryContext) -> ResultTable {
        var table = ResultTable(columns: [Headers.country, Headers.nature,
                                          Headers.amount, Headers.currency,
                                          "Conventions", Headers.note])
        table.flexible = [4]
        func nature(_ key: String) -> String { context.label(key, field: "commitment_nature", type: nil) }
        table.rows = lines.map { [$0.country, nature($0.nature), $0.amount.description, $0.currency, $0.conventions.joined(separator: ", "), ""] }
        table.rows += totals.map { ["Total", "", $0.amount.description, $0.currency, "", ""] }
        if !excluded.isEmpty {
            table.sections[table.rows.count] = context.words("Exclu (aucune autre partie dans un pays éligible à l'APD)",
                                                             "Excluded (no other party in an ODA-eligible country)")
        }
        let note = Headers.excludedCountryNotEligible
        table.rows += excluded.map {
            [$0.countries.joined(separator: ", "), nature($0.nature), $0.amount.description, $0.currency, $0.convention, note]
        }
        return table
    }

    func json(index: KBIndex) -> String {
        func list(_ items: [String]) -> String { "[" + items.map(JSONText.quote).joined(separator: ", ") + "]" }
        let lineObjects = lines.map { line in
            JSONText.object([("country", JSONText.quote(line.country)), ("nature", JSONText.quote(line.nature)),
                             ("currency", JSONText.quote(line.currency)), ("amount", line.amount.description),
                             ("conventions", list(line.conventions))])
        }
        let totalObjects = totals.map { JSONText.object([("currency", JSONText.quote($0.currency)), ("amount", $0.amount.description)]) }
        let excludedObjects = excluded.map { item in
            JSONText.object([("convention", JSONText.quote(item.convention)), ("countries", list(item.countries)),
                             ("reason", JSONText.quote("no_eligible_country")), ("nature", JSONText.quote(item.nature)),
                             ("currency", JSONText.quote(item.currency)), ("amount", item.amount.description)])
        }
        return JSONText.object([("client", JSONText.quote(index.id(client))), ("year", String(year)),
                                ("lines", JSONText.array(lineObjects)), ("totals", JSONText.array(totalObjects)),
                                ("excluded", JSONText.array(excludedObjects))])
    }
}
