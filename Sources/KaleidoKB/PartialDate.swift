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

    /// Days since 0000-03-01 (negative before it), for arithmetic (differences, adding days);
    /// exact for any year ≥ 0.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return Self.daysBefore(marchYear: y) + (153 * m + 2) / 5 + day - 1
    }

    /// Days from 0000-03-01 to March 1st of year `y` (negative before it: year 0's January and
    /// February count from March of year -1, so the leap-day terms divide rounding down).
    private static func daysBefore(marchYear y: Int) -> Int {
        func floorDivide(_ value: Int, _ divisor: Int) -> Int { value >= 0 ? value / divisor : (value - divisor + 1) / divisor }
        return 365 * y + floorDivide(y, 4) - floorDivide(y, 100) + floorDivide(y, 400)
    }

    /// The day `ordinal` days after 0000-03-01 (the inverse of `ordinal`).
    public init(ordinal: Int) {
        var y = (10000 * ordinal + 14780) / 3652425
        if ordinal < 0 { y -= 1 }
        var dayOfYear = ordinal - Self.daysBefore(marchYear: y)
        if dayOfYear < 0 {
            y -= 1
            dayOfYear = ordinal - Self.daysBefore(marchYear: y)
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
        // Byte by byte: this runs for every date of every record the rules read.
        var text = text
        guard let parsed = text.withUTF8({ Self.parse($0) }) else { return nil }
        (year, month, day) = parsed
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (ASCII digits only, a real month and day), or nil.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int?, Int?)? {
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        let dash = UInt8(ascii: "-")
        guard bytes.count == 4 || bytes.count == 7 || bytes.count == 10, let year = number(0..<4) else { return nil }
        guard bytes.count > 4 else { return (year, nil, nil) }
        guard bytes[4] == dash, let month = number(5..<7), (1...12).contains(month) else { return nil }
        guard bytes.count > 7 else { return (year, month, nil) }
        guard bytes[7] == dash, let day = number(8..<10), (1...CalendarDay.daysIn(month: month, year: year)).contains(day) else { return nil }
        return (year, month, day)
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
        // Years below 1000 keep four digits, as the records write them (`0800`).
        var text = year < 1000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
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
