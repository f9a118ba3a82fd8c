import Testing
import KaleidoSchema
import KaleidoYAML

/// Issue 13's `validate --schema` exactness, at the library level: JSON typed as JSON, the
/// schema-directed typing of plain YAML scalars consistent under `not`, `contains`, `if`,
/// `anyOf`, `oneOf` (a warning wherever the typing decides a verdict), JSON escapes, `format`
/// as an annotation unless asserted.
@Suite struct ValidationExactnessTests {
    static func validator(_ schema: String, options: ValidatorOptions = ValidatorOptions(),
                          registry: SchemaRegistry = SchemaRegistry()) throws -> Validator {
        try Validator(schema: try JSONParser().parse(schema), registry: registry, options: options)
    }

    static func yaml(_ text: String) throws -> YAMLConversion {
        try YAMLConversion(try YAMLParser().parseDocument(Array(text.utf8)).root)
    }

    static func json(_ text: String) throws -> YAMLConversion {
        try JSONParser().parseWithSpans(bytes: Array(text.utf8))
    }

    // MARK: JSON typed as JSON

    @Test func aJSONOneIsANumberWhateverTheSchemaSays() throws {
        let validator = try Self.validator(#"{"type": "string"}"#)
        let result = validator.validate(try Self.json("1"))
        #expect(!result.isValid)
        #expect(result.warnings.isEmpty)
        #expect(result.errors.map(\.keyword) == ["type"])
        // The same text as YAML is a plain scalar: read as the string "1", with a warning.
        let yaml = validator.validate(try Self.yaml("1\n"))
        #expect(yaml.isValid)
        #expect(yaml.warnings.count == 1)
    }

    @Test func jsonFindingsPointAtTheValueAndTheKey() throws {
        let validator = try Self.validator(#"{"properties": {"a": {"type": "string"}}, "additionalProperties": false}"#)
        let document = try Self.json("{\n  \"a\": 1,\n  \"é\": 2, \"bb\": 3\n}\n")
        let result = validator.validate(document)
        let type = try #require(result.errors.first { $0.keyword == "type" })
        #expect(document.span(for: type)?.start == SourceMark(offset: 9, line: 2, column: 8))
        let unknown = result.errors.filter { $0.keyword == "additionalProperties" }
        #expect(unknown.compactMap { document.span(for: $0)?.start.description } == ["3:3", "3:11"])
        #expect(document.span(at: "")?.end.line == 4)
    }

    // MARK: Schema-directed typing under not, contains, if, anyOf, oneOf

    @Test func containsSaysWhenTypingFindsTheItem() throws {
        let validator = try Self.validator(#"{"contains": {"type": "string"}}"#)
        // Typed as strings, the items match: the verdict depends on the typing, so it warns.
        let typed = validator.validate(try Self.yaml("- 1\n- 2\n"))
        #expect(typed.isValid)
        #expect(typed.warnings.map(\.instanceLocation) == ["/0", "/1"])
        // JSON: no typing, no string among the items.
        #expect(!validator.validate(try Self.json("[1, 2]")).isValid)
        // A real string is there: the typing decides nothing, and nothing is said.
        let plain = validator.validate(try Self.yaml("- a\n- 1\n"))
        #expect(plain.isValid)
        #expect(plain.findings.isEmpty)
    }

    @Test func notSaysWhenTypingRefusesTheValue() throws {
        let validator = try Self.validator(#"{"not": {"type": "string"}}"#)
        let result = validator.validate(try Self.yaml("1\n"))
        #expect(!result.isValid)
        #expect(result.warnings.count == 1, "\(result.findings)")
        #expect(validator.validate(try Self.json("1")).findings.isEmpty)
    }

    @Test func ifSaysWhenTypingChoosesTheBranch() throws {
        // `then` asks nothing the typing touches: only the condition reads 1 as "1".
        let validator = try Self.validator(#"{"if": {"type": "string"}, "then": {"type": "integer", "maximum": 0}}"#)
        let result = validator.validate(try Self.yaml("1\n"))
        #expect(!result.isValid)
        #expect(result.warnings.count == 1, "\(result.findings)")
        #expect(validator.validate(try Self.json("1")).isValid)
    }

    @Test func oneOfSaysWhenTypingMatchesASecondAlternative() throws {
        let validator = try Self.validator(#"{"oneOf": [{"type": "string"}, {"type": "integer"}]}"#)
        let result = validator.validate(try Self.yaml("1\n"))
        #expect(!result.isValid)
        #expect(result.errors.map(\.keyword) == ["oneOf"])
        #expect(result.warnings.count == 1, "\(result.findings)")
        #expect(validator.validate(try Self.json("1")).findings.isEmpty)
    }

    @Test func anyOfWarnsOnlyWhenTheTypedAlternativeIsTheOneThatMatched() throws {
        let stringFirst = try Self.validator(#"{"anyOf": [{"type": "string"}, {"type": "boolean"}]}"#)
        let typed = stringFirst.validate(try Self.yaml("01004\n"))
        #expect(typed.isValid)
        #expect(typed.warnings.count == 1)
        // A failing alternative whose failure the typing did not cause says nothing.
        let numberFirst = try Self.validator(#"{"anyOf": [{"type": "integer"}, {"type": "string", "maxLength": 2}]}"#)
        let untouched = numberFirst.validate(try Self.yaml("1004\n"))
        #expect(untouched.isValid)
        #expect(untouched.findings.isEmpty, "\(untouched.findings)")
    }

    // MARK: JSON strings

    @Test func aSurrogatePairEscapeIsOneCharacter() throws {
        let document = try Self.json(#""\ud83d\udca9""#)
        #expect(document.value == .string("\u{1F4A9}"))
        // A schema holding one loads and matches the raw character.
        let validator = try Self.validator(#"{"const": "\ud83d\udca9", "maxLength": 1}"#)
        #expect(validator.validate(try Self.json("\"\u{1F4A9}\"")).isValid)
        #expect(throws: JSONParseError.self) { try Self.json(#""\ud83d""#) }
    }

    @Test func rawNoncharacterAndNextLineAreKeptAsWritten() throws {
        #expect(try Self.json("\"a\u{FFFF}b\"").value == .string("a\u{FFFF}b"))
        let nextLine = try Self.json("\"a\u{85}b\"")
        #expect(nextLine.value == .string("a\u{85}b"))
        let validator = try Self.validator(#"{"const": "a\u0085b"}"#)
        #expect(validator.validate(nextLine).isValid)
    }

    // MARK: format

    @Test func formatIsAnAnnotationUnlessAsserted() throws {
        let schema = #"{"format": "date"}"#
        let bad = try Self.json(#""2020-13-45""#)
        #expect(try Self.validator(schema).validate(bad).isValid)
        #expect(!(try Self.validator(schema, options: ValidatorOptions(formatAssertion: true)).validate(bad).isValid))
    }

    @Test func aMetaSchemaWithFormatAssertionAssertsUnlessTurnedOff() throws {
        var registry = SchemaRegistry()
        _ = registry.add(try JSONParser().parse(#"""
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/meta",
             "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/core": true,
                             "https://json-schema.org/draft/2020-12/vocab/validation": true,
                             "https://json-schema.org/draft/2020-12/vocab/format-assertion": false},
             "$dynamicAnchor": "meta", "allOf": [{"$ref": "https://json-schema.org/draft/2020-12/schema"}]}
            """#))
        let schema = #"{"$schema": "https://example.com/meta", "format": "date"}"#
        let bad = try Self.json(#""2020-13-45""#)
        #expect(!(try Self.validator(schema, registry: registry).validate(bad).isValid))
        let off = ValidatorOptions(formatAnnotationOnly: true)
        #expect(try Self.validator(schema, options: off, registry: registry).validate(bad).isValid)
        #expect(try Self.validator(schema, registry: registry).validate(try Self.json(#""2020-12-31""#)).isValid)
    }
}
