/// Which vocabularies are in force for a schema resource, from its meta-schema's `$vocabulary`.
struct Vocabularies: Sendable, Equatable {
    var validation = true
    var applicator = true
    var unevaluated = true
    var formatAssertion = false

    static let vocabPrefix = "https://json-schema.org/draft/2020-12/vocab/"
}

/// Compiles schema documents into `SchemaNode`s: finds every resource and anchor, parses each
/// keyword once, resolves every `$ref` to the node it designates (documents are compiled whole,
/// on first reference, so their `$dynamicAnchor`s are all known before evaluation starts).
final class SchemaCompiler {
    struct Context {
        var base: URI
        var resource: Int
        var vocabularies: Vocabularies
    }

    struct Location: Hashable {
        var document: String
        var pointer: [String]
    }

    let registry: SchemaRegistry
    let options: ValidatorOptions
    var nodes: [SchemaNode] = []
    var nodeByLocation: [Location: Int] = [:]
    var resources: [SchemaResource] = []
    var resourceIndex: [String: Int] = [:]
    /// Resource URI → where its root is (document roots and embedded `$id`s).
    var resourceLocations: [String: Location] = [:]
    /// `resourceURI#name` → the schema declaring `$anchor` or `$dynamicAnchor` `name`.
    var anchorLocations: [String: Location] = [:]
    var scannedDocuments: Set<String> = []
    var compiledDocuments: Set<String> = []
    var pendingReferences: [(node: SchemaNode, reference: String, base: URI, dynamic: Bool, location: String)] = []
    /// The first reference of `pendingReferences` not yet resolved.
    var pendingHead = 0

    init(registry: SchemaRegistry, options: ValidatorOptions) {
        self.registry = registry
        self.options = options
        for key in registry.documents.keys.sorted() { scan(document: key) }
    }

    // MARK: Documents and resources

    /// Compiles a whole document (once) and returns its root node.
    func compileDocument(_ key: String) throws(SchemaError) -> SchemaNode {
        let root = Location(document: key, pointer: [])
        if let index = nodeByLocation[root], compiledDocuments.contains(key) { return nodes[index] }
        guard let document = registry.documents[key] else {
            throw SchemaError(location: key, message: "no schema document is registered at \(key): add it to the registry")
        }
        compiledDocuments.insert(key)
        let vocabularies = try vocabularies(for: document, inherited: nil, location: key)
        let context = Context(base: URI(key), resource: resourceNumber(key), vocabularies: vocabularies)
        let node = try compile(document, at: root, context: context)
        try resolvePendingReferences()
        return node
    }

    func resourceNumber(_ uri: String) -> Int {
        if let index = resourceIndex[uri] { return index }
        resources.append(SchemaResource(uri: uri))
        resourceIndex[uri] = resources.count - 1
        return resources.count - 1
    }

    /// The vocabularies a schema object declares through `$schema`, else the inherited ones.
    func vocabularies(for schema: JSONValue, inherited: Vocabularies?, location: String) throws(SchemaError) -> Vocabularies {
        guard case .string(let metaURI)? = schema["$schema"] else {
            return inherited ?? Vocabularies(formatAssertion: options.formatAssertion)
        }
        let key = URI(metaURI).withoutFragment.description
        guard let meta = registry.documents[key] ?? resourceLocations[key].flatMap({ registry.documents[$0.document]?.value(at: $0.pointer) }) else {
            throw SchemaError(location: location, message: "the meta-schema \(metaURI) is unknown: register it, or use \(SchemaRegistry.draft202012)")
        }
        guard case .object(let declared)? = meta["$vocabulary"] else {
            return Vocabularies(formatAssertion: options.formatAssertion)
        }
        var result = Vocabularies(validation: false, applicator: false, unevaluated: false, formatAssertion: options.formatAssertion)
        for (uri, required) in declared {
            guard uri.hasPrefix(Vocabularies.vocabPrefix) else {
                if required == .bool(true) {
                    throw SchemaError(location: location, message: "the meta-schema requires the vocabulary \(uri), which this validator does not know")
                }
                continue
            }
            switch uri.dropFirst(Vocabularies.vocabPrefix.count) {
            case "validation": result.validation = true
            case "applicator": result.applicator = true
            case "unevaluated": result.unevaluated = true
            case "format-assertion": result.formatAssertion = true
            default: break
            }
        }
        return result
    }

    /// Records the resources and anchors of a document, walking its known schema positions.
    func scan(document key: String) {
        guard scannedDocuments.insert(key).inserted, let document = registry.documents[key] else { return }
        resourceLocations[key] = Location(document: key, pointer: [])
        scan(document, pointer: [], base: URI(key), document: key)
    }

