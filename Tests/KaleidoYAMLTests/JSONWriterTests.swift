import Foundation
import KaleidoYAML
import Testing

/// The one JSON writer: its layouts, escapes (never `\/`), numbers and key order, checked
/// against Foundation's parser.
@Suite struct JSONWriterTests {
    let sample: JSONWriter.Value = .object([
        ("url", .string("https://example.org/a/b")), ("zeta", .int(3)), ("alpha", .array([.bool(true), .null, .number("-0.5e3")])),
        ("empty", .object([])), ("none", .array([])), ("quote", .string("a \"b\" \\ c\n\t\u{1}")),
    ])

    @Test func layoutsKeepTheKeyOrderAndNeverEscapeTheSlash() throws {
        #expect(JSONWriter.compact(sample)
                == #"{"url":"https://example.org/a/b","zeta":3,"alpha":[true,null,-0.5e3],"empty":{},"none":[],"quote":"a \"b\" \\ c\n\t\u0001"}"#)
        #expect(JSONWriter.line(sample)
                == #"{"url": "https://example.org/a/b", "zeta": 3, "alpha": [true, null, -0.5e3], "empty": {}, "none": [], "quote": "a \"b\" \\ c\n\t\u0001"}"#)
        #expect(JSONWriter.pretty(.object([("a", .array([.int(1), .object([("b", .null)])])), ("c", .array([]))])) == """
            {
              "a": [
                1,
                {
                  "b": null
                }
              ],
              "c": []
            }
            """)
        #expect(JSONWriter.lines([.int(1), .object([("a", .int(2))])]) == "[\n  1,\n  {\"a\": 2}\n]")
        #expect(JSONWriter.lines([]) == "[]")
        for text in [JSONWriter.compact(sample), JSONWriter.line(sample), JSONWriter.pretty(sample)] {
            #expect(!text.contains("\\/"))
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(parsed["url"] as? String == "https://example.org/a/b")
            #expect(parsed["quote"] as? String == "a \"b\" \\ c\n\t\u{1}")
            #expect((parsed["alpha"] as? [Any])?.count == 3)
        }
    }

    @Test(arguments: ["0", "-0", "12", "-3.25", "1e9", "2E-3", "0.5"])
    func jsonNumbersAreWrittenAsNumbers(_ text: String) {
        #expect(JSONWriter.isNumber(text))
        #expect(JSONWriter.compact(.number(text)) == text)
    }

    @Test(arguments: ["", "-", "01", ".5", "5.", "1e", "+1", "0x1F", "inf", ".nan", "1_000", "1 "])
    func otherNumberTextsAreWrittenAsStrings(_ text: String) throws {
        #expect(!JSONWriter.isNumber(text))
        let written = JSONWriter.compact(.array([.number(text)]))
        #expect(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String] == [text])
    }

    @Test func absentMembersAreLeftOut() {
        let value = JSONWriter.Value.object(omittingNil: [("a", .int(1)), ("b", nil), ("c", .nullable(nil))])
        #expect(JSONWriter.compact(value) == #"{"a":1,"c":null}"#)
    }

    @Test func aYAMLTreeBecomesJSONInItsKeyOrder() throws {
        let root = try YAMLParser().parseDocument(Array("""
            zeta: https://example.org/x
            alpha: [1, 2.5, true, ~, .inf, "7"]
            nested: {b: x, a: y}
            """.utf8)).root
        #expect(JSONWriter.line(JSONWriter.Value(root))
                == #"{"zeta": "https://example.org/x", "alpha": [1, 2.5, true, null, ".inf", "7"], "nested": {"b": "x", "a": "y"}}"#)
    }
}
