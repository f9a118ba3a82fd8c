import KaleidoSchema
public import KaleidoYAML

/// `kaleido validate --schema FILE PATH…`: any YAML or JSON files checked against one schema,
/// like check-jsonschema, with no knowledge base needed. The other schema documents of the
/// schema's folder are registered too, so its relative `$ref`s resolve.
public struct SchemaFileValidator: Sendable {
    public let fileSystem: any FileSystem

    public init(fileSystem: any FileSystem) {
        self.fileSystem = fileSystem
    }

    /// Validates every file of `paths` (folders are searched for `.yaml`, `.yml` and `.json`).
    /// Paths are reported as given. Throws `FileSystemError` when a path cannot be read.
    public func validate(schema schemaPath: String, paths: [String]) throws -> ValidationReport {
        var findings: [Finding] = []
        var sources: [String: [UInt8]] = [:]
        let parser = YAMLParser()
        let schemaBytes = try fileSystem.readFile(schemaPath)
        func fail(_ file: String, _ bytes: [UInt8], _ span: SourceSpan, _ rule: String, _ message: String) -> ValidationReport {
            ValidationReport(records: 0, findings: [Finding(file: file, span: span, severity: .error, rule: rule, pointer: "", message: message)],
                             sources: [file: bytes])
        }
        let schemaRoot: YAMLNode
        let schemaValue: JSONValue
        do {
            schemaRoot = try parser.parseDocument(schemaBytes).root
            schemaValue = try YAMLConversion(schemaRoot).value
        } catch let error as YAMLError {
            return fail(schemaPath, schemaBytes, SourceSpan(start: error.mark, end: error.mark), "yaml", error.message)
        } catch let error as YAMLConversionError {
            return fail(schemaPath, schemaBytes, error.span, "schema", error.message)
        }

        var registry = SchemaRegistry()
        let folder = schemaPath.contains("/") ? String(schemaPath[..<schemaPath.lastIndex(of: "/")!]) : "."
        for sibling in (try? fileSystem.listFiles(under: folder)) ?? [] where Self.isDataFile(sibling) {
            let path = folder + "/" + sibling
            guard path != schemaPath, let bytes = try? fileSystem.readFile(path),
                let root = try? parser.parseDocument(bytes).root,
                let value = try? YAMLConversion(root).value
            else { continue }
            registry.add(value, at: Self.fileURI(path))
            registry.add(value)
        }
        let validator: Validator
        do {
            validator = try Validator(schema: schemaValue, uri: schemaValue["$id"]?.stringValue ?? Self.fileURI(schemaPath), registry: registry,
                                      options: ValidatorOptions(formatAssertion: true, formats: .kaleido))
        } catch {
            let span = (try? YAMLConversion(schemaRoot))?.span(at: error.location.pointerPart) ?? schemaRoot.span
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
                let root = try parser.parseDocument(bytes).root
                let conversion = try YAMLConversion(root)
                let result = validator.validate(conversion)
                if !file.hasSuffix(".json") { fileFindings += PlainScalarRule.check(Record(file: file, root: root)) }
                for finding in result.findings {
                    let span = conversion.span(for: finding) ?? root.span
                    fileFindings.append(Finding(file: file, span: span, severity: finding.severity == .error ? .error : .warning,
                                                rule: finding.severity == .error ? finding.keyword : "plain-scalar",
                                                pointer: finding.instanceLocation, message: finding.message))
                }
            } catch let error as YAMLError {
                fileFindings.append(Finding(file: file, span: SourceSpan(start: error.mark, end: error.mark), severity: .error,
                                            rule: "yaml", pointer: "", message: error.message))
            } catch let error as YAMLConversionError {
                fileFindings.append(Finding(file: file, span: error.span, severity: .error, rule: "yaml-json", pointer: "", message: error.message))
            }
            if !fileFindings.isEmpty { sources[file] = bytes }
            findings += fileFindings
        }
        var report = ValidationReport(records: files.count, findings: findings, sources: sources)
        report.unit = "file"
        return report
    }

    static func isDataFile(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json")
    }

    static func fileURI(_ path: String) -> String {
        "file://" + (path.hasPrefix("/") ? path : "/" + path)
    }
}
