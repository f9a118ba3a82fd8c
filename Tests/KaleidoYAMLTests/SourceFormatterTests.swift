import KaleidoYAML
import Testing

/// `SourceFormatter`'s line and indentation rules, and its refusals.
@Suite struct SourceFormatterTests {
    private func format(_ text: String) throws -> (text: String, changes: [SourceFormatter.Change]) {
        let result = try SourceFormatter().format(Array(text.utf8))
        return (String(decoding: result.bytes, as: UTF8.self), result.changes)
    }

    @Test("CRLF becomes LF, trailing blanks go, a final line break is added")
    func lineEnds() throws {
        let result = try format("a: 1  \r\nb:\tx\t\r\n# note \r\nc: [1, 2]")
        #expect(result.text == "a: 1\nb:\tx\n# note\nc: [1, 2]\n")
        #expect(result.changes == [.lineEnds(3), .trailingSpaces(3), .finalNewline])
    }

    @Test("trailing spaces inside a block scalar are content and stay; CRLF there becomes LF")
    func blockScalarContent() throws {
        let result = try format("keep: |+\r\n  two  \r\n  \r\n\r\nfolded: >\n  a  \n  b\nend: 1 \n")
        #expect(result.text == "keep: |+\n  two  \n  \n\nfolded: >\n  a  \n  b\nend: 1\n")
    }

    @Test("nested blocks go to two spaces per level; a sequence at its key's column stays there")
    func indentation() throws {
        let source = """
            id: x
            contract:
                kind: bon   # four spaces
                parts:
                      - a
                      - b
                lines:
                -   label: one
                    amount: 2
                # a comment in the mapping
                -   label: two
            names:
            - value: A
              lang: fr
            text: |
                  literal keeps
                    its relative indent
            other:
                 deep:
                         deeper: 1

            """
        let expected = """
            id: x
            contract:
              kind: bon   # four spaces
              parts:
                - a
                - b
              lines:
              -   label: one
                  amount: 2
              # a comment in the mapping
              -   label: two
            names:
            - value: A
              lang: fr
            text: |
                  literal keeps
                    its relative indent
            other:
              deep:
                deeper: 1

            """
        let result = try format(source)
        #expect(result.text == expected)
        #expect(result.changes == [.indentation(11)])
        #expect(try format(result.text).changes.isEmpty)
    }

    @Test("an already formatted file comes back byte for byte, with no change")
    func formattedIsKept() throws {
        let source = "# c\nid: x\nlist:\n  - a: 1\n    b: [x, y]\n  - 'q'\nmap: {k: v}\n"
        let result = try format(source)
        #expect(result.text == source)
        #expect(result.changes.isEmpty)
    }

    @Test("a file that does not parse fails with the parser's position")
    func unparsable() throws {
        #expect {
            _ = try SourceFormatter().format(Array("a: 1\nb: [unclosed\n".utf8))
        } throws: { error in
            guard case .unparsable(let yaml) = error as? SourceFormatter.Failure else { return false }
            return yaml.mark.line >= 2
        }
    }
}

/// The tree check behind every step: a step that would change a value is dropped.
@Suite struct SourceFormatterGuardTests {
    @Test("an escaped space before a line break keeps its line: trimming it would join the words")
    func escapedSpaceKept() throws {
        let source = "k: \"a\\ \n  b\"\nz: 1  \n"
        let result = try SourceFormatter().format(Array(source.utf8))
        #expect(String(decoding: result.bytes, as: UTF8.self) == source)
        #expect(result.changes.isEmpty)
    }

    @Test("re-indenting is dropped where it would change a block scalar's blank line")
    func reindentingDroppedWhenItChangesContent() throws {
        let source = "a:\n    text: |\n        one\n          \n        two\n"
        let result = try SourceFormatter().format(Array(source.utf8))
        #expect(String(decoding: result.bytes, as: UTF8.self) == source)
        #expect(result.changes.isEmpty)
    }

    @Test("a CRLF file is cleaned even when it cannot be re-indented, and quoting happens regardless")
    func quotingWithoutReindenting() throws {
        let source = "a:\r\n    text: |\r\n        one\r\n          \r\n        two\r\n    b: NO\r\n"
        let span = source.utf8.count - "NO\r\n".utf8.count
        let result = try SourceFormatter().format(Array(source.utf8), quoting: [span..<(span + 2)])
        #expect(String(decoding: result.bytes, as: UTF8.self) == "a:\n    text: |\n        one\n          \n        two\n    b: \"NO\"\n")
        #expect(result.changes == [.quoted("NO", at: SourceMark(offset: span, line: 6, column: 8)), .lineEnds(6)])
    }
}

/// Every document of the yaml-test-suite through the formatter, every plain scalar quoted:
/// it never crashes, formats or refuses, and formatting its own output changes nothing.
@Suite struct SourceFormatterSuiteTests {
    @Test func everySuiteDocumentFormatsIdempotently() throws {
        let cases = SuiteCase.all
        try #require(cases.count == 402, "the yaml-test-suite corpus is missing")
        var formatted = 0, reindented = 0, refused = 0, unparsable = 0
        for suiteCase in cases {
            guard let bytes = suiteCase.file("in.yaml") else { continue }
            guard let documents = try? YAMLParser().parseStream(bytes) else {
                unparsable += 1
                continue
            }
            var plain = Set<Range<Int>>()
            func collect(_ node: YAMLNode) {
                switch node.content {
                case .scalar(_, .plain): plain.insert(node.span.byteRange)
                case .sequence(let items, _): items.forEach(collect)
                case .mapping(let pairs, _): pairs.forEach { collect($0.key); collect($0.value) }
                default: break
                }
            }
            documents.forEach { collect($0.root) }
            let result: SourceFormatter.Result
            do { result = try SourceFormatter().format(bytes, quoting: plain) } catch {
                #expect(error == .wouldChangeContent(error.mark), "\(suiteCase.id): \(error)")
                refused += 1
                continue
            }
            formatted += 1
            if result.changes.contains(where: { if case .indentation = $0 { true } else { false } }) { reindented += 1 }
            let again = try? SourceFormatter().format(result.bytes)
            #expect(again?.bytes == result.bytes && again?.changes == [], "\(suiteCase.id): not idempotent")
        }
        print("SourceFormatter over yaml-test-suite: \(formatted) formatted (\(reindented) re-indented), \(refused) refused, \(unparsable) unparsable")
        #expect(formatted > 250)
    }
}
