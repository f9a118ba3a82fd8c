import KaleidoSchema
import KaleidoYAML

/// `kaleido validate --schema FILE PATH…`: any YAML or JSON files checked against one schema,
/// like check-jsonschema, with no knowledge base needed. The other schema documents of the
/// schema's folder are registered too, so its relative `$ref`s resolve.
///
/// A JSON document (a `.json` file, or any file whose whole text is one JSON value) is read by
/// the JSON parser and typed as JSON: a `1` is a number whatever the schema says. Only YAML
/// documents get schema-directed typing of their plain scalars (`Validator.validate`).
public struct SchemaFileValidator: Sendable {
    public let fileSystem: any FileSystem

    public init(fileSystem: any FileSystem) {
        self.fileSystem = fileSystem
    }

    /// Validates every file of `paths` (folders are searched for `.yaml`, `.yml` and `.json`).
    /// Paths are reported as given. Throws `FileSystemError` when a path cannot be read.
    ///
    /// `assertFormats`: nil asserts `format` only where the schema's meta-schema declares the
    /// format-assertion vocabulary (2020-12's default: an annotation); true asserts it always,
    /// false never.
    public func validate(schema schemaPath: String, paths: [String], assertFormats: Bool? = nil) throws -> ValidationReport {
        var findings: [Finding] = []
        var sources: [String: [UInt8]] = [:]
        let schemaBytes = try fileSystem.readFile(schemaPath)
        func fail(_ file: String, _ bytes: [UInt8], _ span: SourceSpan, _ rule: String, _ message: String) -> ValidationReport {
            ValidationReport(records: 0, findings: [Finding(file: file, span: span, severity: .error, rule: rule, pointer: "", message: message)],
                             sources: [file: bytes])
        }
        let schemaDocument: DataDocument
        do {
            schemaDocument = try DataDocument(path: schemaPath, bytes: schemaBytes)
        } catch {
            return fail(schemaPath, schemaBytes, error.span, error.rule, error.message)
        }
        let schemaValue = schemaDocument.conversion.value

        var registry = SchemaRegistry()
        let folder = schemaPath.contains("/") ? String(schemaPath[..<schemaPath.lastIndex(of: "/")!]) : "."
        for sibling in (try? fileSystem.listFiles(under: folder)) ?? [] where Self.isDataFile(sibling) {
            let path = folder + "/" + sibling
            guard path != schemaPath, let bytes = try? fileSystem.readFile(path),
                let value = try? DataDocument(path: path, bytes: bytes).conversion.value
            else { continue }
            registry.add(value, at: Self.fileURI(path))
            registry.add(value)
        }
        let validator: Validator
        do {
            validator = try Validator(schema: schemaValue, uri: schemaValue["$id"]?.stringValue ?? Self.fileURI(schemaPath), registry: registry,
                                      options: ValidatorOptions(formatAssertion: assertFormats ?? false, formatAnnotationOnly: assertFormats == false,
                                                                formats: .kaleido))
        } catch {
            let span = schemaDocument.conversion.span(at: error.location.pointerPart) ?? schemaDocument.conversion.span(at: "") ?? Self.fileStart
            return fail(schemaPath, schemaBytes, span, "schema", error.message)
        }

        var files: [String] = []
        for path in paths {
            if fileSystem.isDirectory(path) {
                files += try fileSystem.listFiles(under: path).filter(Self.isDataFile).map { path + "/" + $0 }
            } else {
                _ = try fileSystem.readFile(path)  // a missing file is an I/O error, not a finding
                files.append(path)
            }
        }
        for file in files {
            let bytes = try fileSystem.readFile(file)
            var fileFindings: [Finding] = []
            do {
                let document = try DataDocument(path: file, bytes: bytes)
                let result = validator.validate(document.conversion)
                if let root = document.yamlRoot { fileFindings += PlainScalarRule.check(Record(file: file, root: root)) }
                for finding in result.findings {
                    let span = document.conversion.span(for: finding) ?? document.conversion.span(at: "") ?? Self.fileStart
                    fileFindings.append(Finding(file: file, span: span, severity: finding.severity == .error ? .error : .warning,
                                                rule: finding.severity == .error ? finding.keyword : "plain-scalar",
                                                pointer: finding.instanceLocation, message: finding.message))
                }
            } catch {
                fileFindings.append(Finding(file: file, span: error.span, severity: .error, rule: error.rule, pointer: "", message: error.message))
            }
            if !fileFindings.isEmpty { sources[file] = bytes }
            findings += fileFindings
        }
        var report = ValidationReport(records: files.count, findings: findings, sources: sources)
        report.unit = "file"
        return report
    }

    /// Where a finding with no better place points: the file's first character.
    static let fileStart = SourceSpan(start: SourceMark(offset: 0, line: 1, column: 1), end: SourceMark(offset: 0, line: 1, column: 1))

    static func isDataFile(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json")
    }

    static func fileURI(_ path: String) -> String {
        "file://" + (path.hasPrefix("/") ? path : "/" + path)
    }
}
