import ArgumentParser
import KaleidoWorkspace
import Foundation
import KaleidoKB
import KaleidoYAML

/// `kaleido fmt [PATH…] [--check]`: quotes the scalars other YAML tools misread and tidies
/// line ends, trailing spaces and indentation, by surgical edits (`RecordFormatter`): comments
/// and key order stay, and after it `validate` gives no `plain-scalar` warning.
struct FmtCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: Help.abstract("fmt"),
        discussion: Help.discussion("fmt"))

    @OptionGroup var kbOptions: KBOptions

    @Flag(help: ArgumentHelp(Help.option("fmt", "check")))
    var check = false

    @Argument(help: ArgumentHelp(Help.option("fmt", "paths")))
    var paths: [String] = []

    func run() async throws {
        var failed = false
        try await reportingCLIErrors {
            let kb = try kbOptions.open()
            let records: [String]
            do { records = try KBValidator.recordFiles(of: kb) } catch { throw CLIError.io("\(error)") }
            let files = try paths.isEmpty ? records : selection(in: kb)
            let typing = try await typingSpans(kb: kb, records: records, files: Set(files).intersection(records))
            let display = DisplayPaths(kbRoot: kb.root)
            let formatter = RecordFormatter()
            var changed = 0
            for file in files {
                let path = kb.path(file)
                // Renaming a formatted copy over a symlink would replace the link itself.
                if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
                    StandardError.write(Messages.symlinkRecord(display.show(file)) + "\n")
                    failed = true
                    continue
                }
                let bytes = try AtomicFile.read(path)
                let result: SourceFormatter.Result
                do throws(SourceFormatter.Failure) {
                    result = try formatter.format(bytes, alsoQuoting: typing[file] ?? [])
                } catch {
                    let diagnostic = Diagnostic(file: display.show(file), mark: error.mark, severity: .error, message: error.message)
                    StandardError.write(diagnostic.rendered(source: bytes) + "\n")
                    failed = true
                    continue
                }
                guard result.bytes != bytes else { continue }
                changed += 1
                print(display.show(file))
                if !check { try AtomicFile.write(result.bytes, to: path) }
            }
            if check {
                if changed > 0 {
                    StandardError.write(Messages.filesToFormat(changed) + "\n")
                    failed = true
                }
            } else if changed > 0 {
                StandardError.write(Messages.formatted(changed) + "\n")
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// The spans of the `plain-scalar` findings of the KB's validation for `files` (schema-
    /// directed typing warnings included, which `RecordFormatter` cannot find alone).
    private func typingSpans(kb: KnowledgeBase, records: [String], files: Set<String>) async throws -> [String: Set<Range<Int>>] {
        guard !files.isEmpty else { return [:] }
        let setup = try KBSchemas.load(kb)
        let validator = KBValidator(kb: kb, today: try kbOptions.today(), schemaChecker: setup.checker,
                                    hints: setup.hints, parallelism: ProcessInfo.processInfo.activeProcessorCount)
        let report: ValidationReport
        do { report = try await validator.validate(files: records, only: files) } catch { throw CLIError.io("\(error)") }
        var spans: [String: Set<Range<Int>>] = [:]
        for finding in report.findings where finding.rule == "plain-scalar" {
            spans[finding.file, default: []].insert(finding.span.byteRange)
        }
        return spans
    }

    /// The YAML files PATHs name, relative to the KB root.
    private func selection(in kb: KnowledgeBase) throws -> [String] {
        let cwd = FileManager.default.currentDirectoryPath
        let rootPrefix = kb.root.hasSuffix("/") ? kb.root : kb.root + "/"
        var selected: [String] = []
        for path in paths {
            let absolute = ValidateCommand.normalize(path.hasPrefix("/") ? path : cwd + "/" + path)
            guard kb.fileSystem.exists(absolute) else { throw CLIError.usage(Messages.noSuchPath(path)) }
            guard absolute == kb.root || absolute.hasPrefix(rootPrefix) else {
                throw CLIError.usage(Messages.outsideKnowledgeBase(path, root: kb.root))
            }
            let relative = absolute == kb.root ? "" : String(absolute.dropFirst(rootPrefix.count))
            let isYAML = { (name: String) in name.hasSuffix(".yaml") || name.hasSuffix(".yml") }
            if kb.fileSystem.isDirectory(absolute) {
                let listed: [String]
                do { listed = try kb.fileSystem.listFiles(under: absolute) } catch { throw CLIError.io("\(error)") }
                selected += listed.filter(isYAML).map { relative.isEmpty ? $0 : relative + "/" + $0 }
            } else {
                guard isYAML(relative) else { throw CLIError.usage(Messages.notYAML(path)) }
                selected.append(relative)
            }
        }
        var seen = Set<String>()
        return selected.filter { seen.insert($0).inserted }
    }
}
