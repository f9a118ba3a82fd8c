/// Where keywords hold subschemas, so that scanning and compiling know the schema positions.
enum SchemaKeywords {
    enum Shape { case schema, schemaArray, schemaMap, other }

    static func shape(of keyword: String) -> Shape {
        switch keyword {
        case "additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else",
            "unevaluatedItems", "unevaluatedProperties", "contentSchema":
            return .schema
        case "allOf", "anyOf", "oneOf", "prefixItems":
            return .schemaArray
        case "properties", "patternProperties", "$defs", "dependentSchemas", "definitions":
            return .schemaMap
        default:
            return .other
        }
    }
}

extension SchemaCompiler {
    /// Compiles the schema at `location` (memoized by location, so shared subschemas and
    /// recursive references compile once).
    func compile(_ value: JSONValue, at location: Location, context: Context) throws(SchemaError) -> SchemaNode {
        if let index = nodeByLocation[location] { return nodes[index] }
        var context = context
        let text = location.document + "#" + JSONPointer.string(location.pointer.map { .key($0) })
        if case .object(let object) = value {
            if case .string(let id)? = object["$id"] {
                let resolved = context.base.resolving(id)
                if let fragment = resolved.fragment, !fragment.isEmpty {
                    throw SchemaError(location: text, message: "$id \"\(id)\" must not have a fragment: use $anchor for names")
                }
                context.base = resolved.withoutFragment
                context.resource = resourceNumber(context.base.description)
            }
            context.vocabularies = try vocabularies(for: value, inherited: context.vocabularies, location: text)
        }
        switch value {
        case .bool(let constant):
            return register(SchemaNode(location: text, resource: context.resource, constant: constant), at: location)
        case .object(let object):
            var keywords = SchemaKeywordValues()
            let references = try compileKeywords(object, into: &keywords, at: location, text: text, context: context)
            let node = register(SchemaNode(location: text, resource: context.resource, keywords: keywords), at: location)
            if case .string(let anchor)? = object["$dynamicAnchor"] {
                resources[context.resource].dynamicAnchors[anchor] = nodes.count - 1
            }
            for (reference, dynamic) in references {
                pendingReferences.append((node, reference, context.base, dynamic, text))
            }
            return node
        default:
            throw SchemaError(location: text, message: "a schema must be an object or a boolean, not \(value.typeName)")
        }
    }

    private func register(_ node: SchemaNode, at location: Location) -> SchemaNode {
        nodes.append(node)
        nodeByLocation[location] = nodes.count - 1
        return node
    }