    private func scan(_ value: JSONValue, pointer: [String], base: URI, document: String) {
        guard case .object(let object) = value else { return }
        var base = base
        if case .string(let id)? = object["$id"] {
            base = base.resolving(id).withoutFragment
            resourceLocations[base.description] = resourceLocations[base.description] ?? Location(document: document, pointer: pointer)
        }
        for keyword in ["$anchor", "$dynamicAnchor"] {
            if case .string(let name)? = object[keyword] {
                anchorLocations[base.description + "#" + name] = Location(document: document, pointer: pointer)
            }
        }
        for (keyword, child) in object {
            switch SchemaKeywords.shape(of: keyword) {
            case .schema:
                scan(child, pointer: pointer + [keyword], base: base, document: document)
            case .schemaArray:
                for (index, element) in (child.arrayValue ?? []).enumerated() {
                    scan(element, pointer: pointer + [keyword, String(index)], base: base, document: document)
                }
            case .schemaMap:
                for (name, element) in child.objectValue ?? JSONObject() {
                    scan(element, pointer: pointer + [keyword, name], base: base, document: document)
                }
            case .other:
                break
            }
        }
    }

    /// The context (base URI, resource, vocabularies) in force at `pointer` in a document,
    /// found by walking from the root through every `$id` and `$schema` on the way (the target
    /// itself excluded: `compile` applies its own).
    func context(at location: Location) throws(SchemaError) -> Context {
        guard var current = registry.documents[location.document] else {
            throw SchemaError(location: location.document, message: "no schema document is registered at \(location.document)")
        }
        var context = Context(base: URI(location.document), resource: resourceNumber(location.document),
                              vocabularies: try vocabularies(for: current, inherited: nil, location: location.document))
        for token in location.pointer {
            if case .string(let id)? = current["$id"] {
                context.base = context.base.resolving(id).withoutFragment
                context.resource = resourceNumber(context.base.description)
            }
            context.vocabularies = try vocabularies(for: current, inherited: context.vocabularies, location: location.document)
            guard let next = current.value(at: [token]) else {
                throw SchemaError(location: location.document + "#" + JSONPointer.string(location.pointer.map { .key($0) }),
                                  message: "the reference points to nothing: fix the JSON pointer")
            }
            current = next
        }
        return context
    }

    // MARK: References

    func resolvePendingReferences() throws(SchemaError) {
        // In document order, so that the first unresolvable reference is the one reported.
        // A head index, not `removeFirst` (quadratic); nested calls (through `compileDocument`)
        // advance the same head.
        while pendingHead < pendingReferences.count {
            let pending = pendingReferences[pendingHead]
            pendingHead += 1
            let target = try resolve(pending.reference, base: pending.base, from: pending.location)
            if pending.dynamic {
                pending.node.dynamicRef = target
                let fragment = URI(pending.reference).fragment ?? ""
                // Only a plain-name fragment naming a `$dynamicAnchor` of the static target
                // makes the reference dynamic (2020-12 §8.2.3.2's "bookending").
                if !fragment.isEmpty, !fragment.hasPrefix("/"),
                   resources[target.resource].dynamicAnchors[fragment] != nil,
                   nodes[resources[target.resource].dynamicAnchors[fragment] ?? 0] === target
                {
                    pending.node.dynamicRefAnchor = fragment
                }
            } else {
                pending.node.ref = target
            }
        }
        pendingReferences.removeAll(keepingCapacity: true)
        pendingHead = 0
    }

    /// The node a reference designates, compiling its document when needed.
    func resolve(_ reference: String, base: URI, from origin: String) throws(SchemaError) -> SchemaNode {
        let target = base.resolving(reference)
        let resourceURI = target.withoutFragment.description
        let fragment = target.decodedFragment ?? ""
        let location: Location
        if fragment.isEmpty || fragment.hasPrefix("/") {
            guard let root = resourceLocations[resourceURI] else {
                throw SchemaError(location: origin, message: "the reference \"\(reference)\" (\(target)) designates no known schema: register the document it points to")
            }
            guard let tokens = JSONPointer.tokens(fragment) else {
                throw SchemaError(location: origin, message: "the reference \"\(reference)\" has an invalid JSON pointer")
            }
            location = Location(document: root.document, pointer: root.pointer + tokens)
        } else {
            guard let anchored = anchorLocations[resourceURI + "#" + fragment] else {
                throw SchemaError(location: origin, message: "the reference \"\(reference)\" names an anchor \"\(fragment)\" that \(resourceURI) does not declare")
            }
            location = anchored
        }
        if !compiledDocuments.contains(location.document) { _ = try compileDocument(location.document) }
        if let index = nodeByLocation[location] { return nodes[index] }
        // A location that is no known schema position (inside an unknown keyword): compile it
        // on its own, in the context its ancestors give it.
        guard let value = registry.documents[location.document]?.value(at: location.pointer) else {
            throw SchemaError(location: location.document, message: "the reference \"\(reference)\" points to nothing: fix the JSON pointer")
        }
        let node = try compile(value, at: location, context: try context(at: location))
        return node
    }
}
