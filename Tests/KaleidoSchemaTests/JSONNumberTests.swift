import Testing
@testable import KaleidoSchema

@Suite struct JSONNumberTests {
    static func number(_ text: String) -> JSONNumber {
        guard let number = JSONNumber(text) else {
            Issue.record("\(text) did not parse")
            return JSONNumber(0)
        }
        return number
    }

    @Test(arguments: [
        ("19.99", "0.01", true),
        ("0.0075", "0.0001", true),
        ("0.00751", "0.0001", false),
        ("1e308", "0.5", true),
        ("1e308", "3", false),
        ("1e1000000", "7", false),
        ("1e1000000", "0.125", true),
        ("12345678901234567890123456789012345678900", "10", true),
        ("12345678901234567890123456789012345678901", "3", false),
        ("12345678901234567890123456789012345678903", "3", true),
        ("4.5", "1.5", true),
        ("35", "1.5", false),
        ("0", "0.3", true),
        ("-10", "5", true),
        ("0.3", "0.1", true),
        ("1", "0.123456789e-300", false),
        ("123456789012345678901234567890", "123456789012345678901234567890", true),
        ("246913578024691357802469135780", "123456789012345678901234567890", true),
        ("246913578024691357802469135781", "123456789012345678901234567890", false),
    ])
    func multipleOfIsExact(value: String, divisor: String, expected: Bool) {
        #expect(Self.number(value).isMultiple(of: Self.number(divisor)) == expected)
    }

    @Test func equalityIgnoresNotation() {
        #expect(Self.number("1") == Self.number("1.0"))
        #expect(Self.number("10e-1") == Self.number("1"))
        #expect(Self.number("-0") == Self.number("0"))
        #expect(Self.number("100") == Self.number("1e2"))
        #expect(Self.number("0.1") != Self.number("0.10000000000000001"))
    }

    @Test func bigIntegersAreNotRounded() {
        let big = Self.number("12345678901234567890123456789012345678901234567890")
        #expect(big.description == "1.234567890123456789012345678901234567890123456789e49")
        #expect(big != Self.number("12345678901234567890123456789012345678901234567891"))
        #expect(big < Self.number("12345678901234567890123456789012345678901234567891"))
        #expect(Self.number("9007199254740993") != Self.number("9007199254740992"))
        #expect(Self.number("9007199254740993").description == "9007199254740993")
    }

    @Test(arguments: [
        ("1", "2"), ("-2", "-1"), ("-1", "0"), ("0", "0.0001"), ("0.1", "0.11"), ("99", "100"),
        ("1e-5", "1e-4"), ("-1e10", "-1e9"), ("1.5", "2"), ("18446744073709551615", "18446744073709551616"),
    ])
    func comparisons(smaller: String, larger: String) {
        #expect(Self.number(smaller) < Self.number(larger))
        #expect(!(Self.number(larger) < Self.number(smaller)))
    }

    @Test func integerness() {
        #expect(Self.number("1.0").isInteger)
        #expect(Self.number("1e3").isInteger)
        #expect(Self.number("-0.0").isInteger)
        #expect(!Self.number("1.5").isInteger)
        #expect(!Self.number("1e-3").isInteger)
        #expect(Self.number("2.0").intValue == 2)
        #expect(Self.number("1e30").intValue == nil)
    }

    @Test(arguments: ["", "-", ".", "1e", "1e+", "abc", "1.2.3", "--1", "1e2000000000"])
    func rejectsNonNumbers(text: String) {
        #expect(JSONNumber(text) == nil)
    }

    @Test func descriptions() {
        #expect(Self.number("19.990").description == "19.99")
        #expect(Self.number("0.001").description == "0.001")
        #expect(Self.number("-12e2").description == "-1200")
        #expect(Self.number("1e-30").description == "1e-30")
    }
}
