import Foundation
import KaleidoKB
import KaleidoQuery
import Testing

/// `kaleido contacts` on the sample KB (today 2026-11-27). The expected rows come from the
/// affiliations in knowledge/people: Romans has Julien Rey (charge_mission_ri 2007-09 → 2014-06),
/// Michel Arnaud (elu 2008-03 → 2014-03) and Nadia Chérif (charge_mission_ri from 2014-09);
/// Sfax has Mohamed Trabelsi (technicien 2009 → 2011-12, then cadre_direction from 2012-01).
@Suite(.serialized) struct ContactsCLITests {
    typealias Object = [String: Any]

    /// Each affiliation as `id role from until` (`-` for an open bound), in output order.
    static func rows(_ arguments: [String]) throws -> [String] {
        let contacts = try #require(try Kaleido.json(["contacts"] + arguments) as? [Object])
        return contacts.map { contact in
            ["id", "role", "from", "until"].map { contact[$0] as? String ?? "-" }.joined(separator: " ")
        }
    }

    @Test(arguments: [
        // Q5: today, and in 2011 (a year keeps whoever held a role at some point of it).
        (["romans"], ["p-nadia-cherif charge_mission_ri 2014-09 -"]),
        (["romans", "--on", "2011"], ["p-julien-rey charge_mission_ri 2007-09 2014-06", "p-michel-arnaud elu 2008-03 2014-03"]),
        (["fr-com-26281-romans-sur-isere", "--role", "charge_mission_ri", "--on", "2011"], ["p-julien-rey charge_mission_ri 2007-09 2014-06"]),
        // 2014 saw both officers, sorted by start; June 2014 is still Julien Rey's (until 2014-06).
        (["Romans-sur-Isère", "--role", "charge_mission_ri", "--on", "2014"],
         ["p-julien-rey charge_mission_ri 2007-09 2014-06", "p-nadia-cherif charge_mission_ri 2014-09 -"]),
        (["romans", "--role", "charge_mission_ri", "--on", "2014-06-30"], ["p-julien-rey charge_mission_ri 2007-09 2014-06"]),
        (["romans", "--role", "charge_mission_ri", "--on", "2014-08-01"], []),
        // A role by its label, in either language, ignoring accents.
        (["romans", "--role", "International relations officer", "--on", "2026"], ["p-nadia-cherif charge_mission_ri 2014-09 -"]),
        (["romans", "--role", "élu", "--on", "2014-03-31"], ["p-michel-arnaud elu 2008-03 2014-03"]),
        (["romans", "--role", "elu", "--on", "2014-04"], []),
        // A change of role at the same partner: the interval decides.
        (["صفاقس", "--on", "2011-12"], ["p-mohamed-trabelsi technicien 2009 2011-12"]),
        (["sfax", "--on", "2012-01-01"], ["p-mohamed-trabelsi cadre_direction 2012-01 -"]),
        (["Safaqis", "--on", "2011"], ["p-mohamed-trabelsi technicien 2009 2011-12"]),
        // One row per affiliation: a person with two roles appears twice, sorted by role then start.
        (["fr-coop-kaleidoscop"], [
            "p-claire-morel consultant_interne 2006 -", "p-karim-benali consultant_interne 2009-01 -",
            "p-emilie-chabert consultant_interne 2010-09 -", "p-emilie-chabert formateur 2010-09 -",
            "p-claire-morel representant_legal 2012-06 -",
        ]),
        (["Vienne (Isère)", "--on", "2010"], [
            "p-helene-garnier charge_mission_ri 2006 -", "p-helene-garnier contact_projet 2009-03 2011-03",
            "p-bernard-faure elu 2008-03 2014-03",
        ]),
        (["Ville de Vienne"], ["p-helene-garnier charge_mission_ri 2006 -"]),
    ])
    func contactsOnADate(_ arguments: [String], _ expected: [String]) throws {
        #expect(try Self.rows(arguments) == expected)
    }

