public import KaleidoYAML
import Dispatch

/// The result of validating a knowledge base (or some of its files).
public struct ValidationReport: Sendable {
    /// How many record files were checked.
    public var records: Int
    /// What was counted, for the summary line: `record` for a KB, `file` for loose files.
    public var unit = "record"
    /// Findings sorted by file, then position.
    public var findings: [Finding]
    /// The bytes of every file that has findings, so that diagnostics can show the source line.
    public var sources: [String: [UInt8]]

    public var errors: Int { findings.count { $0.severity == .error } }
    public var warnings: Int { findings.count { $0.severity == .warning } }
}

/// Validates the records of a knowledge base: YAML syntax, each record against its type's
/// schema, the per-record rules and the cross-record rules.
///
/// Files are read and parsed on every core (one task per chunk of files); the cross-record
/// rules run once all records are parsed. Nothing is written.
public struct KBValidator: Sendable {
    public let kb: KnowledgeBase
    public var today: CalendarDay
    public var schemaChecker: (any RecordSchemaChecker)?
    public var hints: [RecordType: [FieldHint]]
    public var parser = YAMLParser()
    /// The fast path tried first (see `check`); it uses the same limits as `parser`.
    public var compactParser: CompactParser { CompactParser(limits: parser.limits) }
    /// Whether records are tried on the fast path first (tests turn it off to compare).
    public var usesFastPath = true
    /// How many tasks parse at once (defaults to the number of cores).
    public var parallelism: Int

    public init(kb: KnowledgeBase, today: CalendarDay, schemaChecker: (any RecordSchemaChecker)?,
                hints: [RecordType: [FieldHint]], parallelism: Int) {
        self.kb = kb
        self.today = today
        self.schemaChecker = schemaChecker
        self.hints = hints
        self.parallelism = max(1, parallelism)
    }

    /// Every record file of the KB (`.yaml`/`.yml` under the knowledge folder), relative to the root.
    public func recordFiles() throws -> [String] {
        try Self.recordFiles(of: kb)
    }

    /// Every record file of `kb`, relative to its root (see `recordFiles()`): callable before a
    /// validator exists, so that listing can overlap with compiling the schemas.
    public static func recordFiles(of kb: KnowledgeBase) throws -> [String] {
        let folder = kb.config.knowledgeFolder
        guard kb.fileSystem.isDirectory(kb.path(folder)) else { return [] }
        return try kb.fileSystem.listFiles(under: kb.path(folder))
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { folder + "/" + $0 }
    }

    /// Validates the whole KB; when `only` is given, reports findings for those files alone
    /// (references are still resolved against the whole KB).
    /// `progress` is called, from the validating task, with the files done so far and the total.
    /// `files` are the KB's record files when the caller has listed them already (`recordFiles`).
    public func validate(files listed: [String]? = nil, only: Set<String>? = nil,
                         progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> ValidationReport {
        let files = try listed ?? recordFiles()
        // Small chunks (32 per core) keep both cores busy to the end: a file costs 50–500 µs.
        let chunkSize = max(32, (files.count + parallelism * 32 - 1) / max(1, parallelism * 32))
        let chunks = stride(from: 0, to: files.count, by: chunkSize).map { Array(files[$0..<min($0 + chunkSize, files.count)]) }

        var parsed: [[ParsedRecord]] = Array(repeating: [], count: chunks.count)
        var done = 0
        try await withThrowingTaskGroup(of: (Int, [ParsedRecord]).self) { group in
            var next = 0
            func launch(_ index: Int) {
                let chunk = chunks[index]
                group.addTask { [self] in (index, checkChunk(chunk)) }
            }
            while next < min(chunks.count, parallelism * 2) { launch(next); next += 1 }
            for try await (index, records) in group {
                parsed[index] = records
                done += records.count
                progress?(done, files.count)
                if next < chunks.count { launch(next); next += 1 }
            }
        }

        let all = parsed.joined()
        var findings = all.flatMap(\.findings)
        let facts = all.compactMap(\.facts)
        findings += CrossRecordRules(parallelism: parallelism).check(facts)
        findings = Self.droppingSchemaFindingsCoveredByRules(findings)
        findings = Self.dropSuperseded(findings, facts: facts)
        if let only { findings = findings.filter { only.contains($0.file) } }
        findings.sort { ($0.file, $0.span.start.offset, $0.rule) < ($1.file, $1.span.start.offset, $1.rule) }

        // Workers kept the bytes of files with findings of their own; cross-record findings
        // may land on other files, which are read again (few, and only to show a source line).
        let filesWithFindings = Set(findings.map(\.file))
        var sources: [String: [UInt8]] = [:]
        for item in all { if let bytes = item.bytes, filesWithFindings.contains(item.file) { sources[item.file] = bytes } }
        for file in filesWithFindings where sources[file] == nil {
            sources[file] = try? kb.fileSystem.readFile(kb.path(file))
        }
        let count = only.map { set in files.count { set.contains($0) } } ?? files.count
        // Freeing every record's facts takes tens of milliseconds on a large KB: another thread
        // does it while the caller prints the report.
        let garbage = (parsed, facts)
        parsed = []
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(garbage) {} }
        return ValidationReport(records: count, findings: findings, sources: sources)
    }

