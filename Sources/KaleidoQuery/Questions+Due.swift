public import KaleidoKB

/// What the cooperative owes its clients and funders soon: deliverables and funding reports
/// due by a date on the missions and projects still running.
extension Questions {
    /// Engagement statuses of a mission still being worked on.
    public static let openEngagementStatuses: Set<String> = ["signee", "en_cours", "livree"]
    /// Project statuses of a project still running (a closed or evaluated project's leftover
    /// deliverables are history, not work).
    public static let openProjectStatuses: Set<String> = ["accepte", "en_cours", "suspendu"]

    /// A deliverable or a funding report not handed in yet.
    public struct DueItem: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable { case deliverable, report }
        public var record: Int
        public var kind: Kind
        /// The deliverable's key, or the report's kind (`intermediaire`, `final`).
        public var key: String
        /// The deliverable's title, or the funder's id for a report.
        public var title: String
        public var due: PartialDate
        /// Due before today (a partial date is due on its last day).
        public var overdue: Bool
    }

    /// Deliverables (not delivered nor cancelled) of open engagements and projects, and reports
    /// of granted funding lines (not submitted) of open projects and engagements, due on or
    /// before `until` (overdue ones included), by due date then record id and key.
    public func dueItems(until: CalendarDay) -> [DueItem] {
        var items: [DueItem] = []
        let open = index.records(of: .engagement).filter { Self.openEngagementStatuses.contains(index.value($0)["status"]?.text ?? "") }
            + index.records(of: .project).filter { Self.openProjectStatuses.contains(index.value($0)["status"]?.text ?? "") }
        for record in open {
            for deliverable in deliverables(of: record) where deliverable.state == .overdue || deliverable.state == .pending {
                guard let due = deliverable.due, due.last <= until else { continue }
                items.append(DueItem(record: record, kind: .deliverable, key: deliverable.key, title: deliverable.title, due: due,
                                     overdue: deliverable.state == .overdue))
            }
            for line in index.value(record)["funding"]?.items ?? [] where Self.grantedStatuses.contains(line["status"]?.text ?? "") {
                for report in line["reports"]?.items ?? [] where report["submitted_on"] == nil {
                    guard let due = date(report["due"]), due.last <= until else { continue }
                    items.append(DueItem(record: record, kind: .report, key: report["kind"]?.text ?? "", title: line["funder"]?.text ?? "",
                                         due: due, overdue: due.last < today))
                }
            }
        }
        return items.sorted { ($0.due.last, index.id($0.record), $0.key) < ($1.due.last, index.id($1.record), $1.key) }
    }
}
