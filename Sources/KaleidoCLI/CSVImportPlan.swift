import Foundation
import KaleidoKB
import KaleidoQuery
import KaleidoWorkspace
import KaleidoYAML

/// What `kaleido import` would create from a CSV table: its columns mapped to fields, and per
/// row the record's values converted by the schema, or the errors at the cells that caused
/// them. Reads nothing from the disk itself: the workspace's schemas, the index and the
/// vocabulary are given.
struct CSVImportPlan {
    /// A problem at a cell (or a row's first cell when no column is to blame).
    struct Problem {
        var line: Int
        var column: Int
        var message: String
    }

    /// One data row: its record, or why it cannot be created.
    struct Row {
        var line: Int
        var id: String?
        var given = GivenValues()
        var problems: [Problem] = []
        /// Fields whose cell could not be read: the record check says nothing more of them.
        var unread: [[String]] = []
        var isValid: Bool { problems.isEmpty }
    }

    let type: RecordType
    let record: FieldShape
    let outline: SchemaOutline
    let index: KBIndex
    let vocabulary: Vocabulary
    /// Per column: the field path (nil: the `id` column; ignored `type`: empty path).
    private(set) var paths: [[String]?] = []

    /// Maps the header's columns to fields: `--map COLUMN=FIELD` first, then a field's path
    /// (`address.city`), then a top-level field's name or schema title (`Nom`, accents and
    /// case folded). `id` is the id column; a `type` column must say the type given.
    /// - Throws: `CLIError.usage` for an unknown column, listing the fields and a suggestion.
    init(header: [CSVReader.Cell], maps: [String: String], type: RecordType, record: FieldShape, outline: SchemaOutline,
         index: KBIndex, vocabulary: Vocabulary, file: String) throws {
        (self.type, self.record, self.outline, self.index, self.vocabulary) = (type, record, outline, index, vocabulary)
        let fields = record.properties.filter { !["type", "_conflicts"].contains($0.name) && !outline.shape($0.schema).isForbidden }
        var unknown: [String] = []
        for cell in header {
            let name = cell.text.trimmingCharacters(in: .whitespaces)
            let target = maps[name] ?? name
            if target == "id" { paths.append(nil); continue }
            if target == "type" { paths.append([]); continue }
            let path = target.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if shape(at: path) != nil {
                paths.append(path)
            } else if maps[name] == nil, let field = fields.first(where: { field in
                [field.name, outline.shape(field.schema).title].contains { $0.map(TextFold.fold) == TextFold.fold(name) }
            }) {
                paths.append([field.name])
            } else {
                let titled = fields.map { (name: $0.name, alsoKnownAs: outline.shape($0.schema).title.map { [$0] } ?? []) }
                let suggestion = Suggestion.closest(to: path.first ?? name, among: titled)
                if maps[name] != nil {
                    unknown.append("\(file):\(cell.line):\(cell.column): error: " + Messages.mapNoField(name, target, type: type.rawValue, suggestion: suggestion))
                    continue
                }
                unknown.append("\(file):\(cell.line):\(cell.column): error: " + Messages.columnNoField(name, type: type.rawValue, suggestion: suggestion))
            }
        }
        if !unknown.isEmpty {
            let known = fields.map(\.name).joined(separator: ", ")
            throw CLIError.diagnostic(unknown.joined(separator: "\n") + "\n" + Messages.fieldsOf(type.rawValue, known))
        }
        let named = paths.compactMap { $0 }.filter { !$0.isEmpty }.map { $0.joined(separator: ".") }
        if let twice = Set(named).first(where: { path in named.count { $0 == path } > 1 }) {
            throw CLIError.usage(Messages.twoColumns(file, field: twice))
        }
    }

    /// The shape at a dotted path, or nil when the type has no such field.
    func shape(at path: [String]) -> FieldShape? {
        guard !path.isEmpty, !path.contains(where: \.isEmpty) else { return nil }
        var shape = record
        for key in path {
            guard let location = shape.property(key) else { return nil }
            shape = outline.shape(location)
            if shape.isForbidden { return nil }
        }
        return shape
    }

