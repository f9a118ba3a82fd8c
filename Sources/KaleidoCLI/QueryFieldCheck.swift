import KaleidoKB
import KaleidoQuery
import KaleidoWorkspace
import KaleidoYAML

/// Checks the fields and enumeration values a query names against the KB's schemas before it
/// runs, so that `--where contry=TN` is an error with a suggestion instead of an empty table:
/// `unknown field "contry" for partner (did you mean "country"?)`.
///
/// Paths are walked through the schemas as the query walks records: lists are stepped into,
/// and a field holding a record id (`x-ref`) leads into that type's schema
/// (`parties.partner.country`). Below a value the schemas leave open (an object without declared
/// properties), or for a type without a schema, nothing is checked. Enumeration values are
/// checked exactly (they are the data; conditions compare them folded) and suggested folded,
/// also from their vocabulary labels (`"En vigueur"` suggests `en_vigueur`).
struct QueryFieldCheck {
    let outline: SchemaOutline
    let vocabulary: Vocabulary

    /// The check for the KB's schemas folder; files that do not parse are skipped (`validate`
    /// reports them).
    static func load(_ kb: KnowledgeBase, vocabulary: Vocabulary) -> QueryFieldCheck {
        var documents: [String: YAMLNode] = [:]
        let folder = kb.config.schemasFolder
        if kb.fileSystem.isDirectory(kb.path(folder)), let names = try? kb.fileSystem.listFiles(under: kb.path(folder)) {
            for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json") {
                if let bytes = try? kb.fileSystem.readFile(kb.path(folder + "/" + name)), let document = try? YAMLParser().parseDocument(bytes) {
                    documents[name] = document.root
                }
            }
        }
        return QueryFieldCheck(outline: SchemaOutline(documents: documents), vocabulary: vocabulary)
    }

    /// Where a path ends: the shape of its values (nil when the schemas do not describe them) and
    /// its name in messages (`convention.status`, `project.funding.status`).
    struct Target {
        var shape: FieldShape?
        var name: String
    }

    /// Checks that every key of `path` is a field where it is used.
    @discardableResult
    func check(_ path: FieldPath, in type: RecordType) throws(QueryError) -> Target {
        guard var shape = outline.recordShape(type) else { return Target(shape: nil, name: type.rawValue) }
        var container = type.rawValue
        for (position, key) in path.keys.enumerated() {
            shape = elements(shape)
            if position > 0, let reference = shape.refType, let target = RecordType(rawValue: reference).flatMap(outline.recordShape) {
                shape = target
                container = reference
            }
            guard !shape.properties.isEmpty else {
                // Free-form below this point (no declared properties): nothing to check.
                if shape.isObject || shape.types.isEmpty { return Target(shape: nil, name: container) }
                throw QueryError(Messages.unknownField(key, in: container, suggestion: nil, fields: []))
            }
            guard let location = shape.property(key) else {
                let candidates = shape.properties.map { ($0.name, [outline.shape($0.schema).title].compactMap { $0 }) }
                throw QueryError(Messages.unknownField(key, in: container, suggestion: Suggestion.closest(to: key, among: candidates),
                                                       fields: shape.properties.map(\.name)))
            }
            shape = outline.shape(location)
            container += "." + key
        }
        return Target(shape: elements(shape), name: container)
    }

    /// Checks a condition's path and, for `=`, `!=`, `in` and `not in` on an enumeration, its
    /// values; for `=` and `in` on a reference (`funding.funder=fr-etat-fejj`), that each value
    /// is the id of a record of the referenced type in `index`.
    func check(_ condition: Condition, in type: RecordType, index: KBIndex? = nil) throws(QueryError) {
        let target = try check(condition.path, in: type)
        guard condition.path.function == nil, [.equal, .notEqual, .isIn, .notIn].contains(condition.op), let shape = target.shape else { return }
        if let index, condition.op == .equal || condition.op == .isIn, let reference = shape.refType.flatMap(RecordType.init(rawValue:)) {
            // Folded as the condition compares them (`FR-ETAT-FEJ` finds fr-etat-fej).
            let ids = index.records(of: reference).map { index.id($0) }
            let folded = Set(ids.map(TextFold.fold))
            for value in condition.values where !value.isEmpty && !folded.contains(TextFold.fold(value)) {
                throw QueryError(Messages.unknownReference(type: reference.rawValue, id: value, field: target.name,
                                                           suggestion: Suggestion.closest(to: value, among: ids)))
            }
            return
        }
        let allowed = shape.enumValues + (shape.constValue.map { [$0] } ?? [])
        guard !allowed.isEmpty else { return }
        let field = condition.path.keys.last ?? ""
        // `status=` asks for records without the field: the empty value is always allowed.
        for value in condition.values where !value.isEmpty && !allowed.contains(value) {
            let candidates = allowed.map { key in
                (key, Vocabulary.Language.allCases.map { vocabulary.label(key, field: field, type: type, language: $0) })
            }
            throw QueryError(Messages.unknownValue(value, for: target.name, suggestion: Suggestion.closest(to: value, among: candidates),
                                                   allowed: allowed))
        }
    }

    /// The shape of a list's items (of items of items…), or the shape itself for a non-list.
    private func elements(_ shape: FieldShape) -> FieldShape {
        var shape = shape
        var depth = 0
        while shape.isArray, let items = shape.items, depth < 8 {
            shape = outline.shape(items)
            depth += 1
        }
        return shape
    }
}
