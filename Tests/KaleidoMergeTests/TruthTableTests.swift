import Foundation
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

    @Test(arguments: TruthTable.flowConflicts)
    func flowOrJSONRecordWithAConflict(_ line: MergeCase) throws {
        try situation(line)
    }

    /// A JSON record stays a JSON document that a JSON parser reads, conflicts included.
    @Test func jsonRecordsStayJSON() throws {
        for line in TruthTable.flowConflicts where line.ours.hasPrefix("{\"") || line.ours.hasPrefix("{\n") {
            let result = try Merge.run(line.base, line.ours, line.theirs, now: TruthTable.now)
            let object = try JSONSerialization.jsonObject(with: Data(result.bytes)) as? [String: Any]
            #expect(object?["id"] as? String == "p", "\(line.name)")
            if !line.conflicts.isEmpty {
                let entries = object?["_conflicts"] as? [[String: Any]]
                #expect(entries?.first?["at"] as? String == TruthTable.now, "\(line.name)")
            }
        }
    }
}
