import ArgumentParser
import Foundation
import KaleidoKB
import KaleidoYAML

/// `kaleido new TYPE ID`: a new record file with its id, its type and the fields to fill in.
struct NewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a record: the right file in the right folder, with the required fields to fill in.",
        discussion: """
            Writes knowledge/<folder>/ID.yaml (in the subfolder named after a part of the id \
            when the type's folder is sharded, as partners/tn/ or events/2011/) with id, type, every field the type's schema \
            requires (the value given with --set, --name or --title, or an empty placeholder \
            whose comment says what goes there) and a comment listing the optional fields; then \
            validates it and lists what is left to fill in, like `kaleido validate`. Values are \
            typed by the schema: a string field keeps 01004 or NO a string (written quoted); a \
            list field takes a,b or a flow list [a, b]; dotted names reach inside a mapping \
            (--set location.country=FR). Refuses, writing nothing, an unknown type, an id that \
            does not fit the type's id pattern, and an id some record already has. Exit status: \
            0 created and valid, 1 created with fields left to fill in, 2 nothing created.
            """)

    @OptionGroup var kbOptions: KBOptions

    @Argument(help: ArgumentHelp("The record type: \(RecordType.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "type"))
    var typeName: String

    @Argument(help: ArgumentHelp("The new record's id, which is also its file name (e.g. tn-mun-gabes, p-nadia-cherif).", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("The record's name (name, or full_name for a person).", valueName: "text"))
    var name: String?

    @Option(help: ArgumentHelp("The record's title.", valueName: "text"))
    var title: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("A field's value, typed by the schema (repeatable): country=TN, codes.insee=01004, themes=jeunesse,sport.", valueName: "field=value"))
    var assignments: [String] = []

    func run() async throws {
        try await reportingCLIErrors {
            guard let type = RecordType(rawValue: typeName.lowercased()) ?? RecordType(folder: typeName.lowercased()) else {
                throw CLIError.usage("unknown record type \"\(typeName)\"; the types are: \(RecordType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let kb = try kbOptions.open()
            let schemas: KBSchemas
            do { schemas = try KBSchemas.load(kb) } catch { throw CLIError.io("cannot read the schemas: \(error)") }
            let outline = SchemaOutline(documents: schemas.documents)
            let shape = outline.recordShape(type)
            let files: [String]
            do { files = try KBValidator.recordFiles(of: kb) } catch { throw CLIError.io("cannot list the records: \(error)") }
            if let existing = files.first(where: { Record(file: $0, root: YAMLNode(.mapping([], .block))).fileStem == id }) {
                throw CLIError.usage("the id \(id) is taken: \(existing) already has it; ids are unique across the knowledge base, choose another")
            }
            try checkID(type: type, shape: shape, outline: outline, checker: schemas.checker)

            let given = try givenValues(type: type, shape: shape, outline: outline)
            let folder = Self.folder(for: type, id: id, kb: kb)
            let file = folder + "/" + id + ".yaml"
            let depth = file.split(separator: "/").count - 1
            let modeline = kb.config.schemaModeline
                ? String(repeating: "../", count: depth) + kb.config.schemasFolder + "/" + type.schemaFile : nil
            let template = RecordTemplate(id: id, type: type, shape: shape, outline: outline, given: given, modelineSchema: modeline)
            do {
                try FileManager.default.createDirectory(atPath: kb.path(folder), withIntermediateDirectories: true)
                try AtomicFile.createNew(Array(template.text.utf8), at: kb.path(file))
            } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError.io("cannot create \(file): \(error)")
            }

            let display = DisplayPaths(kbRoot: kb.root)
            print("created \(display.show(file))")
            let validator = KBValidator(kb: kb, today: try kbOptions.today(), schemaChecker: schemas.checker, hints: schemas.hints,
                                        parallelism: ProcessInfo.processInfo.activeProcessorCount)
            var report: ValidationReport
            do { report = try await validator.validate(files: files + [file], only: [file]) } catch {
                throw CLIError.io("created \(file), but could not validate it: \(error)")
            }
            // An empty placeholder is read as "" here and as null by YAML 1.1 tools: true, but
            // the placeholder's own error already says to fill it in.
            let placeholders = Set(template.placeholderPointers)
            report.findings.removeAll { $0.rule == "plain-scalar" && placeholders.contains($0.pointer) }
            if report.findings.isEmpty { return }
            print(ValidationText.render(report, display: display), terminator: "")
            if report.errors > 0 {
                print("fill in the fields above in \(display.show(file)), then run `kaleido validate \(display.show(file))`")
                throw ExitCode(1)
            }
        }
    }

    /// Refuses an id the schema's id pattern rejects (the same check `kaleido validate` makes),
    /// naming the expected form from the schema's description.
    private func checkID(type: RecordType, shape: FieldShape?, outline: SchemaOutline, checker: (any RecordSchemaChecker)?) throws {
        let expected = shape?.property("id").map(outline.shape)?.description.map { " (expected: \($0))" } ?? ""
        // The data model's rule for every id; the schema may be stricter per type.
        guard id.wholeMatch(of: /[a-z0-9]+(--?[a-z0-9]+)*/) != nil else {
            throw CLIError.usage("the id \"\(id)\" is not a valid id: lowercase ASCII letters and digits joined by hyphens\(expected)")
        }
        guard let checker else { return }
        let probe = "id: \(YAMLEmitter().scalarText(.string(id)))\ntype: \(type.rawValue)\n"
        guard let root = try? YAMLParser().parseDocument(Array(probe.utf8)).root else { return }
        let record = Record(file: "knowledge/\(type.folder)/\(id).yaml", root: root)
        if let finding = checker.check(record, type: type).first(where: { $0.pointer == "/id" && $0.severity == .error }) {
            throw CLIError.usage("the id \"\(id)\" does not fit the \(type.rawValue) id pattern: \(finding.message)\(expected)")
        }
    }

    /// `--name`, `--title` and every `--set`, typed by the schema.
    private func givenValues(type: RecordType, shape: FieldShape?, outline: SchemaOutline) throws -> GivenValues {
        var given = GivenValues()
        let record = shape ?? FieldShape()
        if let name {
            guard let key = ["name", "full_name"].first(where: { record.property($0) != nil }) else {
                throw CLIError.usage("\(type.rawValue) records have no name field; use --title or --set FIELD=VALUE")
            }
            try given.add(path: [key], text: name, record: record, outline: outline, typeName: type.rawValue)
        }
        if let title {
            guard record.property("title") != nil else {
                throw CLIError.usage("\(type.rawValue) records have no title field; use --name or --set FIELD=VALUE")
            }
            try given.add(path: ["title"], text: title, record: record, outline: outline, typeName: type.rawValue)
        }
        for assignment in assignments {
            try given.add(assignment: assignment, record: record, outline: outline, typeName: type.rawValue)
        }
        return given
    }

    /// The folder of a new record, relative to the KB root. Subfolders of a type's folder are
    /// free (docs/data-model.md) and KBs shard by a part of the id: the record goes where records
    /// like it live, in the subfolder named after a part of its id (`partners/tn/` for
    /// `tn-mun-gabes`), or in a new year subfolder when the folder is sharded by year
    /// (`events/2027/` for `evt-2027-…`); else in the type's folder itself.
    static func folder(for type: RecordType, id: String, kb: KnowledgeBase) -> String {
        let base = kb.config.knowledgeFolder + "/" + type.folder
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: kb.path(base))) ?? []
        let subfolders = Set(entries.filter { !$0.hasPrefix(".") && kb.fileSystem.isDirectory(kb.path(base + "/" + $0)) })
        guard !subfolders.isEmpty else { return base }
        let parts = id.split(separator: "-").map(String.init)
        if let part = parts.first(where: subfolders.contains) { return base + "/" + part }
        func isYear(_ text: String) -> Bool { text.count == 4 && text.allSatisfy(\.isASCIIDigit) }
        if subfolders.allSatisfy(isYear), let year = parts.first(where: isYear) { return base + "/" + year }
        return base
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
