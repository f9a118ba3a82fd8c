public import KaleidoKB

/// A reference from one record to another as written: the target's id, the field path it sits
/// in (`parties[].partner`), its relation name (`party`) and, when the reference sits in an
/// item that carries its own dates (an affiliation's `from`/`until`), that item's dates.
public struct RawReference: Hashable, Sendable {
    public var target: String
    public var field: String
    public var relation: String
    public var interval: DateSpan?

    public init(target: String, field: String, relation: String, interval: DateSpan?) {
        self.target = target
        self.field = field
        self.relation = relation
        self.interval = interval
    }
}

/// What the index keeps of one record: identity, display title, dates as written, outgoing
/// references, names for partner lookup, folded text for search, and the typed value.
public struct IndexEntry: Sendable {
    public var id: String
    public var type: RecordType
    /// The file relative to the KB root.
    public var file: String
    public var title: String
    public var interval: DateSpan
    public var references: [RawReference]
    /// Folded names and aliases (a partner's `name` and `names[].value`, a person's
    /// `full_name` and `aliases`, another record's `title`).
    public var names: [String]
    /// Folded id, names, title, summary, object and notes, for `find`.
    public var searchText: String
    /// The whole record in `QValue.encode` form.
    public var encodedValue: [UInt8]

    public init(id: String, type: RecordType, file: String, title: String, interval: DateSpan,
                references: [RawReference], names: [String], searchText: String, encodedValue: [UInt8]) {
        self.id = id
        self.type = type
        self.file = file
        self.title = title
        self.interval = interval
        self.references = references
        self.names = names
        self.searchText = searchText
        self.encodedValue = encodedValue
    }

    /// The entry of a parsed record, or nil when it has no id or no known type (the validator
    /// reports those; the index skips them).
    ///
    /// `hints` are the schemas' `x-ref` fields per type: they say which values are references.
    public init?(record: Record, knowledgeFolder: String, hints: [RecordType: [FieldHint]]) {
        self.init(record: record, knowledgeFolder: knowledgeFolder, fields: ReferenceFields(hints: hints))
    }

    /// The same, with the reference fields prepared once for many records.
    public init?(record: Record, knowledgeFolder: String, fields: ReferenceFields) {
        guard let id = record.id, let type = record.type ?? record.folderType(knowledgeFolder: knowledgeFolder) else {
            return nil
        }
        self.init(id: id, type: type, file: record.file, value: QValue(record.root), fields: fields)
    }

    /// The entry of a typed record value.
    public init(id: String, type: RecordType, file: String, value: QValue, hints: [FieldHint]) {
        self.init(id: id, type: type, file: file, value: value, fields: ReferenceFields(hints: [type: hints]))
    }

    /// The entry of a typed record value, its reference fields prepared once for many records.
    public init(id: String, type: RecordType, file: String, value: QValue, fields: ReferenceFields) {
        self.id = id
        self.type = type
        self.file = file
        title = RecordSemantics.title(of: value, type: type, id: id)
        interval = RecordSemantics.interval(of: value, type: type)
        var references: [RawReference] = []
        for field in fields.byType[type] ?? [] {
            for (target, item) in RecordSemantics.strings(at: field.path, in: value, item: nil) {
                references.append(RawReference(target: target, field: field.name, relation: field.relation,
                                               interval: item.flatMap(RecordSemantics.itemInterval)))
            }
        }
        self.references = references
        var names: [String] = []
        for key in ["name", "full_name"] { if let text = value[key]?.text { names.append(TextFold.fold(text)) } }
        for alias in value["names"]?.items ?? [] { if let text = alias["value"]?.text { names.append(TextFold.fold(text)) } }
        for alias in value["aliases"]?.items ?? [] { if let text = alias.text { names.append(TextFold.fold(text)) } }
        // Other records are named by their title ("Un passeport pour le monde").
        if names.isEmpty, value["title"]?.text != nil { names.append(TextFold.fold(title)) }
        self.names = names
        var search = [id, title]
        for key in ["name", "full_name", "summary", "object", "notes", "programme"] {
            if let text = value[key]?.text { search.append(text) }
        }
        for alias in value["names"]?.items ?? [] { if let text = alias["value"]?.text { search.append(text) } }
        for alias in value["aliases"]?.items ?? [] { if let text = alias.text { search.append(text) } }
        searchText = TextFold.fold(search.joined(separator: " \n "))
        var bytes: [UInt8] = []
        value.encode(into: &bytes)
        encodedValue = bytes
    }

    /// The typed record (decoded from its compact form).
    public var value: QValue {
        encodedValue.withUnsafeBytes { QValue.decode($0) } ?? .null
    }
}

/// The reference fields of each record type (the schemas' `x-ref` hints), with their display
/// path and relation name worked out once rather than for every record indexed.
public struct ReferenceFields: Sendable {
    struct Field: Sendable {
        var path: [FieldStep]
        var name: String
        var relation: String
    }

    let byType: [RecordType: [Field]]

    public init(hints: [RecordType: [FieldHint]]) {
        byType = hints.mapValues { list in
            list.filter { $0.ref != nil }.map { Field(path: $0.path, name: $0.pathDescription, relation: RecordSemantics.relation(for: $0.path)) }
        }
    }

    /// Appends the fields' bytes (the cache keeps them, so that re-reading a few edited files
    /// does not load and compile every schema again).
    public func encode(into bytes: inout [UInt8]) {
        let types = byType.keys.sorted { $0.rawValue < $1.rawValue }
        BinaryCoding.appendVarint(UInt64(types.count), to: &bytes)
        for type in types {
            BinaryCoding.appendString(type.rawValue, to: &bytes)
            let fields = byType[type] ?? []
            BinaryCoding.appendVarint(UInt64(fields.count), to: &bytes)
            for field in fields {
                BinaryCoding.appendString(field.name, to: &bytes)
                BinaryCoding.appendString(field.relation, to: &bytes)
                BinaryCoding.appendVarint(UInt64(field.path.count), to: &bytes)
                for step in field.path {
                    switch step {
                    case .key(let key):
                        bytes.append(0)
                        BinaryCoding.appendString(key, to: &bytes)
                    case .anyItem: bytes.append(1)
                    case .anyKey: bytes.append(2)
                    }
                }
            }
        }
    }

    /// Reads what `encode(into:)` wrote; nil when the bytes are not such fields.
    public init?(decoding reader: inout BinaryReader) {
        guard let typeCount = reader.count() else { return nil }
        var byType: [RecordType: [Field]] = [:]
        for _ in 0..<typeCount {
            guard let name = reader.string(), let type = RecordType(rawValue: name), let fieldCount = reader.count() else { return nil }
            var fields: [Field] = []
            for _ in 0..<fieldCount {
                guard let fieldName = reader.string(), let relation = reader.string(), let stepCount = reader.count() else { return nil }
                var path: [FieldStep] = []
                for _ in 0..<stepCount {
                    switch reader.byte() {
                    case 0:
                        guard let key = reader.string() else { return nil }
                        path.append(.key(key))
                    case 1: path.append(.anyItem)
                    case 2: path.append(.anyKey)
                    default: return nil
                    }
                }
                fields.append(Field(path: path, name: fieldName, relation: relation))
            }
            byType[type] = fields
        }
        self.byType = byType
    }
}
