import ArgumentParser
import Foundation
import KaleidoKB
import KaleidoQuery
import KaleidoYAML
import KaleidoWorkspace

/// `kaleido new TYPE ID`: a new record file with its id, its type and the fields to fill in.
struct NewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: Help.abstract("new"),
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
                let names = RecordType.allCases.map(\.rawValue)
                throw CLIError.usage(Messages.unknownType(typeName, suggestion: Suggestion.closest(to: typeName, among: names), types: names))
            }
            let workspace = try kbOptions.workspace()
            let kb = workspace.kb
            let creation = try RecordCreation(workspace: workspace, type: type, id: id)
            let (schemas, files) = (creation.schemas, creation.files)
            let given = try givenValues(type: type, shape: creation.shape, outline: creation.outline)
            let (file, template) = try creation.create(given: given)

            let display = DisplayPaths(kbRoot: kb.root)
            print(Messages.created(display.show(file)))
            let validator = KBValidator(kb: kb, today: try kbOptions.today(), schemaChecker: schemas.checker, hints: schemas.hints,
                                        parallelism: ProcessInfo.processInfo.activeProcessorCount)
            var report: ValidationReport
            do { report = try await validator.validate(files: files + [file], only: [file]) } catch {
                throw CLIError.io(Messages.createdButNotValidated(file, error: "\(error)"))
            }
            // An empty placeholder is read as "" here and as null by YAML 1.1 tools: true, but
            // the placeholder's own error already says to fill it in.
            let placeholders = Set(template.placeholderPointers)
            report.findings.removeAll { $0.rule == "plain-scalar" && placeholders.contains($0.pointer) }
            if report.findings.isEmpty { return }
            print(ValidationText.render(report, display: display, wording: FindingWording(vocabulary: workspace.vocabulary())), terminator: "")
            if report.errors > 0 {
                print(Messages.fillIn(display.show(file)))
                throw ExitCode(1)
            }
        }
    }

    /// `--name`, `--title` and every `--set`, typed by the schema.
    private func givenValues(type: RecordType, shape: FieldShape?, outline: SchemaOutline) throws -> GivenValues {
        var given = GivenValues()
        let record = shape ?? FieldShape()
        if let name {
            guard let key = ["name", "full_name"].first(where: { record.property($0) != nil }) else {
                throw CLIError.usage(Messages.noField("name", type: type.rawValue, instead: "--title"))
            }
            try given.add(path: [key], text: name, record: record, outline: outline, typeName: type.rawValue)
        }
        if let title {
            guard record.property("title") != nil else {
                throw CLIError.usage(Messages.noField("title", type: type.rawValue, instead: "--name"))
            }
            try given.add(path: ["title"], text: title, record: record, outline: outline, typeName: type.rawValue)
        }
        for assignment in assignments {
            try given.add(assignment: assignment, record: record, outline: outline, typeName: type.rawValue)
        }
        return given
    }
}
