import Testing
@testable import KaleidoSchema

/// References across documents, locations through references, loops and unusable schemas.
@Suite struct ReferenceTests {
    static let common: JSONValue = [
        "$defs": [
            "date": ["type": "string", "format": "partial-date"],
            "ref": ["type": "string", "pattern": "^[a-z0-9-]+$"],
        ],
    ]
    static let partner: JSONValue = [
        "type": "object",
        "properties": [
            "valid_from": ["$ref": "common.json#/$defs/date"],
            "parent": ["$ref": "common.json#/$defs/ref"],
            "successors": ["type": "array", "items": ["$ref": "#/$defs/lineage"]],
        ],
        "$defs": ["lineage": ["type": "object", "required": ["partner"], "properties": ["partner": ["$ref": "common.json#/$defs/ref"]]]],
    ]

    static func validator() throws -> Validator {
        var registry = SchemaRegistry()
        registry.add(common, at: "file:///kb/schemas/common.json")
        return try Validator(schema: partner, uri: "file:///kb/schemas/partner.json", registry: registry,
                             options: ValidatorOptions(formatAssertion: true, formats: .kaleido))
    }

    @Test func referencesAcrossTheFolderByRelativeURI() throws {
        let validator = try Self.validator()
        #expect(validator.validate(["valid_from": "2011-09", "parent": "fr-dep-26"]).isValid)
        let errors = validator.validate(["valid_from": "2011-02-30", "successors": [["partner": "Bad Id"]]]).errors
        #expect(errors.map(\.instanceLocation) == ["/valid_from", "/successors/0/partner"])
        #expect(errors.map(\.keywordLocation) == [
            "/properties/valid_from/$ref/format",
            "/properties/successors/items/$ref/properties/partner/$ref/pattern",
        ])
        #expect(errors.map(\.absoluteKeywordLocation) == [
            "file:///kb/schemas/common.json#/$defs/date/format",
            "file:///kb/schemas/common.json#/$defs/ref/pattern",
        ])
    }

    @Test func aMissingDocumentIsNamed() {
        do {
            _ = try Validator(schema: Self.partner, uri: "file:///kb/schemas/partner.json")
            Issue.record("compiled without common.json")
        } catch {
            #expect(error.message.contains("file:///kb/schemas/common.json"))
            #expect(error.location.hasPrefix("file:///kb/schemas/partner.json#/"))
        }
    }

    @Test(arguments: [
        ["$ref": "#"] as JSONValue,
        ["$defs": ["a": ["$ref": "#/$defs/b"], "b": ["$ref": "#/$defs/a"]], "$ref": "#/$defs/a"],
        ["allOf": [["$ref": "#"]]],
    ])
    func loopsAreReportedNotFollowedForever(schema: JSONValue) throws {
        let validator = try Validator(schema: schema)
        let result = validator.validate(["a": 1])
        #expect(!result.isValid)
        #expect(result.errors.first?.message.contains("refers back to itself") == true)
    }

    @Test func recursionThatConsumesTheValueIsFine() throws {
        let tree: JSONValue = ["type": "object", "properties": ["children": ["type": "array", "items": ["$ref": "#"]]]]
        let validator = try Validator(schema: tree)
        var value: JSONValue = [:]
        for _ in 0..<50 { value = ["children": [value]] }
        #expect(validator.validate(value).isValid)
    }

    @Test func badKeywordValuesAreSchemaErrors() {
        #expect(throws: SchemaError.self) { try Validator(schema: ["pattern": "(unclosed"]) }
        #expect(throws: SchemaError.self) { try Validator(schema: ["$ref": "#/$defs/missing"]) }
        #expect(throws: SchemaError.self) { try Validator(schema: ["$schema": "http://json-schema.org/draft-07/schema#"]) }
        #expect(throws: SchemaError.self) { try Validator(schema: ["minLength": "3"]) }
    }

    @Test func dynamicReferencesFollowTheDynamicScope() throws {
        // A generic list whose items are re-targeted by the schema that extends it.
        var registry = SchemaRegistry()
        registry.add([
            "$id": "https://kaleido.example/list", "type": "array",
            "items": ["$dynamicRef": "#item"], "$defs": ["item": ["$dynamicAnchor": "item"]],
        ], at: "https://kaleido.example/list")
        let strings: JSONValue = [
            "$id": "https://kaleido.example/strings", "$ref": "list",
            "$defs": ["item": ["$dynamicAnchor": "item", "type": "string"]],
        ]
        let validator = try Validator(schema: strings, uri: "https://kaleido.example/strings", registry: registry)
        #expect(validator.validate(["a", "b"]).isValid)
        #expect(validator.validate(["a", 1]).errors.map(\.instanceLocation) == ["/1"])
    }
}

/// Hostile instances: deep values validate, deeper ones get a message, never a stack overflow.
@Suite struct DepthTests {
    @Test func deepInstancesValidate() throws {
        let depth = 100
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let value = try JSONParser().parse(text)
        let validator = try Validator(schema: ["items": ["$ref": "#"], "unevaluatedItems": false])
        #expect(validator.validate(value).isValid)
        let objects = String(repeating: "{\"a\":", count: depth - 1) + "1" + String(repeating: "}", count: depth - 1)
        let nested = try JSONParser().parse(objects)
        let strict = try Validator(schema: ["anyOf": [["type": "integer"], ["additionalProperties": ["$ref": "#"]]]])
        #expect(strict.validate(nested).isValid)
    }
}

extension DepthTests {
    @Test func deeperValuesAreRefusedWithAMessage() throws {
        var value: JSONValue = 1
        for _ in 0..<1000 { value = [value] }
        let validator = try Validator(schema: ["items": ["$ref": "#"]])
        let result = validator.validate(value)
        #expect(!result.isValid)
        #expect(result.errors.first?.message.contains("nested more than 400 levels") == true)
    }
}

/// A compiled validator is shared across threads.
@Suite struct ConcurrencyTests {
    @Test func validatesFromManyTasksAtOnce() async throws {
        let validator = try ReferenceTests.validator()
        let good: JSONValue = ["valid_from": "2011-09", "successors": [["partner": "fr-dep-26"]]]
        let bad: JSONValue = ["valid_from": "2011-02-30"]
        let results = await withTaskGroup(of: (Bool, Bool).self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var allGood = true
                    var allBad = true
                    for _ in 0..<200 {
                        allGood = allGood && validator.validate(good).isValid
                        allBad = allBad && validator.validate(bad).errors.count == 1
                    }
                    return (allGood, allBad)
                }
            }
            var collected: [(Bool, Bool)] = []
            for await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0.0 && $0.1 })
    }
}
