import Foundation
import Testing

/// The person model's GDPR fields on the sample (issue 16, item 5): legitimate interest is the
/// default legal basis of a new person, the sample no longer claims a public-interest mission,
/// and an opted-out person is marked in contact lists.
@Suite(.serialized) struct GDPRModelCLITests {
    @Test func aNewPersonStartsWithLegitimateInterest() throws {
        let scratch = try ScratchKB(copyingSample: ())
        defer { scratch.remove() }
        let run = try Kaleido.run(["new", "person", "p-test-personne", "--name", "Test Personne"], in: scratch.root)
        // Affiliations and review date are still to be filled: the record does not validate yet.
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        let text = try String(contentsOfFile: scratch.root + "/knowledge/people/p-test-personne.yaml", encoding: .utf8)
        #expect(text.contains("\nlegal_basis: interet_legitime\n"), "\(text)")
        #expect(!run.stdout.contains("legal_basis"), "the default is no placeholder: \(run.stdout)")
    }

    @Test func theSampleUsesNoPublicInterestMission() throws {
        let folder = SampleKB.root + "/knowledge/people"
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            #expect(!text.contains("mission_interet_public"), "\(file)")
        }
    }

    /// Ingrid Haugen (Molde, charge_mission_ri from 2009) has `opt_out: true`.
    @Test func optedOutPersonsAreMarkedInContacts() throws {
        let contacts = try #require(try Kaleido.json(["contacts", "no-mun-molde"]) as? [[String: Any]])
        #expect(contacts.map { "\($0["id"] as? String ?? "") \($0["opt_out"] as? Bool ?? false)" } == ["p-ingrid-haugen true"])
        let romans = try #require(try Kaleido.json(["contacts", "romans"]) as? [[String: Any]])
        #expect(romans.map { "\($0["id"] as? String ?? "") \($0["opt_out"] as? Bool ?? true)" } == ["p-nadia-cherif false"])
        let table = try Kaleido.run(["contacts", "no-mun-molde"])
        #expect(table.stdout.contains("Ingrid Haugen (ne pas contacter)"), "\(table.stdout)")
        let english = try Kaleido.run(["contacts", "no-mun-molde", "--lang", "en"])
        #expect(english.stdout.contains("Ingrid Haugen (do not contact)"), "\(english.stdout)")
    }
}
