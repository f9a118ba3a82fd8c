/// The one writer of the JSON that Kaleido prints and writes: `--format json` of every command,
/// the merge's JSON records. Keys stay in the order given (no dictionary reorders them), numbers
/// as written, strings escaped by `JSONQuoting` (so `/` is never written `\/`).
///
/// Callers build a `JSONWriter.Value` and choose a layout: `compact(_:)` (no spaces),
/// `line(_:)` (one line, a space after `:` and `,`), `pretty(_:)` (two-space indentation) or
/// `lines(_:)` (an array with one item per line).
public enum JSONWriter {
    /// A JSON value to write.
    public indirect enum Value: Sendable {
        case null
        case bool(Bool)
        /// A number as written (`12`, `-0.5`, `1e3`). Text that is not a JSON number (`0x1F`,
        /// `.5`, `inf`) is written as a string, so the output is always JSON.
        case number(String)
        case string(String)
        case array([Value])
        /// Members (key, value) in the order given; see `object(omittingNil:)` for optional members.
        case object([(String, Value)])
        /// Text the caller already encoded as JSON, inserted as it is (for output built in parts).
        case encoded(String)

        /// An integer.
        public static func int<Integer: BinaryInteger>(_ value: Integer) -> Value { .number(String(value)) }

        /// A string, or `null` when absent.
        public static func nullable(_ text: String?) -> Value { text.map(Value.string) ?? .null }

        /// An object whose members with a `nil` value are left out (as `JSONEncoder` omits
        /// absent optionals).
        public static func object(omittingNil members: [(String, Value?)]) -> Value {
            .object(members.compactMap { key, value in value.map { (key, $0) } })
        }
    }

    /// A JSON string literal: `JSONQuoting.string`.
    public static func string(_ text: String) -> String { JSONQuoting.string(text) }

    /// The value on one line without spaces: `{"a":1,"b":[true,null]}`.
    public static func compact(_ value: Value) -> String {
        var output = ""
        write(value, separator: ",", colon: ":", indent: nil, into: &output)
        return output
    }

    /// The value on one line with a space after each `:` and `,`: `{"a": 1, "b": [true, null]}`.
    public static func line(_ value: Value) -> String {
        var output = ""
        write(value, separator: ", ", colon: ": ", indent: nil, into: &output)
        return output
    }

    /// The value over several lines, two spaces per level; `[]` and `{}` when empty.
    public static func pretty(_ value: Value) -> String {
        var output = ""
        write(value, separator: ",", colon: ": ", indent: "", into: &output)
        return output
    }

    /// An array with one item per line, each item on one line (`line(_:)`); `[]` when empty.
    public static func lines(_ items: [Value]) -> String {
        items.isEmpty ? "[]" : "[\n  " + items.map(line).joined(separator: ",\n  ") + "\n]"
    }

    /// `indent` nil: one line; otherwise the current line's indentation.
    private static func write(_ value: Value, separator: String, colon: String, indent: String?, into output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let text): output += isNumber(text) ? text : string(text)
        case .string(let text): output += string(text)
        case .encoded(let text): output += text
        case .array(let items):
            guard !items.isEmpty else { output += "[]"; return }
            let inner = indent.map { $0 + "  " }
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += separator }
                if let inner { output += "\n" + inner }
                write(item, separator: separator, colon: colon, indent: inner, into: &output)
            }
            if let indent { output += "\n" + indent }
            output += "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            let inner = indent.map { $0 + "  " }
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += separator }
                if let inner { output += "\n" + inner }
                output += string(member.0) + colon
                write(member.1, separator: separator, colon: colon, indent: inner, into: &output)
            }
            if let indent { output += "\n" + indent }
            output += "}"
        }
    }

    /// Whether text is a JSON number (RFC 8259: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`).
    public static func isNumber(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        func digits() -> Int {
            let count = bytes.prefix(while: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }).count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let leadingZero = bytes.first == UInt8(ascii: "0")
        let integer = digits()
        guard integer > 0, !leadingZero || integer == 1 else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
