import Testing
@testable import KaleidoSchema

@Suite struct JSONParserTests {
    @Test func parsesAndKeepsKeyOrder() throws {
        let value = try JSONParser().parse(#"{"b": 1, "a": [true, null, "x\u00e9\ud83d\ude00"], "c": -1.50e2}"#)
        #expect(value.objectValue?.keys == ["b", "a", "c"])
        #expect(value["a"] == .array([.bool(true), .null, .string("xé😀")]))
        #expect(value["c"] == .number(JSONNumber(-150)))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9),
        ("[1, 2", 1, 6),
        ("{\n  \"a\": 01\n}", 2, 8),
        ("{\n  \"a\": 1,\n  \"a\": 2\n}", 3, 3),
        ("\"tab\tinside\"", 1, 5),
        ("[1] [2]", 1, 5),
        ("{\"é\": tru}", 1, 7),
        ("\"\\ud800\"", 1, 8),
        ("// comment\n1", 1, 1),
        ("NaN", 1, 1),
        ("1.", 1, 3),
    ])
    func reportsLineAndColumn(text: String, line: Int, column: Int) {
        do {
            _ = try JSONParser().parse(text)
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.line == line && error.column == column, "\(error)")
        }
    }

    @Test func duplicateKeyMessage() {
        #expect(throws: JSONParseError(line: 1, column: 10, message: "duplicate key \"a\": keep only one")) {
            try JSONParser().parse(#"{"a": 1, "a": 2}"#)
        }
    }

    @Test func refusesDeepNesting() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONParseError.self) { try JSONParser().parse(deep) }
    }

    @Test func stringsCompareByCodePoints() {
        #expect(JSONValue.string("é") != .string("e\u{301}"))
        #expect(JSONValue.string("é") == .string("\u{e9}"))
    }
}