    /// The row's record values, converted cell by cell.
    func row(_ cells: [CSVReader.Cell], ids: inout [String: Int]) -> Row {
        var row = Row(line: cells.first?.line ?? 0)
        if cells.count > paths.count, let extra = cells[paths.count...].first(where: { !$0.text.isEmpty }) {
            row.problems.append(Problem(line: extra.line, column: extra.column, message: Messages.extraCells))
        }
        for (cell, path) in zip(cells, paths) {
            let text = cell.text.trimmingCharacters(in: .whitespaces)
            guard let path else {
                row.id = text.isEmpty ? nil : text
                if let id = row.id {
                    if let earlier = ids[id] {
                        row.problems.append(Problem(line: cell.line, column: cell.column, message: Messages.sameIDAsLine(id, line: earlier)))
                    } else {
                        ids[id] = cell.line
                    }
                }
                continue
            }
            if path.isEmpty, !text.isEmpty, text != type.rawValue {
                row.problems.append(Problem(line: cell.line, column: cell.column, message: Messages.wrongRowType(text, type: type.rawValue)))
            }
            guard !path.isEmpty, !text.isEmpty, let shape = shape(at: path) else { continue }
            do {
                let value = try convert(text, shape: shape, field: path.last ?? "")
                try row.given.add(path: path, text: value, record: record, outline: outline, typeName: type.rawValue)
            } catch let error as ImportValueError {
                row.problems.append(Problem(line: cell.line, column: cell.column, message: "\(path.joined(separator: ".")): \(error.message)"))
                row.unread.append(path)
            } catch {
                let message = (error as? WorkspaceError).map(WorkspaceWording.message) ?? "\(error)"
                row.problems.append(Problem(line: cell.line, column: cell.column, message: "\(path.joined(separator: ".")): \(message)"))
                row.unread.append(path)
            }
        }
        if row.id == nil, row.problems.isEmpty, let first = cells.first {
            let made = ImportIDs(type: type, record: record, outline: outline, index: index).id(for: row.given)
            if let made, let earlier = ids[made] {
                row.problems.append(Problem(line: first.line, column: first.column,
                                            message: Messages.madeIDTaken(made, line: earlier)))
            } else if let made {
                (row.id, ids[made]) = (made, first.line)
            } else {
                row.problems.append(Problem(line: first.line, column: first.column,
                                            message: Messages.cannotMakeID(type: type.rawValue)))
            }
        }
        return row
    }

    struct ImportValueError: Error { var message: String }

    /// The text `GivenValues` types into the field's YAML value: a list as a flow sequence of
    /// quoted-when-needed items, a number with a decimal point, a date in ISO form, an
    /// enumeration's key, a referenced record's id.
    func convert(_ text: String, shape: FieldShape, field: String) throws -> String {
        if shape.isArray && !shape.types.contains("string") {
            let itemShape = shape.items.map(outline.shape) ?? FieldShape()
            // `|` separates items when there is one (labels may hold commas), else `,`.
            let separator: Character = text.contains("|") ? "|" : ","
            let items = try text.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { try convert($0, shape: itemShape, field: field) }
            let emitter = YAMLEmitter()
            return "[" + items.map { item in
                let reading = ScalarResolver.resolvePlain(item)
                if case .string = reading { return emitter.scalarText(.string(item)) }
                if itemShape.wantsString { return emitter.scalarText(.string(item)) }
                return item
            }.joined(separator: ", ") + "]"
        }
        if let refType = shape.refType, let target = RecordType(rawValue: refType) {
            return try reference(text, type: target)
        }
        if !shape.enumValues.isEmpty { return try enumeration(text, keys: shape.enumValues, field: field) }
        if shape.types.contains("number") || shape.types.contains("integer") {
            guard let number = FrenchValues.number(text) else {
                throw ImportValueError(message: Messages.notANumber(text))
            }
            if shape.types == ["integer"], number.contains(".") {
                throw ImportValueError(message: Messages.notAWholeNumber(text))
            }
            return number
        }
        if shape.types.contains("boolean") {
            guard let value = FrenchValues.boolean(text) else { throw ImportValueError(message: Messages.notYesNo(text)) }
            return value ? "true" : "false"
        }
        if shape.format == "date" || shape.format == "partial-date" {
            guard let date = FrenchValues.date(text) else {
                throw ImportValueError(message: Messages.notADate(text))
            }
            if shape.format == "date", date.count != 10 { throw ImportValueError(message: Messages.notAFullDate(text)) }
            return date
        }
        return text
    }

    /// An enumeration's key from its key or its French or English label, accents and case folded.
    private func enumeration(_ text: String, keys: [String], field: String) throws -> String {
        if keys.contains(text) { return text }
        let folded = TextFold.fold(text)
        let matches = keys.filter { key in
            TextFold.fold(key) == folded || Vocabulary.Language.allCases.contains {
                TextFold.fold(vocabulary.label(key, field: field, type: type, language: $0)) == folded
            }
        }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            throw ImportValueError(message: Messages.couldBe(text, matches))
        }
        throw ImportValueError(message: Messages.notAllowed(text, suggestion: Suggestion.closest(to: text, among: keys), allowed: RecordTemplate.list(keys)))
    }

    /// The id of the record of `type` the text names: its id, or exactly one record whose name
    /// or alias is the text (folded). Never a guess: several → the candidates, none → said.
    private func reference(_ text: String, type: RecordType) throws -> String {
        if let position = index.position(of: text), index.type(position) == type { return text }
        let named = index.records(named: TextFold.fold(text)).filter { index.type($0) == type }
        if named.count == 1 { return index.id(named[0]) }
        if named.count > 1 {
            let candidates = named.map { "\(index.id($0)) (\(index.title($0)))" }.sorted()
            throw ImportValueError(message: Messages.namesSeveral(text, type: type.rawValue, candidates: candidates))
        }
        let partial = PartnerResolver(index: index).otherCandidates(text, chosen: -1, type: type).prefix(5).map(index.id)
        throw ImportValueError(message: Messages.noneNamed(text, type: type.rawValue, partial: Array(partial)))
    }
}
