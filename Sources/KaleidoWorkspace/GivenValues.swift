package import KaleidoYAML

/// The values a user gives to `kaleido new` (`--set key=value`, `--name`, `--title`), typed by
/// the record's schema: a string field keeps `01004` or `NO` a string (it is written quoted),
/// a number field gets a number, a list field splits `a,b` into items.
///
/// Pure: it reads the schema's shapes, never the disk.
package struct GivenValues {
    /// One value at a path of mapping keys (`location.country`).
    package struct Value {
        package var path: [String]
        package var node: YAMLNode
    }

    package private(set) var values: [Value] = []

    package init() {}

    /// Values whose path starts with `prefix` (the values of one mapping and its children).
    package func under(_ prefix: [String]) -> [Value] {
        values.filter { $0.path.count > prefix.count && Array($0.path.prefix(prefix.count)) == prefix }
    }

    /// The value given exactly at `path`, if any.
    package func at(_ path: [String]) -> YAMLNode? {
        values.first { $0.path == path }?.node
    }

    /// Adds a value at `path`. Throws `WorkspaceError.invalid` for a field the type does not
    /// have, a path given twice or overlapping another, or a value for `id` or `type` (they are
    /// the command's arguments).
    package mutating func add(path: [String], text: String, record: FieldShape, outline: SchemaOutline, typeName: String) throws {
        let shown = path.joined(separator: ".")
        guard !path.contains(where: \.isEmpty) else { throw WorkspaceError.invalid("--set \(shown)=…: a field name is empty") }
        if path == ["id"] || path == ["type"] {
            throw WorkspaceError.invalid("--set \(shown): the \(shown) is given as the command's argument (kaleido new TYPE ID)")
        }
        guard !values.contains(where: { $0.path == path }) else { throw WorkspaceError.invalid("\(shown) is given twice") }
        if let clash = values.first(where: { $0.path.starts(with: path) || path.starts(with: $0.path) }) {
            throw WorkspaceError.invalid("\(shown) and \(clash.path.joined(separator: ".")) overlap; give the fields inside \(shown) one by one")
        }
        var shape = record
        for (depth, key) in path.enumerated() {
            guard shape.isObject || !shape.properties.isEmpty else {
                let parent = path.prefix(depth).joined(separator: ".")
                throw WorkspaceError.invalid("\(parent) is not a mapping of fields: give it whole with --set \(parent)=VALUE")
            }
            guard let location = shape.property(key) else {
                let known = shape.properties.filter { !(depth == 0 && ["id", "type", "_conflicts"].contains($0.name)) && !outline.shape($0.schema).isForbidden }.map(\.name)
                let place = depth == 0 ? "\(typeName) records" : path.prefix(depth).joined(separator: ".")
                throw WorkspaceError.invalid("\(place) have no field \"\(key)\"; the fields are: \(known.joined(separator: ", "))")
            }
            shape = outline.shape(location)
            if shape.isForbidden {
                throw WorkspaceError.invalid("\(shown) must never be recorded (personal data the data model forbids)")
            }
        }
        values.append(Value(path: path, node: try Self.node(text, shape: shape, outline: outline, field: shown)))
    }

    /// The YAML node for `text` in a field of `shape`.
    package static func node(_ text: String, shape: FieldShape, outline: SchemaOutline, field: String) throws -> YAMLNode {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // Flow YAML for a whole list or mapping: `[a, b]`, `{city: Lyon, country: FR}`.
        if trimmed.hasPrefix("[") || trimmed.hasPrefix("{") {
            do {
                return try YAMLParser().parseDocument(Array(trimmed.utf8)).root
            } catch {
                throw WorkspaceError.invalid("--set \(field)=\(text): not a YAML flow value (\(error.message)); quote the text for the shell, e.g. --set '\(field)=[a, b]'")
            }
        }
        if shape.isArray && !shape.types.contains("string") {
            let itemShape = shape.items.map(outline.shape) ?? FieldShape()
            let items = trimmed.isEmpty ? [] : trimmed.split(separator: ",").map { scalar($0.trimmingCharacters(in: .whitespaces), shape: itemShape) }
            return YAMLNode(.sequence(items, .flow))
        }
        return scalar(text, shape: shape)
    }

    /// A scalar: a string when the schema wants one (written quoted when YAML would read
    /// the text otherwise), else what YAML reads (`42`, `true`), else a string.
    package static func scalar(_ text: String, shape: FieldShape) -> YAMLNode {
        let reading = ScalarResolver.resolvePlain(text)
        let value: ResolvedScalar
        switch reading {
        case .integer, .float:
            value = shape.types.contains("number") || shape.types.contains("integer") || !shape.wantsString && shape.types.isEmpty ? reading : .string(text)
        case .bool:
            value = shape.types.contains("boolean") || !shape.wantsString && shape.types.isEmpty ? reading : .string(text)
        default:
            value = .string(text)
        }
        let written = YAMLEmitter().scalarText(value)
        let style: ScalarStyle = written.hasPrefix("'") ? .singleQuoted : written.hasPrefix("\"") ? .doubleQuoted : .plain
        if case .string(let string) = value { return YAMLNode(.scalar(string, style)) }
        return YAMLNode(.scalar(written, .plain))
    }
}
