import ArgumentParser
import Foundation
import KaleidoKB
import KaleidoWorkspace
import KaleidoYAML

/// `kaleido validate [PATH…]`: checks the knowledge base (or some of its files) and reports
/// every problem like a compiler.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: Help.abstract("validate"),
        discussion: Help.discussion("validate"))

    @OptionGroup var kbOptions: KBOptions

    @Option(help: ArgumentHelp(Help.validateFormatOption))
    var format: DiagnosticFormat = .text

    @Flag(help: ArgumentHelp(Help.strictOption))
    var strict = false

    @Option(help: ArgumentHelp(Help.option("validate", "schema"), valueName: "file"))
    var schema: String?

    @Flag(inversion: .prefixedNo,
          help: ArgumentHelp(Help.option("validate", "assertFormats")))
    var assertFormats: Bool?

    @Argument(help: ArgumentHelp(Help.option("validate", "paths")))
    var paths: [String] = []

    func run() async throws {
        try await reportingCLIErrors {
            if let schema {
                try validateLooseFiles(schema: schema)
                return
            }
            if assertFormats != nil {
                throw CLIError.usage(Messages.assertFormatsWithoutSchema)
            }
            let workspace = try kbOptions.workspace()
            let kb = workspace.kb
            // Listing the record files (a directory walk) overlaps with compiling the schemas.
            let listing = Task.detached { try KBValidator.recordFiles(of: kb) }
            let setup = try KBSchemas.load(kb)
            let files: [String]
            do { files = try await listing.value } catch { throw CLIError.io("\(error)") }
            let validator = KBValidator(kb: kb, today: try kbOptions.today(), schemaChecker: setup.checker,
                                        hints: setup.hints, parallelism: ProcessInfo.processInfo.activeProcessorCount)
            let only = try selection(in: kb, files: files)
            let progress = ProgressLine(label: Lang.pick(fr: "validation", en: "validating"))
            let report: ValidationReport
            do {
                report = try await validator.validate(files: files, only: only) { done, total in progress.update(done, of: total) }
            } catch {
                progress.finish()
                throw CLIError.io("\(error)")
            }
            progress.finish()
            var combined = report
            combined.findings = setup.findings + report.findings
            for (file, bytes) in setup.sources { combined.sources[file] = bytes }
            let display = DisplayPaths(kbRoot: kb.root)
            let outline = SchemaOutline(documents: setup.documents)
            let fields = Dictionary(uniqueKeysWithValues: RecordType.allCases.map { type in
                (type, outline.recordShape(type)?.properties.map(\.name) ?? [])
            })
            try finish(combined, display: display, wording: FindingWording(vocabulary: workspace.vocabulary(), fields: fields))
        }
    }

    /// Prints the report in the chosen format and exits 1 when it fails.
    private func finish(_ report: ValidationReport, display: DisplayPaths, wording: FindingWording = FindingWording()) throws {
        switch format {
        case .text: print(ValidationText.render(report, display: display, wording: wording), terminator: "")
        case .json: print(ValidationJSON.render(report, display: display, wording: wording))
        }
        if report.errors > 0 || (strict && report.warnings > 0) { throw ExitCode(1) }
    }

    /// `--schema FILE PATH…`.
    private func validateLooseFiles(schema: String) throws {
        guard !paths.isEmpty else { throw CLIError.usage(Messages.schemaNeedsPaths) }
        let report: ValidationReport
        do {
            report = try SchemaFileValidator(fileSystem: LocalFileSystem()).validate(schema: schema, paths: paths, assertFormats: assertFormats)
        } catch {
            throw CLIError.io("\(error)")
        }
        try finish(report, display: DisplayPaths(kbRoot: FileManagerCWD.path))
    }

    /// The record files PATHs name, relative to the KB root; nil when no PATH was given.
    private func selection(in kb: KnowledgeBase, files all: [String]) throws -> Set<String>? {
        guard !paths.isEmpty else { return nil }
        let cwd = FileManager.default.currentDirectoryPath
        var selected = Set<String>()
        for path in paths {
            let absolute = Self.normalize(path.hasPrefix("/") ? path : cwd + "/" + path)
            guard kb.fileSystem.exists(absolute) else { throw CLIError.usage(Messages.noSuchPath(path)) }
            let rootPrefix = kb.root.hasSuffix("/") ? kb.root : kb.root + "/"
            guard absolute == kb.root || absolute.hasPrefix(rootPrefix) else {
                throw CLIError.usage(Messages.outsideKB(path, root: kb.root))
            }
            let relative = absolute == kb.root ? "" : String(absolute.dropFirst(rootPrefix.count))
            let matches = all.filter { relative.isEmpty || $0 == relative || $0.hasPrefix(relative + "/") }
            guard !matches.isEmpty else { throw CLIError.usage(Messages.noRecordFile(path, folder: kb.config.knowledgeFolder)) }
            selected.formUnion(matches)
        }
        return selected
    }

    /// Removes `.` and `..` components and duplicate slashes from an absolute path.
    static func normalize(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }
}
