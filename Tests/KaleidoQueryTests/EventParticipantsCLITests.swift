import Foundation
import Testing

/// `kaleido participants` and `kaleido programme` on the sample KB. Expected figures from
/// knowledge/events/: the ARRICOD Université 2011 (evt-2011-09-arricod-universites-dijon) has
/// five registrations, one absent (Thomas Girard, left out), and counts FR femme plus_30 48,
/// FR homme plus_30 41, FR femme 26–30 12, FR homme 18–25 6, TN homme plus_30 3; its two
/// workshops add 24 + 1 (interculturalité: one registration, counts 12, 8, 3, 1) and 26
/// (financements européens: counts 14, 10, 2).
@Suite(.serialized) struct EventParticipantsCLITests {
    typealias Object = [String: Any]
    static let universite = "evt-2011-09-arricod-universites-dijon"

    /// The groups as "value value … number", and the total.
    static func groups(_ arguments: [String]) throws -> (groups: [String], total: Int, leftOut: Int) {
        let result = try Kaleido.run(["participants"] + arguments + ["--format", "json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? Object)
        let by = try #require(object["by"] as? [String])
        let groups = try #require(object["groups"] as? [Object]).map { group in
            (by.map { group[$0] as? String ?? (group[$0] as? Bool).map { String($0) } ?? "-" } + [String(group["number"] as? Int ?? -1)])
                .joined(separator: " ")
        }
        return (groups, object["total"] as? Int ?? -1, object["left_out"] as? Int ?? -1)
    }

    @Test func universiteByCountrySexAndAgeBand() throws {
        let answer = try Self.groups([Self.universite])
        #expect(answer.groups == [
            "FR femme age_26_30 12", "FR femme plus_30 50", "FR homme age_18_25 6", "FR homme plus_30 42",
            "TN femme age_26_30 1", "TN homme plus_30 3",
        ])
        #expect(answer.total == 114)
        #expect(answer.leftOut == 1)
    }

    @Test func withItsWorkshops() throws {
        #expect(try Self.groups([Self.universite, "--include-children", "--by", "country"]).groups == ["FR 158", "TN 7"])
        #expect(try Self.groups([Self.universite, "--include-children", "--by", "age_band"]).groups
            == ["age_18_25 6", "age_26_30 18", "plus_30 141"])
        let bySex = try Self.groups([Self.universite, "--include-children", "--by", "sex"])
        #expect(bySex.groups == ["femme 94", "homme 71"])
        #expect(bySex.total == 165)
    }

    /// The youth exchange: its minors only as counts, one named adult (the group leader).
    @Test func youthExchangeMinorsCountedOnly() throws {
        let answer = try Self.groups(["evt-2010-07-molde-echange-jeunes", "--by", "age_band"])
        #expect(answer.groups == ["age_13_17 18", "age_18_25 6", "plus_30 1"])
        #expect(try Self.groups(["evt-2010-07-molde-echange-jeunes", "--by", "country,fewer_opportunities"]).groups
            == ["FR false 9", "NO false 8", "TN false 6", "TN true 2"])
    }

    @Test func frenchTableAndCSV() throws {
        let table = try Kaleido.run(["participants", Self.universite, "--by", "country"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("Pays") && table.stdout.contains("Nombre") && table.stdout.contains("Total"))
        #expect(table.stderr == "1 inscription(s) absente(s) ou annulée(s) non comptée(s)\n")
        let csv = try Kaleido.run(["participants", Self.universite, "--by", "sex,age_band", "--format", "csv"])
        #expect(csv.stdout.components(separatedBy: "\r\n").first == "Sexe,Tranche d'âge,Nombre")
        #expect(csv.stdout.contains("Femme,Plus de 30 ans,50"))
    }

    @Test func usageErrors() throws {
        #expect(try Kaleido.run(["participants", Self.universite, "--by", "nationality"]).status == 2)
        #expect(try Kaleido.run(["participants", "fr-asso-arricod"]).status == 2)
        #expect(try Kaleido.run(["participants", "evt-2099-01-nothing"]).status == 2)
    }

    @Test func programmeByDayInFrench() throws {
        let result = try Kaleido.run(["programme", Self.universite])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let thursday = try #require(lines.firstIndex(of: "jeudi 22 septembre 2011"))
        let friday = try #require(lines.firstIndex(of: "vendredi 23 septembre 2011"))
        #expect(thursday < friday)
        #expect(lines.contains { $0.hasPrefix("09:30–10:30") && $0.contains("Ouverture des Universités") && $0.contains("Jean-Pierre Lambert (ARRICOD)") })
        #expect(lines.contains { $0.contains("Table ronde") && $0.contains("Sylvie Perrin, Marc Vidal (Cités Unies France)") })
        #expect(lines.contains("Participants"))
    }
}
