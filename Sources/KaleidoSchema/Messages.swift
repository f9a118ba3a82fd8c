/// Wording shared by the validator's messages: values and types as a consultant reads them.
enum Messages {
    /// `a string`, `a number or null`.
    static func typePhrase(_ types: TypeSet) -> String {
        let phrases = types.names.map { name -> String in
            switch name {
            case "integer": return "a whole number"
            case "array": return "a list"
            case "object": return "an object"
            case "null": return "null"
            case "boolean": return "true or false"
            default: return "a \(name)"
            }
        }
        if phrases.count <= 1 { return phrases.first ?? "nothing" }
        return phrases.dropLast().joined(separator: ", ") + " or " + (phrases.last ?? "")
    }

    /// A value with its kind: `a string ("12")`, `the number 3.5`, `an object`.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let bool): return String(bool)
        case .number(let number): return "the number \(number)"
        case .string: return "the string \(render(value))"
        case .array(let array): return "a list of \(array.count) item\(array.count == 1 ? "" : "s")"
        case .object: return "an object"
        }
    }

    /// A value as short JSON text: strings quoted and cut after 60 characters.
    static func render(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let bool): return String(bool)
        case .number(let number): return number.description
        case .string(let string):
            let cut = string.count > 60 ? string.prefix(57) + "…" : Substring(string)
            return "\"" + String(cut).replacingAll("\"", with: "\\\"") + "\""
        case .array(let array): return "[" + array.prefix(5).map(render).joined(separator: ", ") + (array.count > 5 ? ", …]" : "]")
        case .object(let object):
            let members = object.prefix(5).map { "\"\($0.key)\": " + render($0.value) }
            return "{" + members.joined(separator: ", ") + (object.count > 5 ? ", …}" : "}")
        }
    }

    /// `1 item`, `3 items`.
    static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(value) \(value == 1 ? singular : plural)"
    }

    /// `1 is`, `3 are`.
    static func limit(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(value) \(value == 1 ? singular : plural)"
    }

    /// `"a", "b", "c"`, at most ten, for enum messages.
    static func list(_ values: [JSONValue]) -> String {
        values.prefix(10).map(render).joined(separator: ", ") + (values.count > 10 ? ", … (\(values.count) in all)" : "")
    }

    /// A short description of what an alternative accepts, when it says so in one keyword.
    static func acceptedForm(_ node: SchemaNode) -> String? {
        if let types = node.types { return typePhrase(types) }
        if let constant = node.constValue { return render(constant) }
        if let values = node.enumValues { return "one of " + list(values) }
        if let target = node.ref, target !== node { return acceptedForm(target) }
        return nil
    }
}
