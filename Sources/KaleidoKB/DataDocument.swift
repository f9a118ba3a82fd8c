public import KaleidoSchema
public import KaleidoYAML

/// A loose data file (`kaleido validate --schema`) read as JSON or as YAML, converted for
/// validation.
///
/// The rule: a `.json` file is JSON (its syntax errors are JSON errors); any other file whose
/// text starts with `{` or `[` and is one complete JSON value is JSON too; everything else is
/// YAML. A JSON document goes through `JSONParser` (every escape read, every character kept as
/// written) and has no plain scalars, so no schema-directed typing; a YAML document keeps its
/// parsed tree for the plain-scalar checks.
public struct DataDocument: Sendable {
    /// The value, with the span of every value and key.
    public var conversion: YAMLConversion
    /// The YAML tree, nil for a JSON document.
    public var yamlRoot: YAMLNode?

    /// Parses `bytes`, the content of the file at `path`.
    public init(path: String, bytes: [UInt8]) throws(DataDocumentError) {
        if path.hasSuffix(".json") || Self.looksLikeJSON(bytes) {
            do {
                conversion = try JSONParser().parseWithSpans(bytes: bytes)
                yamlRoot = nil
                return
            } catch {
                if path.hasSuffix(".json") {
                    let mark = Self.mark(line: error.line, column: error.column, in: bytes)
                    throw DataDocumentError(span: SourceSpan(start: mark, end: mark), rule: "json", message: error.message)
                }
                // Flow YAML such as `{zip: 01004}`: read below as YAML.
            }
        }
        do {
            let root = try YAMLParser().parseDocument(bytes).root
            conversion = try YAMLConversion(root)
            yamlRoot = root
        } catch let error as YAMLError {
            throw DataDocumentError(span: SourceSpan(start: error.mark, end: error.mark), rule: "yaml", message: error.message)
        } catch let error as YAMLConversionError {
            throw DataDocumentError(span: error.span, rule: "yaml-json", message: error.message)
        } catch {
            throw DataDocumentError(span: SourceSpan(start: Self.mark(line: 1, column: 1, in: bytes), end: Self.mark(line: 1, column: 1, in: bytes)),
                                    rule: "yaml", message: "\(error)")
        }
    }

    /// Whether the first character that is not white space opens a JSON object or array.
    static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        for byte in bytes {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return false
    }

    /// The mark of a 1-based line and column (in Unicode scalars), with its byte offset.
    static func mark(line: Int, column: Int, in bytes: [UInt8]) -> SourceMark {
        var offset = 0
        var currentLine = 1
        while currentLine < line, offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "\n") { currentLine += 1 }
            offset += 1
        }
        var scalars = 1
        while scalars < column, offset < bytes.count {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            scalars += 1
        }
        return SourceMark(offset: offset, line: line, column: column)
    }
}

/// A data file that cannot be read as JSON or YAML, or has no JSON equivalent.
public struct DataDocumentError: Error, Sendable {
    public var span: SourceSpan
    /// `json`, `yaml` or `yaml-json` (a YAML document with no JSON equivalent).
    public var rule: String
    public var message: String
}
