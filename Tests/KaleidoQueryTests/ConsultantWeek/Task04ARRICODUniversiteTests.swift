import Foundation
import Testing

/// Consultant-week task 4: "the ARRICOD Université programme and participants", answered by one
/// command on the sample KB: `kaleido programme evt-2011-09-arricod-universites-dijon
/// --include-children`. Expected from knowledge/events/2011/: the Université's five sessions
/// and its two workshops' two each, by start (the Université's first at equal times); the
/// participants of all three: 114 + 25 + 26 = 165 (Thomas Girard, absent, left out).
@Suite struct Task04ARRICODUniversiteTests {
    typealias Object = [String: Any]

    @Test func programmeAndParticipantsInOneCommand() throws {
        let result = try Kaleido.run(["programme", "evt-2011-09-arricod-universites-dijon", "--include-children", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? Object)
        #expect(object["title"] as? String == "Universités de l'ARRICOD 2011")
        let sessions = try #require(object["sessions"] as? [Object]).map { session in
            "\(session["start"] as? String ?? "?") \(session["title"] as? String ?? "?")"
        }
        #expect(sessions == [
            "2011-09-22T09:30 Ouverture des Universités",
            "2011-09-22T11:00 Table ronde « La coopération décentralisée après la loi Thiollière »",
            "2011-09-22T14:00 Ateliers en parallèle (financements européens)",
            "2011-09-22T14:00 Les programmes européens ouverts aux collectivités",
            "2011-09-22T15:45 Monter un dossier Jeunesse en action avec un partenaire méditerranéen",
            "2011-09-23T09:00 Atelier « Interculturalité et coopération décentralisée »",
            "2011-09-23T09:00 Nos représentations de l'autre — jeu de rôle",
            "2011-09-23T10:45 Études de cas — accueillir une délégation étrangère",
            "2011-09-23T14:00 Synthèse des ateliers et clôture",
        ])
        let participants = try #require(object["participants"] as? Object)
        #expect(participants["events"] as? [String] == [
            "evt-2011-09-arricod-universites-dijon", "evt-2011-09-22-arricod-atelier-financements-europeens",
            "evt-2011-09-arricod-atelier-interculturalite",
        ])
        #expect(participants["total"] as? Int == 165)
        #expect(participants["left_out"] as? Int == 1)
        let groups = try #require(participants["groups"] as? [Object]).map { group in
            ["country", "sex", "age_band"].map { group[$0] as? String ?? "-" }.joined(separator: " ") + " \(group["number"] as? Int ?? -1)"
        }
        // FR femme 26–30: 12 + Émilie Chabert + 3; FR femme 30+: Sylvie Perrin, Claire Morel, 48, 12, 14;
        // FR homme 30+: Marc Vidal, 41, 8, 10; TN femme 26–30: Amina Haddad + 1; TN homme 30+: 3 + 2.
        #expect(groups == [
            "FR femme age_26_30 16", "FR femme plus_30 76", "FR homme age_18_25 6", "FR homme plus_30 60",
            "TN femme age_26_30 2", "TN homme plus_30 5",
        ])
    }
}
