import Testing
@testable import KaleidoSchema

/// Compiling several schemas together (`Validator.compile`) gives what compiling each alone
/// gives, and the meta-schema check compiled once per process stands only for registries whose
/// meta-schemas are the built-in ones.
@Suite struct ValidatorCompileTests {
    static let folder = "file:///kb/schemas/"
    static let common: JSONValue = [
        "$defs": [
            "code": ["type": "string", "pattern": "^[a-z]{2}$"],
            "day": ["type": "string", "format": "partial-date"],
        ],
    ]
    static let partner: JSONValue = ["type": "object", "properties": ["country": ["$ref": "common.json#/$defs/code"]]]
    static let event: JSONValue = ["type": "object", "properties": ["on": ["$ref": "common.json#/$defs/day"]], "required": ["on"]]
    /// Fails its meta-schema (`minLength` must be a non-negative integer).
    static let badMeta: JSONValue = ["type": "object", "properties": ["name": ["type": "string", "minLength": -1]]]
    /// Passes its meta-schema (`format: regex` only annotates) but holds an invalid pattern.
    static let badPattern: JSONValue = ["type": "object", "properties": ["id": ["pattern": "^(a"]]]
    /// References a document that is not registered.
    static let dangling: JSONValue = ["properties": ["x": ["$ref": "missing.json"]]]

    static let options = ValidatorOptions(formatAssertion: true, formats: .kaleido)

    static var registry: SchemaRegistry {
        var registry = SchemaRegistry()
        registry.add(common, at: folder + "common.json")
        for (name, schema) in [("partner", partner), ("event", event), ("bad-meta", badMeta), ("bad-pattern", badPattern), ("dangling", dangling)] {
            registry.add(schema, at: folder + name + ".json")
        }
        return registry
    }

    static let instances: [JSONValue] = [
        ["country": "fr"], ["country": "FRA"], ["on": "2024-02"], ["on": "2024-02-30"], [:], ["name": ""], ["id": "a"], 3,
    ]

    /// Each URI's result, one by one with `init` or all together with `compile`.
    static func outcomes(together: Bool, order: [String]) -> [String: String] {
        let uris = order.map { folder + $0 + ".json" }
        var results: [String: Result<Validator, SchemaError>] = [:]
        if together {
            results = Validator.compile(uris, registry: registry, options: options)
        } else {
            for uri in uris {
                let schema = registry.documents[uri] ?? false
                do { results[uri] = .success(try Validator(schema: schema, uri: uri, registry: registry, options: options)) } catch {
                    results[uri] = .failure(error)
                }
            }
        }
        var outcomes: [String: String] = [:]
        for (uri, result) in results {
            switch result {
            case .success(let validator):
                outcomes[uri] = instances.map { instance in
                    validator.validate(instance).findings.map { "\($0.instanceLocation) \($0.keyword)" }.joined(separator: ",")
                }.joined(separator: " | ")
            case .failure(let error):
                outcomes[uri] = "refused: \(error.location): \(error.message) \(error.metaSchemaErrors.map(\.instanceLocation))"
            }
        }
        return outcomes
    }

    @Test(arguments: [
        ["partner", "event"],
        ["bad-meta", "partner", "bad-pattern", "event", "dangling"],
        ["dangling", "bad-pattern", "event", "partner", "bad-meta"],
        ["event", "dangling", "partner", "bad-pattern"],
    ])
    func compilingTogetherGivesWhatCompilingAloneGives(order: [String]) {
        let alone = Self.outcomes(together: false, order: order)
        let together = Self.outcomes(together: true, order: order)
        #expect(together == alone)
        #expect(together.count == order.count)
    }

    @Test func eachBrokenSchemaGetsItsOwnError() {
        let outcomes = Self.outcomes(together: true, order: ["bad-meta", "bad-pattern", "dangling", "partner"])
        #expect(outcomes[Self.folder + "bad-meta.json"]?.contains("does not conform to its meta-schema") == true)
        #expect(outcomes[Self.folder + "bad-meta.json"]?.contains("/properties/name/minLength") == true)
        #expect(outcomes[Self.folder + "bad-pattern.json"]?.contains("the pattern \"^(a\" is not an ECMA-262 regular expression") == true)
        #expect(outcomes[Self.folder + "dangling.json"]?.contains("missing.json") == true)
        #expect(outcomes[Self.folder + "partner.json"] == " | /country pattern |  |  |  |  |  |  type")
    }

    @Test func aMissingDocumentIsAnError() {
        let results = Validator.compile([Self.folder + "nothing.json"], registry: Self.registry)
        guard case .failure(let error)? = results[Self.folder + "nothing.json"] else {
            Issue.record("compiled a schema that is not registered")
            return
        }
        #expect(error.message.contains("no schema document is registered"))
    }

    // MARK: The shared meta-schema check

    @Test func builtInMetaSchemasAreRecognized() {
        #expect(SchemaRegistry.withMetaSchemas.hasBuiltInMetaSchemas)
        var registry = SchemaRegistry.withMetaSchemas
        registry.add(Self.partner, at: Self.folder + "partner.json")
        #expect(registry.hasBuiltInMetaSchemas)
        var added = SchemaRegistry()
        for document in MetaSchemas.all { added.add(document) }
        #expect(added.hasBuiltInMetaSchemas)
        #expect(!SchemaRegistry().hasBuiltInMetaSchemas)
    }

    @Test func aReplacedMetaSchemaIsNotTheBuiltInOne() {
        var registry = SchemaRegistry.withMetaSchemas
        registry.add(["$id": "https://json-schema.org/draft/2020-12/meta/validation", "type": "object"])
        #expect(!registry.hasBuiltInMetaSchemas)
        // Putting the built-in document back restores it.
        for document in MetaSchemas.all { registry.add(document) }
        #expect(registry.hasBuiltInMetaSchemas)
    }

    @Test func aDocumentDeclaringAMetaSchemaIDShadowsThem() {
        var registry = SchemaRegistry.withMetaSchemas
        registry.add(["$defs": ["x": ["$id": "https://json-schema.org/draft/2020-12/meta/core"]]], at: Self.folder + "odd.json")
        #expect(!registry.hasBuiltInMetaSchemas)
    }

    /// A registry whose 2020-12 meta-schema is not the built-in one is checked against its own:
    /// here one that requires a `title`, which the built-in one does not.
    @Test func aRegistrysOwnMetaSchemaIsTheOneChecked() throws {
        var registry = SchemaRegistry.withMetaSchemas
        let strict: JSONValue = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://json-schema.org/draft/2020-12/schema",
            "type": ["object", "boolean"],
            "required": ["title"],
        ]
        registry.add(strict)
        #expect(throws: SchemaError.self) { try Validator(schema: ["type": "string"], registry: registry) }
        let results = Validator.compile([Self.folder + "partner.json"], registry: { var r = registry; r.add(Self.partner, at: Self.folder + "partner.json"); return r }())
        guard case .failure(let error)? = results[Self.folder + "partner.json"] else {
            Issue.record("the registry's own meta-schema was not used")
            return
        }
        #expect(error.metaSchemaErrors.map(\.keyword).contains("required"))
        // With the built-in meta-schema, the same schemas pass.
        _ = try Validator(schema: ["type": "string", "title": "x"], registry: registry)
        _ = try Validator(schema: ["type": "string"])
    }
}
