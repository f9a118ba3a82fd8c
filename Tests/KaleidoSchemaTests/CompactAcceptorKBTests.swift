import Foundation
import KaleidoFixtures
import Testing
import KaleidoTestSupport
import KaleidoYAML
import KaleidoSchema

/// `CompactAcceptor` over the sample KB: every record without a finding takes the fast path,
/// and seeded random mutations of the records never get a wrong "accepted".
@Suite struct CompactAcceptorKBTests {
    /// Folder under knowledge/ → schema file (RecordType's table; this target does not see KaleidoKB).
    static let schemaOfFolder = [
        "partners": "partner.yaml", "people": "person.yaml", "partnerships": "partnership.yaml",
        "conventions": "convention.yaml", "projects": "project.yaml", "engagements": "engagement.yaml",
        "events": "event.yaml", "interactions": "interaction.yaml", "calls": "call.yaml",
    ]

    /// The type schemas compiled as `SchemaRecordChecker.compile` does: every schema file
    /// registered under its `$id`, formats asserted with the KB's own.
    static let validators: [String: Validator] = {
        var registry = SchemaRegistry()
        var schemas: [String: (JSONValue, String)] = [:]
        let folder = PackageRoot.schemas
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".yaml") {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)),
                  let document = try? YAMLParser().parseDocument([UInt8](data)),
                  let value = try? YAMLConversion(document.root).value else { continue }
            let uri = value["$id"]?.stringValue ?? "file:///kaleido/schemas/\(name)"
            registry.add(value, at: uri)
            schemas[name] = (value, uri)
        }
        var validators: [String: Validator] = [:]
        for (folderName, file) in schemaOfFolder {
            guard let (schema, uri) = schemas[file] else { continue }
            validators[folderName] = try? Validator(schema: schema, uri: uri, registry: registry,
                                                    options: ValidatorOptions(formatAssertion: true, formats: .kaleido))
        }
        return validators
    }()

    static let acceptors: [String: CompactAcceptor] = validators.mapValues { CompactAcceptor($0) }

    /// Every record: its folder (type) and bytes.
    static let records: [(folder: String, path: String, bytes: [UInt8])] = {
        PackageRoot.sampleRecordPaths.compactMap { path in
            guard let folder = path.split(separator: "/").first.map(String.init),
                  let data = try? Data(contentsOf: PackageRoot.knowledge.appendingPathComponent(path)) else { return nil }
            return (folder, path, [UInt8](data))
        }
    }()

    @Test func everyRecordWithoutFindingsIsAccepted() throws {
        try #require(Self.records.count >= 40 && Self.validators.count == 9, "the sample KB or its schemas are missing")
        var accepted = 0, withFindings = 0
        for record in Self.records {
            let validator = try #require(Self.validators[record.folder])
            let findings = try #require(CompactAcceptorTests.slowFindings(record.bytes, validator))
            guard let document = CompactParser().parse(record.bytes) else {
                Issue.record("\(record.path): the compact parser declines a sample record")
                continue
            }
            let verdict = try #require(Self.acceptors[record.folder]).accepts(document)
            if findings.isEmpty {
                #expect(verdict, "\(record.path): no finding on the slow path, yet declined")
                if verdict { accepted += 1 }
            } else {
                withFindings += 1
                #expect(!verdict, "\(record.path): accepted, but the slow path finds \(findings)")
            }
        }
        print("CompactAcceptor over the sample KB: \(accepted)/\(Self.records.count) records accepted, \(withFindings) with slow-path findings")
    }

    /// Seeded mutations of real records: scalars replaced, lines deleted, unknown fields added,
    /// list items duplicated. Accepted ⇒ no slow-path finding.
    @Test func mutatedRecordsAreNeverWronglyAccepted() throws {
        try #require(Self.records.count >= 40)
        // ACCEPTOR_MUTATIONS=N[,SEED] runs a longer search (the default keeps `swift test` quick).
        let setting = ProcessInfo.processInfo.environment["ACCEPTOR_MUTATIONS"]?.split(separator: ",").compactMap { UInt64($0) } ?? []
        let perRecord = Int(setting.first ?? 24)
        var generator = SplitMix64(seed: setting.count > 1 ? setting[1] : 0x4B41_4C45_4944_4F21)
        var tried = 0, parsed = 0, accepted = 0, validDeclined = 0, rejected = 0
        for record in Self.records {
            let validator = try #require(Self.validators[record.folder])
            let acceptor = try #require(Self.acceptors[record.folder])
            let text = String(decoding: record.bytes, as: UTF8.self)
            for _ in 0..<perRecord {
                var mutated = RecordMutator.mutate(text, using: &generator)
                // Sometimes two edits at once.
                if Bool.random(using: &generator) { mutated = RecordMutator.mutate(mutated, using: &generator) }
                tried += 1
                let bytes = Array(mutated.utf8)
                guard let document = CompactParser().parse(bytes), let findings = CompactAcceptorTests.slowFindings(bytes, validator) else { continue }
                parsed += 1
                if acceptor.accepts(document) {
                    accepted += 1
                    #expect(findings.isEmpty, "\(record.path) mutated:\n\(mutated)\naccepted, but the slow path finds \(findings)")
                } else if findings.isEmpty {
                    validDeclined += 1
                } else {
                    rejected += 1
                }
            }
        }
        print("CompactAcceptor over \(tried) mutated records: \(parsed) parsed; \(accepted) accepted, \(rejected) rejected with findings, \(validDeclined) declined without findings")
        #expect(rejected > parsed / 3, "the mutations must break most records")
        #expect(validDeclined * 10 <= accepted, "valid mutated records must mostly be accepted")
    }
}

