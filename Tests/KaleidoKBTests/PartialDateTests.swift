import Testing
import KaleidoKB

@Suite struct PartialDateTests {
    @Test(arguments: [
        ("2011", "2011-01-01", "2011-12-31"),
        ("2011-09", "2011-09-01", "2011-09-30"),
        ("2012-02", "2012-02-01", "2012-02-29"),
        ("1900-02", "1900-02-01", "1900-02-28"),
        ("2000-02", "2000-02-01", "2000-02-29"),
        ("2011-09-22", "2011-09-22", "2011-09-22"),
        ("0800-02", "0800-02-01", "0800-02-29"),
        ("0000-01", "0000-01-01", "0000-01-31"),
    ])
    func partialDatesDenoteIntervals(text: String, first: String, last: String) throws {
        let date = try #require(PartialDate(text))
        #expect(date.first.description == first)
        #expect(date.last.description == last)
        #expect(date.description == text)
    }

    @Test(arguments: ["", "11", "2011-9", "2011-13", "2011-02-30", "2011-00", "2011-09-22T10:00", "٢٠١١", "2011-09-", "2011--09",
                      "+201", "-201", "2011-+9", "2011-09-+1", "2011_09", "20110922"])
    func rejectsWhatIsNotADate(text: String) {
        #expect(PartialDate(text) == nil)
    }

    @Test(arguments: [(1899, 12, 25), (0, 1, 1)])
    func ordinalRoundTripsOverFourCenturies(year: Int, month: Int, firstDay: Int) {
        var day = CalendarDay(year: year, month: month, day: firstDay)
        var ordinal = day.ordinal
        for _ in 0..<(400 * 366) {
            #expect(CalendarDay(ordinal: ordinal) == day)
            let next = day.day < CalendarDay.daysIn(month: day.month, year: day.year)
                ? CalendarDay(year: day.year, month: day.month, day: day.day + 1)
                : (day.month < 12 ? CalendarDay(year: day.year, month: day.month + 1, day: 1) : CalendarDay(year: day.year + 1, month: 1, day: 1))
            day = next
            ordinal += 1
            #expect(day.ordinal == ordinal)
            if day.year > 2300 || (year == 0 && day.year > 3) { break }
        }
    }

    @Test func monthArithmeticClampsTheDay() {
        #expect(CalendarDay(year: 2026, month: 8, day: 31).adding(months: 6).description == "2027-02-28")
        #expect(CalendarDay(year: 2026, month: 11, day: 27).adding(months: -12).description == "2025-11-27")
        #expect(CalendarDay(year: 2026, month: 11, day: 27).adding(days: 90).description == "2027-02-25")
    }

    @Test func intervalsOverlapByDays() throws {
        let passport = DateInterval(start: PartialDate("2009-06"), end: PartialDate("2010-12"))
        #expect(passport.overlaps(DateInterval(start: PartialDate("2010"), end: nil)))
        #expect(passport.overlaps(DateInterval(start: nil, end: PartialDate("2009-06-01"))))
        #expect(!passport.overlaps(DateInterval(start: PartialDate("2011"), end: nil)))
        #expect(!passport.overlaps(DateInterval(start: nil, end: PartialDate("2009-05"))))
        #expect(DateInterval(start: PartialDate("2011"), end: nil).contains(CalendarDay(year: 2026, month: 1, day: 1)))
    }
}
