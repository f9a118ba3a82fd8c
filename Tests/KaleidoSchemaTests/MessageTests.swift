import Testing
@testable import KaleidoSchema

/// The messages a consultant reads, checked word for word.
@Suite struct MessageTests {
    static let contractSchema: JSONValue = try! JSONParser().parse("""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object",
      "required": ["title", "signed_on", "country"],
      "additionalProperties": false,
      "properties": {
        "title": {"type": "string", "minLength": 1},
        "signed_on": {"type": "string", "format": "partial-date"},
        "country": {"type": "string", "format": "iso3166-alpha2"},
        "amount": {"type": "number", "minimum": 0, "multipleOf": 0.01},
        "siren": {"type": "string", "format": "siren"},
        "contact": {
          "anyOf": [
            {"type": "string"},
            {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "email": {"type": "string", "format": "email"}}}
          ]
        }
      }
    }
    """)

    static func validate(_ json: String) throws -> [ValidationError] {
        let validator = try Validator(schema: contractSchema, registry: SuiteCorpus.metaSchemas,
                                      options: ValidatorOptions(formatAssertion: true, formats: .kaleido))
        return validator.validate(try JSONParser().parse(json)).errors
    }

    @Test func requiredAndUnknownProperties() throws {
        let errors = try Self.validate(#"{"titel": "Audit", "country": "TN"}"#)
        #expect(errors.map(\.message).sorted() == [
            "missing required property \"signed_on\"",
            "missing required property \"title\"",
            "unknown property \"titel\"",
        ])
        let unknown = errors.first { $0.keyword == "additionalProperties" }
        #expect(unknown?.instanceLocation == "/titel")
        #expect(unknown?.propertyName == "titel")
        #expect(unknown?.keywordLocation == "/additionalProperties")
        #expect(unknown?.absoluteKeywordLocation == "urn:kaleido:schema#/additionalProperties")
    }

    @Test func formatMessages() throws {
        let errors = try Self.validate(#"{"title": "A", "signed_on": "2011-02-30", "country": "TNX", "siren": "732829321"}"#)
        #expect(errors.map(\.message) == [
            "signed_on \"2011-02-30\" is not a date, a month or a year (YYYY-MM-DD, YYYY-MM or YYYY)",
            "country \"TNX\" is not an ISO 3166-1 alpha-2 code",
            "siren \"732829321\" is not a SIREN number (9 digits with a valid check digit)",
        ])
        #expect(errors.map(\.instanceLocation) == ["/signed_on", "/country", "/siren"])
        #expect(errors[1].keywordLocation == "/properties/country/format")
    }

    @Test func numberMessages() throws {
        let errors = try Self.validate(#"{"title": "A", "signed_on": "2011", "country": "FR", "amount": 19.999}"#)
        #expect(errors.map(\.message) == ["amount 19.999 must be a multiple of 0.01"])
        #expect(try Self.validate(#"{"title": "A", "signed_on": "2011", "country": "FR", "amount": 19.99}"#).isEmpty)
        let typed = try Self.validate(#"{"title": "A", "signed_on": "2011", "country": "FR", "amount": "12"}"#)
        #expect(typed.map(\.message) == ["amount must be a number, not the string \"12\""])
    }

    @Test func anyOfReportsTheClosestAlternative() throws {
        let errors = try Self.validate(#"{"title": "A", "signed_on": "2011", "country": "FR", "contact": {"name": "Leila", "email": "not an email"}}"#)
        #expect(errors.map(\.message) == ["email \"not an email\" is not an e-mail address"])
        #expect(errors.first?.instanceLocation == "/contact/email")
        let shallow = try Self.validate(#"{"title": "A", "signed_on": "2011", "country": "FR", "contact": 12}"#)
        #expect(shallow.map(\.message) == ["contact must be a string or an object, not the number 12"])
    }
}
