import Testing
@testable import KaleidoYAML

/// One hand-built tree and the exact document the emitter must write for it.
struct EmitCase: Sendable, CustomTestStringConvertible {
    var name: String
    var node: YAMLNode
    var expected: String
    var options: YAMLEmitter.Options = .default
    var testDescription: String { name }
}

/// A string and the exact one-line text that must stand for it.
struct QuoteCase: Sendable, CustomTestStringConvertible {
    var text: String
    var expected: String
    var testDescription: String { "\(text.debugDescription) → \(expected)" }
}

@Suite struct YAMLEmitterTests {
    static let quoting: [QuoteCase] = [
        // Plain when nobody can misread it.
        ("Sfax", "Sfax"), ("Romans-sur-Isère", "Romans-sur-Isère"), ("صفاقس", "صفاقس"), ("🎉 fête", "🎉 fête"),
        ("+33 4 75 00 00 00", "+33 4 75 00 00 00"), ("it's", "it's"), ("a:b", "a:b"), ("a#b", "a#b"),
        ("https://example.org/a?b=c#d", "https://example.org/a?b=c#d"), ("-x", "-x"), (":x", ":x"), ("?x", "?x"),
        ("a\\b", "a\\b"), ("TN-61", "TN-61"), ("2A004", "2A004"), ("1st", "1st"), ("3d", "3d"), ("0xyz", "'0xyz'"), ("tRUE", "'tRUE'"),
        // YAML 1.2 core would resolve them to something else.
        ("", "''"), ("42", "'42'"), ("-0", "'-0'"), ("true", "'true'"), ("False", "'False'"), ("null", "'null'"),
        ("~", "'~'"), ("0x1F", "'0x1F'"), ("1e5", "'1e5'"), ("19.99", "'19.99'"), (".inf", "'.inf'"),
        ("-.Inf", "'-.Inf'"), (".NaN", "'.NaN'"),
        // YAML 1.1 readers (PyYAML) would.
        ("NO", "'NO'"), ("no", "'no'"), ("yes", "'yes'"), ("Yes", "'Yes'"), ("yEs", "'yEs'"), ("on", "'on'"),
        ("OFF", "'OFF'"), ("y", "'y'"), ("N", "'N'"), ("NuLL", "'NuLL'"), ("2011-09-22", "'2011-09-22'"),
        ("2011-09", "'2011-09'"), ("2011", "'2011'"), ("2001-12-14t21:59:43.10-05:00", "'2001-12-14t21:59:43.10-05:00'"),
        ("2001-12-14 21:59:43.10 -5", "'2001-12-14 21:59:43.10 -5'"), ("1:20", "'1:20'"), ("190:20:30", "'190:20:30'"),
        ("01004", "'01004'"), ("0o17", "'0o17'"), ("0b101", "'0b101'"), (".5", "'.5'"), ("1_000", "'1_000'"),
        ("+12", "'+12'"), (".", "'.'"), ("-.", "'-.'"), ("+", "+"), ("_", "_"), ("1.2.3", "'1.2.3'"), ("=", "'='"), ("<<", "'<<'"),
        // Syntax: indicators, blanks, comments, document markers.
        (" x", "' x'"), ("x ", "'x '"), ("a: b", "'a: b'"), ("a:", "'a:'"), ("# x", "'# x'"), ("a #b", "'a #b'"),
        ("- x", "'- x'"), ("-", "'-'"), ("?", "'?'"), ("? x", "'? x'"), (":", "':'"), (": x", "': x'"),
        ("&a", "'&a'"), ("*a", "'*a'"), ("!x", "'!x'"), ("|", "'|'"), (">", "'>'"), ("%x", "'%x'"), ("@x", "'@x'"),
        ("`x`", "'`x`'"), ("[a]", "'[a]'"), ("{a}", "'{a}'"), (",a", "',a'"), ("]", "']'"), ("}", "'}'"),
        ("---", "'---'"), ("--- x", "'--- x'"), ("...", "'...'"), ("'q'", "'''q'''"), ("\"q\"", "'\"q\"'"),
        ("it's: x", "'it''s: x'"), ("\u{A0}x", "'\u{A0}x'"),
        // Double quotes where an escape is needed; everything else stays as written.
        ("tab\there", "\"tab\\there\""), ("a\nb", "\"a\\nb\""), ("a\r\nb", "\"a\\r\\nb\""), ("\u{07}", "\"\\a\""),
        ("\u{01}", "\"\\x01\""), ("\u{7F}", "\"\\x7F\""), ("\u{9F}", "\"\\x9F\""), ("\0", "\"\\0\""),
        ("\u{1B}[0m", "\"\\e[0m\""), ("\u{85}", "\"\\u0085\""), ("a\u{2028}b", "\"a\\u2028b\""),
        ("a\u{2029}b", "\"a\\u2029b\""), ("\u{FEFF}x", "\"\\uFEFFx\""), ("say \"hi\"\t", "\"say \\\"hi\\\"\\t\""),
        ("back\\slash\t", "\"back\\\\slash\\t\""), ("é\tصفاقس 🎉", "\"é\\tصفاقس 🎉\""),
    ].map { QuoteCase(text: $0.0, expected: $0.1) }

