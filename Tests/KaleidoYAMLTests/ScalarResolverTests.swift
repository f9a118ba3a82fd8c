import Testing
@testable import KaleidoYAML

@Suite struct ScalarResolverTests {
    @Test(arguments: [
        ("NO", ResolvedScalar.string("NO")),
        ("yes", .string("yes")),
        ("off", .string("off")),
        ("2011-09-22", .string("2011-09-22")),
        ("1:20", .string("1:20")),
        ("01004", .integer("1004")),
        ("-0", .integer("0")),
        ("+12", .integer("12")),
        ("0x1F", .integer("31")),
        ("0o17", .integer("15")),
        ("0xFFFFFFFFFFFFFFFFFF", .integer("4722366482869645213695")),
        ("123456789012345678901234567890", .integer("123456789012345678901234567890")),
        ("19.99", .float("19.99")),
        (".5", .float("0.5")),
        ("1.", .float("1.0")),
        ("-2E+05", .float("-2e05")),
        ("1e", .string("1e")),
        (".", .string(".")),
        (".inf", .infinity(negative: false)),
        ("-.Inf", .infinity(negative: true)),
        (".NaN", .nan),
        ("~", .null),
        ("", .null),
        ("Null", .null),
        ("TRUE", .bool(true)),
        ("False", .bool(false)),
        ("tRUE", .string("tRUE")),
        ("Sfax", .string("Sfax")),
    ])
    func resolvesPlainScalarsWithTheCoreSchema(text: String, expected: ResolvedScalar) {
        #expect(ScalarResolver.resolve(text, style: .plain, tag: nil) == expected)
    }

    @Test func quotedScalarsAreAlwaysStrings() {
        #expect(ScalarResolver.resolve("true", style: .doubleQuoted, tag: nil) == .string("true"))
        #expect(ScalarResolver.resolve("01004", style: .singleQuoted, tag: nil) == .string("01004"))
    }

    @Test func explicitTagsWin() {
        let str = "tag:yaml.org,2002:str"
        #expect(ScalarResolver.resolve("42", style: .plain, tag: str) == .string("42"))
        #expect(ScalarResolver.resolve("42", style: .plain, tag: "!") == .string("42"))
        #expect(ScalarResolver.resolve("3", style: .doubleQuoted, tag: "tag:yaml.org,2002:int") == .integer("3"))
    }
}

/// Numbers compare as exact decimals: re-spelling one is not a change.
@Suite("Scalar values")
struct ScalarValueTests {
    static let same: [(String, String)] = [
        ("26450.50", "26450.5"), ("26450.5", "2.64505e4"), ("1", "1.0"), ("007", "7"), ("0.0", "-0"),
        ("1e3", "1000"), ("0x1F", "31"), ("-1.50", "-15e-1"), ("100", "1E2"), (".5", "0.50"),
    ]
    static let different: [(String, String)] = [
        ("26450.5", "26450.05"), ("1", "-1"), ("10", "1"), ("1e3", "1e4"), ("0.1", "0.01"), ("1", "'1'"), ("true", "1"),
    ]

    static func scalar(_ text: String) -> ResolvedScalar {
        if text.hasPrefix("'") { return .string(String(text.dropFirst().dropLast())) }
        return ScalarResolver.resolve(text, style: .plain, tag: nil)
    }

    @Test(arguments: same)
    func equalNumbers(_ pair: (String, String)) {
        let (a, b) = (Self.scalar(pair.0), Self.scalar(pair.1))
        #expect(a.sameValue(as: b) && b.sameValue(as: a))
        #expect(a.canonicalValue == b.canonicalValue)
    }

    @Test(arguments: different)
    func differentValues(_ pair: (String, String)) {
        let (a, b) = (Self.scalar(pair.0), Self.scalar(pair.1))
        #expect(!a.sameValue(as: b) && !b.sameValue(as: a))
        #expect(a.canonicalValue != b.canonicalValue)
    }
}
