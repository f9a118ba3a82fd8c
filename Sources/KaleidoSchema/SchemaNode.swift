/// The JSON Schema types, as a bit set for one-instruction `type` checks.
struct TypeSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = TypeSet(rawValue: 1)
    static let boolean = TypeSet(rawValue: 2)
    static let object = TypeSet(rawValue: 4)
    static let array = TypeSet(rawValue: 8)
    static let number = TypeSet(rawValue: 16)
    static let string = TypeSet(rawValue: 32)
    static let integer = TypeSet(rawValue: 64)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(name: String) {
        switch name {
        case "null": self = .null
        case "boolean": self = .boolean
        case "object": self = .object
        case "array": self = .array
        case "number": self = .number
        case "string": self = .string
        case "integer": self = .integer
        default: return nil
        }
    }

    /// Whether a value is of one of the types (`integer` accepts `1.0`).
    func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .object: return contains(.object)
        case .array: return contains(.array)
        case .string: return contains(.string)
        case .number(let number): return contains(.number) || (contains(.integer) && number.isInteger)
        }
    }

    var names: [String] {
        let all: [(TypeSet, String)] = [
            (.string, "string"), (.number, "number"), (.integer, "integer"), (.boolean, "boolean"),
            (.object, "object"), (.array, "array"), (.null, "null"),
        ]
        return all.filter { contains($0.0) }.map(\.1)
    }
}

/// One compiled schema: every keyword parsed once into the form evaluation needs.
///
/// Nodes are built by `SchemaCompiler` and never change afterwards (hence `@unchecked Sendable`):
/// a compiled `Validator` can be shared across threads. `$ref` targets are `unowned(unsafe)`
/// because the reference graph has cycles and the `CompiledSchema` owns every node.
final class SchemaNode: @unchecked Sendable {
    /// `uri#/pointer` of this schema, for absolute keyword locations.
    let location: String
    /// The resource (by index in `CompiledSchema.resources`) this schema belongs to.
    let resource: Int
    /// For `true` / `false` schemas.
    var constant: Bool?

    // Core
    unowned(unsafe) var ref: SchemaNode?
    unowned(unsafe) var dynamicRef: SchemaNode?
    /// The `$dynamicAnchor` name a `$dynamicRef` may be re-targeted through, when its static
    /// target declares that anchor.
    var dynamicRefAnchor: String?

    // Validation
    var types: TypeSet?
    var enumValues: [JSONValue]?
    var constValue: JSONValue?
    var multipleOf: JSONNumber?
    var maximum: JSONNumber?
    var exclusiveMaximum: JSONNumber?
    var minimum: JSONNumber?
    var exclusiveMinimum: JSONNumber?
    var maxLength: Int?
    var minLength: Int?
    var pattern: (source: String, regex: ECMARegex)?
    var maxItems: Int?
    var minItems: Int?
    var uniqueItems = false
    var maxContains: Int?
    var minContains: Int?
    var maxProperties: Int?
    var minProperties: Int?
    var required: [String] = []
    var dependentRequired: [(String, [String])] = []

    // Applicators
    var allOf: [SchemaNode] = []
    var anyOf: [SchemaNode] = []
    var oneOf: [SchemaNode] = []
    var not: SchemaNode?
    var ifSchema: SchemaNode?
    var thenSchema: SchemaNode?
    var elseSchema: SchemaNode?
    var dependentSchemas: [(String, SchemaNode)] = []
    var prefixItems: [SchemaNode] = []
    var items: SchemaNode?
    var contains: SchemaNode?
    var properties: [String: SchemaNode] = [:]
    var patternProperties: [(source: String, regex: ECMARegex, schema: SchemaNode)] = []
    var additionalProperties: SchemaNode?
    var propertyNames: SchemaNode?
    var unevaluatedItems: SchemaNode?
    var unevaluatedProperties: SchemaNode?

    // Format
    var format: String?
    var formatAsserted = false

    /// Whether any keyword reads annotations from in-place applicators (`unevaluated*`).
    var needsAnnotations: Bool { unevaluatedItems != nil || unevaluatedProperties != nil }

    init(location: String, resource: Int) {
        self.location = location
        self.resource = resource
    }
}

/// A schema resource (a document root or a subschema with `$id`).
struct SchemaResource: Sendable {
    let uri: String
    /// `$dynamicAnchor` name → the schema declaring it, filled as the resource is compiled.
    var dynamicAnchors: [String: Int] = [:]
}
