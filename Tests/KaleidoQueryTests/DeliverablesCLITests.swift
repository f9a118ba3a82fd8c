import Foundation
import Testing

/// `kaleido deliverables` on the sample KB (today 2026-11-27). Expected from
/// knowledge/projects/prj-2009-passeport-pour-le-monde.yaml: three reports delivered (each has
/// `delivered_on`), the guide (due 2011-06-30, en_cours) and the logbooks (due 2010-12, a_faire)
/// overdue, the film cancelled (annule).
@Suite(.serialized) struct DeliverablesCLITests {
    typealias Object = [String: Any]

    /// By due date (the record lists the logbooks after the guide).
    static let passeport = [
        "bilan-intermediaire 2010-01-31 2010-01-28 delivered", "carnets-de-bord 2010-12 - overdue",
        "rapport-final 2011-02-28 2011-02-21 delivered", "rtf-region 2011-02-28 2011-02-15 delivered",
        "film 2011-03 - cancelled", "guide-partir-jeune 2011-06-30 - overdue",
    ]

    /// Each deliverable as `key due delivered_on state` (`-` for null), in the output's order.
    static func rows(_ arguments: [String], today: String = "2026-11-27") throws -> [String] {
        let result = try Kaleido.run(["deliverables"] + arguments + ["--format", "json"], today: today)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Object])
        return items.map { item in ["key", "due", "delivered_on", "state"].map { item[$0] as? String ?? "-" }.joined(separator: " ") }
    }

    @Test(arguments: ["Un passeport pour le monde", "UN PASSEPORT POUR LE MONDE", "un passéport pour le Monde", "passeport monde",
                      "prj-2009-passeport-pour-le-monde"])
    func q9DeliveredAndOverdue(_ project: String) throws {
        #expect(try Self.rows([project]) == Self.passeport)
        #expect(try Self.rows([project, "--overdue"]) == ["carnets-de-bord 2010-12 - overdue", "guide-partir-jeune 2011-06-30 - overdue"])
    }

    @Test func jsonShapeAndOtherProjects() throws {
        let items = try #require(try Kaleido.json(["deliverables", "passeport"]) as? [Object])
        #expect(items.allSatisfy { $0.keys.sorted() == ["delivered_on", "due", "key", "state", "title"] })
        #expect(items.first { $0["key"] as? String == "guide-partir-jeune" }?["title"] as? String
            == "Guide « Partir jeune » à l'usage des structures jeunesse")
        // A title with accents, typed without them.
        #expect(try Self.rows(["appui a la gestion des dechets menagers"]) == ["diagnostic 2024-06-30 2024-06-21 delivered"])
        #expect(try Self.rows(["prj-2024-vienne-kairouan-dechets", "--overdue"]) == [])
        #expect(try Self.rows(["Jeunes ambassadeurs Romans – Sfax"]) == [])
    }

    /// A partial due date is due on its last day: `2010-12` is not overdue on 31 December 2010,
    /// and is on 1 January 2011; the guide (due 2011-06-30) is still pending then.
    @Test func partialDueDatesAreDueOnTheirLastDay() throws {
        let lastDay = try Self.rows(["passeport"], today: "2010-12-31")
        #expect(lastDay.contains("carnets-de-bord 2010-12 - pending"))
        #expect(lastDay.contains("guide-partir-jeune 2011-06-30 - pending"))
        #expect(lastDay.contains("film 2011-03 - cancelled"))
        #expect(try Self.rows(["passeport", "--overdue"], today: "2010-12-31") == [])
        #expect(try Self.rows(["passeport", "--overdue"], today: "2011-01-01") == ["carnets-de-bord 2010-12 - overdue"])
    }

    @Test func tableShowsDatesAsWrittenAndStateLabels() throws {
        let french = try Kaleido.run(["deliverables", "passeport"])
        #expect(french.status == 0)
        let lines = french.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 8)
        #expect(lines[0].hasPrefix("Clé ") && lines[0].contains("Échéance") && lines[0].contains("Livré le") && lines[0].hasSuffix("État"))
        func row(_ key: String) -> String { lines.first { $0.hasPrefix(key + " ") } ?? "" }
        #expect(row("carnets-de-bord").contains("Compilation des carnets de bord des jeunes") && row("carnets-de-bord").contains("  2010-12 "))
        #expect(row("carnets-de-bord").hasSuffix("en retard"))
        #expect(row("rapport-final").contains("2011-02-28  2011-02-21  livré"))
        #expect(row("film").hasSuffix("annulé"))
        #expect(!french.stdout.contains("2010-12-31") && !french.stdout.contains("2011-03-01"))
        let english = try Kaleido.run(["deliverables", "passeport", "--overdue", "--lang", "en", "--format", "csv"])
        #expect(english.stdout == "Key,Title,Due,Delivered on,State\r\n"
            + "carnets-de-bord,Compilation des carnets de bord des jeunes,2010-12,,overdue\r\n"
            + "guide-partir-jeune,Guide « Partir jeune » à l'usage des structures jeunesse,2011-06-30,,overdue\r\n")
        let none = try Kaleido.run(["deliverables", "prj-2024-vienne-kairouan-dechets", "--overdue"])
        #expect(none.status == 0 && none.stderr.contains("Aucun livrable en retard"))
    }

    @Test(arguments: [
        ("romans sfax", ["« romans sfax » désigne plusieurs projets", "prj-2011-romans-festivals-jeunesse-sfax",
                         "prj-2017-romans-sfax-jeunes-ambassadeurs", "prj-2027-romans-sfax-festivals-durables"]),
        ("Festivals", ["désigne plusieurs projets", "prj-2011-romans-festivals-jeunesse-sfax", "prj-2027-romans-sfax-festivals-durables"]),
        ("Atlantis", ["aucun projet ni aucune mission ne s'appelle « Atlantis »", "kaleido list project", "kaleido list engagement"]),
        // A partner's id is neither a project nor a mission.
        ("tn-mun-sfax", ["aucun projet ni aucune mission ne s'appelle « tn-mun-sfax »"]),
        // No project has these words; two missions have.
        ("strategie internationale", ["désigne plusieurs missions", "eng-2025-dep86-strategie-internationale", "eng-2026-amberieu-strategie-internationale"]),
    ])
    func ambiguousOrUnknownProjectsListWhatToType(_ project: String, _ messages: [String]) throws {
        let result = try Kaleido.run(["deliverables", project])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        for message in messages { #expect(result.stderr.contains(message), "\(project): \(result.stderr)") }
        if project == "Festivals" { #expect(!result.stderr.contains("prj-2017")) }
    }
}
