/// A calendar day, used as a bound of a date interval.
public struct CalendarDay: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The number of days in a month of the proleptic Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 0000-03-01, for arithmetic (differences, adding days); exact for any year ≥ 0.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }

    /// The day `ordinal` days after 0000-03-01 (the inverse of `ordinal`).
    public init(ordinal: Int) {
        var y = (10000 * ordinal + 14780) / 3652425
        var dayOfYear = ordinal - (365 * y + y / 4 - y / 100 + y / 400)
        if dayOfYear < 0 {
            y -= 1
            dayOfYear = ordinal - (365 * y + y / 4 - y / 100 + y / 400)
        }
        let mi = (100 * dayOfYear + 52) / 3060
        let month = (mi + 2) % 12 + 1
        self.init(year: y + (mi + 2) / 12, month: month, day: dayOfYear - (mi * 306 + 5) / 10 + 1)
    }

    /// This day moved by a number of days (negative moves back).
    public func adding(days: Int) -> CalendarDay { CalendarDay(ordinal: ordinal + days) }

    /// This day moved by whole months, the day clamped to the target month's length.
    public func adding(months: Int) -> CalendarDay {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12
        let newMonth = index % 12 + 1
        return CalendarDay(year: newYear, month: newMonth, day: min(day, Self.daysIn(month: newMonth, year: newYear)))
    }
}

/// A date as the knowledge base writes it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
///
/// A partial date means its whole interval: `2011-09` is 1–30 September 2011, `2011` the whole
/// year. Comparisons between records therefore use `first` and `last`, never the text.
public struct PartialDate: Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil when the text is not such a date or names
    /// a day that does not exist (2011-02-30).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
            parts[0].count == 4, let year = Int(parts[0]), parts[0].allSatisfy(\.isASCII)
        else { return nil }
        self.year = year
        if parts.count >= 2 {
            guard parts[1].count == 2, parts[1].allSatisfy(\.isASCII), let month = Int(parts[1]), (1...12).contains(month)
            else { return nil }
            self.month = month
        }
        if parts.count == 3, let month {
            guard parts[2].count == 2, parts[2].allSatisfy(\.isASCII), let day = Int(parts[2]),
                (1...CalendarDay.daysIn(month: month, year: year)).contains(day)
            else { return nil }
            self.day = day
        }
    }

    public init(day: CalendarDay) {
        year = day.year
        month = day.month
        self.day = day.day
    }

    /// The first day of the interval this date denotes.
    public var first: CalendarDay { CalendarDay(year: year, month: month ?? 1, day: day ?? 1) }

    /// The last day of the interval this date denotes.
    public var last: CalendarDay {
        let lastMonth = month ?? 12
        return CalendarDay(year: year, month: lastMonth, day: day ?? CalendarDay.daysIn(month: lastMonth, year: year))
    }

    public var description: String {
        var text = String(year)
        if let month { text += month < 10 ? "-0\(month)" : "-\(month)" }
        if let day { text += day < 10 ? "-0\(day)" : "-\(day)" }
        return text
    }
}

/// A closed interval of days, either end possibly open (an absent `end` means "still going").
public struct DateInterval: Hashable, Sendable {
    public var start: CalendarDay?
    public var end: CalendarDay?

    public init(start: PartialDate?, end: PartialDate?) {
        self.start = start?.first
        self.end = end?.last
    }

    public init(from start: CalendarDay?, to end: CalendarDay?) {
        self.start = start
        self.end = end
    }

    /// Whether the two intervals share at least one day.
    public func overlaps(_ other: DateInterval) -> Bool {
        if let end, let otherStart = other.start, end < otherStart { return false }
        if let start, let otherEnd = other.end, otherEnd < start { return false }
        return true
    }

    /// Whether the interval contains the day.
    public func contains(_ day: CalendarDay) -> Bool {
        overlaps(DateInterval(from: day, to: day))
    }
}
