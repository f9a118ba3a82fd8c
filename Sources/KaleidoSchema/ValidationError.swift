/// One finding of a validation: an error (the instance is invalid) or a warning (it is valid,
/// but something deserves attention, such as a plain YAML scalar read as a string).
public struct ValidationError: Hashable, Sendable, CustomStringConvertible {
    /// Whether the finding makes the instance invalid.
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
    }

    /// Error or warning.
    public var severity: Severity
    /// JSON pointer to the value at fault (for an unknown property: to that property's value;
    /// `propertyName` then says that the key itself is at fault).
    public var instanceLocation: String
    /// JSON pointer through the schema as evaluated, `$ref`s included (`/properties/a/$ref/type`).
    public var keywordLocation: String
    /// `uri#/pointer` of the failing keyword in the schema document that holds it.
    public var absoluteKeywordLocation: String
    /// The keyword that failed (`required`, `type`, `format`, `additionalProperties`…).
    public var keyword: String
    /// A sentence for a consultant: `missing required property "signed_on"`.
    public var message: String
    /// For `additionalProperties`, `unevaluatedProperties` and `propertyNames`: the offending key,
    /// so that a caller can point at the key rather than at its value.
    public var propertyName: String?

    /// A finding from its parts.
    public init(severity: Severity = .error, instanceLocation: String, keywordLocation: String,
                absoluteKeywordLocation: String, keyword: String, message: String, propertyName: String? = nil)
    {
        self.severity = severity
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.absoluteKeywordLocation = absoluteKeywordLocation
        self.keyword = keyword
        self.message = message
        self.propertyName = propertyName
    }

    public var description: String {
        "\(severity.rawValue): \(instanceLocation.isEmpty ? "/" : instanceLocation): \(message) [\(keywordLocation.isEmpty ? "/" : keywordLocation)]"
    }
}

/// The result of validating one instance.
public struct ValidationResult: Sendable {
    /// Errors and warnings, in evaluation order.
    public var findings: [ValidationError]

    /// Whether the instance is valid (warnings allowed).
    public var isValid: Bool { !findings.contains { $0.severity == .error } }
    /// The errors only.
    public var errors: [ValidationError] { findings.filter { $0.severity == .error } }
    /// The warnings only.
    public var warnings: [ValidationError] { findings.filter { $0.severity == .warning } }
}

/// How a validator behaves.
public struct ValidatorOptions: Sendable {
    /// Whether `format` is asserted (an invalid value is an error) rather than only annotated.
    /// The format-assertion vocabulary in a meta-schema turns it on for that schema whatever this
    /// says (unless `formatAnnotationOnly`). Unknown formats are never errors.
    public var formatAssertion: Bool
    /// Whether `format` is only an annotation even where a meta-schema declares the
    /// format-assertion vocabulary (`kaleido validate --no-assert-formats`).
    public var formatAnnotationOnly: Bool
    /// The formats known by name, built-in and custom (`partial-date`, `siren`…).
    public var formats: FormatRegistry
    /// Whether the schema document is first validated against its meta-schema (which must then
    /// be in the registry).
    public var validateSchemaAgainstMetaSchema: Bool

    /// Options; by default formats annotate only (as 2020-12 says, unless the schema's
    /// meta-schema declares format-assertion) and only the standard formats are known.
    public init(formatAssertion: Bool = false, formatAnnotationOnly: Bool = false, formats: FormatRegistry = .standard,
                validateSchemaAgainstMetaSchema: Bool = true)
    {
        self.formatAssertion = formatAssertion
        self.formatAnnotationOnly = formatAnnotationOnly
        self.formats = formats
        self.validateSchemaAgainstMetaSchema = validateSchemaAgainstMetaSchema
    }
}

extension ValidationError {
    /// Whether this is the warning of schema-directed typing (a plain scalar read as a string):
    /// the only warning the evaluator reports.
    var isTypingNote: Bool { severity == .warning && keyword == "type" }
}
