import Testing
@testable import KaleidoMerge
import KaleidoYAML

/// docs/merge.md's table, one line per situation: exact merged text and exact conflict paths.
@Suite struct TruthTableTests {
    @Test func tableIsLargeEnough() {
        #expect(TruthTable.cases.count >= 40)
        #expect(Set(TruthTable.cases.map(\.name)).count == TruthTable.cases.count)
    }

    @Test(arguments: TruthTable.cases)
    func situation(_ line: MergeCase) throws {
        let result = try Merge.run(line.base, line.ours, line.theirs, hints: line.hints)
        #expect(Merge.text(result) == line.merged)
        #expect(result.conflicts.map(\.path) == line.conflicts)
        #expect(!result.reemitted)
        // The merged text always reads back.
        #expect(throws: Never.self) { try YAMLParser().parseDocument(result.bytes) }
    }
}