    /// What a worker keeps of a file once it is checked: its findings, its facts for the
    /// cross-record rules and, only when it has findings, its bytes.
    struct ParsedRecord: Sendable {
        var file: String
        var bytes: [UInt8]?
        var facts: CrossRecordFacts?
        var findings: [Finding]
    }

    /// Reads, parses and checks the files of one chunk (sorted, so folders come together).
    func checkChunk(_ files: [String]) -> [ParsedRecord] {
        var records: [ParsedRecord] = []
        records.reserveCapacity(files.count)
        kb.fileSystem.readFiles(files.map(kb.path)) { index, content in
            switch content {
            case .success(let bytes):
                records.append(check(files[index], bytes))
            case .failure(let error):
                records.append(ParsedRecord(file: files[index], bytes: nil, facts: nil, findings: [
                    Finding(file: files[index], span: .none, severity: .error, rule: "io", pointer: "",
                            message: error.isSymlink ? "a record must be a regular file, not a symlink" : "cannot read the file: \(error)"),
                ]))
            }
        }
        return records
    }

    /// Parses and checks one file's bytes on their own (no cross-record rule).
    func check(_ file: String, _ bytes: [UInt8]) -> ParsedRecord {
        if usesFastPath, let accepted = checkOnFastPath(file, bytes) { return accepted }
        let document: YAMLDocument
        do { document = try parser.parseDocument(bytes) } catch {
            let span = SourceSpan(start: error.mark, end: error.mark)
            return ParsedRecord(file: file, bytes: bytes, facts: nil, findings: [
                Finding(file: file, span: span, severity: .error, rule: "yaml", pointer: "", message: error.message),
            ])
        }
        let record = Record(file: file, root: document.root)
        var findings = RecordRules(knowledgeFolder: kb.config.knowledgeFolder, today: today).check(record)
        findings += PlainScalarRule.check(record)
        // The folder decides the schema: a record of the wrong type gets one clear
        // `type-folder` error rather than every difference between two types.
        if let schemaChecker, let type = record.folderType(knowledgeFolder: kb.config.knowledgeFolder) ?? record.type {
            findings += schemaChecker.check(record, type: type)
        }
        return ParsedRecord(file: file, bytes: findings.isEmpty ? nil : bytes, facts: CrossRecordFacts(record, hints: hints), findings: findings)
    }

    /// The common case of a record the schema accepts, without building its tree: the compact
    /// document, the record rules and facts (the same generic code as the tree's, so the same
    /// findings at the same spans) and the schema checker's `accepts`. Nil when the file is
    /// unusual or the schema checker cannot vouch for it: the tree path then gives the exact
    /// findings, so both paths always report the same.
    func checkOnFastPath(_ file: String, _ bytes: [UInt8]) -> ParsedRecord? {
        guard let document = compactParser.parse(bytes) else { return nil }
        let record = CompactRecord(file: file, root: CompactNode(root: document))
        if let schemaChecker {
            guard let type = record.folderType(knowledgeFolder: kb.config.knowledgeFolder) ?? record.type,
                schemaChecker.accepts(document, type: type)
            else { return nil }
        }
        let findings = RecordRules(knowledgeFolder: kb.config.knowledgeFolder, today: today).check(record)
            + PlainScalarRule.check(record)
        return ParsedRecord(file: file, bytes: findings.isEmpty ? nil : bytes, facts: CrossRecordFacts(record, hints: hints), findings: findings)
    }

    /// KB rules whose message says more than the schema's about the same value: where one of
    /// them fires, schema findings on that value (a `const`, a `pattern`, a `false` schema) are
    /// dropped so the consultant reads one sentence, not three.
    static let rulesOverridingSchema: Set<String> = ["type-folder", "personal-data", "reference-type"]

    /// The rules that are the KB's own (everything else comes from the schema validator).
    public static let kbRules: Set<String> = [
        "yaml", "io", "record-shape", "id-file-name", "type-folder", "date-order", "personal-data", "open-conflict",
        "review-due", "l1115-financial-commitments", "l1115-prefect", "duration", "convention-ending",
        "funding-report-overdue", "duplicate-id", "reference", "reference-type", "partnership-parties", "plain-scalar",
        "convention-dates", "commitment-party",
        "duplicate-code", "id-code",
    ]

    static func droppingSchemaFindingsCoveredByRules(_ findings: [Finding]) -> [Finding] {
        let covered = Set(findings.filter { rulesOverridingSchema.contains($0.rule) }.map { "\($0.file)#\($0.pointer)" })
        guard !covered.isEmpty else { return findings }
        return findings.filter { kbRules.contains($0.rule) || !covered.contains("\($0.file)#\($0.pointer)") }
    }

    /// A convention "ending with no successor" has one when another record supersedes it.
    static func dropSuperseded(_ findings: [Finding], facts: [CrossRecordFacts]) -> [Finding] {
        let superseded = Set(facts.compactMap(\.supersedes))
        guard !superseded.isEmpty else { return findings }
        let filesWithSuccessor = Set(facts.filter { $0.id.map(superseded.contains) ?? false }.map(\.file))
        return findings.filter { !($0.rule == "convention-ending" && filesWithSuccessor.contains($0.file)) }
    }
}
