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
        discussion: Help.discussion("new"))

    @OptionGroup var kbOptions: KBOptions

    @Argument(help: ArgumentHelp(Help.newTypeOption(RecordType.allCases.map(\.rawValue).joined(separator: ", ")), valueName: "type"))
    var typeName: String

    @Argument(help: ArgumentHelp(Help.option("new", "id"), valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp(Help.option("new", "name"), valueName: "text"))
    var name: String?

    @Option(help: ArgumentHelp(Help.option("new", "title"), valueName: "text"))
    var title: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(Help.option("new", "assignments"), valueName: "field=value"))
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
