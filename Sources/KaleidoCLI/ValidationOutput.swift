import KaleidoKB
import KaleidoQuery
import KaleidoYAML

/// Paths as the user should see them: relative to the current directory when the KB is at or
/// below it, else as given from the KB root.
struct DisplayPaths {
    let kbRoot: String
    let prefix: String

    init(kbRoot: String, currentDirectory: String = FileManagerCWD.path) {
        self.kbRoot = kbRoot
        if kbRoot == currentDirectory {
            prefix = ""
        } else if kbRoot.hasPrefix(currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/") {
            prefix = String(kbRoot.dropFirst(currentDirectory.count).drop(while: { $0 == "/" })) + "/"
        } else {
            prefix = kbRoot + "/"
        }
    }

    func show(_ relative: String) -> String { prefix + relative }
}

/// `kaleido validate`'s text output: compiler-style diagnostics, then a summary line.
enum ValidationText {
    static func render(_ report: ValidationReport, display: DisplayPaths, wording: FindingWording = FindingWording()) -> String {
        var output = ""
        for finding in report.findings {
            var diagnostic = finding.diagnostic
            diagnostic.file = display.show(finding.file)
            diagnostic.message = wording.message(finding)
            output += diagnostic.rendered(source: report.sources[finding.file]) + "\n"
        }
        output += summary(report) + "\n"
        return output
    }

    /// `412 records, 2 errors, 3 warnings`, in the run's language.
    static func summary(_ report: ValidationReport) -> String { FindingWording.summary(report) }
}

/// `kaleido validate --format json`.
enum ValidationJSON {
    /// The counts over several lines, each diagnostic on one line.
    static func render(_ report: ValidationReport, display: DisplayPaths, wording: FindingWording = FindingWording()) -> String {
        let diagnostics: [JSONWriter.Value] = report.findings.map { finding in
            .encoded(JSONWriter.line(.object([
                ("file", .string(display.show(finding.file))), ("line", .int(finding.span.start.line)),
                ("column", .int(finding.span.start.column)), ("severity", .string(finding.severity.rawValue)),
                ("rule", .string(finding.rule)), ("path", .string(finding.pointer)), ("message", .string(wording.message(finding))),
            ])))
        }
        return JSONWriter.pretty(.object([
            ("valid", .bool(report.errors == 0)), ("records", .int(report.records)), ("errors", .int(report.errors)),
            ("warnings", .int(report.warnings)), ("diagnostics", .array(diagnostics)),
        ]))
    }
}
