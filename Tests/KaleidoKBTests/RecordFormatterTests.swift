import KaleidoKB
import KaleidoYAML
import Testing

/// `RecordFormatter`: quotes exactly what the `plain-scalar` warning reports, nothing else.
@Suite struct RecordFormatterTests {
    private func format(_ text: String, alsoQuoting extra: Set<Range<Int>> = []) throws -> (text: String, changes: [SourceFormatter.Change]) {
        let result = try RecordFormatter().format(Array(text.utf8), alsoQuoting: extra)
        return (String(decoding: result.bytes, as: UTF8.self), result.changes)
    }

    @Test("each kind of scalar YAML 1.1 tools misread is double-quoted where it stood",
          arguments: ["NO", "No", "yes", "Y", "n", "on", "OFF", "2011-09-22", "2011-09-22 10:30:00", "2011-09-22T10:30:00Z",
                      "1:30", "-1:30:15", "1_000", "1_000.5", "0b1010", "="])
    func quotesAmbiguousScalar(text: String) throws {
        let marked = MarkedText("id: p-x\nname: 1️⃣\(text) # kept\n")
        let result = try format(marked.text)
        #expect(result.text == "id: p-x\nname: \"\(text)\" # kept\n")
        #expect(result.changes == [.quoted(text, at: SourceMark(offset: marked.text.utf8.count - text.utf8.count - 8, line: marked.line, column: marked.column))])
    }

    @Test("scalars Kaleido reads as numbers, booleans or null, quoted ones, tagged ones and keys stay",
          arguments: ["12", "01004", "-3.5", "1e3", "0x1F", ".inf", ".NaN", "true", "False", "null", "~", "Sfax", "2011-9-2x",
                      "\"NO\"", "'yes'", "!!str NO", "\"2011-09-22\"", "[a, b]"])
    func leavesOthersAlone(text: String) throws {
        let source = "id: p-x\nname: \(text)\nyes: 1\n2011-09-22: date as a key\n"
        let result = try format(source)
        #expect(result.text == source)
        #expect(result.changes.isEmpty)
    }

    @Test("an anchored value is quoted after its anchor, and its aliases stay")
    func anchoredValue() throws {
        let result = try format("a: &answer NO\nb: *answer\n")
        #expect(result.text == "a: &answer \"NO\"\nb: *answer\n")
    }

    @Test("a value named by the caller (a schema-typing warning: 01004 where a string is wanted) is quoted too")
    func quotesCallerSpans() throws {
        let source = "zip: 01004\ncount: 01004\n"
        let span = source.utf8.count - "01004\ncount: 01004\n".utf8.count
        let result = try format(source, alsoQuoting: [span..<(span + 5)])
        #expect(result.text == "zip: \"01004\"\ncount: 01004\n")
    }

    @Test("a whole record: only the ambiguous values change; comments, blank lines, key order and styles stay")
    func wholeRecordKeepsTheRest() throws {
        let source = """
            # Partner record
            id: fr-x   # the id
            type: partner
            name: Agence NO

            country: NO
            aliases: [yes, 'on', "off"]
            founded: 2011-09-22
            contacts:
              - {name: Sam, phone: "+33 1", ext: 1_000}
              - name: Lou
                hours: 9:30
            notes: |
              YES: kept in a literal
              2011-09-22
            # trailing comment

            """
        let expected = """
            # Partner record
            id: fr-x   # the id
            type: partner
            name: Agence NO

            country: "NO"
            aliases: ["yes", 'on', "off"]
            founded: "2011-09-22"
            contacts:
              - {name: Sam, phone: "+33 1", ext: "1_000"}
              - name: Lou
                hours: "9:30"
            notes: |
              YES: kept in a literal
              2011-09-22
            # trailing comment

            """
        let result = try format(source)
        #expect(result.text == expected)
        #expect(result.changes.count == 5)
        let again = try format(result.text)
        #expect(again.text == result.text)
        #expect(again.changes.isEmpty)
    }
}
