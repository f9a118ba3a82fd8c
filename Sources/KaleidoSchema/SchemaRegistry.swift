/// The schema documents a validator may use, keyed by absolute URI (without fragment).
///
/// The caller fills it: the meta-schemas, every schema of a folder (keyed by the URI it should be
/// reachable at, e.g. `file:///kb/schemas/partner.schema.json`), remote documents. The validator
/// never fetches anything: a `$ref` to a URI that is in no document here is an error that names
/// the URI. Embedded resources (`$id` inside a document) are found by the validator itself.
public struct SchemaRegistry: Sendable {
    /// The documents by retrieval URI.
    public private(set) var documents: [String: JSONValue] = [:]
    /// Built-in meta-schema URIs whose document here is not the built-in one.
    private var replacedMetaSchemas: Set<String> = []
    /// Whether some other document declares an `$id` on json-schema.org, which could stand in
    /// for a meta-schema resource when references are resolved.
    private var shadowsMetaSchemas = false

    /// An empty registry.
    public init() {}

    /// Adds (or replaces) the document reachable at `uri` (an absolute URI; a fragment is dropped).
    public mutating func add(_ document: JSONValue, at uri: String) {
        let key = URI(uri).withoutFragment.description
        documents[key] = document
        if let builtIn = MetaSchemas.byURI[key] {
            if document == builtIn { replacedMetaSchemas.remove(key) } else { replacedMetaSchemas.insert(key) }
        } else if !shadowsMetaSchemas, Self.declaresMetaSchemaID(document) {
            shadowsMetaSchemas = true
        }
    }

    /// Adds a built-in meta-schema at its own URI without comparing it to itself.
    mutating func addBuiltIn(_ document: JSONValue, at key: String) {
        documents[key] = document
        replacedMetaSchemas.remove(key)
    }

    /// Whether the 2020-12 meta-schemas resolve here exactly as in `MetaSchemas` (so that the
    /// meta-schema validator compiled once per process stands for this registry's).
    var hasBuiltInMetaSchemas: Bool {
        !shadowsMetaSchemas && replacedMetaSchemas.isEmpty && MetaSchemas.byURI.keys.allSatisfy { documents[$0] != nil }
    }

    /// Whether `value` holds, anywhere, an `$id` naming a json-schema.org resource (a
    /// conservative test: any `$id` string mentioning the host counts).
    private static func declaresMetaSchemaID(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let object):
            for (key, member) in object {
                if key == "$id", case .string(let id) = member, id.lowercased().contains("json-schema.org") { return true }
                if declaresMetaSchemaID(member) { return true }
            }
            return false
        case .array(let elements):
            return elements.contains(where: declaresMetaSchemaID)
        default:
            return false
        }
    }

    /// Adds a document at the URI its own top-level `$id` names; returns false (and adds
    /// nothing) when it has no absolute `$id`.
    @discardableResult
    public mutating func add(_ document: JSONValue) -> Bool {
        guard case .string(let id)? = document["$id"], URI(id).isAbsolute else { return false }
        add(document, at: id)
        return true
    }

    /// The URI of the 2020-12 meta-schema, the default `$schema`.
    public static let draft202012 = "https://json-schema.org/draft/2020-12/schema"
}

/// A schema that cannot be used: unresolvable reference, unknown meta-schema, a keyword with a
/// value of the wrong kind, or a schema that fails its meta-schema.
public struct SchemaError: Error, Sendable, CustomStringConvertible {
    /// Where in the schema the problem is (`uri#/json/pointer`).
    public var location: String
    /// What is wrong and what to do.
    public var message: String
    /// When the schema failed its meta-schema: the meta-schema's errors.
    public var metaSchemaErrors: [ValidationError] = []

    public var description: String {
        var text = "\(location): \(message)"
        for error in metaSchemaErrors.prefix(10) { text += "\n  \(error)" }
        return text
    }
}
