import Testing
@testable import KaleidoYAML

/// Every node's span is exactly its text: checked on real-looking records (French accents,
/// Arabic, emoji, flow and block styles, block scalars, quoted keys, CRLF, BOM) with marked
/// positions, and for every node by re-parsing the span's bytes.
@Suite struct SpanTests {
    static let records: [String] = [
        // Block style, French accents, Arabic, emoji, literal and folded scalars.
        """
        id: 0️⃣tn-mun-sfax1️⃣
        nom: 2️⃣"Municipalité de Sfax"3️⃣
        ville: 4️⃣صفاقس5️⃣
        notes: 6️⃣|
          Réunion à Sfax 🎉 le 12 mars,
          deuxième ligne — fin.7️⃣

        résumé: >-
          Projet de coopération
          décentralisée 🌍
        contacts:
          8️⃣- nom: 'Émilie Durand'
            rôle: chargée de mission
          - nom: Ahmed Ben Salah
            rôle: ~9️⃣
        # fin du dossier

        """,
        // CRLF line ends, a quoted key, flow collections, tags and anchors.
        "\"clé\": 0️⃣{ a: 1, 'b': [x, \"y\"] }1️⃣\r\nbudget: 2️⃣!!int 1004\u{33}️⃣\r\n"
            + "partenaires: 4️⃣&p [ 'مدينة صفاقس', Lyon ]5️⃣\r\ncopie: 6️⃣*p7️⃣\r\nvide:8️⃣\r\n",
        // A byte order mark, emoji keys, a literal keeping its trailing newlines, nested maps.
        "\u{FEFF}0️⃣😀: 1️⃣|+\n  ligne 1\n\n  ligne trois2️⃣\n\n\n🇹🇳 pays:\n  3️⃣code: TN\n  nom: تونس4️⃣\n",
    ]

    @Test func marksOnTheFirstRecord() throws {
        let text = MarkedText(Self.records[0])
        let root = try YAMLParser().parseDocument(text.bytes).root
        let pairs = try #require(root.mappingPairs)
        #expect(pairs[0].value.span == text.span(0, 1))
        #expect(pairs[1].value.span == text.span(2, 3))
        #expect(pairs[2].value.span == text.span(4, 5))
        #expect(pairs[3].value.span == text.span(6, 7))
        #expect(pairs[5].value.span == text.span(8, 9))
        #expect(root.span.start == SourceMark(offset: 0, line: 1, column: 1))
        #expect(root.span.end == text[9])
    }

    @Test func marksWithCRLFFlowAndAliases() throws {
        let text = MarkedText(Self.records[1])
        let pairs = try #require(try YAMLParser().parseDocument(text.bytes).root.mappingPairs)
        #expect(pairs[0].value.span == text.span(0, 1))
        #expect(pairs[1].value.span == text.span(2, 3))
        #expect(pairs[2].value.span == text.span(4, 5))
        #expect(pairs[3].value.span == text.span(6, 7))
        #expect(pairs[4].value.span == text.span(8, 8))
        #expect(pairs[2].value.span.start.line == 3)
    }

    @Test func marksAfterAByteOrderMark() throws {
        let text = MarkedText(Self.records[2])
        #expect(text[0] == SourceMark(offset: 3, line: 1, column: 1))
        let pairs = try #require(try YAMLParser().parseDocument(text.bytes).root.mappingPairs)
        #expect(pairs[0].key.span.start == text[0])
        // A kept block scalar's trailing empty lines belong to its value but not to its span.
        #expect(pairs[0].value.span == text.span(1, 2))
        #expect(pairs[1].value.span == text.span(3, 4))
    }

    /// libyaml counts characters; offsets must count bytes: 2-byte accents, 2-byte Arabic,
    /// 3-byte symbols and 4-byte emoji on one line.
    @Test(arguments: ["é", "ص", "—", "😀", "🇹🇳"])
    func columnsCountScalarsAndOffsetsCountBytes(prefix: String) throws {
        let text = MarkedText("k: [\(prefix)\(prefix), 0️⃣x1️⃣]\n")
        let root = try YAMLParser().parseDocument(text.bytes).root
        let item = try #require(root.mappingPairs?.first?.value.sequenceItems?.last)
        #expect(item.span == text.span(0, 1))
        #expect(item.span.start.column == 6 + 2 * prefix.unicodeScalars.count + 1)
    }

    /// For every node: the span lies in its parent's, has no surrounding white space, and its
    /// bytes, re-parsed at the same indentation, give the same node back.
    @Test(arguments: Self.records.indices)
    func everySpanIsExactlyTheNodesText(index: Int) throws {
        let text = MarkedText(Self.records[index])
        let root = try YAMLParser().parseDocument(text.bytes).root
        try check(root, in: text.bytes, parent: nil)
    }

    private func check(_ node: YAMLNode, in bytes: [UInt8], parent: SourceSpan?) throws {
        let range = node.span.byteRange
        try #require(range.lowerBound >= 0 && range.upperBound <= bytes.count)
        if let parent { #expect(parent.byteRange.lowerBound <= range.lowerBound && range.upperBound <= parent.byteRange.upperBound) }
        let slice = Array(bytes[range])
        let white: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        if let first = slice.first, let last = slice.last {
            #expect(!white.contains(first) && !white.contains(last), "span \(node.span) has surrounding white space")
        }
        if !node.containsAlias, !slice.isEmpty {
            // Re-parse the span's text at its column, so that block structure keeps its indentation.
            let padding = [UInt8](repeating: 0x20, count: node.span.start.column - 1)
            let reparsed = try YAMLParser().parseDocument(padding + slice + [0x0A]).root
            #expect(reparsed.withoutSpans == node.withoutSpans.keptNewlinesTrimmed, "span \(node.span) is \(String(decoding: slice, as: UTF8.self))")
        }
        switch node.content {
        case .sequence(let items, _):
            for item in items { try check(item, in: bytes, parent: node.span) }
        case .mapping(let pairs, _):
            for pair in pairs {
                try check(pair.key, in: bytes, parent: node.span)
                try check(pair.value, in: bytes, parent: node.span)
            }
        case .scalar, .alias: break
        }
    }
}

extension YAMLNode {
    var mappingPairs: [YAMLPair]? {
        if case .mapping(let pairs, _) = content { return pairs }
        return nil
    }

    var sequenceItems: [YAMLNode]? {
        if case .sequence(let items, _) = content { return items }
        return nil
    }

    var containsAlias: Bool {
        switch content {
        case .alias: return true
        case .scalar: return false
        case .sequence(let items, _): return items.contains { $0.containsAlias }
        case .mapping(let pairs, _): return pairs.contains { $0.key.containsAlias || $0.value.containsAlias }
        }
    }

    /// A `|+` or `>+` scalar's value without the trailing line breaks that its span leaves out.
    var keptNewlinesTrimmed: YAMLNode {
        guard case .scalar(var text, let style) = content, style == .literal || style == .folded, text.hasSuffix("\n\n") else {
            return self
        }
        while text.hasSuffix("\n\n") { text.removeLast() }
        var copy = self
        copy.content = .scalar(text, style)
        return copy
    }

    /// The node with every span cleared, to compare content, style, tags and anchors.
    var withoutSpans: YAMLNode {
        var copy = self
        copy.span = .none
        switch content {
        case .sequence(let items, let style): copy.content = .sequence(items.map(\.withoutSpans), style)
        case .mapping(let pairs, let style):
            copy.content = .mapping(pairs.map { YAMLPair(key: $0.key.withoutSpans, value: $0.value.withoutSpans) }, style)
        case .scalar, .alias: break
        }
        return copy
    }
}
