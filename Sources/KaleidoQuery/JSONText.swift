internal import KaleidoYAML

/// JSON text written by hand with a stable key order (the record's own), numbers as written.
public enum JSONText {
    /// A JSON string literal (RFC 8259 escaping).
    public static func quote(_ text: String) -> String { JSONQuoting.string(text) }

    /// The value as compact JSON. Numbers print as written, which is valid JSON for YAML 1.2
    /// core numbers except forms like `0o17`/`.5` that the resolver already normalised.
    public static func encode(_ value: QValue) -> String {
        var output = ""
        write(value, into: &output)
        return output
    }

    static func write(_ value: QValue, into output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let text): output += isJSONNumber(text) ? text : quote(text)
        case .string(let text): output += quote(text)
        case .list(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                write(item, into: &output)
            }
            output += "]"
        case .map(let pairs):
            output += "{"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { output += "," }
                output += quote(pair.key) + ":"
                write(pair.value, into: &output)
            }
            output += "}"
        }
    }

    /// Whether text is a JSON number (`-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`).
    static func isJSONNumber(_ text: String) -> Bool {
        var characters = Substring(text)
        if characters.first == "-" { characters = characters.dropFirst() }
        let integer = characters.prefix(while: \.isASCIIDigit)
        guard !integer.isEmpty, integer == "0" || integer.first != "0" else { return false }
        characters = characters.dropFirst(integer.count)
        if characters.first == "." {
            let fraction = characters.dropFirst().prefix(while: \.isASCIIDigit)
            guard !fraction.isEmpty else { return false }
            characters = characters.dropFirst(1 + fraction.count)
        }
        if characters.first == "e" || characters.first == "E" {
            characters = characters.dropFirst()
            if characters.first == "+" || characters.first == "-" { characters = characters.dropFirst() }
            let exponent = characters.prefix(while: \.isASCIIDigit)
            guard !exponent.isEmpty else { return false }
            characters = characters.dropFirst(exponent.count)
        }
        return characters.isEmpty
    }

    /// A JSON object from ordered pairs of already-encoded values.
    public static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { quote($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    /// A JSON array, one item per line.
    public static func array(_ items: [String]) -> String {
        items.isEmpty ? "[]" : "[\n  " + items.joined(separator: ",\n  ") + "\n]"
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
