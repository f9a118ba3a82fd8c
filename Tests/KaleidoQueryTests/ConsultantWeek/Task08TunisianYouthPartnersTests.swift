import Foundation
import Testing

/// Task 8 of the consultant's week: the Tunisian partners of youth projects, with how many:
/// `kaleido list project --where themes=jeunesse --where partners.partner.country=TN
/// --group-by partners.partner --count` (rows per partner item, the country condition checked
/// on the item). By hand, from knowledge/projects/: the projects with the jeunesse theme are
/// prj-2009 (Passeport: partners Résacoop, BIJ, Kairouan, Molde, Kaléido'Scop), prj-2011,
/// prj-2017 and prj-2027 (each with Sfax); prj-2008 and prj-2024 are not youth projects. So
/// Kairouan 1, Sfax 3, and no French, Belgian or Norwegian partner.
@Suite(.serialized) struct Task08TunisianYouthPartnersTests {
    typealias Object = [String: Any]

    @Test func sfaxThreeTimesAndKairouanOnce() throws {
        let scratch = try ScratchKB(copyingSample: ())
        defer { scratch.remove() }
        let groups = try #require(try Kaleido.json(["list", "project", "--where", "themes=jeunesse", "--where", "partners.partner.country=TN",
                                                    "--group-by", "partners.partner", "--count"], in: scratch.root) as? [Object])
        #expect(groups.map { "\($0["partners.partner"] as? String ?? "") \($0["count"] as? Int ?? -1)" } == ["tn-mun-kairouan 1", "tn-mun-sfax 3"])
        let projects = try #require(try Kaleido.json(["list", "project", "--where", "themes=jeunesse", "--where", "partners.partner.country=TN"],
                                                     in: scratch.root) as? [Object])
        #expect(projects.compactMap { $0["id"] as? String }.sorted() == [
            "prj-2009-passeport-pour-le-monde", "prj-2011-romans-festivals-jeunesse-sfax",
            "prj-2017-romans-sfax-jeunes-ambassadeurs", "prj-2027-romans-sfax-festivals-durables",
        ])
    }
}