    @Test(arguments: quoting)
    func quotesAStringOnlyWhenSomeReaderCouldMisreadIt(_ test: QuoteCase) throws {
        let emitter = YAMLEmitter()
        #expect(emitter.scalarText(.string(test.text)) == test.expected)
        // The same text as a key and as a value (one line unless the text spans lines), and what
        // our parser reads back.
        let tree = Tree.mapping([(Tree.string(test.text), Tree.string(test.text))])
        let document = emitter.emitDocument(tree)
        if !test.text.contains("\n") {
            #expect(document == test.expected + ": " + test.expected + "\n")
        }
        let parsed = try YAMLParser().parseDocument(Array(document.utf8))
        #expect(DataValue(parsed.root) == DataValue(tree))
    }

    @Test(arguments: [
        (ResolvedScalar.null, "null"), (.bool(true), "true"), (.bool(false), "false"), (.integer("-42"), "-42"),
        (.float("19.99"), "19.99"), (.float("2e3"), "2e3"), (.infinity(negative: true), "-.inf"), (.nan, ".nan"),
    ])
    func writesOtherMeaningsInTheirCanonicalSpelling(value: ResolvedScalar, expected: String) {
        #expect(YAMLEmitter().scalarText(value) == expected)
        #expect(ScalarResolver.resolvePlain(expected) == value)
    }

    static let documents: [EmitCase] = EmitterCases.scalars + EmitterCases.blockScalars + EmitterCases.layout
        + EmitterCases.properties + EmitterCases.keys

    @Test(arguments: documents)
    func emitsTheExpectedDocument(_ test: EmitCase) throws {
        let text = YAMLEmitter(options: test.options).emitDocument(test.node)
        #expect(text == test.expected)
        #expect(!text.contains("\t"))
        #expect(text.hasSuffix("\n"))
        // Whatever the layout, the parser reads back the same data.
        let parsed = try YAMLParser().parseDocument(Array(text.utf8))
        let expected = try test.node.resolvingAliases()
        #expect(DataValue(try parsed.root.resolvingAliases()) == DataValue(expected))
    }

    @Test func emitsAStreamWithADocumentStartBeforeEachDocument() throws {
        let roots = [Tree.plain("a"), Tree.record([("b", Tree.plain("1"))]), Tree.plain(""), Tree.string("x\ny\n")]
        let text = YAMLEmitter().emitStream(roots)
        #expect(text == "--- a\n---\nb: 1\n--- null\n--- |\n  x\n  y\n")
        let parsed = try YAMLParser().parseStream(Array(text.utf8))
        #expect(parsed.map { DataValue($0.root) } == roots.map(DataValue.init))
    }

    /// Trees as deep as the parser accepts emit without trouble and read back.
    @Test func deepTreesEmitAndReadBack() throws {
        var node = Tree.plain("bottom")
        for level in 0..<200 {
            node = level.isMultiple(of: 2) ? Tree.sequence([node]) : Tree.record([("k", node)])
        }
        let text = YAMLEmitter().emitDocument(node)
        #expect(text.hasSuffix("  - bottom\n"))
        let parsed = try YAMLParser().parseDocument(Array(text.utf8))
        #expect(DataValue(parsed.root) == DataValue(node))
    }
}
