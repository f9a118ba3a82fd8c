import KaleidoYAML

/// The date-coherence errors of one convention (docs/data-model.md, "A convention's life"):
/// a transmission to the préfet before the signature, an entry into force before a
/// transmission, a commitment in a year outside the convention's years, a commitment or a
/// termination by a partner who is not a party, a termination before the signature.
///
/// Partial dates are compared as the days they cover: only what is certainly incoherent is
/// reported (`2009-06` as entry into force after a transmission on 2009-06-10 is accepted).
struct ConventionDateRules {
    typealias Report<Node> = (Node, String, String, String) -> Void

    func check<Node: ReadableNode>(_ root: Node, report: Report<Node>) {
        func date(_ node: Node?) -> PartialDate? { node?.stringValue.flatMap(PartialDate.init) }
        let signed = date(root["signed_on"])
        let effectiveNode = root["effective_from"]
        let effective = date(effectiveNode)

        // Every transmission written: the older single field and the per-party lines.
        var sent: [(node: Node, pointer: String, date: PartialDate)] = []
        if let node = root["transmitted_to_prefect_on"], let day = date(node) { sent.append((node, "/transmitted_to_prefect_on", day)) }
        for (index, line) in (root["transmissions"]?.items ?? []).enumerated() {
            if let node = line["date"], let day = date(node) { sent.append((node, "/transmissions/\(index)/date", day)) }
        }
        if let signed {
            for item in sent where item.date.last < signed.first {
                report(item.node, "convention-dates", item.pointer,
                       "the transmission to the préfet (\(item.date)) is before the signature (signed_on \(signed))")
            }
        }
        if let effectiveNode, let effective, let latest = sent.max(by: { $0.date.first < $1.date.first }), effective.last < latest.date.first {
            report(effectiveNode, "convention-dates", "/effective_from",
                   "effective_from \(effective) is before the transmission to the préfet (\(latest.date)); a convention takes effect once transmitted")
        }

        let isAvenant = root["kind"]?.stringValue == "avenant"
        let parties = Set((root["parties"]?.items ?? []).compactMap { $0["partner"]?.stringValue })
        // An avenant's years: up to its new end date; it may change years before its own start.
        let firstYear = isAvenant ? nil : (effective ?? signed)?.year
        let lastYear = [date(root["effective_until"]), isAvenant ? date(root["new_end_date"]) : nil].compactMap { $0?.year }.max()
        // An end before the start is the date-order rule's finding: no cascade on every year.
        let ordered = firstYear.flatMap { first in lastYear.map { first <= $0 } } ?? true
        for (index, item) in (root["financial_commitments"]?.items ?? []).enumerated() {
            if ordered, let yearNode = item["year"], let year = yearNode.stringValue.flatMap({ Int($0) }),
                firstYear.map({ year < $0 }) ?? false || lastYear.map({ year > $0 }) ?? false
            {
                let span = "\(firstYear.map(String.init) ?? "…")–\(lastYear.map(String.init) ?? "…")"
                report(yearNode, "convention-dates", "/financial_commitments/\(index)/year",
                       "a commitment for \(year) is outside the convention's years (\(span))")
            }
            if !parties.isEmpty, let partyNode = item["party"], let party = partyNode.stringValue, !parties.contains(party) {
                report(partyNode, "commitment-party", "/financial_commitments/\(index)/party",
                       "\(party) commits funds but is not a party of this convention; add it to parties or fix the commitment")
            }
        }

        if !parties.isEmpty, let byNode = root["terminated_by"], let by = byNode.stringValue, !parties.contains(by) {
            report(byNode, "commitment-party", "/terminated_by", "\(by) terminated this convention but is not one of its parties")
        }
        if let signed, let endNode = root["terminated_on"], let end = date(endNode), end.last < signed.first {
            report(endNode, "convention-dates", "/terminated_on", "terminated_on \(end) is before the signature (signed_on \(signed))")
        }
    }
}
