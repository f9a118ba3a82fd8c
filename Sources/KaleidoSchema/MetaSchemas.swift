/// The draft 2020-12 meta-schema and its eight vocabulary meta-schemas, built in code so that the
/// CLI needs no file to check a schema before using it.
///
/// Written from the specification (JSON Schema Core §8 and Validation §6–§9 list each keyword
/// and the kind of value it takes; the `$vocabulary` URIs and `$dynamicAnchor: "meta"` come from
/// Core §8.1.2 and §8.2.3.2). Titles, descriptions and comments are left out: they change no
/// verdict. A test checks every document against the official ones of the test suite, keyword for
/// keyword, and runs the suite against these.
public enum MetaSchemas {
    static let base = "https://json-schema.org/draft/2020-12/"

    /// Every document, to add to a `SchemaRegistry` (see `SchemaRegistry.withMetaSchemas`).
    public static let all: [JSONValue] = [
        root, core, applicator, unevaluated, validation, metaData, formatAnnotation, formatAssertion, content,
    ]

    /// The documents by their `$id`.
    static let byURI: [String: JSONValue] = {
        var result: [String: JSONValue] = [:]
        for document in all {
            if let id = document["$id"]?.stringValue { result[URI(id).withoutFragment.description] = document }
        }
        return result
    }()

    private static func vocabulary(_ name: String, properties: JSONValue, defs: JSONValue? = nil) -> JSONValue {
        var object = JSONObject([
            ("$schema", .string(base + "schema")),
            ("$id", .string(base + "meta/" + name)),
            ("$vocabulary", [base + "vocab/" + name: true]),
            ("$dynamicAnchor", "meta"),
            ("type", ["object", "boolean"]),
            ("properties", properties),
        ])
        if let defs { object["$defs"] = defs }
        return .object(object)
    }

    private static let meta: JSONValue = ["$dynamicRef": "#meta"]
    private static let mapOfSchemas: JSONValue = ["type": "object", "additionalProperties": meta, "default": [:]]

    static let root: JSONValue = {
        var vocabularies = JSONObject()
        for name in ["core", "applicator", "unevaluated", "validation", "meta-data", "format-annotation", "content"] {
            vocabularies[base + "vocab/" + name] = true
        }
        return .object(JSONObject([
            ("$schema", .string(base + "schema")),
            ("$id", .string(base + "schema")),
            ("$vocabulary", .object(vocabularies)),
            ("$dynamicAnchor", "meta"),
            ("allOf", .array(["core", "applicator", "unevaluated", "validation", "meta-data", "format-annotation", "content"]
                .map { ["$ref": .string("meta/" + $0)] })),
            ("type", ["object", "boolean"]),
            // Keywords of earlier drafts, still given their old meaning so that they are not
            // silently misused (Core §8.2.4 and appendix).
            ("properties", [
                "definitions": ["type": "object", "additionalProperties": meta, "deprecated": true, "default": [:]],
                "dependencies": [
                    "type": "object",
                    "additionalProperties": ["anyOf": [meta, ["$ref": "meta/validation#/$defs/stringArray"]]],
                    "deprecated": true, "default": [:],
                ],
                "$recursiveAnchor": ["$ref": "meta/core#/$defs/anchorString", "deprecated": true],
                "$recursiveRef": ["$ref": "meta/core#/$defs/uriReferenceString", "deprecated": true],
            ]),
        ]))
    }()

    static let core = vocabulary("core", properties: [
        "$id": ["$ref": "#/$defs/uriReferenceString", "pattern": "^[^#]*#?$"],
        "$schema": ["$ref": "#/$defs/uriString"],
        "$ref": ["$ref": "#/$defs/uriReferenceString"],
        "$anchor": ["$ref": "#/$defs/anchorString"],
        "$dynamicRef": ["$ref": "#/$defs/uriReferenceString"],
        "$dynamicAnchor": ["$ref": "#/$defs/anchorString"],
        "$vocabulary": ["type": "object", "propertyNames": ["$ref": "#/$defs/uriString"], "additionalProperties": ["type": "boolean"]],
        "$comment": ["type": "string"],
        "$defs": ["type": "object", "additionalProperties": meta],
    ], defs: [
        "anchorString": ["type": "string", "pattern": "^[A-Za-z_][-A-Za-z0-9._]*$"],
        "uriString": ["type": "string", "format": "uri"],
        "uriReferenceString": ["type": "string", "format": "uri-reference"],
    ])

