import Testing
import KaleidoKB
import KaleidoYAML

/// The rules and facts are generic over the parsed form: on a compact document they must give
/// what they give on the tree, spans included.
@Suite struct CompactRecordTests {
    static func describe(_ facts: CrossRecordFacts) -> [String] {
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
            let treeFacts = CrossRecordFacts(tree, hints: hints)
            #expect(Self.describe(CrossRecordFacts(compact, hints: hints)) == Self.describe(treeFacts))
            referencesSeen += treeFacts.references.count
            let rules = RecordRules(today: SampleKBTests.today)
            #expect(rules.check(compact) == rules.check(tree), "\(file)")
            #expect(PlainScalarRule.check(compact) == PlainScalarRule.check(tree), "\(file)")
        }
        #expect(referencesSeen > 100)
    }
}

/// The cross-record rules split the reference check over several cores: the findings must be
/// the same, in the same order, as on one.
@Suite struct CrossRecordParallelTests {
    @Test func parallelReferenceCheckEqualsTheSerialOne() throws {
        let hints: [RecordType: [FieldHint]] = [.project: [FieldHint(path: [.key("lead")], ref: .partner)]]
        var facts: [CrossRecordFacts] = []
        for index in 0..<2400 {
            let text: String
            switch index % 4 {
            case 0: text = "id: p\(index)\ntype: partner\ncountry: FR\nkind: commune\n"
            case 1: text = "id: prj\(index)\ntype: project\nlead: p\(index - 1)\n"
            case 2: text = "id: prj\(index)\ntype: project\nlead: missing-\(index)\n"  // no such record
            default: text = "id: prj\(index)\ntype: project\nlead: prj\(index - 1)\n"  // wrong type
            }
            let folder = index % 4 == 0 ? "partners" : "projects"
            let root = try YAMLParser().parseDocument(Array(text.utf8)).root
            facts.append(CrossRecordFacts(Record(file: "knowledge/\(folder)/r\(index).yaml", root: root), hints: hints))
        }
        let serial = CrossRecordRules(parallelism: 1).check(facts)
        let parallel = CrossRecordRules(parallelism: 4).check(facts)
        #expect(serial.count > 1000)
        #expect(parallel == serial)
    }
}
