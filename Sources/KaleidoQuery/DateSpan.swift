public import KaleidoKB

/// A record's (or an item's) dates as the consultant wrote them — `2009`, `2009-01` or
/// `2009-01-15` for each bound, either bound possibly open — compared as the interval of the
/// days they cover (docs/data-model.md: a partial date means its whole interval).
///
/// Every comparison goes through `days` (the start's first day, the end's last day); every
/// output prints `start` and `end` as written, so that `2009-01` never becomes `2009-01-01`.
public struct DateSpan: Hashable, Sendable {
    public var start: PartialDate?
    public var end: PartialDate?

    public init(start: PartialDate?, end: PartialDate?) {
        self.start = start
        self.end = end
    }

    /// No date at all.
    public static let undated = DateSpan(start: nil, end: nil)

    /// The days covered: from the start's first day to the end's last day.
    public var days: DateInterval { DateInterval(start: start, end: end) }

    /// Whether the span shares at least one day with `other`.
    public func overlaps(_ other: DateInterval) -> Bool { days.overlaps(other) }

    /// The year the span is filed under in a timeline (its start's, else its end's).
    public var year: Int? { start?.year ?? end?.year }

    /// The day the span sorts by: its first day, else (open start) its end's last day.
    public var sortDay: CalendarDay? { start?.first ?? end?.last }

    /// The smallest span covering both: the earlier start and the later end, an open bound
    /// winning. Each bound keeps the written date that gave it; when two dates give the same
    /// day (`2009` and `2009-01` both start on 1 January) the more precise one is kept, so the
    /// result does not depend on the order of the operands.
    public func union(_ other: DateSpan) -> DateSpan {
        func earlier(_ a: PartialDate, _ b: PartialDate) -> PartialDate {
            a.first != b.first ? (a.first < b.first ? a : b) : (a.precision >= b.precision ? a : b)
        }
        func later(_ a: PartialDate, _ b: PartialDate) -> PartialDate {
            a.last != b.last ? (a.last > b.last ? a : b) : (a.precision >= b.precision ? a : b)
        }
        return DateSpan(start: start.flatMap { mine in other.start.map { earlier(mine, $0) } },
                        end: end.flatMap { mine in other.end.map { later(mine, $0) } })
    }

    /// The span as a short text: `2011`, `2011-09` or `2011-09-22` when both bounds are the same
    /// written date, else `start → end` with `…` for an open bound; empty when undated.
    public var text: String {
        switch (start, end) {
        case (nil, nil): return ""
        case (let start?, let end?) where start == end: return start.written
        default: return "\(start?.written ?? "…") → \(end?.written ?? "…")"
        }
    }
}

extension PartialDate {
    /// How much of the date is written: 0 a year, 1 a month, 2 a day.
    public var precision: Int { day != nil ? 2 : month != nil ? 1 : 0 }

    /// The date as the KB writes it: `2009`, `2009-01` or `2009-01-15`, the year on four digits.
    public var written: String {
        let year = String(self.year)
        var text = String(repeating: "0", count: max(0, 4 - year.count)) + year
        if let month { text += month < 10 ? "-0\(month)" : "-\(month)" }
        if let day { text += day < 10 ? "-0\(day)" : "-\(day)" }
        return text
    }
}

/// A written date in one `Int32` of the index's columns: the day that bounds the interval
/// (first day for a start, last day for an end) as `CalendarDay.ordinal`, times four, plus the
/// precision (0 year, 1 month, 2 day). The day and the precision give the written date back
/// exactly, and the columns keep their size (4 bytes a bound) and their day order.
enum PackedDate {
    /// An open bound.
    static let open = Int32.min

    /// Ordinals beyond these (years far outside 0000–9999) are clamped, so that no packed
    /// value overflows or reads as `open`.
    private static let ordinalRange = (Int(Int32.min) / 4 + 1)...(Int(Int32.max) / 4)

    static func start(_ date: PartialDate?) -> Int32 {
        guard let date else { return open }
        return pack(date.first, date.precision)
    }

    static func end(_ date: PartialDate?) -> Int32 {
        guard let date else { return open }
        return pack(date.last, date.precision)
    }

    private static func pack(_ day: CalendarDay, _ precision: Int) -> Int32 {
        let ordinal = min(max(day.ordinal, ordinalRange.lowerBound), ordinalRange.upperBound)
        return Int32(ordinal * 4 + precision)
    }

    /// The written date of a packed bound, or nil when open. A damaged precision (3) reads as
    /// a day rather than trapping.
    static func date(_ packed: Int32) -> PartialDate? {
        guard packed != open else { return nil }
        // `>>` on a signed integer rounds down, so negative ordinals unpack as well.
        var date = PartialDate(day: CalendarDay(ordinal: Int(packed >> 2)))
        switch packed & 3 {
        case 0: (date.month, date.day) = (nil, nil)
        case 1: date.day = nil
        default: break
        }
        return date
    }

    static func span(_ start: Int32, _ end: Int32) -> DateSpan {
        DateSpan(start: date(start), end: date(end))
    }
}
