import Testing
@testable import KaleidoSchema

/// The linear-time matcher agrees with Swift's engine, and takes the patterns schemas use.
@Suite struct RegexTests {
    static let patterns = [
        "^[a-z]{2}-[a-z]+(-[0-9a-z]+)*$", "^[a-z0-9]+(-[a-z0-9]+)*$", "^Q[1-9][0-9]*$", "^W[0-9]{9}$",
        "^[a-z]{2}$", "^[0-9A-Z -]{3,10}$", "^\\+[1-9][0-9]{6,14}$", "a|b|^c$", "(ab)*c", "^(\\d{4})-(\\d{2})?$",
        "colou?r", "^[^\\s@]+@[^\\s@]+$", "x{2,}", "^.{0,3}$", "[\\u00e9-\\u00ff]", "^\\w+\\.\\w+$", "(?:na)+ batman",
    ]
    static let texts = [
        "", "fr-com-26281-romans-sur-isere", "fr", "FR", "Q208474", "Q0", "W123456789", "26100", "F-75 001",
        "+33612345678", "+0612", "a", "b", "c", "cc", "abababc", "2024-", "2024-11", "color", "colour",
        "ana@example.org", "a b@c", "xx", "x", "é", "abcd", "nanana batman", "\n", "naïve.café",
    ]

    @Test(arguments: patterns)
    func agreesWithSwiftRegex(pattern: String) throws {
        let simple = try #require(SimpleRegex(pattern), "\(pattern) should be in the fast subset")
        let reference = try Regex(pattern).matchingSemantics(.unicodeScalar).asciiOnlyDigits().asciiOnlyWordCharacters()
        for text in Self.texts {
            let expected = (try? reference.firstMatch(in: text)) != nil
            #expect(simple.matches(text) == expected, "\(pattern) on \(text)")
        }
    }

    @Test(arguments: ["(a)\\1", "(?=a)", "(?<=a)b", "\\p{L}", "\\bword", "[[:alpha:]]", "a{2,1}"])
    func leavesTheRestToSwift(pattern: String) {
        #expect(SimpleRegex(pattern) == nil)
    }

    @Test func catastrophicPatternsRunInLinearTime() {
        let simple = SimpleRegex("^(a+)+$")
        #expect(simple != nil)
        #expect(simple?.matches(String(repeating: "a", count: 5000) + "!") == false)
    }
}
