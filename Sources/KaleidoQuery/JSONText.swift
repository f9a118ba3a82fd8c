internal import KaleidoYAML

/// The query commands' JSON, through KaleidoYAML's `JSONWriter` (the one JSON writer): a record's
/// value with its own key order, numbers as written.
public enum JSONText {
    /// A JSON string literal (RFC 8259 escaping).
    public static func quote(_ text: String) -> String { JSONWriter.string(text) }

    /// The value as compact JSON. Numbers print as written, which is valid JSON for YAML 1.2
    /// core numbers except forms like `0o17`/`.5` that the resolver already normalised; any
    /// other text is written as a string.
    public static func encode(_ value: QValue) -> String {
        JSONWriter.compact(jsonValue(value))
    }

    static func jsonValue(_ value: QValue) -> JSONWriter.Value {
        switch value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let text): .number(text)
        case .string(let text): .string(text)
        case .list(let items): .array(items.map(jsonValue))
        case .map(let pairs): .object(pairs.map { ($0.key, jsonValue($0.value)) })
        }
    }

    /// Whether text is a JSON number (`-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`).
    static func isJSONNumber(_ text: String) -> Bool { JSONWriter.isNumber(text) }

    /// A JSON object from ordered pairs of already-encoded values, on one line.
    public static func object(_ pairs: [(String, String)]) -> String {
        JSONWriter.line(.object(pairs.map { ($0.0, .encoded($0.1)) }))
    }

    /// A JSON array of already-encoded values, one item per line.
    public static func array(_ items: [String]) -> String {
        JSONWriter.lines(items.map { .encoded($0) })
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
