public import KaleidoKB

/// Conventions through their life: consolidated end dates, termination, the préfet
/// transmission of each French party, the notice deadline of a renewal, and the legal gaps of
/// conventions said to be in force.
extension Questions {
    /// A convention ending soon and what is prepared to follow it.
    public struct EndingConvention: Hashable, Sendable {
        public var record: Int
        /// The end after the avenants (`2027-03` stays a month: it ends on the 31st).
        public var ends: PartialDate
        /// The avenant that set `ends`, nil when the convention's own date stands.
        public var endChangedBy: String?
        /// The convention that supersedes it (from either side's link), if one is prepared.
        public var successor: Int?
        /// The renewal mode written in the convention (`aucun`, `tacite`, `expresse`).
        public var renewalMode: String?
        /// The deadlines planned back from the end (notice, council vote, transmission).
        public var plan: RenewalPlan
    }

    /// Conventions signed or in force, not terminated and not avenants, whose consolidated end
    /// falls between today and `until` (inclusive), each with its renewal plan.
    public func conventionsEnding(by until: CalendarDay, voteMargin: RenewalPlan.Margin = RenewalPlan.defaultVoteMargin,
                                  transmissionMargin: RenewalPlan.Margin = RenewalPlan.defaultTransmissionMargin) -> [EndingConvention] {
        var result: [EndingConvention] = []
        for record in index.records(of: .convention) {
            let value = index.value(record)
            guard let status = value["status"]?.text, ["en_vigueur", "signee"].contains(status),
                value["kind"]?.text != "avenant", value["terminated_on"] == nil,
                let consolidated = ConsolidatedConvention(record: record, in: index),
                let end = consolidated.end, end.last >= today, end.last <= until
            else { continue }
            var successor = value["superseded_by"]?.text.flatMap(resolver.position)
            if successor == nil {
                successor = index.references(to: record).first { $0.relation == "supersedes" }?.source
            }
            let notice = value["renewal"]?["notice_months"]?.text.flatMap { Int($0) }
            let plan = RenewalPlan(end: end.last, noticeMonths: notice, voteMargin: voteMargin, transmissionMargin: transmissionMargin)
            result.append(EndingConvention(record: record, ends: end, endChangedBy: consolidated.endChangedBy, successor: successor,
                                           renewalMode: value["renewal"]?["mode"]?.text, plan: plan))
        }
        return result.sorted { ($0.ends.last, index.id($0.record)) < ($1.ends.last, index.id($1.record)) }
    }

    /// One French party's sending of the convention to its préfet.
    public struct PartyTransmission: Hashable, Sendable {
        public var party: Int
        /// nil: no transmission recorded for this party.
        public var date: PartialDate?
        public var prefecture: String?
        public var receipt: String?
    }

    /// The transmission of each French local-authority party (partner country `FR`, kind in
    /// `CrossRecordRules.frenchLocalAuthorityKinds`), in party order. A party with no line in
    /// `transmissions` takes the older single `transmitted_to_prefect_on`, when written.
    public func transmissions(of record: Int) -> [PartyTransmission] {
        let value = index.value(record)
        let legacy = date(value["transmitted_to_prefect_on"])
        var found: [PartyTransmission] = []
        for link in index.references(from: record) where link.relation == "party" {
            guard let party = link.target, !found.contains(where: { $0.party == party }) else { continue }
            let partner = index.value(party)
            guard partner["country"]?.text == "FR", CrossRecordRules.frenchLocalAuthorityKinds.contains(partner["kind"]?.text ?? "") else { continue }
            let line = value["transmissions"]?.items?.first { $0["party"]?.text == index.id(party) }
            found.append(PartyTransmission(party: party, date: line.flatMap { date($0["date"]) } ?? (line == nil ? legacy : nil),
                                           prefecture: line?["prefecture"]?.text, receipt: line?["receipt"]?.text))
        }
        return found
    }

    /// Whether the convention has effect on `day`: signed (not a draft, not abandoned), `day`
    /// between its start and its consolidated end, and not after `terminated_on` (its last day).
    /// Executory for a French party needs that party's transmission too (`transmissions(of:)`).
    public func isInForce(_ record: Int, on day: CalendarDay) -> Bool {
        let value = index.value(record)
        guard !ConsolidatedConvention.unsignedStatuses.contains(value["status"]?.text ?? "projet"),
            let consolidated = ConsolidatedConvention(record: record, in: index)
        else { return false }
        let start = RecordSemantics.interval(of: value, type: .convention).start
        if let start, day < start.first { return false }
        if let end = consolidated.end, end.last < day { return false }
        if let terminated = date(value["terminated_on"]), terminated.last < day { return false }
        return true
    }

    /// A convention said to be in force that misses what the law expects.
    public struct ConventionGap: Hashable, Sendable {
        public var record: Int
        public var noFinancialCommitments: Bool
        /// True when a French party has not sent it to its préfet (`untransmitted` names them).
        public var notSentToPrefect: Bool
        /// The French parties with no transmission: the convention is not executory for them.
        public var untransmitted: [Int]
        /// Its termination date when it is still said to be in force after it.
        public var terminatedOn: PartialDate?
    }

    /// Conventions said to be in force today (status `en_vigueur`, or `signee` with today within
    /// its dates) with no financial commitments, a French party that has not sent it to its
    /// préfet, or a termination date already passed. Avenants are checked for transmission only.
    public func conventionGaps() -> [ConventionGap] {
        index.records(of: .convention).compactMap { record in
            let value = index.value(record)
            let status = value["status"]?.text
            guard status == "en_vigueur" || (status == "signee" && datesCover(record, today)) else { return nil }
            let untransmitted = transmissions(of: record).filter { $0.date == nil }.map(\.party)
            let terminated = date(value["terminated_on"]).flatMap { $0.last < today ? $0 : nil }
            let gap = ConventionGap(record: record,
                                    noFinancialCommitments: value["kind"]?.text != "avenant" && (value["financial_commitments"]?.items ?? []).isEmpty,
                                    notSentToPrefect: !untransmitted.isEmpty, untransmitted: untransmitted, terminatedOn: terminated)
            return gap.noFinancialCommitments || gap.notSentToPrefect || terminated != nil ? gap : nil
        }.sorted { index.id($0.record) < index.id($1.record) }
    }

    /// Today between the start and the consolidated end (no termination considered).
    private func datesCover(_ record: Int, _ day: CalendarDay) -> Bool {
        let start = RecordSemantics.interval(of: index.value(record), type: .convention).start
        let end = ConsolidatedConvention(record: record, in: index)?.end
        return start.map { $0.first <= day } ?? false && end.map { day <= $0.last } ?? true
    }
}
