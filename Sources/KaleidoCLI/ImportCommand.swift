import ArgumentParser
import Foundation
import KaleidoKB
import KaleidoQuery
import KaleidoWorkspace
import KaleidoYAML

/// `kaleido import FILE.csv --type TYPE`: records from a spreadsheet's CSV export.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: Help.abstract("import"),
        discussion: Help.discussion("import"))

    @OptionGroup var kbOptions: KBOptions

    @Argument(help: ArgumentHelp(Help.option("import", "file"), valueName: "file.csv"))
    var file: String

    @Option(name: .customLong("type"), help: ArgumentHelp(Help.option("import", "typeName"), valueName: "type"))
    var typeName: String

    @Option(name: .customLong("map"), help: ArgumentHelp(Help.option("import", "maps"), valueName: "column=field"))
    var maps: [String] = []

    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(Help.option("import", "dryRun")))
    var dryRun = false

    @Flag(name: .customLong("skip-invalid"), help: ArgumentHelp(Help.option("import", "skipInvalid")))
    var skipInvalid = false

    @Option(help: ArgumentHelp(Help.option("import", "delimiter"), valueName: "char"))
    var delimiter: String?

    @Option(help: ArgumentHelp(Help.option("import", "encoding"), valueName: "name"))
    var encoding: String?

    @Option(help: ArgumentHelp(Help.option("import", "event"), valueName: "event id"))
    var event: String?

    func run() async throws {
        try await reportingCLIErrors {
            if typeName.lowercased() == "registration" {
                guard let event else { throw CLIError.usage(Messages.registrationNeedsEvent()) }
                let table = try readTable()
                let importer = RegistrationImport(file: file, event: event, maps: try mapping(), dryRun: dryRun, skipInvalid: skipInvalid)
                try await importer.run(table: table, workspace: try kbOptions.workspace(), today: try kbOptions.today())
                return
            }
            if event != nil { throw CLIError.usage(Messages.eventOnlyWithRegistration) }
            guard let type = RecordType(rawValue: typeName.lowercased()) ?? RecordType(folder: typeName.lowercased()) else {
                let names = RecordType.allCases.map(\.rawValue)
                throw CLIError.usage(Messages.unknownType(typeName, suggestion: Suggestion.closest(to: typeName, among: names), types: names))
            }
            let table = try readTable()
            guard let header = table.rows.first else { throw CLIError.usage(Messages.emptyFile(file)) }
            let workspace = try kbOptions.workspace()
            let schemas: KBSchemas
            do { schemas = try workspace.schemas() } catch { throw CLIError.io(Messages.cannotRead(Messages.theSchemas) + ": \(error)") }
            let outline = SchemaOutline(documents: schemas.documents)
            guard let shape = outline.recordShape(type) else { throw CLIError.usage(Messages.noSchema(for: type.rawValue)) }
            let (index, _) = try await workspace.indexStore().load()
            let plan = try CSVImportPlan(header: header, maps: try mapping(), type: type, record: shape, outline: outline,
                                         index: index, vocabulary: workspace.vocabulary(), file: file)
            var ids: [String: Int] = [:]
            var rows = table.rows.dropFirst().map { plan.row($0, ids: &ids) }
            let rules = RecordRules(knowledgeFolder: workspace.config.knowledgeFolder, today: try kbOptions.today())
            let files: [String]
            do { files = try KBValidator.recordFiles(of: workspace.kb) } catch { throw CLIError.io(Messages.cannotRead(Messages.theRecords) + ": \(error)") }
            var taken: [String: String] = [:]
            for file in files { taken[Record(file: file, root: YAMLNode(.mapping([], .block))).fileStem] = file }
            // Rows with unreadable cells are checked too, so that all their errors are told at once.
            for position in rows.indices where rows[position].id != nil {
                check(&rows[position], cells: table.rows[position + 1], plan: plan, workspace: workspace,
                      schemas: schemas, rules: rules, taken: taken)
            }
            try finish(rows, workspace: workspace, type: type)
        }
    }

    /// The file's cells, decoded and split.
    private func readTable() throws -> CSVReader.Table {
        var reader = CSVReader()
        if let encoding {
            guard let chosen = CSVReader.Encoding(rawValue: encoding.lowercased()) else {
                throw CLIError.usage(Messages.badEncoding(encoding))
            }
            reader.encoding = chosen
        }
        if let delimiter {
            guard delimiter == ";" || delimiter == "," else { throw CLIError.usage(Messages.badDelimiter(delimiter)) }
            reader.delimiter = delimiter.first
        }
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError.io(Messages.cannotRead(file)) }
        do {
            return try reader.read(Array(data))
        } catch {
            throw CLIError.diagnostic("\(file):\(error.line):\(error.column): error: \(Messages.csvProblem(error.message))")
        }
    }

    /// `--map COLUMN=FIELD` as a dictionary.
    private func mapping() throws -> [String: String] {
        var result: [String: String] = [:]
        for map in maps {
            guard let equals = map.firstIndex(of: "="), equals != map.startIndex, map.index(after: equals) != map.endIndex else {
                throw CLIError.usage(Messages.badMap(map))
            }
            result[String(map[..<equals])] = String(map[map.index(after: equals)...])
        }
        return result
    }

    /// Checks the row's record as `kaleido new` would write it: its id (no record's file has it:
    /// `taken` maps file stems to files), then the schema (the id's pattern too) and the record
    /// rules on the record's text. A finding is placed at the cell of its field, else at the
    /// row's first cell.
    private func check(_ row: inout CSVImportPlan.Row, cells: [CSVReader.Cell], plan: CSVImportPlan,
                       workspace: Workspace, schemas: KBSchemas, rules: RecordRules, taken: [String: String]) {
        guard let id = row.id else { return }
        let first = cells.first.map { ($0.line, $0.column) } ?? (row.line, 1)
        func cell(for pointer: String) -> (Int, Int) {
            let keys = pointer.split(separator: "/").map(String.init)
            if keys.first == "id", let position = plan.paths.firstIndex(where: { $0 == nil }), position < cells.count {
                return (cells[position].line, cells[position].column)
            }
            let best = plan.paths.indices.filter { position in
                guard let path = plan.paths[position], !path.isEmpty, position < cells.count else { return false }
                return keys.starts(with: path) || path.starts(with: keys.prefix(path.count))
            }.max { (plan.paths[$0]?.count ?? 0) < (plan.paths[$1]?.count ?? 0) }
            return best.map { (cells[$0].line, cells[$0].column) } ?? first
        }
        if let existing = taken[id] {
            let (line, column) = cell(for: "/id")
            row.problems.append(.init(line: line, column: column, message: Messages.idTaken(id, by: existing)))
            return
        }
        let template = RecordTemplate(id: id, type: plan.type, shape: plan.record, outline: plan.outline, given: row.given, modelineSchema: nil)
        guard let root = try? YAMLParser().parseDocument(Array(template.text.utf8)).root else {
            row.problems.append(.init(line: first.0, column: first.1, message: Messages.recordDoesNotParse))
            return
        }
        let record = Record(file: RecordCreation.folder(for: plan.type, id: id, kb: workspace.kb) + "/\(id).yaml", root: root)
        var findings = schemas.checker?.check(record, type: plan.type) ?? []
        findings += rules.check(record)
        // A required field no cell gave is a placeholder in the record's text: one error for it,
        // saying so, rather than what the schema says of an empty value.
        let placeholders = Set(template.placeholderPointers)
        var seen = Set<String>()
        for finding in findings where finding.severity == .error {
            let keys = finding.pointer.split(separator: "/").map(String.init)
            if row.unread.contains(where: { keys.starts(with: $0) }) { continue }
            let isPlaceholder = placeholders.contains(finding.pointer)
            guard seen.insert(isPlaceholder ? finding.pointer : finding.pointer + finding.message).inserted else { continue }
            let (line, column) = cell(for: finding.pointer)
            let field = keys.joined(separator: ".")
            if isPlaceholder {
                let hasColumn = plan.paths.contains { $0 == keys }
                row.problems.append(.init(line: line, column: column, message: Messages.requiredNotGiven(field, hasColumn: hasColumn)))
            } else {
                row.problems.append(.init(line: line, column: column, message: (field.isEmpty ? "" : field + ": ") + FindingWording(vocabulary: workspace.vocabulary()).message(finding)))
            }
        }
    }

    /// Reports the invalid rows, then writes the valid ones when allowed, and says what was
    /// (or would be) created and what was skipped.
    private func finish(_ rows: [CSVImportPlan.Row], workspace: Workspace, type: RecordType) throws {
        let invalid = rows.filter { !$0.isValid }
        for row in invalid {
            for problem in row.problems.sorted(by: { ($0.line, $0.column) < ($1.line, $1.column) }) { StandardError.write("\(file):\(problem.line):\(problem.column): error: \(problem.message)\n") }
        }
        let valid = rows.filter(\.isValid)
        let writes = invalid.isEmpty || skipInvalid
        if dryRun {
            print(Messages.wouldCreate(valid.count, type: type.rawValue, ids: valid.compactMap(\.id)))
            if !invalid.isEmpty {
                print(Messages.invalidRows(invalid.map(\.line), skipped: skipInvalid))
                if !skipInvalid { throw ExitCode(1) }
            }
            return
        }
        guard writes else {
            print(Messages.nothingWritten(invalid.map(\.line), valid: valid.count))
            throw ExitCode(1)
        }
        let display = DisplayPaths(kbRoot: workspace.root)
        var created: [String] = []
        for row in valid {
            guard let id = row.id else { continue }
            let creation = try RecordCreation(workspace: workspace, type: type, id: id)
            let (file, _) = try creation.create(given: row.given)
            print(Messages.created(display.show(file)))
            created.append(id)
        }
        print(Messages.createdCount(created, skipped: invalid.map(\.line)))
    }
}
