import Testing
import KaleidoKB
import KaleidoYAML

/// A broken schema file is reported like a compiler would, at the value at fault, once, and the
/// schemas that do not depend on it still check their records.
@Suite struct KBSchemasTests {
    struct SchemaBreakage: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        var find: String
        /// `1️⃣` marks where the finding must point.
        var replace: String
        var message: String
        var testDescription: String { name }
    }

    static let breakages: [SchemaBreakage] = [
        SchemaBreakage(name: "a keyword the meta-schema refuses", file: "partner.yaml", find: "    type: string\n    minLength: 1\n",
                       replace: "    type: string\n    minLength: 1️⃣-1\n", message: "the schema does not conform to its meta-schema"),
        SchemaBreakage(name: "a type the meta-schema does not know", file: "person.yaml", find: "type: object\n",
                       replace: "type: 1️⃣objet\n", message: "the schema does not conform to its meta-schema"),
        SchemaBreakage(name: "an invalid pattern in the shared defs", file: "defs.yaml", find: "pattern: '^[a-z0-9]+(--?[a-z0-9]+)*$'",
                       replace: "pattern: 1️⃣'^[a-z0-9]+(--?[a-z0-9]+*$'", message: "is not an ECMA-262 regular expression"),
        SchemaBreakage(name: "a pattern outside the fast subset, invalid", file: "defs.yaml", find: "pattern: '^[a-z0-9]+(--?[a-z0-9]+)*$'",
                       replace: "pattern: 1️⃣'^(?<=[a-z0-9]+$'", message: "is not an ECMA-262 regular expression"),
    ]

    static func load(_ files: [String: String]) throws -> KBSchemas {
        let kb = try KnowledgeBase.open(root: "/kb", fileSystem: InMemoryFileSystem(files: files))
        return try KBSchemas.load(kb)
    }

    @Test(arguments: breakages)
    func aBrokenSchemaIsReportedWhereItIs(_ breakage: SchemaBreakage) throws {
        var files = SampleKBTests.sampleFiles
        let path = "kb/schemas/" + breakage.file
        let original = try #require(files[path])
        let marked = MarkedText(breakage.replace)
        #expect(original.contains(breakage.find), "the sample changed: \(breakage.find) is not in \(breakage.file)")
        files[path] = original.replacing(breakage.find, with: marked.text, maxReplacements: 1)
        // Where the marker lands in the whole file.
        let prefix = try #require(original.range(of: breakage.find)).lowerBound
        let linesBefore = original[..<prefix].split(separator: "\n", omittingEmptySubsequences: false)
        let line = linesBefore.count - 1 + marked.line
        let column = marked.line == 1 ? (linesBefore.last?.unicodeScalars.count ?? 0) + marked.column : marked.column
        let schemas = try Self.load(files)
        let rendered = schemas.findings.map { "\($0.file):\($0.span.start.line):\($0.span.start.column) \($0.rule)" }
        #expect(rendered == ["schemas/\(breakage.file):\(line):\(column) schema"])
        #expect(schemas.findings.first?.message.contains(breakage.message) == true, "\(schemas.findings.map(\.message))")
    }

    @Test func theSampleSchemasLoadWithoutFindings() throws {
        let schemas = try Self.load(SampleKBTests.sampleFiles)
        #expect(schemas.findings.map(\.message) == [])
        #expect((schemas.checker as? SchemaRecordChecker)?.types == Set(RecordType.allCases))
        #expect(schemas.hints[.project]?.isEmpty == false)
    }

    @Test func aTypeWhoseSchemaBreaksLeavesTheOthersChecked() throws {
        var files = SampleKBTests.sampleFiles
        let path = "kb/schemas/partner.yaml"
        files[path] = try #require(files[path]).replacing("    minLength: 1\n", with: "    minLength: -1\n", maxReplacements: 1)
        let schemas = try Self.load(files)
        #expect((schemas.checker as? SchemaRecordChecker)?.types == Set(RecordType.allCases).subtracting([.partner]))
    }
}
