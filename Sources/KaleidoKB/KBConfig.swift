public import KaleidoYAML

/// The settings of a knowledge base, read from `.kaleido/config.yaml` at its root.
///
/// Every setting has a default, so a KB with an empty (or absent) config file works: records in
/// `knowledge/`, schemas in `schemas/`, branch `main`.
public struct KBConfig: Hashable, Sendable {
    /// The KB's display name.
    public var name: String = "Kaleido knowledge base"
    /// The records' folder, relative to the KB root.
    public var knowledgeFolder: String = "knowledge"
    /// The schemas' folder, relative to the KB root.
    public var schemasFolder: String = "schemas"
    /// The shared branch the daemon syncs.
    public var branch: String = "main"
    /// The commit identity used when git's own is not set.
    public var authorName: String?
    public var authorEmail: String?
    /// Daemon timings, in seconds.
    public var quietPeriod: Double = 2
    public var maxDelay: Double = 30
    public var fetchInterval: Double = 60
    /// Whether `kaleido new` starts a record with a `# yaml-language-server: $schema=…` line
    /// (`editor.schema_modeline`), for editors without the workspace's schema associations.
    public var schemaModeline = false

    /// The path of the config file relative to a KB root.
    public static let path = ".kaleido/config.yaml"

    public init() {}

    /// Reads the settings from a parsed config document. Unknown keys are ignored (newer
    /// versions may add some); a known key with a value of the wrong shape is an error.
    public init(document: YAMLNode) throws(KBConfigError) {
        guard document.pairs != nil || document.isNull else {
            throw KBConfigError(span: document.span, message: "the config must be a mapping of settings")
        }
        func string(_ node: YAMLNode?, _ key: String) throws(KBConfigError) -> String? {
            guard let node else { return nil }
            guard let text = node.stringValue, !text.isEmpty else {
                throw KBConfigError(span: node.span, message: "\(key) must be a non-empty string")
            }
            return text
        }
        func seconds(_ node: YAMLNode?, _ key: String) throws(KBConfigError) -> Double? {
            guard let node else { return nil }
            guard let text = node.stringValue, let value = Double(text), value >= 0 else {
                throw KBConfigError(span: node.span, message: "\(key) must be a number of seconds")
            }
            return value
        }
        func flag(_ node: YAMLNode?, _ key: String) throws(KBConfigError) -> Bool? {
            guard let node else { return nil }
            guard case .bool(let value)? = node.resolvedScalar else {
                throw KBConfigError(span: node.span, message: "\(key) must be true or false")
            }
            return value
        }
        name = try string(document["name"], "name") ?? name
        knowledgeFolder = try string(document["knowledge"], "knowledge") ?? knowledgeFolder
        schemasFolder = try string(document["schemas"], "schemas") ?? schemasFolder
        branch = try string(document["branch"], "branch") ?? branch
        if let identity = document["identity"] {
            authorName = try string(identity["name"], "identity.name")
            authorEmail = try string(identity["email"], "identity.email")
        }
        if let daemon = document["daemon"] {
            quietPeriod = try seconds(daemon["quiet_period"], "daemon.quiet_period") ?? quietPeriod
            maxDelay = try seconds(daemon["max_delay"], "daemon.max_delay") ?? maxDelay
            fetchInterval = try seconds(daemon["fetch_interval"], "daemon.fetch_interval") ?? fetchInterval
        }
        if let editor = document["editor"] {
            schemaModeline = try flag(editor["schema_modeline"], "editor.schema_modeline") ?? schemaModeline
        }
    }
}

/// A config file whose content is not what Kaleido expects.
public struct KBConfigError: Error, Hashable, Sendable {
    public var span: SourceSpan
    public var message: String
}