/// Text-level edits of a YAML record, as a person would make them (some break the YAML: those
/// are skipped by the caller).
enum RecordMutator {
    static let replacements = [
        "01004", "\"01004\"", "NO", "\"NO\"", "no", "true", "false", "null", "~", "", "12", "-1", "0", "12.5", "1.0", "1e3", ".inf",
        "0x1F", "\"\"", "x", "2011-02-30", "2011-13", "2011", "2011-09", "\"2024-01-15\"", "2024-01-15", "FR", "fr", "ZZ", "EUR", "XXX",
        "https://example.org/a", "not a url", "foo@bar", "a@b.fr", "[1, 2]", "[a, a]", "{a: 1}", "[]", "{}", "p-nadia-cherif",
        "fr-com-26281-romans-sur-isere", "356000000", "35600000000048", "\"26281\"", "26281", "2A004", "Q90", "+33612345678",
        "\"+33612345678\"", "actif", "livre", "accorde", "interne", "jeunesse", "café", "\"a\\tb\"",
    ]

    static func mutate(_ text: String, using generator: inout SplitMix64) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count > 2 else { return text }
        let line = Int.random(in: 0..<lines.count - 1, using: &generator)
        switch Int.random(in: 0..<6, using: &generator) {
        case 0, 1:
            // Replace one `key: value` (block or flow) with another value.
            let current = lines[line]
            let matches = valueRanges(in: current)
            guard let range = matches.randomElement(using: &generator), let replacement = replacements.randomElement(using: &generator) else { return text }
            lines[line] = current.replacingCharacters(in: range, with: replacement)
        case 2:
            lines.remove(at: line)
        case 3:
            let indent = lines[line].prefix { $0 == " " }
            let dash = lines[line].dropFirst(indent.count).hasPrefix("- ") ? "  " : ""
            lines.insert(indent + dash + "unknown_field: \(replacements.randomElement(using: &generator) ?? "x")", at: line + 1)
        case 4:
            // Duplicate a list item with its continuation lines.
            guard let start = lines.indices.filter({ lines[$0].drop { $0 == " " }.hasPrefix("- ") }).randomElement(using: &generator) else { return text }
            let indent = lines[start].prefix { $0 == " " }.count
            var end = start + 1
            while end < lines.count, lines[end].prefix(while: { $0 == " " }).count > indent, !lines[end].isEmpty { end += 1 }
            lines.insert(contentsOf: lines[start..<end], at: end)
        default:
            // Swap the values of two lines.
            let other = Int.random(in: 0..<lines.count - 1, using: &generator)
            guard let first = valueRanges(in: lines[line]).first, let second = valueRanges(in: lines[other]).first else { return text }
            let firstValue = String(lines[line][first])
            let secondValue = String(lines[other][second])
            lines[line] = lines[line].replacingCharacters(in: first, with: secondValue)
            if other != line { lines[other] = lines[other].replacingCharacters(in: second, with: firstValue) }
        }
        return lines.joined(separator: "\n")
    }

    /// The ranges of values after `key: ` on a line, up to a flow separator or a comment.
    static func valueRanges(in line: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var search = line.startIndex
        while let colon = line.range(of: ": ", range: search..<line.endIndex) {
            var end = colon.upperBound
            while end < line.endIndex, !",}]#".contains(line[end]) { end = line.index(after: end) }
            if colon.upperBound < end, !line[colon.upperBound...].hasPrefix("|"), !line[colon.upperBound...].hasPrefix(">") {
                ranges.append(colon.upperBound..<end)
            }
            search = colon.upperBound
        }
        return ranges
    }
}