    /// Parses the keywords of a schema object (compiling its subschemas); returns its `$ref` and
    /// `$dynamicRef`, resolved once the whole document is compiled.
    private func compileKeywords(_ object: JSONObject, into keywords: inout SchemaKeywordValues, at location: Location,
                                 text: String, context: Context) throws(SchemaError) -> [(String, Bool)] {
        var references: [(String, Bool)] = []
        let vocab = context.vocabularies
        func sub(_ keyword: String, _ tokens: String...) throws(SchemaError) -> SchemaNode? {
            var value = object[keyword]
            for token in tokens { value = value?.value(at: [token]) }
            guard let value else { return nil }
            return try compile(value, at: Location(document: location.document, pointer: location.pointer + [keyword] + tokens), context: context)
        }
        func fail(_ keyword: String, _ what: String) -> SchemaError {
            SchemaError(location: text + "/" + keyword, message: "\(keyword) must be \(what)")
        }
        func count(_ keyword: String) throws(SchemaError) -> Int? {
            guard let value = object[keyword] else { return nil }
            guard case .number(let number) = value, number.isInteger, !number.isNegative else {
                throw fail(keyword, "a non-negative integer")
            }
            return number.intValue ?? Int.max
        }
        func number(_ keyword: String) throws(SchemaError) -> JSONNumber? {
            guard let value = object[keyword] else { return nil }
            guard case .number(let number) = value else { throw fail(keyword, "a number") }
            return number
        }
        func schemaArray(_ keyword: String) throws(SchemaError) -> [SchemaNode] {
            guard let value = object[keyword] else { return [] }
            guard case .array(let elements) = value, !elements.isEmpty else { throw fail(keyword, "a non-empty array of schemas") }
            var result: [SchemaNode] = []
            for index in elements.indices {
                if let child = try sub(keyword, String(index)) { result.append(child) }
            }
            return result
        }
        func regex(_ source: String, _ keyword: String) throws(SchemaError) -> ECMARegex {
            do {
                return try ECMARegex(source)
            } catch {
                throw SchemaError(location: text + "/" + keyword,
                                  message: "the pattern \"\(source)\" is not an ECMA-262 regular expression: \(error.reason)")
            }
        }

        // Core. `$defs` are compiled too: they may hold `$dynamicAnchor`s.
        for name in (object["$defs"]?.objectValue?.keys ?? []) { _ = try sub("$defs", name) }
        for name in (object["definitions"]?.objectValue?.keys ?? []) { _ = try sub("definitions", name) }
        if let reference = object["$ref"] {
            guard case .string(let target) = reference else { throw fail("$ref", "a URI reference string") }
            references.append((target, false))
        }
        if let reference = object["$dynamicRef"] {
            guard case .string(let target) = reference else { throw fail("$dynamicRef", "a URI reference string") }
            references.append((target, true))
        }

        if vocab.applicator {
            keywords.allOf = try schemaArray("allOf")
            keywords.anyOf = try schemaArray("anyOf")
            keywords.oneOf = try schemaArray("oneOf")
            keywords.not = try sub("not")
            keywords.ifSchema = try sub("if")
            keywords.thenSchema = try sub("then")
            keywords.elseSchema = try sub("else")
            for name in object["dependentSchemas"]?.objectValue?.keys ?? [] {
                if let child = try sub("dependentSchemas", name) { keywords.dependentSchemas.append((name, child)) }
            }
            if let prefix = object["prefixItems"] {
                guard case .array(let elements) = prefix else { throw fail("prefixItems", "an array of schemas") }
                for index in elements.indices {
                    if let child = try sub("prefixItems", String(index)) { keywords.prefixItems.append(child) }
                }
            }
            keywords.items = try sub("items")
            keywords.contains = try sub("contains")
            for name in object["properties"]?.objectValue?.keys ?? [] {
                keywords.properties[name] = try sub("properties", name)
            }
            for source in object["patternProperties"]?.objectValue?.keys ?? [] {
                if let child = try sub("patternProperties", source) {
                    keywords.patternProperties.append((source, try regex(source, "patternProperties"), child))
                }
            }
            keywords.additionalProperties = try sub("additionalProperties")
            keywords.propertyNames = try sub("propertyNames")
        }
        // `dependencies` (drafts 4–7) is still read, split as 2019-09 split it: an array is
        // dependentRequired, a schema is dependentSchemas.
        for (name, value) in object["dependencies"]?.objectValue ?? JSONObject() {
            if case .array(let names) = value {
                if vocab.validation { keywords.dependentRequired.append((name, names.compactMap(\.stringValue))) }
            } else if vocab.applicator, let child = try sub("dependencies", name) {
                keywords.dependentSchemas.append((name, child))
            }
        }
        if vocab.unevaluated {
            keywords.unevaluatedItems = try sub("unevaluatedItems")
            keywords.unevaluatedProperties = try sub("unevaluatedProperties")
        }
        if vocab.validation {
            if let type = object["type"] {
                var set = TypeSet()
                let names: [JSONValue] = type.arrayValue ?? [type]
                for name in names {
                    guard case .string(let text) = name, let one = TypeSet(name: text) else {
                        throw fail("type", "a type name or an array of type names")
                    }
                    set.insert(one)
                }
                keywords.types = set
            }
            if let values = object["enum"] {
                guard case .array(let elements) = values else { throw fail("enum", "an array") }
                keywords.enumValues = elements
            }
            keywords.constValue = object["const"]
            if let divisor = try number("multipleOf") {
                guard !divisor.isNegative, !divisor.isZero else { throw fail("multipleOf", "a number above zero") }
                keywords.multipleOf = divisor
            }
            keywords.maximum = try number("maximum")
            keywords.exclusiveMaximum = try number("exclusiveMaximum")
            keywords.minimum = try number("minimum")
            keywords.exclusiveMinimum = try number("exclusiveMinimum")
            keywords.maxLength = try count("maxLength")
            keywords.minLength = try count("minLength")
            if let pattern = object["pattern"] {
                guard case .string(let source) = pattern else { throw fail("pattern", "a string") }
                keywords.pattern = (source, try regex(source, "pattern"))
            }
            keywords.maxItems = try count("maxItems")
            keywords.minItems = try count("minItems")
            keywords.uniqueItems = object["uniqueItems"] == .bool(true)
            keywords.maxContains = try count("maxContains")
            keywords.minContains = try count("minContains")
            keywords.maxProperties = try count("maxProperties")
            keywords.minProperties = try count("minProperties")
            if let required = object["required"] {
                guard let names = required.arrayValue?.compactMap(\.stringValue),
                      names.count == required.arrayValue?.count else { throw fail("required", "an array of strings") }
                keywords.required = names
            }
            for (name, value) in object["dependentRequired"]?.objectValue ?? JSONObject() {
                keywords.dependentRequired.append((name, value.arrayValue?.compactMap(\.stringValue) ?? []))
            }
        }
        if case .string(let format)? = object["format"] {
            keywords.format = format
            keywords.formatAsserted = vocab.formatAssertion && !options.formatAnnotationOnly
        }
        _ = try sub("contentSchema")
        return references
    }
}
