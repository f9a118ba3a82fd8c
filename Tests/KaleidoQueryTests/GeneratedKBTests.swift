import Foundation
import KaleidoFixtures
import KaleidoKB
import KaleidoQuery
import KaleidoYAML
import Testing

/// `history` on a generated KB of a few thousand records, checked for every partner against
/// back-references computed here straight from the raw files: every string scalar anywhere in
/// a record that equals a partner's id (no schema hints, no index).
@Suite struct GeneratedKBTests {
    /// Partner id → ids of the non-partner records that mention it, from the files alone; and
    /// record id → its top-level `since` or `start` as written.
    static func rawBackReferences(root: String) throws -> (back: [String: Set<String>], starts: [String: String]) {
        let files = try LocalFileSystem().listFiles(under: root + "/knowledge")
        var partnerIDs = Set<String>()
        var records: [(id: String, isPartner: Bool, strings: Set<String>)] = []
        var starts: [String: String] = [:]
        for file in files {
            let document = try YAMLParser().parseDocument(try LocalFileSystem().readFile(root + "/knowledge/" + file))
            var strings = Set<String>()
            var stack = [document.root]
            while let node = stack.popLast() {
                switch node.content {
                case .scalar(let text, _): strings.insert(text)
                case .sequence(let items, _): stack += items
                case .mapping(let pairs, _): stack += pairs.map(\.value)
                case .alias: break
                }
            }
            let id = document.root["id"]?.scalarText ?? ""
            if let start = (document.root["since"] ?? document.root["start"])?.scalarText { starts[id] = start }
            let isPartner = file.hasPrefix("partners/")
            if isPartner { partnerIDs.insert(id) }
            records.append((id, isPartner, strings))
        }
        var back: [String: Set<String>] = [:]
        for partner in partnerIDs { back[partner] = [] }
        for record in records where !record.isPartner {
            for text in record.strings.intersection(partnerIDs) { back[text, default: []].insert(record.id) }
        }
        return (back, starts)
    }

    @Test func historyOfEveryPartnerMatchesRawBackReferences() throws {
        let scratch = try ScratchKB(records: 3000, seed: 42)
        defer { scratch.remove() }
        let (expected, starts) = try Self.rawBackReferences(root: scratch.root)
        let index = try SampleKB.buildIndex(root: scratch.root)
        #expect(index.count == 3000)
        #expect(expected.count == 300)
        var mismatches: [String] = []
        for (partner, ids) in expected {
            let position = try #require(index.position(of: partner))
            let found = HistoryQuery(partner: position).run(on: index).map(\.id)
            if Set(found) != ids || found.count != ids.count { mismatches.append(partner) }
        }
        #expect(mismatches.isEmpty, "partners whose history differs from the raw files: \(mismatches.sorted().prefix(10))")
        #expect(expected.values.map(\.count).reduce(0, +) > 2000)

        // The CLI (cold, then from its cache) answers the same for a sample of partners, each
        // start printed as written (the generator writes days and months).
        var dated = 0
        for partner in expected.keys.sorted().prefix(12) {
            let entries = try #require(try Kaleido.json(["history", partner], in: scratch.root) as? [[String: Any]])
            #expect(Set(entries.compactMap { $0["id"] as? String }) == expected[partner])
            for entry in entries where ["partnership", "project", "engagement", "event"].contains(entry["type"] as? String) {
                let id = entry["id"] as? String ?? ""
                #expect(entry["start"] as? String == starts[id], "\(id)")
                dated += 1
            }
        }
        #expect(dated > 50)
        #expect(Set(starts.values.map(\.count)) == [7, 10])
    }

    @Test func generationIsDeterministic() {
        let first = SyntheticKB(records: 200, seed: 7).files()
        let second = SyntheticKB(records: 200, seed: 7).files()
        let other = SyntheticKB(records: 200, seed: 8).files()
        #expect(first.count == 200)
        #expect(first.map(\.text) == second.map(\.text))
        #expect(first.map(\.text) != other.map(\.text))
        #expect(Set(first.map(\.path)).count == 200)
    }
}
