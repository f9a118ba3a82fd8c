public import KaleidoYAML

/// The schemas of a knowledge base, loaded from its schemas folder: the parsed documents, the
/// field hints of each type, the checker that validates records, and findings about schema
/// files that could not be read or parsed.
public struct KBSchemas: Sendable {
    /// Parsed schema documents keyed by file name (`partner.yaml`, `defs.yaml`).
    public var documents: [String: YAMLNode] = [:]
    public var hints: [RecordType: [FieldHint]] = [:]
    public var checker: (any RecordSchemaChecker)?
    /// Problems with the schema files themselves (they make every record suspect).
    public var findings: [Finding] = []
    /// Bytes of the schema files that have findings.
    public var sources: [String: [UInt8]] = [:]

    public init() {}

    /// Reads and parses every `.yaml`, `.yml` and `.json` file of the KB's schemas folder.
    /// A KB without a schemas folder has no schema checks (only the KB rules apply).
    public static func load(_ kb: KnowledgeBase) throws -> KBSchemas {
        var schemas = KBSchemas()
        let folder = kb.config.schemasFolder
        guard kb.fileSystem.isDirectory(kb.path(folder)) else { return schemas }
        let parser = YAMLParser()
        for name in try kb.fileSystem.listFiles(under: kb.path(folder))
        where name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json") {
            let file = folder + "/" + name
            let bytes = try kb.fileSystem.readFile(kb.path(file))
            do {
                schemas.documents[name] = try parser.parseDocument(bytes).root
            } catch {
                schemas.findings.append(Finding(file: file, span: SourceSpan(start: error.mark, end: error.mark), severity: .error,
                                                rule: "schema-yaml", pointer: "", message: error.message))
                schemas.sources[file] = bytes
            }
        }
        // vocab.yaml and other non-schema documents are registered too: harmless, and a type
        // schema could reference them.
        // One walk per type gives both the hints and the property names the checker needs.
        let collector = SchemaHintCollector(documents: schemas.documents)
        var known: [RecordType: [String: Set<String>]] = [:]
        for type in RecordType.allCases {
            let summary = collector.summary(forDocument: type.schemaFile)
            known[type] = summary.known
            if schemas.documents[type.schemaFile] != nil { schemas.hints[type] = summary.hints }
        }
        let (checker, compileFindings) = SchemaRecordChecker.compile(documents: schemas.documents, schemasFolder: folder,
                                                                     knownProperties: known)
        schemas.checker = checker.types.isEmpty ? nil : checker
        schemas.findings += compileFindings
        for finding in compileFindings where schemas.sources[finding.file] == nil {
            schemas.sources[finding.file] = try? kb.fileSystem.readFile(kb.path(finding.file))
        }
        return schemas
    }
}
