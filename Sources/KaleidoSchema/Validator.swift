internal import Dispatch

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
        var registry = Self.withBuiltInMetaSchemas(registry)
        let key = URI(uri ?? "urn:kaleido:schema").withoutFragment.description
        registry.add(schema, at: key)
        if options.validateSchemaAgainstMetaSchema {
            try MetaSchemaCheck.check(schema, key: key, registry: registry, formats: options.formats)
        }
        let compiler = SchemaCompiler(registry: registry, options: options)
        root = try compiler.compileDocument(key)
        compiled = CompiledSchema(nodes: compiler.nodes, resources: compiler.resources)
        self.options = options
    }

    init(root: SchemaNode, compiled: CompiledSchema, options: ValidatorOptions) {
        self.root = root
        self.compiled = compiled
        self.options = options
    }

    /// Compiles several schemas of one registry (each at its URI there), as `init` would one by
    /// one, but together: documents they share (a `defs` file) are compiled once, and the
    /// registry is scanned once. Returns a validator or the error for each URI.
    ///
    /// A schema that fails does not affect the others: compilation goes on with a fresh state.
    public static func compile(_ uris: [String], registry: SchemaRegistry,
                               options: ValidatorOptions = ValidatorOptions()) -> [String: Result<Validator, SchemaError>]
    {
        let registry = withBuiltInMetaSchemas(registry)
        var results: [String: Result<Validator, SchemaError>] = [:]
        let parts = CompileParts()
        // The meta-schema checks and the compilation are independent (a schema that fails its
        // meta-schema is compiled for nothing, which changes no other result: compilation is
        // deterministic per document): they run side by side, on two cores when there are two.
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                guard options.validateSchemaAgainstMetaSchema else { return }
                var compiledMetas: [String: Validator] = [:]
                for uri in uris {
                    let key = URI(uri).withoutFragment.description
                    guard let schema = registry.documents[key] else { continue }
                    do throws(SchemaError) {
                        try MetaSchemaCheck.check(schema, key: key, registry: registry, formats: options.formats,
                                                  compiledMetas: &compiledMetas)
                    } catch {
                        parts.metaErrors[uri] = error
                    }
                }
            } else {
                parts.compiled = compileEach(uris, registry: registry, options: options)
            }
        }
        for uri in uris {
            results[uri] = parts.metaErrors[uri].map { .failure($0) } ?? parts.compiled[uri]
        }
        return results
    }

    /// Compiles each schema with one shared compiler (see `compile`), without meta-schema checks.
    private static func compileEach(_ uris: [String], registry: SchemaRegistry,
                                    options: ValidatorOptions) -> [String: Result<Validator, SchemaError>]
    {
        var results: [String: Result<Validator, SchemaError>] = [:]
        var compiler: SchemaCompiler?
        for uri in uris {
            let key = URI(uri).withoutFragment.description
            do throws(SchemaError) {
                guard registry.documents[key] != nil else {
                    throw SchemaError(location: key, message: "no schema document is registered at \(key): add it to the registry")
                }
                let shared = compiler ?? SchemaCompiler(registry: registry, options: options)
                compiler = shared
                let root: SchemaNode
                do throws(SchemaError) {
                    root = try shared.compileDocument(key)
                } catch {
                    // A failed compilation leaves half-compiled nodes behind: start afresh.
                    compiler = nil
                    throw error
                }
                // The nodes compiled so far are all this root can reach; later compilations only
                // append nodes and never change these (resources are copied as values).
                let compiled = CompiledSchema(nodes: shared.nodes, resources: shared.resources)
                results[uri] = .success(Validator(root: root, compiled: compiled, options: options))
            } catch {
                results[uri] = .failure(error)
            }
        }
        return results
    }

    /// `registry` with the built-in 2020-12 meta-schemas where it has none at their URIs.
    private static func withBuiltInMetaSchemas(_ registry: SchemaRegistry) -> SchemaRegistry {
        var registry = registry
        for (key, document) in MetaSchemas.byURI where registry.documents[key] == nil {
            registry.addBuiltIn(document, at: key)
        }
        return registry
    }

    /// Validates `instance`. `plainScalars` gives the source text of values that were plain YAML
    /// scalars (a `YAMLConversion`, or a dictionary keyed by JSON pointer): where the schema's
    /// `type` allows a string but not the resolved type, the text is validated as that string and
    /// a warning says to quote it. Under `not`, `contains`, `if` and each `anyOf`/`oneOf`
    /// alternative the warning is kept only where the reading changed the verdict. Pass no
    /// source for a JSON document: JSON is typed as JSON.
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
}

/// The two results of `Validator.compile`'s two parallel parts. Each property is written by one
/// part only, and read once both have returned (`concurrentPerform` waits for them), so no
/// access overlaps another: hence `@unchecked`.
private final class CompileParts: @unchecked Sendable {
    var metaErrors: [String: SchemaError] = [:]
    var compiled: [String: Result<Validator, SchemaError>] = [:]
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
