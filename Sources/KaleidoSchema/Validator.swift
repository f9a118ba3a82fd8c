/// A compiled JSON Schema 2020-12 validator: compile once, validate many instances, from any
/// thread.
///
/// ```swift
/// var registry = SchemaRegistry()
/// for metaSchema in metaSchemas { registry.add(metaSchema) }
/// let validator = try Validator(schema: schema, uri: "file:///kb/schemas/partner.json", registry: registry)
/// let result = validator.validate(record)
/// ```
///
/// Compilation resolves every `$ref` (across the registry's documents), parses every keyword and
/// regular expression, and checks the schema against its meta-schema; validation then touches no
/// URI and no dictionary of schemas.
public struct Validator: Sendable {
    let root: SchemaNode
    let compiled: CompiledSchema
    let options: ValidatorOptions

    /// Compiles `schema`, reachable at `uri` (used to resolve its relative references; a default
    /// URN when nil), with `registry`'s documents for references and meta-schemas (the 2020-12
    /// meta-schemas are built in and added when the registry lacks them).
    ///
    /// Throws `SchemaError` when the schema fails its meta-schema, references a document the
    /// registry lacks, or holds an invalid keyword value or pattern.
    public init(schema: JSONValue, uri: String? = nil, registry: SchemaRegistry = SchemaRegistry(),
                options: ValidatorOptions = ValidatorOptions()) throws(SchemaError)
    {
        var registry = registry
        // The 2020-12 meta-schemas are built in: a registry without them gets them.
        for document in MetaSchemas.all {
            if let id = document["$id"]?.stringValue, registry.documents[id] == nil { registry.add(document, at: id) }
        }
        let key = URI(uri ?? "urn:kaleido:schema").withoutFragment.description
        registry.add(schema, at: key)
        if options.validateSchemaAgainstMetaSchema {
            try Self.checkAgainstMetaSchema(schema, key: key, registry: registry, options: options)
        }
        let compiler = SchemaCompiler(registry: registry, options: options)
        root = try compiler.compileDocument(key)
        compiled = CompiledSchema(nodes: compiler.nodes, resources: compiler.resources)
        self.options = options
    }

    /// Validates `instance`. `plainScalars` gives the source text of values that were plain YAML
    /// scalars (a `YAMLConversion`, or a dictionary keyed by JSON pointer): where the schema's
    /// `type` allows a string but not the resolved type, the text is validated as that string and
    /// a warning says to quote it.
    public func validate(_ instance: JSONValue, plainScalars: (any PlainScalarSource)? = nil) -> ValidationResult {
        var evaluator = Evaluator(compiled: compiled, options: options, plainScalars: plainScalars)
        _ = evaluator.evaluate(root, instance, collect: false)
        // A value read as a string by several subschemas is reported once.
        var warned: Set<String> = []
        let findings = evaluator.findings.filter { finding in
            finding.severity == .error || warned.insert(finding.instanceLocation).inserted
        }
        return ValidationResult(findings: findings)
    }

    /// Validates a converted YAML document, with its plain scalars (see `validate(_:plainScalars:)`).
    public func validate(_ document: YAMLConversion) -> ValidationResult {
        validate(document.value, plainScalars: document)
    }

    /// Whether `instance` is valid, without building messages (faster than `validate`).
    public func isValid(_ instance: JSONValue) -> Bool {
        var evaluator = Evaluator(compiled: compiled, options: options, plainScalars: nil)
        evaluator.wantErrors = false
        return evaluator.evaluate(root, instance, collect: false).valid
    }

    private static func checkAgainstMetaSchema(_ schema: JSONValue, key: String, registry: SchemaRegistry,
                                               options: ValidatorOptions) throws(SchemaError)
    {
        let metaURI = schema["$schema"]?.stringValue ?? SchemaRegistry.draft202012
        let metaKey = URI(metaURI).withoutFragment.description
        // A meta-schema is not checked against itself.
        guard metaKey != key else { return }
        guard registry.documents[metaKey] != nil else {
            throw SchemaError(location: key, message: "the meta-schema \(metaURI) is unknown: register it, or use \(SchemaRegistry.draft202012)")
        }
        var metaOptions = options
        metaOptions.validateSchemaAgainstMetaSchema = false
        metaOptions.formatAssertion = false
        let compiler = SchemaCompiler(registry: registry, options: metaOptions)
        let metaRoot = try compiler.compileDocument(metaKey)
        let compiled = CompiledSchema(nodes: compiler.nodes, resources: compiler.resources)
        var evaluator = Evaluator(compiled: compiled, options: metaOptions, plainScalars: nil)
        let outcome = evaluator.evaluate(metaRoot, schema, collect: false)
        if !outcome.valid {
            throw SchemaError(location: key, message: "the schema does not conform to its meta-schema \(metaURI): fix the keywords listed",
                              metaSchemaErrors: evaluator.findings)
        }
    }
}

/// Every node of a compilation: owns them (references between nodes are unowned).
final class CompiledSchema: Sendable {
    let nodes: [SchemaNode]
    let resources: [SchemaResource]

    init(nodes: [SchemaNode], resources: [SchemaResource]) {
        self.nodes = nodes
        self.resources = resources
    }
}
