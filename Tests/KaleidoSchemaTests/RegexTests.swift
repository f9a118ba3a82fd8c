import KaleidoFixtures
import Testing
import KaleidoTestSupport
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

    /// Patterns of the subset skip Swift's parser (`ECMARegex` builds no `Regex` for them), so
    /// every pattern `SimpleRegex` takes must be one Swift's engine takes too, with the same
    /// answers: checked on patterns generated from the constructs most likely to differ.
    @Test func everyPatternOfTheSubsetIsValidForSwiftAndAgrees() throws {
        let pieces = [
            "a", "b", "é", "1", " ", "-", ".", "^", "$", "|", "(", ")", "(?:", "[", "]", "[^", "\\d", "\\w", "\\s", "\\D",
            "\\S", "\\-", "\\.", "\\/", "\\u00e9", "\\x41", "\\0", "\\n", "*", "+", "?", "{2}", "{1,3}", "{2,}", "{,2}",
            "{3,1}", "a-z", "\\]", "\\[", "\\{", "\\}", "\\|", "\\$", "\\^",
        ]
        var generator = SplitMix64(seed: 2026)
        var inSubset = 0
        for _ in 0..<4000 {
            let length = 1 + Int(generator.next() % 7)
            let pattern = (0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            guard let simple = SimpleRegex(pattern) else { continue }
            inSubset += 1
            let translated = try ECMARegex.translate(pattern)
            let reference = try ECMARegex.swiftRegex(translated, pattern: pattern)
            for text in Self.texts + ["a-b", "1a", "-", "]", "[", "{", "}", "|", "$", "^", ".", "/", "A", "é1", "ab ba"] {
                let expected = (try? reference.firstMatch(in: text)) != nil
                #expect(simple.matches(text) == expected, "\(pattern) on \(text)")
            }
        }
        #expect(inSubset > 500, "the generator should produce many patterns of the subset")
    }

    /// Patterns outside the subset still compile (on Swift's engine) and match as ECMA-262 says.
    @Test(arguments: [
        ("(a)\\1", "aa", true), ("(a)\\1", "ab", false), ("^(?=.*x)", "abx", true), ("^(?=.*x)", "abc", false),
        ("(?!a).", "ba", true), ("(?!a).", "a", false), ("^\\p{L}+$", "Élodie", true), ("^\\p{L}+$", "R2D2", false),
        ("\\bword\\b", "a word here", true), ("\\bword\\b", "swordfish", false),
    ])
    func patternsOutsideTheSubsetUseSwiftsEngine(pattern: String, text: String, matches: Bool) throws {
        let regex = try ECMARegex(pattern)
        #expect(!regex.usesSimpleMatcher)
        #expect(regex.matches(text) == matches)
    }

    @Test func patternsOfTheSubsetUseTheLinearMatcher() throws {
        for pattern in Self.patterns {
            #expect(try ECMARegex(pattern).usesSimpleMatcher, "\(pattern)")
        }
    }

    /// Invalid patterns are refused whichever engine would have run them, with a reason.
    @Test(arguments: ["(unclosed", "a{2,1}", "[z-a]", "a)", "*a", "(?<=a", "\\p{NoSuchProperty}", "a\\", "\\q", "(?i)a", "x{2}{3}"])
    func invalidPatternsAreRefused(pattern: String) {
        do {
            _ = try ECMARegex(pattern)
            Issue.record("\(pattern) was accepted")
        } catch {
            #expect(error.pattern == pattern)
            #expect(!error.reason.isEmpty)
        }
    }

    @Test func aSchemaWithAnInvalidPatternIsRefusedWithTheReason() {
        do {
            _ = try Validator(schema: ["properties": ["code": ["pattern": "^[A-Z]{2,1}$"]]])
            Issue.record("the schema was accepted")
        } catch {
            #expect(error.location.hasSuffix("#/properties/code/pattern"))
            #expect(error.message.hasPrefix("the pattern \"^[A-Z]{2,1}$\" is not an ECMA-262 regular expression"))
        }
    }

    @Test func catastrophicPatternsRunInLinearTime() {
        let simple = SimpleRegex("^(a+)+$")
        #expect(simple != nil)
        #expect(simple?.matches(String(repeating: "a", count: 5000) + "!") == false)
    }
}
