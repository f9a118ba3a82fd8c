public import KaleidoKB

/// Consultant-days: what each engagement budgeted (`days_budgeted`) against what its
/// timesheet records, per engagement, per client or per client and consultant.
extension Questions {
    /// One line of an engagement's timesheet.
    public struct TimeEntry: Hashable, Sendable {
        public var engagement: Int
        public var date: CalendarDay?
        /// The person's id as written.
        public var person: String
        public var days: ExactDecimal
        public var note: String?
    }

    /// The engagement's timesheet in the record's order.
    public func timesheet(of engagement: Int) -> [TimeEntry] {
        (index.value(engagement)["timesheet"]?.items ?? []).map { item in
            TimeEntry(engagement: engagement, date: date(item["date"])?.first, person: item["person"]?.text ?? "",
                      days: decimal(item["days"]), note: item["note"]?.text)
        }
    }

    /// The days each person booked on one engagement, by person id.
    public func daysByConsultant(of engagement: Int) -> [(person: String, days: ExactDecimal)] {
        var sums: [String: ExactDecimal] = [:]
        for entry in timesheet(of: engagement) { sums[entry.person] = (sums[entry.person] ?? .zero) + entry.days }
        return sums.keys.sorted().map { ($0, sums[$0] ?? .zero) }
    }

    /// How the days are grouped.
    public enum DaysGrouping: String, Sendable, CaseIterable {
        case client, engagement, consultant
    }

    /// Days budgeted and used for one group. `budgeted` is nil where no engagement of the
    /// group has `days_budgeted`, and always nil per consultant (a budget is the mission's).
    public struct DaysRow: Hashable, Sendable {
        /// The client's id as written.
        public var client: String
        public var engagement: Int?
        /// The consultant's id as written (per consultant only).
        public var consultant: String?
        public var budgeted: ExactDecimal?
        public var used: ExactDecimal
        /// budgeted − used (negative when the budget is overrun); nil without a budget.
        public var left: ExactDecimal? { budgeted.map { $0 - used } }
    }

    /// Days used against days budgeted for the engagements that have either, grouped by
    /// `grouping`, sorted by client id (then engagement or consultant id); `client` keeps one
    /// client's. Only timesheet entries within `period` count when it is given (the budget
    /// stays whole).
    public func days(by grouping: DaysGrouping, client: Int? = nil, during period: DateInterval? = nil) -> [DaysRow] {
        var rows: [String: DaysRow] = [:]
        for engagement in engagements(of: client) {
            let value = index.value(engagement)
            let budget = value["days_budgeted"]?.text.flatMap(ExactDecimal.init)
            let entries = timesheet(of: engagement).filter { entry in
                guard let period else { return true }
                return entry.date.map { period.contains($0) } ?? false
            }
            guard budget != nil || !(value["timesheet"]?.items ?? []).isEmpty else { continue }
            let clientID = value["client"]?.text ?? ""
            func add(key: String, consultant: String?, budget: ExactDecimal?, used: ExactDecimal) {
                var row = rows[key] ?? DaysRow(client: clientID, engagement: grouping == .engagement ? engagement : nil,
                                               consultant: consultant, budgeted: nil, used: .zero)
                if let budget { row.budgeted = (row.budgeted ?? .zero) + budget }
                row.used = row.used + used
                rows[key] = row
            }
            switch grouping {
            case .client:
                add(key: clientID, consultant: nil, budget: budget, used: entries.reduce(.zero) { $0 + $1.days })
            case .engagement:
                add(key: index.id(engagement), consultant: nil, budget: budget, used: entries.reduce(.zero) { $0 + $1.days })
            case .consultant:
                for entry in entries { add(key: clientID + "|" + entry.person, consultant: entry.person, budget: nil, used: entry.days) }
            }
        }
        return rows.values.sorted { lhs, rhs in
            (lhs.client, lhs.engagement.map(index.id) ?? "", lhs.consultant ?? "") < (rhs.client, rhs.engagement.map(index.id) ?? "", rhs.consultant ?? "")
        }
    }
}
