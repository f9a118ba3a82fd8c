public import KaleidoKB

/// The deadlines of a convention's renewal, planned back from its end.
///
/// The notice (préavis) must reach the partner by `end − notice_months` (the day clamped to the
/// month's length; the end itself when no notice is written). A French authority's decision to
/// renew or to give notice is a council vote (délibération), executory once sent to the
/// préfet; the rule of thumb used here is: the council votes at least `voteMargin` before the
/// notice date (default one month: a council meets about monthly), and the délibération is sent
/// to the préfet right after, at the latest `transmissionMargin` before the notice date
/// (default 15 days: time for the acknowledgement and the notice letter).
public struct RenewalPlan: Hashable, Sendable {
    /// A margin counted back from the notice date.
    public enum Margin: Hashable, Sendable {
        case days(Int)
        case months(Int)

        /// `day` moved back by this margin.
        public func before(_ day: CalendarDay) -> CalendarDay {
            switch self {
            case .days(let count): day.adding(days: -count)
            case .months(let count): day.adding(months: -count)
            }
        }
    }

    public static let defaultVoteMargin = Margin.months(1)
    public static let defaultTransmissionMargin = Margin.days(15)

    /// The convention's last day.
    public var end: CalendarDay
    /// `renewal.notice_months` as written; nil when the convention states none.
    public var noticeMonths: Int?
    /// The day by which notice must be given.
    public var noticeBy: CalendarDay
    /// The day by which the council must have voted.
    public var voteBy: CalendarDay
    /// The day by which the délibération must have been sent to the préfet.
    public var transmitBy: CalendarDay

    public init(end: CalendarDay, noticeMonths: Int?, voteMargin: Margin = defaultVoteMargin,
                transmissionMargin: Margin = defaultTransmissionMargin) {
        self.end = end
        self.noticeMonths = noticeMonths
        noticeBy = end.adding(months: -(noticeMonths ?? 0))
        voteBy = voteMargin.before(noticeBy)
        transmitBy = transmissionMargin.before(noticeBy)
    }
}
