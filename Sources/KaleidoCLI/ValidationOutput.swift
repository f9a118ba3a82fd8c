import KaleidoKB
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
    static func render(_ report: ValidationReport, display: DisplayPaths) -> String {
        var output = ""
        for finding in report.findings {
            var diagnostic = finding.diagnostic
            diagnostic.file = display.show(finding.file)
            output += diagnostic.rendered(source: report.sources[finding.file]) + "\n"
        }
        output += summary(report) + "\n"
        return output
    }

    /// `412 records, 2 errors, 3 warnings`.
    static func summary(_ report: ValidationReport) -> String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        return "\(plural(report.records, report.unit)), \(plural(report.errors, "error")), \(plural(report.warnings, "warning"))"
    }
}

/// `kaleido validate --format json`.
enum ValidationJSON {
    static func render(_ report: ValidationReport, display: DisplayPaths) -> String {
        let quote = YAMLTreeJSON.quote
        var output = "{\n"
        output += "  \"valid\": \(report.errors == 0),\n"
        output += "  \"records\": \(report.records),\n"
        output += "  \"errors\": \(report.errors),\n"
        output += "  \"warnings\": \(report.warnings),\n"
        output += "  \"diagnostics\": ["
        for (index, finding) in report.findings.enumerated() {
            output += index == 0 ? "\n" : ",\n"
            output += "    {\"file\": \(quote(display.show(finding.file))), \"line\": \(finding.span.start.line), "
            output += "\"column\": \(finding.span.start.column), \"severity\": \(quote(finding.severity.rawValue)), "
            output += "\"rule\": \(quote(finding.rule)), \"path\": \(quote(finding.pointer)), \"message\": \(quote(finding.message))}"
        }
        output += report.findings.isEmpty ? "]\n}" : "\n  ]\n}"
        return output
    }
}
