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

/// The keywords of one schema, parsed once into the form evaluation needs.
struct SchemaKeywordValues {
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
}

/// One compiled schema.
///
/// Nodes are built by `SchemaCompiler` and never change afterwards (hence `@unchecked Sendable`):
/// a compiled `Validator` can be shared across threads. The keywords are one immutable value
/// (`let`): reading them costs no exclusivity check, which a class's `var`s would on every
/// access in the hot path. Only the reference targets are set after construction (references may
/// form cycles), as `unowned(unsafe)` since the `CompiledSchema` owns every node.
final class SchemaNode: @unchecked Sendable {
    /// `uri#/pointer` of this schema, for absolute keyword locations.
    let location: String
    /// The resource (by index in `CompiledSchema.resources`) this schema belongs to.
    let resource: Int
    /// For `true` / `false` schemas.
    let constant: Bool?
    let keywords: SchemaKeywordValues

    // Core
    unowned(unsafe) var ref: SchemaNode?
    unowned(unsafe) var dynamicRef: SchemaNode?
    /// The `$dynamicAnchor` name a `$dynamicRef` may be re-targeted through, when its static
    /// target declares that anchor.
    var dynamicRefAnchor: String?

    var types: TypeSet? { keywords.types }
    var enumValues: [JSONValue]? { keywords.enumValues }
    var constValue: JSONValue? { keywords.constValue }
    var multipleOf: JSONNumber? { keywords.multipleOf }
    var maximum: JSONNumber? { keywords.maximum }
    var exclusiveMaximum: JSONNumber? { keywords.exclusiveMaximum }
    var minimum: JSONNumber? { keywords.minimum }
    var exclusiveMinimum: JSONNumber? { keywords.exclusiveMinimum }
    var maxLength: Int? { keywords.maxLength }
    var minLength: Int? { keywords.minLength }
    var pattern: (source: String, regex: ECMARegex)? { keywords.pattern }
    var maxItems: Int? { keywords.maxItems }
    var minItems: Int? { keywords.minItems }
    var uniqueItems: Bool { keywords.uniqueItems }
    var maxContains: Int? { keywords.maxContains }
    var minContains: Int? { keywords.minContains }
    var maxProperties: Int? { keywords.maxProperties }
    var minProperties: Int? { keywords.minProperties }
    var required: [String] { keywords.required }
    var dependentRequired: [(String, [String])] { keywords.dependentRequired }
    var allOf: [SchemaNode] { keywords.allOf }
    var anyOf: [SchemaNode] { keywords.anyOf }
    var oneOf: [SchemaNode] { keywords.oneOf }
    var not: SchemaNode? { keywords.not }
    var ifSchema: SchemaNode? { keywords.ifSchema }
    var thenSchema: SchemaNode? { keywords.thenSchema }
    var elseSchema: SchemaNode? { keywords.elseSchema }
    var dependentSchemas: [(String, SchemaNode)] { keywords.dependentSchemas }
    var prefixItems: [SchemaNode] { keywords.prefixItems }
    var items: SchemaNode? { keywords.items }
    var contains: SchemaNode? { keywords.contains }
    var properties: [String: SchemaNode] { keywords.properties }
    var patternProperties: [(source: String, regex: ECMARegex, schema: SchemaNode)] { keywords.patternProperties }
    var additionalProperties: SchemaNode? { keywords.additionalProperties }
    var propertyNames: SchemaNode? { keywords.propertyNames }
    var unevaluatedItems: SchemaNode? { keywords.unevaluatedItems }
    var unevaluatedProperties: SchemaNode? { keywords.unevaluatedProperties }
    var format: String? { keywords.format }
    var formatAsserted: Bool { keywords.formatAsserted }

    /// Whether any keyword reads annotations from in-place applicators (`unevaluated*`).
    let needsAnnotations: Bool

    init(location: String, resource: Int, constant: Bool? = nil, keywords: SchemaKeywordValues = SchemaKeywordValues()) {
        self.location = location
        self.resource = resource
        self.constant = constant
        self.keywords = keywords
        needsAnnotations = keywords.unevaluatedItems != nil || keywords.unevaluatedProperties != nil
    }
}

/// A schema resource (a document root or a subschema with `$id`).
struct SchemaResource: Sendable {
    let uri: String
    /// `$dynamicAnchor` name → the schema declaring it, filled as the resource is compiled.
    var dynamicAnchors: [String: Int] = [:]
}
