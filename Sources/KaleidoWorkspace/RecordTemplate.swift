package import KaleidoKB
package import KaleidoYAML

/// The text of a new record: `id`, `type`, every field the type's schema requires (a value the
/// user gave, or an empty placeholder whose comment says what goes there), the other given
/// fields, and a comment listing the optional fields.
///
/// Placeholders are empty values (`kind:`), not guesses: the record does not validate until a
/// person fills them in, and `kaleido validate` points at each one. Pure.
package struct RecordTemplate {
    /// One field's value in the skeleton.
    package indirect enum Value {
        case given(YAMLNode)
        /// An empty value with a comment saying what it needs.
        case placeholder(String)
        case mapping([(key: String, value: Value)])
        case list([Value])
    }

    package var id: String
    package var type: RecordType
    /// `../../schemas/partner.yaml` when the record starts with an editor modeline.
    package var modelineSchema: String?
    package var fields: [(key: String, value: Value)] = []
    package var optionalFields: [String] = []

    /// The skeleton of a `type` record from its schema's shape and the given values.
    package init(id: String, type: RecordType, shape: FieldShape?, outline: SchemaOutline, given: GivenValues, modelineSchema: String?) {
        self.id = id
        self.type = type
        self.modelineSchema = modelineSchema
        let reserved: Set<String> = ["id", "type", "_conflicts"]
        let required = (shape?.required ?? []).filter { !reserved.contains($0) }
        for key in required {
            let location = shape?.property(key)
            fields.append((key, Self.value(at: [key], shape: location.map(outline.shape) ?? FieldShape(), outline: outline, given: given)))
        }
        // Optional fields the user gave, in the order given.
        for value in given.values where !required.contains(value.path[0]) && !fields.contains(where: { $0.key == value.path[0] }) {
            let key = value.path[0]
            let location = shape?.property(key)
            fields.append((key, Self.value(at: [key], shape: location.map(outline.shape) ?? FieldShape(), outline: outline, given: given)))
        }
        let present = Set(fields.map(\.key)).union(reserved)
        optionalFields = (shape?.properties ?? []).filter { !present.contains($0.name) && !outline.shape($0.schema).isForbidden }.map(\.name)
    }

    /// The value at `path`: given, or a mapping of its required (and given) fields, or a list
    /// of as many skeleton items as the schema's `minItems`, or a placeholder.
    package static func value(at path: [String], shape: FieldShape, outline: SchemaOutline, given: GivenValues) -> Value {
        if let node = given.at(path) { return .given(node) }
        // A schema default is a sound start (a person's legal basis: legitimate interest).
        if let value = shape.defaultValue { return .given(YAMLNode(.scalar(value, .plain))) }
        let inner = given.under(path)
        if shape.isObject && (!shape.required.isEmpty || !inner.isEmpty) {
            var keys = shape.required
            for value in inner where !keys.contains(value.path[path.count]) { keys.append(value.path[path.count]) }
            return .mapping(keys.map { key in
                (key, value(at: path + [key], shape: shape.property(key).map(outline.shape) ?? FieldShape(), outline: outline, given: given))
            })
        }
        if shape.isArray, shape.minItems > 0, let items = shape.items {
            let itemShape = outline.shape(items)
            if itemShape.isObject && !itemShape.required.isEmpty {
                let item = Value.mapping(itemShape.required.map { key in
                    (key, .placeholder(hint(itemShape.property(key).map(outline.shape) ?? FieldShape(), outline: outline)))
                })
                return .list(Array(repeating: item, count: min(shape.minItems, 5)))
            }
        }
        return .placeholder(hint(shape, outline: outline))
    }

    /// What goes in a field, in a few words: its allowed keys, the type of record it names, or
    /// its title.
    package static func hint(_ shape: FieldShape, outline: SchemaOutline) -> String {
        if !shape.enumValues.isEmpty { return "one of " + list(shape.enumValues) }
        if let ref = shape.refType { return "the id of a \(ref)" }
        if shape.isArray {
            let atLeast = shape.minItems > 0 ? " (at least \(shape.minItems))" : ""
            guard let items = shape.items.map(outline.shape) else { return "a list" + atLeast + ", e.g. [a, b]" }
            if !items.enumValues.isEmpty { return "a list\(atLeast) of " + list(items.enumValues) + ", e.g. [\(items.enumValues[0])]" }
            if let ref = items.refType { return "a list\(atLeast) of \(ref) ids, e.g. [id1, id2]" }
            return "a list\(atLeast)" + (items.title.map { " of \($0)" } ?? ", e.g. [a, b]")
        }
        if let title = shape.title { return title }
        if let description = shape.description {
            return String(description.prefix { $0 != "." && $0 != ";" && $0 != "\n" })
        }
        switch shape.types.first {
        case "string": return "text"
        case "integer": return "a whole number"
        case "number": return "a number"
        case "boolean": return "true or false"
        case "object": return "a mapping of fields"
        default: return "a value"
        }
    }

    /// `a, b, c, … (25 keys)`: long enumerations are cut so the comment stays one readable line.
    package static func list(_ values: [String]) -> String {
        var text = ""
        for (index, value) in values.enumerated() {
            let next = (index == 0 ? "" : ", ") + value
            if text.count + next.count > 70 && index > 0 {
                return text + ", … (\(values.count) keys)"
            }
            text += next
        }
        return text
    }

    /// The JSON pointers of the placeholders (`/kind`, `/parties/0/role`): the fields left to
    /// fill in.
    package var placeholderPointers: [String] {
        var pointers: [String] = []
        func walk(_ value: Value, _ pointer: String) {
            switch value {
            case .given: break
            case .placeholder: pointers.append(pointer)
            case .mapping(let pairs): for pair in pairs { walk(pair.value, pointer + "/" + pair.key) }
            case .list(let items): for (index, item) in items.enumerated() { walk(item, pointer + "/\(index)") }
            }
        }
        for field in fields { walk(field.value, "/" + field.key) }
        return pointers
    }

    /// The record's text.
    package var text: String {
        var lines: [String] = []
        if let modelineSchema { lines.append("# yaml-language-server: $schema=\(modelineSchema)") }
        let emitter = YAMLEmitter()
        lines.append("id: " + emitter.scalarText(.string(id)))
        lines.append("type: " + type.rawValue)
        for field in fields { Self.render(key: field.key, value: field.value, column: 0, into: &lines) }
        lines += Self.wrappedComment("optional: ", optionalFields)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func render(key: String, value: Value, column: Int, into lines: inout [String], itemDash: Bool = false) {
        let indent = String(repeating: " ", count: column)
        // The first key of a list item goes after its `- ` (compact form).
        let lead = itemDash ? String(repeating: " ", count: max(0, column - 2)) + "- " : indent
        let keyText = YAMLEmitter().scalarText(.string(key))
        switch value {
        case .given(let node):
            let emitted = YAMLEmitter().emitValue(node, indentation: column, after: .mappingValue)
            lines.append(lead + keyText + ":" + emitted.text.dropLast())
        case .placeholder(let hint):
            lines.append(lead + keyText + ":   # required: " + hint)
        case .mapping(let pairs):
            lines.append(lead + keyText + ":")
            for pair in pairs { render(key: pair.key, value: pair.value, column: column + 2, into: &lines) }
        case .list(let items):
            lines.append(lead + keyText + ":")
            for item in items {
                guard case .mapping(let pairs) = item else { continue }
                for (index, pair) in pairs.enumerated() {
                    render(key: pair.key, value: pair.value, column: column + 4, into: &lines, itemDash: index == 0)
                }
            }
        }
    }

    /// `# optional: a, b, c` wrapped at about 100 columns.
    package static func wrappedComment(_ label: String, _ names: [String]) -> [String] {
        guard !names.isEmpty else { return [] }
        var lines: [String] = []
        var line = "# " + label
        for (index, name) in names.enumerated() {
            let piece = name + (index == names.count - 1 ? "" : ",")
            if line.count + piece.count > 100 && line.count > 2 + label.count {
                lines.append(String(line.dropLast()))
                line = "#   "
            }
            line += piece + " "
        }
        lines.append(String(line.dropLast()))
        return lines
    }
}
