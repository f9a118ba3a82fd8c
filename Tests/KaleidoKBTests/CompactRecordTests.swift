import Testing
import KaleidoKB
import KaleidoYAML

/// The rules and facts are generic over the parsed form: on a compact document they must give
/// what they give on the tree, spans included.
@Suite struct CompactRecordTests {
    static func describe(_ facts: RecordFacts) -> [String] {
        [
            "\(facts.file) \(facts.id ?? "-") \(facts.idSpan) \(facts.type?.rawValue ?? "-")",
            "\(facts.country ?? "-") \(facts.kind ?? "-") \(facts.supersedes ?? "-") \(facts.partiesSpan?.description ?? "-") \(facts.partyIDs)",
        ] + facts.references.map { "\($0.id) \($0.target) \($0.span) \($0.pointer)" }
    }

    @Test func sampleRecordsGiveTheSameFactsAndFindingsOnBothForms() throws {
        let kb = try KnowledgeBase.open(root: SampleKBTests.projectRoot, fileSystem: LocalFileSystem())
        let hints = try KBSchemas.load(kb).hints
        let validator = KBValidator(kb: kb, today: SampleKBTests.today, schemaChecker: nil, hints: hints, parallelism: 1)
        let files = try validator.recordFiles()
        try #require(files.count >= 40)
        var referencesSeen = 0
        for file in files {
            let bytes = try kb.fileSystem.readFile(kb.path(file))
            let tree = Record(file: file, root: try YAMLParser().parseDocument(bytes).root)
            let document = try #require(CompactParser().parse(bytes), "\(file) should take the fast path")
            let compact = CompactRecord(file: file, root: CompactNode(root: document))
            let treeFacts = RecordFacts(tree, hints: hints)
            #expect(Self.describe(RecordFacts(compact, hints: hints)) == Self.describe(treeFacts))
            referencesSeen += treeFacts.references.count
            let rules = RecordRules(today: SampleKBTests.today)
            #expect(rules.check(compact) == rules.check(tree), "\(file)")
            #expect(PlainScalarRule.check(compact) == PlainScalarRule.check(tree), "\(file)")
        }
        #expect(referencesSeen > 100)
    }
}
