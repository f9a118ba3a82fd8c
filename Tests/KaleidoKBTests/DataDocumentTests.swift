import Testing
import KaleidoKB
import KaleidoSchema
import KaleidoYAML

/// Which loose files are JSON (typed as JSON) and which are YAML (`kaleido validate --schema`).
@Suite struct DataDocumentTests {
    static func read(_ path: String, _ text: String) throws -> DataDocument {
        try DataDocument(path: path, bytes: Array(text.utf8))
    }

    @Test func aJSONFileIsJSONAndHasNoPlainScalars() throws {
        let document = try Self.read("a.json", #"{"zip": 1004, "s": "\ud83d\udca9"}"#)
        #expect(document.yamlRoot == nil)
        #expect(document.conversion.isEmpty)
        #expect(document.conversion.value["s"] == .string("\u{1F4A9}"))
    }

    @Test func aYAMLFileHoldingOneJSONValueIsJSON() throws {
        let document = try Self.read("a.yaml", "[1, 2]\n")
        #expect(document.yamlRoot == nil)
        #expect(document.conversion.isEmpty)
    }

    @Test func flowYAMLThatIsNotJSONStaysYAML() throws {
        let document = try Self.read("a.yaml", "{zip: 01004}\n")
        #expect(document.yamlRoot != nil)
        #expect(document.conversion.plainText(at: "/zip") == "01004")
    }

    @Test func aJSONFileWithYAMLInsideIsAJSONErrorAtItsPlace() throws {
        #expect { try Self.read("a.json", "{\n  zip: 01004\n}\n") } throws: { error in
            guard let error = error as? DataDocumentError else { return false }
            return error.rule == "json" && error.span.start.line == 2 && error.span.start.column == 3 && error.span.start.offset == 4
        }
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let document = try DataDocument(path: "a.json", bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8))
        #expect(document.conversion.value["a"] == 1)
        #expect(document.conversion.span(at: "/a")?.start == SourceMark(offset: 9, line: 1, column: 7))
    }
}
