import ArgumentParser
import Foundation
import KaleidoKB
import KaleidoYAML

/// `kaleido validate [PATH…]`: checks the knowledge base (or some of its files) and reports
/// every problem like a compiler.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check records against their schemas and the knowledge base's rules.",
        discussion: """
            With no PATH, checks the whole knowledge base; with files or folders, reports on \
            those only (references are still resolved against the whole base). With --schema \
            FILE, checks any YAML or JSON files against that schema: a .json file (or any file \
            that is one JSON value) is typed as JSON; plain YAML scalars such as 01004 are read \
            as strings, with a warning, where the schema wants a string. Exit status: 0 \
            when there is no error (warnings allowed unless --strict), 1 when there are errors, \
            2 on a usage or I/O error.
            """)

    @OptionGroup var kbOptions: KBOptions

    @Option(help: "Output format: text (compiler-style) or json.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Treat warnings as errors for the exit status.")
    var strict = false

    @Option(help: ArgumentHelp("Check the given YAML or JSON files against this one schema (no knowledge base needed).", valueName: "file"))
    var schema: String?

    @Flag(inversion: .prefixedNo,
          help: ArgumentHelp("With --schema: assert `format` (an invalid date or email is an error), or only annotate it; by default as the schema's meta-schema says (the format-assertion vocabulary; the KB's schemas declare it)."))
    var assertFormats: Bool?

    @Argument(help: "Record files or folders to report on (default: the whole knowledge base).")
    var paths: [String] = []

    func run() async throws {
        try await reportingCLIErrors {
            if let schema {
                try validateLooseFiles(schema: schema)
                return
            }
            if assertFormats != nil {
                throw CLIError.usage("--assert-formats and --no-assert-formats go with --schema: the knowledge base's own checks always assert formats")
            }
            let kb = try kbOptions.open()
            // Listing the record files (a directory walk) overlaps with compiling the schemas.
            let listing = Task.detached { try KBValidator.recordFiles(of: kb) }
            let setup = try KBSchemas.load(kb)
            let files: [String]
            do { files = try await listing.value } catch { throw CLIError.io("\(error)") }
            let validator = KBValidator(kb: kb, today: try kbOptions.today(), schemaChecker: setup.checker,
                                        hints: setup.hints, parallelism: ProcessInfo.processInfo.activeProcessorCount)
            let only = try selection(in: kb, files: files)
            let progress = ProgressLine(label: "validating")
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
            try finish(combined, display: display)
        }
    }

    /// Prints the report in the chosen format and exits 1 when it fails.
    private func finish(_ report: ValidationReport, display: DisplayPaths) throws {
        switch format {
        case .text: print(ValidationText.render(report, display: display), terminator: "")
        case .json: print(ValidationJSON.render(report, display: display))
        }
        if report.errors > 0 || (strict && report.warnings > 0) { throw ExitCode(1) }
    }

    /// `--schema FILE PATH…`.
    private func validateLooseFiles(schema: String) throws {
        guard !paths.isEmpty else { throw CLIError.usage("--schema needs the files or folders to check: kaleido validate --schema FILE PATH…") }
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
            guard kb.fileSystem.exists(absolute) else { throw CLIError.usage("\(path): no such file or folder") }
            let rootPrefix = kb.root.hasSuffix("/") ? kb.root : kb.root + "/"
            guard absolute == kb.root || absolute.hasPrefix(rootPrefix) else {
                throw CLIError.usage("\(path) is outside the knowledge base at \(kb.root); use --schema FILE to check loose files")
            }
            let relative = absolute == kb.root ? "" : String(absolute.dropFirst(rootPrefix.count))
            let matches = all.filter { relative.isEmpty || $0 == relative || $0.hasPrefix(relative + "/") }
            guard !matches.isEmpty else { throw CLIError.usage("\(path) holds no record file (.yaml under \(kb.config.knowledgeFolder)/)") }
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