    static let applicator = vocabulary("applicator", properties: [
        "prefixItems": ["$ref": "#/$defs/schemaArray"],
        "items": meta,
        "contains": meta,
        "additionalProperties": meta,
        "properties": mapOfSchemas,
        "patternProperties": ["type": "object", "additionalProperties": meta, "propertyNames": ["format": "regex"], "default": [:]],
        "dependentSchemas": mapOfSchemas,
        "propertyNames": meta,
        "if": meta,
        "then": meta,
        "else": meta,
        "allOf": ["$ref": "#/$defs/schemaArray"],
        "anyOf": ["$ref": "#/$defs/schemaArray"],
        "oneOf": ["$ref": "#/$defs/schemaArray"],
        "not": meta,
    ], defs: [
        "schemaArray": ["type": "array", "minItems": 1, "items": meta],
    ])

    static let unevaluated = vocabulary("unevaluated", properties: [
        "unevaluatedItems": meta,
        "unevaluatedProperties": meta,
    ])

    static let validation: JSONValue = {
        let count: JSONValue = ["$ref": "#/$defs/nonNegativeInteger"]
        let countDefault0: JSONValue = ["$ref": "#/$defs/nonNegativeIntegerDefault0"]
        let number: JSONValue = ["type": "number"]
        return vocabulary("validation", properties: [
            "type": ["anyOf": [
                ["$ref": "#/$defs/simpleTypes"],
                ["type": "array", "items": ["$ref": "#/$defs/simpleTypes"], "minItems": 1, "uniqueItems": true],
            ]],
            "const": true,
            "enum": ["type": "array", "items": true],
            "multipleOf": ["type": "number", "exclusiveMinimum": 0],
            "maximum": number,
            "exclusiveMaximum": number,
            "minimum": number,
            "exclusiveMinimum": number,
            "maxLength": count,
            "minLength": countDefault0,
            "pattern": ["type": "string", "format": "regex"],
            "maxItems": count,
            "minItems": countDefault0,
            "uniqueItems": ["type": "boolean", "default": false],
            "maxContains": count,
            "minContains": ["$ref": "#/$defs/nonNegativeInteger", "default": 1],
            "maxProperties": count,
            "minProperties": countDefault0,
            "required": ["$ref": "#/$defs/stringArray"],
            "dependentRequired": ["type": "object", "additionalProperties": ["$ref": "#/$defs/stringArray"]],
        ], defs: [
            "nonNegativeInteger": ["type": "integer", "minimum": 0],
            "nonNegativeIntegerDefault0": ["$ref": "#/$defs/nonNegativeInteger", "default": 0],
            "simpleTypes": ["enum": ["array", "boolean", "integer", "null", "number", "object", "string"]],
            "stringArray": ["type": "array", "items": ["type": "string"], "uniqueItems": true, "default": []],
        ])
    }()

    static let metaData = vocabulary("meta-data", properties: [
        "title": ["type": "string"],
        "description": ["type": "string"],
        "default": true,
        "deprecated": ["type": "boolean", "default": false],
        "readOnly": ["type": "boolean", "default": false],
        "writeOnly": ["type": "boolean", "default": false],
        "examples": ["type": "array", "items": true],
    ])

    static let formatAnnotation = vocabulary("format-annotation", properties: ["format": ["type": "string"]])
    static let formatAssertion = vocabulary("format-assertion", properties: ["format": ["type": "string"]])

    static let content = vocabulary("content", properties: [
        "contentEncoding": ["type": "string"],
        "contentMediaType": ["type": "string"],
        "contentSchema": meta,
    ])
}

extension SchemaRegistry {
    /// A registry holding the draft 2020-12 meta-schemas (built in: see `MetaSchemas`).
    public static var withMetaSchemas: SchemaRegistry {
        var registry = SchemaRegistry()
        for (key, document) in MetaSchemas.byURI { registry.addBuiltIn(document, at: key) }
        return registry
    }
}
