import Testing
import KaleidoQuery

/// The French spreadsheet forms of numbers, dates and yes/no.
@Suite struct FrenchValuesTests {
    @Test(arguments: [
        ("1 500,50", "1500.50"), ("1\u{A0}500,50", "1500.50"), ("1\u{202F}500,50", "1500.50"), ("1500,5", "1500.5"),
        ("1500.50", "1500.50"), ("-12,5", "-12.5"), ("300000", "300000"), ("1 234 567", "1234567"), ("0,25", "0.25"), (" 1 500,50\u{A0}", "1500.50"),
    ])
    func numbers(text: String, expected: String) {
        #expect(FrenchValues.number(text) == expected)
    }

    @Test(arguments: ["1,500.50", "12 34,5", "abc", "", "1,2,3", ",5", "1 5000"])
    func notNumbers(text: String) {
        #expect(FrenchValues.number(text) == nil)
    }

    @Test(arguments: [
        ("22/09/2011", "2011-09-22"), ("2/9/2011", "2011-09-02"), ("22-09-2011", "2011-09-22"), ("22.09.2011", "2011-09-22"),
        ("09/2011", "2011-09"), ("2011-09-22", "2011-09-22"), ("2011-09", "2011-09"), ("2011", "2011"), ("29/02/2024", "2024-02-29"),
    ])
    func dates(text: String, expected: String) {
        #expect(FrenchValues.date(text) == expected)
    }

    @Test(arguments: ["31/02/2027", "29/02/2023", "13/2011", "2011-13", "22/09/11", "hier", "2011-02-30"])
    func notDates(text: String) {
        #expect(FrenchValues.date(text) == nil)
    }

    @Test func booleans() {
        #expect(FrenchValues.boolean("Oui") == true)
        #expect(FrenchValues.boolean("NON") == false)
        #expect(FrenchValues.boolean("vrai") == true)
        #expect(FrenchValues.boolean("peut-être") == nil)
    }
}
