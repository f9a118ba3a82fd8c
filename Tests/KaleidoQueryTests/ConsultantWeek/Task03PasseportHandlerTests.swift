import Foundation
import Testing

/// Task 3 of the consultant's week: who handled "Un passeport pour le monde" at the Ville de
/// Vienne in 2012: `kaleido contacts fr-com-38544-vienne --on 2012 --role contact_projet`.
/// The coordinator (Hélène Garnier, contact_projet 2009-03 → 2011-03) had left the programme;
/// the sample records who took it over: Julie Masson, contact_projet 2011-04 → 2013-06
/// (knowledge/people/p-julie-masson.yaml, added for this task).
@Suite(.serialized) struct Task03PasseportHandlerTests {
    typealias Object = [String: Any]

    private func contacts(on date: String, in root: String) throws -> [Object] {
        try #require(try Kaleido.json(["contacts", "fr-com-38544-vienne", "--on", date, "--role", "contact_projet"], in: root) as? [Object])
    }

    @Test func julieMassonHandledThePasseportAtVienneIn2012() throws {
        let scratch = try ScratchKB(copyingSample: ())
        defer { scratch.remove() }
        let rows = try contacts(on: "2012", in: scratch.root)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["id"] as? String == "p-julie-masson")
        #expect(row["full_name"] as? String == "Julie Masson")
        #expect(row["title"] as? String == "Référente « Un passeport pour le monde » (suivi des jeunes et capitalisation)")
        #expect(row["from"] as? String == "2011-04" && row["until"] as? String == "2013-06")
        // In 2010 it was the coordinator.
        #expect(try contacts(on: "2010", in: scratch.root).compactMap { $0["id"] as? String } == ["p-helene-garnier"])
    }
}
