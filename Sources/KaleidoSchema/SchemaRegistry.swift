/// The schema documents a validator may use, keyed by absolute URI (without fragment).
///
/// The caller fills it: the meta-schemas, every schema of a folder (keyed by the URI it should be
/// reachable at, e.g. `file:///kb/schemas/partner.schema.json`), remote documents. The validator
/// never fetches anything: a `$ref` to a URI that is in no document here is an error that names
/// the URI. Embedded resources (`$id` inside a document) are found by the validator itself.
public struct SchemaRegistry: Sendable {
    /// The documents by retrieval URI.
    public private(set) var documents: [String: JSONValue] = [:]

    /// An empty registry.
    public init() {}

    /// Adds (or replaces) the document reachable at `uri` (an absolute URI; a fragment is dropped).
    public mutating func add(_ document: JSONValue, at uri: String) {
        documents[URI(uri).withoutFragment.description] = document
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
