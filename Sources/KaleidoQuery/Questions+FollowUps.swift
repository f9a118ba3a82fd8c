public import KaleidoKB

/// Follow-ups: the next steps interactions record (`next_step: {date, action, by}`).
extension Questions {
    /// A next step due in a period.
    public struct FollowUp: Hashable, Sendable {
        /// The interaction that records it.
        public var interaction: Int
        /// When it is due, as written (`2026-12` means some day of December).
        public var date: PartialDate
        public var action: String
        /// Who does it: the step's `by`, else the interaction's `assignee`; nil when neither is given.
        public var by: Int?
    }

    /// The Monday–Sunday week that holds `day`.
    public static func week(of day: CalendarDay) -> DateInterval {
        // 2001-01-01 was a Monday.
        let sinceMonday = ((day.ordinal - CalendarDay(year: 2001, month: 1, day: 1).ordinal) % 7 + 7) % 7
        let monday = day.adding(days: -sinceMonday)
        return DateInterval(from: monday, to: monday.adding(days: 6))
    }

    /// The next steps whose date shares a day with `period` (a step due "2026-12" is listed in
    /// every week of December), of the person `by` when given; sorted by who does them (the
    /// unassigned last), then date, then interaction id. Steps of cancelled interactions are
    /// left out.
    public func followUps(during period: DateInterval, by person: Int? = nil) -> [FollowUp] {
        var found: [FollowUp] = []
        for interaction in index.records(of: .interaction) {
            let value = index.value(interaction)
            guard value["status"]?.text != "annule", let step = value["next_step"], let due = date(step["date"]),
                DateInterval(start: due, end: due).overlaps(period) else { continue }
            let byID = step["by"]?.text ?? value["assignee"]?.text
            let by = byID.flatMap { index.position(of: $0) }
            if let person, by != person { continue }
            found.append(FollowUp(interaction: interaction, date: due, action: step["action"]?.text ?? "", by: by))
        }
        func who(_ followUp: FollowUp) -> String { followUp.by.map { index.id($0) } ?? "\u{10FFFF}" }
        return found.sorted {
            (who($0), $0.date.first.ordinal, index.id($0.interaction)) < (who($1), $1.date.first.ordinal, index.id($1.interaction))
        }
    }
}
