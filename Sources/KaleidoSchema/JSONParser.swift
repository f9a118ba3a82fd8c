/// A JSON text that is not valid RFC 8259 JSON, with the 1-based line and column (in Unicode
/// scalars) where reading stopped.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based line of the offending character.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int
    /// What is wrong, as a sentence.
    public var message: String

    public var description: String { "\(line):\(column): \(message)" }
}

/// A strict RFC 8259 parser into `JSONValue`: no comments, no trailing commas, no duplicate keys
/// (a duplicate would make the document mean different things to different tools), no lone
/// surrogates, numbers kept exact. Nesting deeper than `maxDepth` is refused instead of
/// exhausting the stack.
public struct JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public var maxDepth = 256

    /// A parser with the default depth limit.
    public init() {}

    /// Parses one JSON text (surrounding whitespace allowed, a UTF-8 BOM is not).
    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var reader = JSONReader(bytes: Array(text.utf8), maxDepth: maxDepth)
        reader.skipWhitespace()
        let value = try reader.parseValue(depth: 0)
        reader.skipWhitespace()
        if reader.position < reader.bytes.count { throw reader.error("unexpected text after the JSON value") }
        return value
    }

    /// Parses one JSON text from UTF-8 bytes; invalid UTF-8 is an error.
    public func parse(bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw JSONParseError(line: 1, column: 1, message: "the file is not valid UTF-8: save it as UTF-8")
        }
        return try parse(text)
    }

    /// Parses a JSON file into a conversion with the span of every value and key (for
    /// `file:line:col` findings) and no plain scalars: a JSON document is typed as JSON, never
    /// by the schema. Every escape of RFC 8259 is read (surrogate pairs included), and every
    /// character stays as written (U+0085, U+FFFF), unlike a YAML reading of the same text. A
    /// leading UTF-8 byte order mark is skipped.
    public func parseWithSpans(bytes: [UInt8]) throws(JSONParseError) -> YAMLConversion {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw JSONParseError(line: 1, column: 1, message: "the file is not valid UTF-8: save it as UTF-8")
        }
        var reader = JSONReader(bytes: bytes, maxDepth: maxDepth, spans: true)
        // A file saved with a UTF-8 byte order mark (RFC 8259 §8.1 lets a parser ignore it):
        // skipped, and not counted in the first line's columns.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            reader.position = 3
            reader.lineStart = 3
            reader.markOffset = 3
        }
        reader.skipWhitespace()
        let value = try reader.parseValue(depth: 0)
        reader.skipWhitespace()
        if reader.position < reader.bytes.count { throw reader.error("unexpected text after the JSON value") }
        return YAMLConversion(json: value, source: reader.sources[0])
    }
}
