public import KaleidoKB

/// Questions about projects, events, funding, partnerships and calls.
extension Questions {
    /// A funding line of a project or engagement.
    public struct FundingLine: Hashable, Sendable {
        public var record: Int
        public var funder: String
        public var status: String
        public var granted: ExactDecimal?
        /// The line's `currency` (empty when it has no amount).
        public var currency: String
        public var decided: PartialDate?
    }

    /// The funding lines of a record.
    public func fundingLines(of record: Int) -> [FundingLine] {
        (index.value(record)["funding"]?.items ?? []).map { line in
            FundingLine(record: record, funder: line["funder"]?.text ?? "", status: line["status"]?.text ?? "",
                        granted: line["amount_granted"]?.text.flatMap(ExactDecimal.init), currency: line["currency"]?.text ?? "",
                        decided: date(line["decided_on"]))
        }
    }

    /// Projects with `theme` in `country` whose interval overlaps `period`.
    public func projects(theme: String, country: String, during period: DateInterval) -> [Int] {
        index.records(of: .project).filter { project in
            let value = index.value(project)
            return (value["themes"]?.items ?? []).contains(.string(theme)) && (value["countries"]?.items ?? []).contains(.string(country))
                && index.interval(project).overlaps(period)
        }.sorted { index.id($0) < index.id($1) }
    }

    /// Events of these kinds overlapping `period` where our role is not one of `excludedRoles`.
    public func events(kinds: Set<String>, during period: DateInterval, excludedRoles: Set<String>) -> [Int] {
        index.records(of: .event).filter { event in
            let value = index.value(event)
            return kinds.contains(value["kind"]?.text ?? "") && !excludedRoles.contains(value["our_role"]?.text ?? "")
                && index.interval(event).overlaps(period)
        }.sorted { index.id($0) < index.id($1) }
    }

    /// The funding statuses that mean money was granted.
    public static let grantedStatuses: Set<String> = ["accorde", "verse_partiel", "solde"]

    /// One funder's granted total for one decision year in one currency.
    public struct FundingTotal: Hashable, Sendable {
        public var funder: String
        public var year: Int
        public var total: Money
        public var lines: Int
    }

    /// Granted funding (projects and engagements) by funder, year of `decided_on` and currency,
    /// summed exactly (never across currencies), from `sinceYear` on; with `client` (an id),
    /// only the projects it leads and the engagements for it: the co-funding it received.
    public func grantedFunding(sinceYear: Int?, client: String? = nil) -> [FundingTotal] {
        var totals: [String: FundingTotal] = [:]
        for record in index.records(of: .project) + index.records(of: .engagement) {
            if let client, index.value(record)["lead"]?.text != client, index.value(record)["client"]?.text != client { continue }
            for line in fundingLines(of: record) where Self.grantedStatuses.contains(line.status) {
                guard let year = line.decided?.year, year >= (sinceYear ?? Int.min), let amount = line.granted else { continue }
                let key = "\(line.funder)|\(year)|\(line.currency)"
                var total = totals[key]
                    ?? FundingTotal(funder: line.funder, year: year, total: Money(amount: .zero, currency: line.currency), lines: 0)
                total.total.amount = total.total.amount + amount
                total.lines += 1
                totals[key] = total
            }
        }
        return totals.values.sorted { ($0.year, $0.funder, $0.total.currency) < ($1.year, $1.funder, $1.total.currency) }
    }

    /// A partnership between authorities of two countries.
    public struct CrossPartnership: Hashable, Sendable {
        public var record: Int
        public var status: String
        public var since: PartialDate?
        public var until: PartialDate?
        public var themes: [String]
    }

    /// Partnerships with a party from each of the two countries.
    public func partnerships(between first: String, and second: String) -> [CrossPartnership] {
        index.records(of: .partnership).compactMap { record in
            let value = index.value(record)
            let countries = Set(FieldPath(keys: ["parties", "partner", "country"]).values(in: value, resolve: resolver.value).compactMap(\.text))
            guard countries.contains(first), countries.contains(second) else { return nil }
            return CrossPartnership(record: record, status: value["status"]?.text ?? "", since: date(value["since"]),
                                    until: date(value["until"]), themes: (value["themes"]?.items ?? []).compactMap(\.text))
        }.sorted { index.id($0.record) < index.id($1.record) }
    }

    /// A deliverable of a project and where it stands today.
    public struct Deliverable: Hashable, Sendable {
        public enum State: String, Hashable, Sendable { case delivered, overdue, cancelled, pending }
        public var key: String
        public var title: String
        public var due: PartialDate?
        public var state: State
    }

    /// The project's deliverables: delivered (a delivery date, or delivered/validated),
    /// cancelled, overdue (due date past, not delivered) or pending.
    public func deliverables(of project: Int) -> [Deliverable] {
        (index.value(project)["deliverables"]?.items ?? []).map { item in
            let status = item["status"]?.text ?? ""
            let due = date(item["due"])
            let state: Deliverable.State
            if item["delivered_on"]?.text != nil || ["livre", "valide"].contains(status) {
                state = .delivered
            } else if status == "annule" {
                state = .cancelled
            } else if let due, due.last < today {
                state = .overdue
            } else {
                state = .pending
            }
            return Deliverable(key: item["key"]?.text ?? "", title: item["title"]?.text ?? "", due: due, state: state)
        }
    }

    /// An open call closing soon and the clients who could answer it.
    public struct ClosingCall: Hashable, Sendable {
        public var record: Int
        /// `closes_on` as written (a partial date closes on its last day).
        public var closes: PartialDate
        /// Partners that are clients of an engagement and eligible (`eligibility(of:for:)`:
        /// an active partnership with a partner of an eligible country, and what else the call asks).
        public var clients: [Int]
    }

    /// Calls not closed whose `closes_on` falls between today and `until`.
    public func callsClosing(by until: CalendarDay) -> [ClosingCall] {
        let clients = Set(index.records(of: .engagement).flatMap { engagement in
            index.references(from: engagement).filter { $0.relation == "client" }.compactMap(\.target)
        })
        return index.records(of: .call).compactMap { call in
            let value = index.value(call)
            guard value["status"]?.text != "clos", let closes = date(value["closes_on"]), closes.last >= today, closes.last <= until
            else { return nil }
            let qualifying = clients.filter { eligibility(of: $0, for: call).isEligible }
            return ClosingCall(record: call, closes: closes, clients: qualifying.sorted { index.id($0) < index.id($1) })
        }.sorted { ($0.closes.last, index.id($0.record)) < ($1.closes.last, index.id($1.record)) }
    }
}
