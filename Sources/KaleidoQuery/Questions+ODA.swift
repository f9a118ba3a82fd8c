import KaleidoKB

/// The yearly ODA (e-APD) declaration of a local authority, from its conventions' commitments.
extension Questions {
    /// One line of the declaration: a country, a nature (`numeraire`, `valorisation`), a currency.
    public struct ODALine: Hashable, Sendable {
        public var country: String
        public var nature: String
        public var currency: String
        public var amount: ExactDecimal
        public var conventions: [String]
    }

    /// The client's commitments for `year` in conventions whose other parties are in
    /// countries on the DAC list of that year (`DACList`), summed by country, nature and currency. Commitments towards
    /// non-eligible countries are left out (`excluded` lists those conventions).
    public func odaDeclaration(client: Int, year: Int) -> (lines: [ODALine], excluded: [String]) {
        let clientID = index.id(client)
        var lines: [String: ODALine] = [:]
        var excluded: [String] = []
        for link in index.references(to: client) where index.type(link.source) == .convention && link.relation == "party" {
            let convention = link.source
            let value = index.value(convention)
            let countries = Set(index.references(from: convention).filter { $0.relation == "party" && $0.target != client }
                .compactMap { $0.target.flatMap { index.value($0)["country"]?.text } })
            let commitments = (value["financial_commitments"]?.items ?? []).filter {
                $0["party"]?.text == clientID && $0["year"]?.text == String(year)
            }
            guard !commitments.isEmpty else { continue }
            guard let country = countries.sorted().first(where: { DACList.isEligible($0, year: year) }) else {
                excluded.append(index.id(convention))
                continue
            }
            for commitment in commitments {
                guard let amount = commitment["amount"]?.text.flatMap(ExactDecimal.init) else { continue }
                let nature = commitment["nature"]?.text ?? ""
                let currency = commitment["currency"]?.text ?? ""
                let key = "\(country)|\(nature)|\(currency)"
                var line = lines[key] ?? ODALine(country: country, nature: nature, currency: currency, amount: .zero, conventions: [])
                line.amount = line.amount + amount
                if !line.conventions.contains(index.id(convention)) { line.conventions.append(index.id(convention)) }
                lines[key] = line
            }
        }
        let sorted = lines.values.sorted { ($0.country, $0.nature, $0.currency) < ($1.country, $1.nature, $1.currency) }
        return (sorted, Array(Set(excluded)).sorted())
    }
}
