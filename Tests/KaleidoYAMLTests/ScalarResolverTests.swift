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
