package import KaleidoKB
package import KaleidoYAML

/// What a schema says about one value, gathered through `$ref` and `allOf`: enough to write a
/// new record's skeleton and to type the values a user gives on the command line.
package struct FieldShape {
    package init() {}

    /// JSON Schema type names (`string`, `array`…); empty when the schema does not say.
    package var types: [String] = []
    package var enumValues: [String] = []
    package var constValue: String?
    /// `default`, when a scalar: what a new record starts with (a person's legal basis).
    package var defaultValue: String?
    package var title: String?
    package var description: String?
    /// `format` (`date`, `partial-date`…).
    package var format: String?
    /// `x-ref`: the value is the id of a record of this type.
    package var refType: String?
    package var required: [String] = []
    /// Declared properties in schema order (the type's own first, then the shared ones).
    package var properties: [(name: String, schema: SchemaLocation)] = []
    package var items: SchemaLocation?
    package var minItems = 0
    /// The schema is `false`: the field is forbidden (person's personal-data keys).
    package var isForbidden = false

    package func property(_ name: String) -> SchemaLocation? {
        properties.first { $0.name == name }?.schema
    }

    package var isArray: Bool { types.contains("array") || (types.isEmpty && items != nil) }
    package var isObject: Bool { types.contains("object") || (types.isEmpty && !properties.isEmpty) }

    /// Whether a value the user typed should stay a string even when YAML would read it as a
    /// number or a boolean (`01004`, `NO`): the schema wants a string, or only string constants.
    package var wantsString: Bool {
        if types.contains("string") { return true }
        if types.isEmpty, !enumValues.isEmpty || constValue != nil { return true }
        return false
    }
}

/// A schema node and the document it was read from (relative `$ref`s resolve against it).
package struct SchemaLocation {
    package var node: YAMLNode
    package var file: String
}

/// Reads the shapes of a KB's schema documents (pure: the documents are given, already parsed).
package struct SchemaOutline {
    package let collector: SchemaHintCollector
    package let documents: [String: YAMLNode]

    package init(documents: [String: YAMLNode]) {
        self.documents = documents
        collector = SchemaHintCollector(documents: documents)
    }

    /// The shape of a record type's schema; nil when the KB has no schema for it.
    package func recordShape(_ type: RecordType) -> FieldShape? {
        guard let root = documents[type.schemaFile] else { return nil }
        return shape(SchemaLocation(node: root, file: type.schemaFile))
    }

    /// The shape of `location`: its own keywords first (a property's own title wins over the
    /// shared definition's), then what its `$ref` and `allOf` branches add. Conditionals and
    /// alternatives (`if`, `anyOf`, `oneOf`) are left out: what they require depends on values.
    package func shape(_ location: SchemaLocation) -> FieldShape {
        var shape = FieldShape()
        merge(location, into: &shape, depth: 0)
        return shape
    }

    private func merge(_ location: SchemaLocation, into shape: inout FieldShape, depth: Int) {
        guard depth < 32 else { return }
        if case .bool(false)? = location.node.resolvedScalar { shape.isForbidden = true }
        guard let pairs = location.node.pairs else { return }
        var followed: [SchemaLocation] = []
        for pair in pairs {
            guard let key = pair.key.scalarText else { continue }
            let value = pair.value
            switch key {
            case "type":
                for name in value.items?.compactMap(\.scalarText) ?? value.scalarText.map({ [$0] }) ?? [] where !shape.types.contains(name) {
                    shape.types.append(name)
                }
            case "enum":
                if shape.enumValues.isEmpty { shape.enumValues = value.items?.compactMap(\.scalarText) ?? [] }
            case "const": shape.constValue = shape.constValue ?? value.scalarText
            case "default": shape.defaultValue = shape.defaultValue ?? value.scalarText
            case "title": shape.title = shape.title ?? value.scalarText
            case "format": shape.format = shape.format ?? value.scalarText
            case "description": shape.description = shape.description ?? value.scalarText
            case "x-ref": shape.refType = shape.refType ?? value.scalarText
            case "minItems": shape.minItems = max(shape.minItems, value.scalarText.flatMap { Int($0) } ?? 0)
            case "items": shape.items = shape.items ?? SchemaLocation(node: value, file: location.file)
            case "required":
                for name in value.items?.compactMap(\.scalarText) ?? [] where !shape.required.contains(name) {
                    shape.required.append(name)
                }
            case "properties":
                for property in value.pairs ?? [] {
                    guard let name = property.key.scalarText, shape.property(name) == nil else { continue }
                    shape.properties.append((name, SchemaLocation(node: property.value, file: location.file)))
                }
            case "$ref":
                if let reference = value.scalarText, let target = collector.resolve(reference: reference, from: location.file) {
                    followed.append(SchemaLocation(node: target.node, file: target.file))
                }
            case "allOf":
                followed += (value.items ?? []).map { SchemaLocation(node: $0, file: location.file) }
            default: break
            }
        }
        for next in followed { merge(next, into: &shape, depth: depth + 1) }
    }
}