    /// The library call the command uses, without the CLI: every role when none is given, the
    /// day-based overload unchanged (one id per person).
    @Test func libraryListsEveryRoleAndKeepsTheDayOverload() {
        let questions = Questions(index: SampleKB.index, today: SampleKB.today)
        let sfax = SampleKB.position("tn-mun-sfax")
        let year2011 = DateInterval(start: PartialDate("2011"), end: PartialDate("2011"))
        let all = questions.contacts(of: sfax, role: nil, during: DateInterval(start: PartialDate("2011"), end: PartialDate("2012")))
        #expect(all.map { "\(SampleKB.index.id($0.person)) \($0.role) \($0.title ?? "")" } == [
            "p-mohamed-trabelsi cadre_direction Directeur de la coopération internationale",
            "p-mohamed-trabelsi technicien Chef du service des affaires culturelles",
        ])
        #expect(questions.contacts(of: sfax, role: "cadre_direction", during: year2011).isEmpty)
        let coop = SampleKB.position("fr-coop-kaleidoscop")
        let consultants = SampleKB.ids(questions.contacts(of: coop, role: "consultant_interne", on: SampleKB.today))
        #expect(consultants.count == 3 && Set(consultants) == ["p-claire-morel", "p-emilie-chabert", "p-karim-benali"])
    }

    @Test func jsonHoldsProfessionalDetailsOnly() throws {
        let result = try Kaleido.run(["contacts", "romans", "--on", "2010", "--format", "json"])
        #expect(result.status == 0)
        let contacts = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Object])
        #expect(contacts.count == 2)
        for contact in contacts {
            #expect(contact.keys.sorted() == ["from", "full_name", "id", "opt_out", "primary", "role", "title", "until"])
        }
        #expect(contacts.first?["full_name"] as? String == "Julien Rey")
        #expect(contacts.first?["title"] as? String == "Chargé de mission relations internationales")
        #expect(contacts.first?["primary"] as? Bool == false)
        // Julien Rey's record holds an e-mail and languages, Nadia Chérif's a phone: none is printed.
        let today = try Kaleido.run(["contacts", "romans", "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(today.stdout.utf8)) as? [Object])?.first?["primary"] as? Bool == true)
        for output in [result.stdout, today.stdout, try Kaleido.run(["contacts", "romans"]).stdout] {
            #expect(!output.contains("@") && !output.contains("+33") && !output.contains("interet_legitime"))
        }
    }

    @Test func tableCSVAndMarkdownShowLabelsAndWrittenDates() throws {
        let english = try Kaleido.run(["contacts", "romans", "--on", "2011", "--lang", "en"])
        #expect(english.status == 0)
        var lines = english.stdout.split(separator: "\n").map(String.init)
        // The partner chosen first, then the table.
        #expect(lines.first == "Partner: fr-com-26281-romans-sur-isere — Ville de Romans-sur-Isère")
        lines.removeFirst()
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("Role ") && lines[0].contains("Name") && lines[0].contains("Title") && lines[0].hasSuffix("Id"))
        #expect(lines[2].hasPrefix("International relations officer  Julien Rey "))
        #expect(lines[2].contains("  2007-09  2014-06  p-julien-rey"))
        #expect(lines[3].hasPrefix("Elected official") && lines[3].hasSuffix("p-michel-arnaud"))
        // The columns line up: every row's name starts under "Name".
        let nameColumn = try #require(lines[0].range(of: "Name")).lowerBound.utf16Offset(in: lines[0])
        #expect(lines[2...].allSatisfy { String($0.dropFirst(nameColumn)).hasPrefix($0.contains("Julien") ? "Julien" : "Michel") })
        let csv = try Kaleido.run(["contacts", "romans", "--format", "csv"])
        #expect(csv.stdout == "Rôle,Nom,Fonction,Depuis,Jusqu'à,Id\r\n"
            + "Chargé·e de mission relations internationales,Nadia Chérif,Responsable des relations internationales,2014-09,,p-nadia-cherif\r\n")
        let markdown = try Kaleido.run(["contacts", "sfax", "--on", "2011", "--format", "markdown", "--lang", "en"])
        #expect(markdown.stdout.contains("| Technical officer | Mohamed Trabelsi | Chef du service des affaires culturelles | 2009 | 2011-12 | p-mohamed-trabelsi |"))
    }

    @Test func nobodyOnThatDateIsNotAnError() throws {
        let table = try Kaleido.run(["contacts", "romans", "--role", "charge_mission_ri", "--on", "2014-08"])
        #expect(table.status == 0)
        #expect(table.stderr.contains("Aucun contact (Chargé·e de mission relations internationales)"))
        let json = try Kaleido.run(["contacts", "romans", "--on", "2001", "--format", "json"])
        #expect(json.status == 0 && json.stdout == "[]\n")
    }

    @Test(arguments: [
        (["Vienne"], ["« Vienne » désigne plusieurs partenaires", "fr-com-38544-vienne", "fr-dep-86-vienne", "at-mun-wien"]),
        (["Atlantis"], ["aucun partenaire ne s'appelle « Atlantis »", "kaleido find"]),
        (["romans", "--on", "2011-13"], ["--on 2011-13", "AAAA-MM-JJ"]),
        (["romans", "--on", "hier"], ["--on hier"]),
        (["romans", "--role", "maire"], ["--role maire : ce n'est pas un rôle de personne", "charge_mission_ri", "Élu·e"]),
        (["romans", "--role", "e"], ["--role e : plusieurs rôles correspondent", "expert", "elu"]),
    ])
    func badInputIsAUsageErrorThatSaysWhatToType(_ arguments: [String], _ messages: [String]) throws {
        let result = try Kaleido.run(["contacts"] + arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        for message in messages { #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)") }
    }
}
