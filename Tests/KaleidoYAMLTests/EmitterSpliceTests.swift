import Testing
@testable import KaleidoYAML

/// The fragment API the merge uses to splice new content into an existing file.
@Suite struct EmitterSpliceTests {
    typealias T = Tree
    let emitter = YAMLEmitter()

    @Test func aScalarValueStaysOnTheKeyLine() {
        let value = emitter.emitValue(T.string("yes"), indentation: 4, after: .mappingValue)
        #expect(value == YAMLEmitter.EmittedValue(sameLine: "'yes'", followingLines: "", text: " 'yes'\n"))
        let empty = emitter.emitValue(T.plain(""), indentation: 4, after: .mappingValue)
        #expect(empty == YAMLEmitter.EmittedValue(sameLine: "", followingLines: "", text: "\n"))
    }

    @Test func aCollectionValueFollowsOnDeeperLines() {
        let node = T.record([("a", T.plain("1")), ("b", T.sequence([T.plain("x")]))])
        let value = emitter.emitValue(node, indentation: 2, after: .mappingValue)
        #expect(value.sameLine == "")
        #expect(value.followingLines == "    a: 1\n    b:\n      - x\n")
        #expect(value.text == "\n    a: 1\n    b:\n      - x\n")
        let tagged = emitter.emitValue(T.record([("a", T.plain("1"))], tag: "!custom"), indentation: 0, after: .mappingValue)
        #expect(tagged.text == " !custom\n  a: 1\n")
    }

    @Test func aMappingItemIsCompact() {
        let node = T.record([("id", T.plain("x")), ("name", T.plain("Sfax"))])
        let value = emitter.emitValue(node, indentation: 2, after: .sequenceItem)
        #expect(value == YAMLEmitter.EmittedValue(sameLine: "id: x", followingLines: "    name: Sfax\n", text: " id: x\n    name: Sfax\n"))
        let wide = YAMLEmitter(options: .init(indent: 4)).emitValue(node, indentation: 0, after: .sequenceItem)
        #expect(wide.text == "   id: x\n    name: Sfax\n")
    }

    @Test func aLiteralValueIsIndentedUnderItsKey() {
        let value = emitter.emitValue(T.string("l1\n l2\n"), indentation: 2, after: .mappingValue)
        #expect(value == YAMLEmitter.EmittedValue(sameLine: "|", followingLines: "    l1\n     l2\n", text: " |\n    l1\n     l2\n"))
    }

    @Test func entriesAndItemsAreWholeLinesAtTheirColumn() {
        #expect(emitter.emitMappingEntry(key: T.plain("insee"), value: T.string("01004"), indentation: 2) == "  insee: '01004'\n")
        #expect(emitter.emitMappingEntry(key: T.sequence([T.plain("a")]), value: T.plain("b"), indentation: 2)
            == "  ? - a\n  : b\n")
        #expect(emitter.emitSequenceItem(T.record([("id", T.plain("x")), ("since", T.string("2011"))]), indentation: 2)
            == "  - id: x\n    since: '2011'\n")
        #expect(emitter.emitSequenceItem(T.plain(""), indentation: 0) == "-\n")
    }

    /// What the merge does: edit a file at the parser's spans, leaving every other byte alone.
    @Test func splicedFragmentsKeepTheFileValidAndItsCommentsInPlace() throws {
        let original = """
            id: tn-mun-sfax   # the id
            country: TN
            name:
              fr: Sfax
            partners:
              - id: fr-com-romans # twinned 1968

            """
        let parsed = try YAMLParser().parseDocument(Array(original.utf8))
        guard case .mapping(let pairs, _) = parsed.root.content else { throw SpliceFailure() }
        var bytes = Array(original.utf8)
        // From the end backwards, so that earlier offsets stay valid.
        let partnersEnd = pairs[3].value.span.end.offset
        let newPartner = emitter.emitSequenceItem(T.record([("id", T.plain("fr-dep-drome")), ("since", T.string("2011-09"))]), indentation: 2)
        let insertAt = bytes[partnersEnd...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count
        bytes.insert(contentsOf: Array(newPartner.utf8), at: insertAt)
        let nameEnd = pairs[2].value.span.end.offset
        bytes.insert(contentsOf: Array(emitter.emitMappingEntry(key: T.plain("ar"), value: T.plain("صفاقس"), indentation: 2).utf8),
                     at: nameEnd + 1)
        let country = pairs[1].value.span.byteRange
        bytes.replaceSubrange(country, with: Array(emitter.emitValue(T.string("NO"), indentation: 0, after: .mappingValue).sameLine.utf8))

        let edited = String(decoding: bytes, as: UTF8.self)
        #expect(edited == """
            id: tn-mun-sfax   # the id
            country: 'NO'
            name:
              fr: Sfax
              ar: صفاقس
            partners:
              - id: fr-com-romans # twinned 1968
              - id: fr-dep-drome
                since: '2011-09'

            """)
        let reparsed = try YAMLParser().parseDocument(bytes)
        let expected = T.record([
            ("id", T.plain("tn-mun-sfax")), ("country", T.string("NO")),
            ("name", T.record([("fr", T.plain("Sfax")), ("ar", T.plain("صفاقس"))])),
            ("partners", T.sequence([T.record([("id", T.plain("fr-com-romans"))]),
                                     T.record([("id", T.plain("fr-dep-drome")), ("since", T.string("2011-09"))])])),
        ])
        #expect(DataValue(reparsed.root) == DataValue(expected))
    }

    @Test func aRepeatedAnchoredCopyBecomesAnAliasButARedefinitionStays() {
        let shared = T.record([("x", T.plain("1"))], anchor: "a")
        #expect(emitter.emitDocument(T.sequence([shared, shared])) == "- &a\n  x: 1\n- *a\n")
        let other = T.record([("x", T.plain("2"))], anchor: "a")
        #expect(emitter.emitDocument(T.sequence([shared, other])) == "- &a\n  x: 1\n- &a\n  x: 2\n")
        let key = T.plain("k", anchor: "k")
        #expect(emitter.emitDocument(T.mapping([(key, T.plain("1")), (T.plain("b"), key)])) == "&k k: 1\nb: *k\n")
    }

    @Test func indentationIsClampedToWhatYAMLAllows() {
        let node = T.record([("a", T.record([("b", T.plain("1"))]))])
        #expect(YAMLEmitter(options: .init(indent: 1)).emitDocument(node) == "a:\n  b: 1\n")
        #expect(YAMLEmitter(options: .init(indent: 12)).emitDocument(node) == "a:\n         b: 1\n")
        #expect(emitter.emitMappingEntry(key: T.plain("a"), value: T.plain("1"), indentation: -3) == "a: 1\n")
    }

    struct SpliceFailure: Error {}
}
