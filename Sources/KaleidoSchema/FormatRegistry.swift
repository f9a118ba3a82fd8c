/// A named `format`: what a valid value is, in words, and the check.
public struct Format: Sendable {
    /// Completes "country "TNX" is not …": `an ISO 3166-1 alpha-2 code`.
    public var description: String
    /// Whether a string is valid. Formats apply to strings only: other values always pass.
    public var check: @Sendable (String) -> Bool

    /// A format from its description and its check (which must be thread-safe).
    public init(description: String, check: @escaping @Sendable (String) -> Bool) {
        self.description = description
        self.check = check
    }
}

/// The formats a validator knows by name.
///
/// `.standard` has the 2020-12 formats; `.kaleido` adds the knowledge base's own
/// (`partial-date`, `iso3166-alpha2`, `iso4217`, `insee-commune`, `siren`, `siret`). Register
/// more with `register(_:as:)`. A format the registry does not know is never an error.
public struct FormatRegistry: Sendable {
    private var formats: [String: Format] = [:]

    /// An empty registry.
    public init() {}

    /// Adds or replaces a format.
    public mutating func register(_ format: Format, as name: String) {
        formats[name] = format
    }

    /// The format called `name`, if known.
    public subscript(name: String) -> Format? { formats[name] }

    /// The names known, sorted.
    public var names: [String] { formats.keys.sorted() }

    /// The formats of JSON Schema 2020-12 (§7.3) that this validator checks.
    public static let standard: FormatRegistry = {
        var registry = FormatRegistry()
        registry.register(Format(description: "a date (YYYY-MM-DD)", check: DateTimeFormats.isDate), as: "date")
        registry.register(Format(description: "a time with a time zone (HH:MM:SSZ)", check: DateTimeFormats.isTime), as: "time")
        registry.register(Format(description: "a date and time (YYYY-MM-DDTHH:MM:SSZ)", check: DateTimeFormats.isDateTime), as: "date-time")
        registry.register(Format(description: "an ISO 8601 duration (P1Y2M, PT3H)", check: DateTimeFormats.isDuration), as: "duration")
        registry.register(Format(description: "an e-mail address", check: { NetworkFormats.isEmail($0, international: false) }), as: "email")
        registry.register(Format(description: "an e-mail address", check: { NetworkFormats.isEmail($0, international: true) }), as: "idn-email")
        registry.register(Format(description: "a host name", check: { NetworkFormats.isHostname($0) }), as: "hostname")
        registry.register(Format(description: "an internationalized host name", check: { NetworkFormats.isHostname($0, international: true) }), as: "idn-hostname")
        registry.register(Format(description: "an IPv4 address", check: NetworkFormats.isIPv4), as: "ipv4")
        registry.register(Format(description: "an IPv6 address", check: NetworkFormats.isIPv6), as: "ipv6")
        registry.register(Format(description: "an absolute URI", check: { URIFormats.isURI($0, reference: false, international: false) }), as: "uri")
        registry.register(Format(description: "a URI reference", check: { URIFormats.isURI($0, reference: true, international: false) }), as: "uri-reference")
        registry.register(Format(description: "an absolute IRI", check: { URIFormats.isURI($0, reference: false, international: true) }), as: "iri")
        registry.register(Format(description: "an IRI reference", check: { URIFormats.isURI($0, reference: true, international: true) }), as: "iri-reference")
        registry.register(Format(description: "a URI template", check: URIFormats.isURITemplate), as: "uri-template")
        registry.register(Format(description: "a UUID", check: URIFormats.isUUID), as: "uuid")
        registry.register(Format(description: "a JSON pointer", check: URIFormats.isJSONPointer), as: "json-pointer")
        registry.register(Format(description: "a relative JSON pointer", check: URIFormats.isRelativeJSONPointer), as: "relative-json-pointer")
        registry.register(Format(description: "an ECMA-262 regular expression", check: { (try? ECMARegex($0)) != nil }), as: "regex")
        return registry
    }()

    /// `.standard` plus the knowledge base's formats.
    public static let kaleido: FormatRegistry = {
        var registry = FormatRegistry.standard
        registry.register(Format(description: "a date, a month or a year (YYYY-MM-DD, YYYY-MM or YYYY)", check: KaleidoFormats.isPartialDate), as: "partial-date")
        registry.register(Format(description: "an ISO 3166-1 alpha-2 code", check: { ISOCodes.countries.contains($0) }), as: "iso3166-alpha2")
        registry.register(Format(description: "an ISO 4217 currency code", check: { ISOCodes.currencies.contains($0) }), as: "iso4217")
        registry.register(Format(description: "an INSEE commune code (5 characters: 01001, 2A004, 97411)", check: KaleidoFormats.isINSEECommune), as: "insee-commune")
        registry.register(Format(description: "a SIREN number (9 digits with a valid check digit)", check: KaleidoFormats.isSIREN), as: "siren")
        registry.register(Format(description: "a SIRET number (14 digits with a valid check digit)", check: KaleidoFormats.isSIRET), as: "siret")
        return registry
    }()
}
