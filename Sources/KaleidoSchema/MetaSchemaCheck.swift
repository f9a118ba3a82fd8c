/// Checks a schema against its meta-schema before it is compiled.
///
/// The 2020-12 meta-schema is compiled once per process and shared (it was compiled again for
/// every schema, a tenth of `kaleido validate`'s start-up). The shared one is used only when the
/// registry resolves the meta-schemas exactly as the built-in documents do (see
/// `SchemaRegistry.hasBuiltInMetaSchemas`); any other meta-schema, or a registry that replaces or
/// shadows one, gets its own compilation from that registry, as before.
enum MetaSchemaCheck {
    /// The options of every meta-schema check: formats annotate only (the 2020-12 meta-schema has
    /// no format-assertion vocabulary), and a meta-schema is not itself checked first.
    static let options = ValidatorOptions(formatAssertion: false, validateSchemaAgainstMetaSchema: false)

    /// The 2020-12 meta-schema compiled from the built-in documents; nil if it failed to compile
    /// (a bug: `MetaSchemaTests` would show it), in which case every check compiles its own.
    static let builtIn: Validator? = {
        let compiler = SchemaCompiler(registry: .withMetaSchemas, options: options)
        guard let root = try? compiler.compileDocument(SchemaRegistry.draft202012) else { return nil }
        return Validator(root: root, compiled: CompiledSchema(nodes: compiler.nodes, resources: compiler.resources), options: options)
    }()

    /// Throws when `schema` (registered at `key`) does not conform to the meta-schema its
    /// `$schema` names (2020-12 by default), with the meta-schema's errors. `formats` serve a
    /// custom meta-schema that asserts formats. `compiledMetas` keeps the custom meta-schemas
    /// compiled so far (the KB's schemas share one: it is compiled once per `Validator.compile`).
    static func check(_ schema: JSONValue, key: String, registry: SchemaRegistry, formats: FormatRegistry,
                      compiledMetas: inout [String: Validator]) throws(SchemaError)
    {
        let metaURI = schema["$schema"]?.stringValue ?? SchemaRegistry.draft202012
        let metaKey = URI(metaURI).withoutFragment.description
        // A meta-schema is not checked against itself.
        guard metaKey != key else { return }
        guard registry.documents[metaKey] != nil else {
            throw SchemaError(location: key, message: "the meta-schema \(metaURI) is unknown: register it, or use \(SchemaRegistry.draft202012)")
        }
        let meta: Validator
        if metaKey == SchemaRegistry.draft202012, registry.hasBuiltInMetaSchemas, let builtIn {
            meta = builtIn
        } else if let compiled = compiledMetas[metaKey] {
            meta = compiled
        } else {
            var options = options
            options.formats = formats
            let compiler = SchemaCompiler(registry: registry, options: options)
            let root = try compiler.compileDocument(metaKey)
            meta = Validator(root: root, compiled: CompiledSchema(nodes: compiler.nodes, resources: compiler.resources), options: options)
            compiledMetas[metaKey] = meta
        }
        // Most schemas conform: answer yes or no first, without building messages, and
        // evaluate again for the messages only when the answer is no.
        guard !meta.isValid(schema) else { return }
        var evaluator = Evaluator(compiled: meta.compiled, options: meta.options, plainScalars: nil)
        let outcome = evaluator.evaluate(meta.root, schema, collect: false)
        if !outcome.valid {
            throw SchemaError(location: key, message: "the schema does not conform to its meta-schema \(metaURI): fix the keywords listed",
                              metaSchemaErrors: evaluator.findings)
        }
    }

    /// `check` for one schema.
    static func check(_ schema: JSONValue, key: String, registry: SchemaRegistry, formats: FormatRegistry) throws(SchemaError) {
        var compiledMetas: [String: Validator] = [:]
        try check(schema, key: key, registry: registry, formats: formats, compiledMetas: &compiledMetas)
    }
}
