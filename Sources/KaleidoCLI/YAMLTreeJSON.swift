import KaleidoYAML

/// Writes a YAML document tree as JSON with a stable key order, for `kaleido yaml`, through
/// `JSONWriter`: nodes over several lines, a resolved value and a span each on one line.
enum YAMLTreeJSON {
    /// The JSON of `node`, pretty-printed with two-space indentation.
    static func json(_ node: YAMLNode) -> String {
        JSONWriter.pretty(value(node))
    }

    private static func value(_ node: YAMLNode) -> JSONWriter.Value {
        var members: [(String, JSONWriter.Value)]
        switch node.content {
        case .scalar(let text, let style):
            members = [("kind", .string("scalar")), ("value", .string(text)),
                       ("resolved", .encoded(JSONWriter.line(resolved(ScalarResolver.resolve(text, style: style, tag: node.tag))))),
                       ("style", .string(style.rawValue))]
        case .alias(let name):
            members = [("kind", .string("alias")), ("value", .string(name))]
        case .sequence(let items, let style):
            members = [("kind", .string("sequence")), ("value", .array(items.map(value))), ("style", .string(style.rawValue))]
        case .mapping(let pairs, let style):
            let entries: [JSONWriter.Value] = pairs.map { .object([("key", value($0.key)), ("value", value($0.value))]) }
            members = [("kind", .string("mapping")), ("value", .array(entries)), ("style", .string(style.rawValue))]
        }
        members += [("tag", .nullable(node.tag)), ("anchor", .nullable(node.anchor)),
                    ("span", .encoded(JSONWriter.line(.object([("start", mark(node.span.start)), ("end", mark(node.span.end))]))))]
        return .object(members)
    }

    private static func mark(_ mark: SourceMark) -> JSONWriter.Value {
        .object([("offset", .int(mark.offset)), ("line", .int(mark.line)), ("column", .int(mark.column))])
    }

    private static func resolved(_ value: ResolvedScalar) -> JSONWriter.Value {
        switch value {
        case .null: .object([("type", .string("null"))])
        case .bool(let flag): .object([("type", .string("bool")), ("value", .bool(flag))])
        case .integer(let digits): .object([("type", .string("integer")), ("value", .string(digits))])
        case .float(let digits): .object([("type", .string("float")), ("value", .string(digits))])
        case .infinity(let negative): .object([("type", .string("float")), ("value", .string(negative ? "-inf" : "inf"))])
        case .nan: .object([("type", .string("float")), ("value", .string("nan"))])
        case .string(let text): .object([("type", .string("string")), ("value", .string(text))])
        }
    }
}
