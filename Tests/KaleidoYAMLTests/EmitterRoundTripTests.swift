import Testing
@testable import KaleidoYAML

/// The emitter's promise on real YAML: every value tree the yaml-test-suite produces, emitted and
/// parsed back, is the same tree as data (kinds, resolved scalars, non-implied tags, key order).
@Suite struct EmitterRoundTripTests {
    /// The suite's cases our parser accepts (valid ones, and the few invalid ones libyaml lets
    /// through: their trees are still trees).
    static let accepted: [SuiteCase] = SuiteCase.all.filter { suiteCase in
        guard let input = suiteCase.file("in.yaml") else { return false }
        return (try? YAMLParser().parseStream(input)) != nil
    }

    /// Parse, expand aliases, emit, parse again: the outcome for one case, nil when it holds.
    static func roundTripFailure(_ suiteCase: SuiteCase, expandingFirst: Bool, options: YAMLEmitter.Options = .default) -> String? {
        do {
            let documents = try YAMLParser().parseStream(suiteCase.file("in.yaml") ?? [])
            let expanded = try documents.map { document throws(YAMLError) in try document.root.resolvingAliases() }
            let text = YAMLEmitter(options: options).emitStream(expandingFirst ? expanded : documents.map(\.root))
            if text.contains("\t") { return "the emitted text holds a tab:\n\(text)" }
            if !documents.isEmpty && !text.hasSuffix("\n") { return "the emitted text does not end with a line break" }
            let reparsed: [YAMLNode]
            do {
                reparsed = try YAMLParser().parseStream(Array(text.utf8)).map { document throws(YAMLError) in
                    try document.root.resolvingAliases()
                }
            } catch {
                return "the emitted text does not parse (\(error)):\n\(text)"
            }
            let before = expanded.map(DataValue.init), after = reparsed.map(DataValue.init)
            return before == after ? nil : "data differ:\n\(before)\n\(after)\nemitted:\n\(text)"
        } catch {
            return "the case no longer parses: \(error)"
        }
    }

    @Test(arguments: accepted)
    func emittingAndParsingBackGivesTheSameTree(_ suiteCase: SuiteCase) {
        // As the merge uses it: a tree with aliases expanded.
        let expanded = Self.roundTripFailure(suiteCase, expandingFirst: true)
        #expect(expanded == nil, "\(expanded ?? "")")
        // And with anchors and aliases emitted as they were parsed.
        let asParsed = Self.roundTripFailure(suiteCase, expandingFirst: false)
        #expect(asParsed == nil, "\(asParsed ?? "")")
        // Other layouts: wide indentation, sequences at their key's column, odd indentation.
        for options in [YAMLEmitter.Options(indent: 4, indentSequencesInMappings: false), YAMLEmitter.Options(indent: 3)] {
            let failure = Self.roundTripFailure(suiteCase, expandingFirst: false, options: options)
            #expect(failure == nil, "indent \(options.indent): \(failure ?? "")")
        }
    }

    @Test func coversTheAcceptedCasesOfTheSuite() throws {
        try #require(SuiteCase.all.count == 402, "the yaml-test-suite corpus is missing")
        let holding = Self.accepted.filter { Self.roundTripFailure($0, expandingFirst: true) == nil }
        print("emitter round trip: \(holding.count)/\(Self.accepted.count) yaml-test-suite cases accepted by the parser "
            + "read back as the same tree (of \(SuiteCase.all.count) cases)")
        #expect(Self.accepted.count >= 260)
        #expect(holding.count == Self.accepted.count)
    }

    /// Every string of up to three characters drawn from YAML's troublemakers (indicators,
    /// blanks, breaks, quotes, digits, NEL, a non-ASCII letter), as a key and as a value.
    static let generatedStrings: [String] = {
        let alphabet: [String] = ["a", " ", "-", ":", "#", "\n", "'", "\"", "\\", "\t", "0", ".", "?", "&", "é", "\u{85}", "\r", "|", ",", "["]
        var strings = [""]
        var previous = [""]
        for _ in 1...3 {
            previous = previous.flatMap { prefix in alphabet.map { prefix + $0 } }
            strings += previous
        }
        return strings
    }()

    @Test func generatedStringsReadBackUnchanged() throws {
        let tree = Tree.mapping(Self.generatedStrings.map { (Tree.string($0), Tree.string($0)) })
        let text = YAMLEmitter().emitDocument(tree)
        #expect(!text.contains("\t"))
        let parsed = try YAMLParser().parseDocument(Array(text.utf8))
        guard case .mapping(let pairs, _) = parsed.root.content else {
            Issue.record("the emitted text is not a mapping")
            return
        }
        try #require(pairs.count == Self.generatedStrings.count)
        for (pair, string) in zip(pairs, Self.generatedStrings) {
            #expect(DataValue(pair.key) == .scalar(.string(string), tag: nil), "key \(string.debugDescription)")
            #expect(DataValue(pair.value) == .scalar(.string(string), tag: nil), "value \(string.debugDescription)")
        }
        print("emitter: \(Self.generatedStrings.count) generated strings read back unchanged as keys and values")
    }
}
