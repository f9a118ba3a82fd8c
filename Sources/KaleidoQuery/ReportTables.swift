import KaleidoKB

/// The tables of a `PartnerReport`, built from the index in the report's language.
struct ReportTables {
    let index: KBIndex
    let words: ReportWords
    let label: (String, String, RecordType?) -> String

    /// The records shown, grouped by year.
    func timeline(_ entries: [HistoryEntry]) -> ResultTable {
        var table = ResultTable(columns: [words("Dates", "Dates"), words("Type", "Type"), words("Intitulé", "Title"), words("Relation", "Relation")])
        var lastYear: Int?? = .none
        let language: Vocabulary.Language = words.french ? .fr : .en
        for entry in entries {
            if lastYear != .some(entry.year) {
                table.sections[table.rows.count] = entry.year.map(String.init) ?? words("Sans date", "Undated")
                lastYear = .some(entry.year)
            }
            table.rows.append([entry.interval.text, Vocabulary.typeLabel(entry.type, language: language), entry.title,
                               Vocabulary.relationLabel(entry.relation, language: language)])
        }
        return table
    }

    /// One line per convention or project: title, status, period.
    func summary(_ entries: [HistoryEntry], type: RecordType) -> ResultTable {
        var table = ResultTable(columns: [type == .convention ? words("Convention", "Agreement") : words("Projet", "Project"),
                                          words("Statut", "Status"), words("Période", "Period")])
        table.rows = entries.map { [$0.title, label(index.value($0.record)["status"]?.text ?? "", "status", type), $0.interval.text] }
        return table
    }

    /// A convention's commitments by year, party, nature and currency, then one total per
    /// party, nature and currency over the years; nil when it has none.
    func commitments(of convention: Int) -> ResultTable? {
        var perYear: [CommitmentKey: ExactDecimal] = [:]
        var overall: [CommitmentKey: ExactDecimal] = [:]
        for commitment in index.value(convention)["financial_commitments"]?.items ?? [] {
            guard let amount = commitment["amount"]?.text.flatMap(ExactDecimal.init) else { continue }
            let key = CommitmentKey(year: commitment["year"]?.text ?? "", party: commitment["party"]?.text ?? "",
                                    nature: commitment["nature"]?.text ?? "", currency: commitment["currency"]?.text ?? "")
            perYear[key] = (perYear[key] ?? .zero) + amount
            var total = key
            total.year = ""
            overall[total] = (overall[total] ?? .zero) + amount
        }
        guard !perYear.isEmpty else { return nil }
        var table = ResultTable(columns: [words("Année", "Year"), words("Partie", "Party"), words("Nature", "Nature"),
                                          words("Montant", "Amount"), words("Devise", "Currency")])
        func row(_ key: CommitmentKey, _ amount: ExactDecimal, first: String) -> [String] {
            [first, partyName(key.party), label(key.nature, "commitment_nature", nil), amount.description, key.currency]
        }
        table.rows = perYear.keys.sorted().map { row($0, perYear[$0] ?? .zero, first: $0.year) }
        if Set(perYear.keys.map(\.year)).count > 1 {
            table.sections[table.rows.count] = words("Total par partie, nature et devise", "Total per party, nature and currency")
            table.rows += overall.keys.sorted().map { row($0, overall[$0] ?? .zero, first: "Total") }
        }
        return table
    }

    /// A project's funding lines, refused ones labelled and left out of the totals, then one
    /// total of the granted amounts per currency; nil when it has none.
    func funding(of project: Int) -> ResultTable? {
        let lines = index.value(project)["funding"]?.items ?? []
        guard !lines.isEmpty else { return nil }
        var table = ResultTable(columns: [words("Financeur", "Funder"), words("Statut", "Status"), words("Montant", "Amount"),
                                          words("Devise", "Currency")])
        var granted = MoneyTotals()
        for line in lines {
            let status = line["status"]?.text ?? ""
            let currency = line["currency"]?.text ?? ""
            let isGranted = Questions.grantedStatuses.contains(status)
            let amount = (isGranted ? line["amount_granted"] : line["amount_granted"] ?? line["amount_requested"])?.text
            var statusText = label(status, "funding_status", nil)
            if isGranted, let amount = amount.flatMap(ExactDecimal.init) {
                granted.add(Money(amount: amount, currency: currency))
            } else if status == "refuse" {
                statusText += words(" (demandé, non compté)", " (requested, not counted)")
            } else {
                statusText += words(" (non compté)", " (not counted)")
            }
            table.rows.append([partyName(line["funder"]?.text ?? ""), statusText, amount ?? "", currency])
        }
        if !granted.isEmpty {
            table.sections[table.rows.count] = words("Total accordé par devise", "Total granted per currency")
            table.rows += granted.totals.map { ["Total", "", $0.amount.description, $0.currency] }
        }
        return table
    }

    /// The people of `partner` shown, with their role there.
    func people(_ entries: [HistoryEntry], partner: Int) -> ResultTable {
        var table = ResultTable(columns: [words("Nom", "Name"), words("Fonction", "Position"), words("Rôle", "Role"), words("Période", "Period")])
        let partnerID = index.id(partner)
        for entry in entries {
            for affiliation in index.value(entry.record)["affiliations"]?.items ?? [] where affiliation["partner"]?.text == partnerID {
                let period = DateSpan(start: affiliation["from"]?.text.flatMap(PartialDate.init),
                                      end: affiliation["until"]?.text.flatMap(PartialDate.init))
                table.rows.append([entry.title, affiliation["title"]?.text ?? "", label(affiliation["role"]?.text ?? "", "person_role", nil),
                                   period.text])
            }
        }
        return table
    }

    private func partyName(_ id: String) -> String { index.position(of: id).map(index.title) ?? id }

    private struct CommitmentKey: Hashable, Comparable {
        var year: String
        var party: String
        var nature: String
        var currency: String

        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.year, lhs.party, lhs.nature, lhs.currency) < (rhs.year, rhs.party, rhs.nature, rhs.currency)
        }
    }
}
