import Testing
import KaleidoYAML
@testable import KaleidoSchema

/// YAML → JSON conversion and the schema-directed reading of plain scalars.
@Suite struct PlainScalarTests {
    static func span(_ line: Int, _ column: Int, _ length: Int) -> SourceSpan {
        SourceSpan(start: SourceMark(offset: 0, line: line, column: column),
                   end: SourceMark(offset: length, line: line, column: column + length))
    }

    static func scalar(_ text: String, _ style: ScalarStyle = .plain, line: Int, column: Int) -> YAMLNode {
        YAMLNode(.scalar(text, style), span: span(line, column, text.count))
    }

    /// `commune: 01004`, `siren: 356000000`, `label: "01004"`, `active: yes`, `amount: 19.99`
    static let record = YAMLNode(.mapping([
        YAMLPair(key: scalar("commune", line: 1, column: 1), value: scalar("01004", line: 1, column: 10)),
        YAMLPair(key: scalar("siren", line: 2, column: 1), value: scalar("356000000", line: 2, column: 8)),
        YAMLPair(key: scalar("label", line: 3, column: 1), value: scalar("01004", .doubleQuoted, line: 3, column: 8)),
        YAMLPair(key: scalar("active", line: 4, column: 1), value: scalar("yes", line: 4, column: 9)),
        YAMLPair(key: scalar("amount", line: 5, column: 1), value: scalar("19.99", line: 5, column: 9)),
        YAMLPair(key: scalar("2024", line: 6, column: 1), value: scalar("null", line: 6, column: 7)),
    ], .block), span: span(1, 1, 80))

    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "commune": ["type": "string", "format": "insee-commune"],
            "siren": ["type": "string", "pattern": "^[0-9]{9}$"],
            "label": ["type": "string"],
            "active": ["type": "string", "enum": ["yes", "no"]],
            "amount": ["type": "number"],
            "2024": ["type": ["string", "null"]],
        ],
    ]

    @Test func conversionKeepsSpansAndPlainText() throws {
        let converted = try YAMLConversion(Self.record)
        #expect(converted.value["commune"] == .number(JSONNumber(1004)))
        #expect(converted.value["label"] == .string("01004"))
        #expect(converted.value["active"] == .string("yes"))
        #expect(converted.value["2024"] == .null)
        #expect(converted.plainScalars == ["/commune": "01004", "/siren": "356000000", "/amount": "19.99", "/2024": "null"])
        #expect(converted.span(at: "/siren")?.start.line == 2)
        #expect(converted.keySpan(at: "/amount")?.start.column == 1)
        #expect(converted.span(at: "")?.start.line == 1)
        #expect(converted.plainText(at: "/commune") == "01004")
        #expect(converted.plainText(at: "/label") == nil)
    }

    @Test func plainScalarsAreReadAsStringsWithAWarning() throws {
        let converted = try YAMLConversion(Self.record)
        let validator = try Validator(schema: Self.schema, options: ValidatorOptions(formatAssertion: true, formats: .kaleido))
        let result = validator.validate(converted)
        #expect(result.isValid, "\(result.findings)")
        // The same through a side table keyed by JSON pointer.
        #expect(validator.validate(converted.value, plainScalars: converted.plainScalars).findings == result.findings)
        #expect(result.warnings.map(\.message) == [
            "01004 is read as a string here; other tools read it as a number: quote it (\"01004\")",
            "356000000 is read as a string here; other tools read it as a number: quote it (\"356000000\")",
        ])
        #expect(result.warnings.map(\.instanceLocation) == ["/commune", "/siren"])
        #expect(converted.span(for: result.warnings[0])?.start.line == 1)
        // Without the side table, the resolved number fails the schema.
        #expect(!validator.validate(converted.value).isValid)
    }

    @Test func theStringIsValidatedAgainstPatternAndFormat() throws {
        let node = YAMLNode(.mapping([
            YAMLPair(key: Self.scalar("commune", line: 1, column: 1), value: Self.scalar("20004", line: 1, column: 10)),
        ], .block))
        let converted = try YAMLConversion(node)
        let validator = try Validator(schema: Self.schema, options: ValidatorOptions(formatAssertion: true, formats: .kaleido))
        let result = validator.validate(converted)
        #expect(result.errors.map(\.message) == ["commune \"20004\" is not an INSEE commune code (5 characters: 01001, 2A004, 97411)"])
        #expect(result.warnings.count == 1)
    }

    /// The shortcut that skips the resolver for most text gives the resolver's answer.
    @Test(arguments: ["", "~", "null", "NULL", "Null", "true", "False", "01004", "-1.5e3", "+12", ".5", ".inf", "-.Inf", ".nan",
                      "0x1F", "0o17", "fr-com-26281", "Tunis", "NO", "yes", "2011-09-22", "nul", "tru", "Q208474", "é", "*"])
    func conversionMatchesTheResolver(text: String) throws {
        let node = YAMLNode(.scalar(text, .plain))
        let expected: JSONValue?
        switch ScalarResolver.resolvePlain(text) {
        case .null: expected = .null
        case .bool(let bool): expected = .bool(bool)
        case .integer(let digits), .float(let digits): expected = JSONNumber(digits).map(JSONValue.number)
        case .string(let string): expected = .string(string)
        case .infinity, .nan: expected = nil
        }
        if let expected {
            #expect(try YAMLConversion(node).value == expected)
        } else {
            #expect(throws: YAMLConversionError.self) { try YAMLConversion(node) }
        }
    }

    @Test func oneWarningPerValue() throws {
        let node = YAMLNode(.mapping([
            YAMLPair(key: Self.scalar("code", line: 1, column: 1), value: Self.scalar("007", line: 1, column: 7)),
        ], .block))
        let schema: JSONValue = ["properties": ["code": ["allOf": [["type": "string"], ["type": "string", "pattern": "^[0-9]{3}$"]]]]]
        let result = try Validator(schema: schema).validate(try YAMLConversion(node))
        #expect(result.isValid)
        #expect(result.warnings.map(\.message) == ["007 is read as a string here; other tools read it as a number: quote it (\"007\")"])
    }

    @Test func unconvertibleDocumentsAreErrors() {
        let collectionKey = YAMLNode(.mapping([
            YAMLPair(key: YAMLNode(.sequence([], .flow)), value: Self.scalar("x", line: 1, column: 5)),
        ], .block))
        #expect(throws: YAMLConversionError.self) { try YAMLConversion(collectionKey) }
        let infinity = YAMLNode(.sequence([Self.scalar(".inf", line: 1, column: 3)], .block))
        #expect(throws: YAMLConversionError.self) { try YAMLConversion(infinity) }
        let dangling = YAMLNode(.sequence([YAMLNode(.alias("nowhere"))], .block))
        #expect(throws: YAMLConversionError.self) { try YAMLConversion(dangling) }
    }

    @Test func aliasesExpandAndAreBounded() throws {
        let anchored = YAMLNode(.scalar("FR", .plain), anchor: "c")
        let node = YAMLNode(.sequence([anchored, YAMLNode(.alias("c"))], .block))
        #expect(try YAMLConversion(node).value == ["FR", "FR"])
        // A "billion laughs" tree: each level doubles the previous one through aliases.
        var pairs: [YAMLPair] = [YAMLPair(key: Self.scalar("a0", line: 1, column: 1), value: YAMLNode(.scalar("lol", .plain), anchor: "a0"))]
        for level in 1...30 {
            let doubled = YAMLNode(.sequence([YAMLNode(.alias("a\(level - 1)")), YAMLNode(.alias("a\(level - 1)"))], .flow), anchor: "a\(level)")
            pairs.append(YAMLPair(key: Self.scalar("a\(level)", line: level + 1, column: 1), value: doubled))
        }
        #expect(throws: YAMLConversionError.self) { try YAMLConversion(YAMLNode(.mapping(pairs, .block))) }
    }
}
