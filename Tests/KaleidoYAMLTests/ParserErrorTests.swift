import Testing
@testable import KaleidoYAML

/// Bad input gives an error of its own kind, at the right place, with a message that says
/// what to do.
@Suite struct ParserErrorTests {
    private func error(_ text: MarkedText, limits: YAMLLimits = .default) -> YAMLError? {
        do {
            _ = try YAMLParser(limits: limits).parseDocument(text.bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("nom: Sfax\nville: x\n0️⃣nom: Tunis\n", YAMLError.Kind.duplicateKey, "duplicate key 'nom'"),
        ("code: 1\n0️⃣\"code\": 2\n", .duplicateKey, "duplicate key 'code'"),
        ("{1: a, 0️⃣01: b}\n", .duplicateKey, "(first at line 1, column 2)"),
        ("{0x10: a, 0️⃣16: b}\n", .duplicateKey, "duplicate key '16'"),
        ("? [a, b]\n: 1\n? 0️⃣[a, b]\n: 2\n", .duplicateKey, "duplicate key (a sequence)"),
        ("{ {a: 1, b: 2}: x, 0️⃣{b: 2, a: 1}: y }\n", .duplicateKey, "duplicate key (a mapping)"),
        ("a:\n0️⃣\tb: 1\n", .syntax, "tabs cannot indent YAML; use spaces"),
        ("a: 1\n0️⃣\t- b\n", .syntax, "tabs cannot indent YAML; use spaces"),
        ("a: 0️⃣*nowhere\n", .undefinedAlias, "refers to no anchor &nowhere"),
        ("&a [ 0️⃣*a ]\n", .recursiveAlias, "refers to a collection that contains it"),
        ("0️⃣", .documentCount, "holds no YAML document"),
        ("0️⃣# only a comment\n", .documentCount, "holds no YAML document"),
        ("a: 1\n0️⃣---\nb: 2\n", .documentCount, "another one starts here"),
        ("key: \"value\"0️⃣# note\n", .syntax, "a comment needs a space before '#'"),
        ("nom: 0️⃣\"Sfax\n", .syntax, "this quoted string is never closed"),
        ("a: b: c\n", .syntax, "unexpected ':' here"),
        ("a: 0️⃣[1, 2\n", .syntax, "this [ ] list is never closed; add the closing ']'"),
        ("a: [1, 2\nb0️⃣: c\n", .syntax, "expected ',' or ']' in this [ ] list; the list opened at line 1, column 4"),
        ("a: 0️⃣{b: 1\n", .syntax, "this { } mapping is never closed"),
        ("a: 0️⃣@x\n", .syntax, "'@' cannot start a value"),
        ("\u{FEFF}a: b0️⃣\u{01}c\n", .syntax, "control character U+0001, which YAML does not allow"),
        ("a: [b]0️⃣#c\n", .syntax, "a comment needs a space before '#'"),
        ("a: [b, 0️⃣-]\n", .syntax, "a plain value cannot start with '-'"),
        ("ville: صفاقس\nnom: 0️⃣`x`\n", .syntax, "'`' cannot start a value"),
    ])
    func rejects(source: String, kind: YAMLError.Kind, message: String) throws {
        let text = MarkedText(source)
        let error = try #require(self.error(text))
        #expect(error.kind == kind)
        #expect(error.message.contains(message), "\(error.message)")
        if text.marks[0] != nil { #expect(error.mark == text[0]) }
    }

    @Test func keysAreComparedByResolvedValue() throws {
        // Different resolved values are different keys: the string "1" and the integer 1,
        // the string "true" and the boolean true, an application tag and none.
        let document = try YAMLParser().parseDocument(Array("1: a\n\"1\": b\ntrue: c\n'true': d\n!x k: e\nk: f\n".utf8))
        #expect(document.root.mappingPairs?.count == 6)
    }

    @Test func invalidUTF8NamesTheByteOffset() throws {
        let bytes = Array("ville: Sfax\nnom: Municipalit".utf8) + [0xE9] + Array(" de Sfax\n".utf8)
        let error = try #require(catchError(bytes))
        #expect(error.kind == .invalidUTF8)
        #expect(error.message.contains("byte offset 28"))
        #expect(error.mark == SourceMark(offset: 28, line: 2, column: 17))
    }

    private func catchError(_ bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLError? {
        do {
            _ = try YAMLParser(limits: limits).parseStream(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xFF, 0xFE], [0xE2, 0x82],
    ] as [[UInt8]])
    func rejectsMalformedUTF8(sequence: [UInt8]) throws {
        let error = try #require(catchError(Array("a: ".utf8) + sequence + [0x0A]))
        #expect(error.kind == .invalidUTF8)
        #expect(error.mark.offset == 3)
    }

    @Test func acceptsAByteOrderMarkAndCRLF() throws {
        let document = try YAMLParser().parseDocument([0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: 2\r\n".utf8))
        #expect(document.root.mappingPairs?.map(\.value.content) == [.scalar("1", .plain), .scalar("2", .plain)])
    }

    @Test func billionLaughsFailsWithAliasExpansion() throws {
        var source = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            source += "a\(level): &a\(level) [\(refs)]\n"
        }
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(catchError(Array(source.utf8)))
        #expect(error.kind == .aliasExpansion)
        #expect(error.message.contains("more than 100000 nodes"))
        #expect(clock.now - start < .seconds(2))
    }

    @Test func tenThousandNestedBracketsFailFastWithTooDeep() throws {
        let source = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(catchError(Array(source.utf8)))
        #expect(error.kind == .tooDeep)
        #expect(error.mark.column == 257)
        #expect(clock.now - start < .seconds(2))
    }

    @Test func aliasesCannotNestPastTheDepthLimit() throws {
        let limits = YAMLLimits(maxFileBytes: 1 << 20, maxDepth: 4, maxScalarBytes: 1 << 20, maxAliasExpansion: 1000)
        #expect(catchError(Array("a: &a [[x]]\nb: [*a]\n".utf8), limits: limits) == nil)
        #expect(catchError(Array("a: &a [[x]]\nb: [[*a]]\n".utf8), limits: limits)?.kind == .tooDeep)
    }

    @Test func sizeLimits() throws {
        let limits = YAMLLimits(maxFileBytes: 64, maxDepth: 8, maxScalarBytes: 8, maxAliasExpansion: 10)
        #expect(catchError(Array(repeating: UInt8(ascii: "a"), count: 65), limits: limits)?.kind == .tooLarge)
        let scalar = catchError(Array("k: 0123456789\n".utf8), limits: limits)
        #expect(scalar?.kind == .scalarTooLarge)
        #expect(scalar?.mark == SourceMark(offset: 3, line: 1, column: 4))
        #expect(catchError(Array("a: &a [x, y]\nb: [*a, *a, *a, *a]\n".utf8), limits: limits)?.kind == .aliasExpansion)
        #expect(catchError(Array("a: &a [x, y]\nb: [*a, *a, *a]\n".utf8), limits: limits) == nil)
    }

    @Test func parseStreamReadsEveryDocument() throws {
        let documents = try YAMLParser().parseStream(Array("--- a\n...\n--- &x b\n---\n- c\n".utf8))
        #expect(documents.count == 3)
        #expect(documents[0].explicitStart && documents[0].explicitEnd)
        #expect(!documents[1].explicitEnd)
        // Anchors do not cross documents.
        #expect(catchError(Array("--- &x a\n--- *x\n".utf8))?.kind == .undefinedAlias)
    }

    @Test func resolvingAliasesCopiesTheAnchoredNode() throws {
        let root = try YAMLParser().parseDocument(Array("base: &b {ville: Sfax}\ncopie: *b\n".utf8)).root
        let resolved = try root.resolvingAliases()
        let pairs = try #require(resolved.mappingPairs)
        #expect(pairs[1].value.withoutSpans == pairs[0].value.withoutSpans)
        let tight = YAMLLimits(maxFileBytes: 100, maxDepth: 8, maxScalarBytes: 100, maxAliasExpansion: 2)
        #expect(throws: YAMLError.self) { try root.resolvingAliases(limits: tight) }
        let dangling = YAMLNode(.sequence([YAMLNode(.alias("z"))], .flow))
        #expect(throws: YAMLError.self) { try dangling.resolvingAliases() }
    }

    @Test func tagsAreResolvedAndStylesKept() throws {
        let source = "%TAG !e! tag:example.com,2000:\n---\na: !!str 1\nb: !e!point {x: 1}\nc: ! 12\nd: 'q'\ne: \"dq\"\nf: |\n  l\ng: >\n  f\n"
        let pairs = try #require(try YAMLParser().parseDocument(Array(source.utf8)).root.mappingPairs)
        #expect(pairs.map(\.value.tag) == ["tag:yaml.org,2002:str", "tag:example.com,2000:point", "!", nil, nil, nil, nil])
        #expect(pairs[1].value.content == .mapping([YAMLPair(key: pairs[1].value.mappingPairs![0].key, value: pairs[1].value.mappingPairs![0].value)], .flow))
        let styles: [ScalarStyle?] = pairs.map {
            if case .scalar(_, let style) = $0.value.content { return style }
            return nil
        }
        #expect(styles == [.plain, nil, .plain, .singleQuoted, .doubleQuoted, .literal, .folded])
    }
}
