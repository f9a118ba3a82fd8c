import Foundation
import KaleidoQuery
import Testing

/// Query options checked before running (unknown fields and values exit 2 with a suggestion),
/// conditions on one list holding for one item, empty results said on stderr, and
/// ArgumentParser's usage errors exiting 2: the built `kaleido` on the sample KB.
@Suite(.serialized) struct QueryOptionsCLITests {
    typealias Object = [String: Any]

    /// Each misspelling of issue 13, with the message it must give.
    @Test(arguments: [
        (["list", "partner", "--where", "contry=TN"], #"unknown field "contry" for partner (did you mean "country"?)"#),
        (["list", "convention", "--where", "status=en_vigeur"], #"unknown value "en_vigeur" for convention.status (did you mean "en_vigueur"?)"#),
        (["list", "partner", "--fields", "id,nom"], #"unknown field "nom" for partner (did you mean "name"?)"#),
        (["list", "partner", "--sort", "nme"], #"unknown field "nme" for partner (did you mean "name"?)"#),
        (["list", "partner", "--sort=-nme"], #"unknown field "nme" for partner (did you mean "name"?)"#),
        (["list", "convention", "--where", "status=échue"], #"unknown value "échue" for convention.status (did you mean "echue"?)"#),
        (["list", "convention", "--where", "status in en_vigueur,échue"], #"unknown value "échue" for convention.status (did you mean "echue"?)"#),
        (["list", "project", "--group-by", "funding.funderr", "--count"], #"unknown field "funderr" for project.funding (did you mean "funder"?)"#),
        (["list", "project", "--group-by", "funding.funder", "--sum", "funding.amount_grantd"],
         #"unknown field "amount_grantd" for project.funding (did you mean "amount_granted"?)"#),
        (["list", "partnership", "--where", "parties.partner.contry=TN"], #"unknown field "contry" for partner (did you mean "country"?)"#),
        (["list", "project", "--where", "funding.status=sold"], #"unknown value "sold" for project.funding.status (did you mean "solde"?)"#),
        (["list", "projet"], #"unknown type "projet" (did you mean "project"?)"#),
        (["list", "project", "--group-by", "lead", "--sum", "funding.funder"], "--sum funding.funder: not a number (the schema says string)"),
        (["list", "project", "--where", "funding.funder=fr-etat-fejj"], #"no partner has the id "fr-etat-fejj" (project.funding.funder) (did you mean "fr-etat-fej"?)"#),
        (["list", "project", "--where", "lead in fr-com-26281-romans-sur-isere,tn-mun-sfaxx"], #"no partner has the id "tn-mun-sfaxx" (project.lead) (did you mean "tn-mun-sfax"?)"#),
    ])
    func misspeltFieldOrValueExits2WithSuggestion(_ arguments: [String], _ message: String) throws {
        // In English (--lang en), as issue 13 wrote them; MessageLanguageTests checks the French.
        let result = try Kaleido.run(arguments + ["--lang", "en"])
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("kaleido: error: " + message), "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// Nothing close: the message lists what the type has.
    @Test func unknownFieldWithoutNeighbourListsTheFields() throws {
        let result = try Kaleido.run(["list", "partner", "--where", "zzzzzzzz=1", "--lang", "en"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(#"unknown field "zzzzzzzz" for partner; "#) && result.stderr.contains("country"), "\(result.stderr)")
    }

    /// Every type's default columns, and the paths the README shows, pass the check.
    @Test func knownFieldsPass() throws {
        for type in ["partner", "person", "partnership", "convention", "project", "engagement", "event", "interaction", "call"] {
            let result = try Kaleido.run(["list", type])
            #expect(result.status == 0, "\(type): \(result.stderr)")
        }
        for arguments in [
            ["list", "project", "--where", "funding.decided_on:year=2009", "--group-by", "funding.decided_on:year", "--count"],
            ["list", "convention", "--where", "status=en_vigueur", "--sort", "-effective_from"],
            ["list", "project", "--where", "themes~jeun", "--where", "status!=refuse"],
            ["list", "project", "--where", "funding.funder=FR-ETAT-FEJ", "--where", "lead!=nobody"],
            ["list", "convention", "--where", "financial_commitments.party.country=TN", "--fields", "id,parties.partner.name"],
        ] {
            let result = try Kaleido.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    /// Two conditions on `funding` hold for one funding line, with or without --group-by.
    @Test func conditionsOnOneListHoldForOneItem() throws {
        let kb = try ScratchKB(copyingSample: ())
        defer { kb.remove() }
        // A project with one fr-etat-fej line that is solde (the sample's two fej projects
        // have a refused fej line and a solde line from another funder).
        try """
            id: prj-2013-fej-solde
            type: project
            title: Projet financé par le FEJ
            kind: mobilite_jeunes
            lead: fr-com-26281-romans-sur-isere
            countries: [FR]
            themes: [jeunesse]
            start: "2013"
            status: cloture
            funding:
              - funder: fr-etat-fej
                scheme: fej
                amount_requested: 5000
                amount_granted: 4000
                currency: EUR
                status: solde
                decided_on: "2013-02"

            """.write(toFile: kb.root + "/knowledge/projects/prj-2013-fej-solde.yaml", atomically: false, encoding: .utf8)
        let both = ["--where", "funding.funder=fr-etat-fej", "--where", "funding.status=solde"]
        let found = try #require(try Kaleido.json(["list", "project"] + both, in: kb.root) as? [Object])
        #expect(found.compactMap { $0["id"] as? String } == ["prj-2013-fej-solde"])
        let grouped = try #require(try Kaleido.json(["list", "project"] + both + ["--group-by", "funding.funder", "--count"], in: kb.root) as? [Object])
        #expect(grouped.count == 1 && grouped.first?["funding.funder"] as? String == "fr-etat-fej" && grouped.first?["count"] as? Int == 1)
        // Each condition alone still finds the sample's projects with a line matching it.
        let refused = try #require(try Kaleido.json(["list", "project", "--where", "funding.funder=fr-etat-fej", "--where", "funding.status=refuse"],
                                                    in: kb.root) as? [Object])
        #expect(Set(refused.compactMap { $0["id"] as? String }) == ["prj-2009-passeport-pour-le-monde", "prj-2011-romans-festivals-jeunesse-sfax"])
        // The same field named twice with `=` asks for two items (one French, one Tunisian party).
        let frTn = try #require(try Kaleido.json(["list", "partnership", "--where", "parties.partner.country=TN",
                                                  "--where", "parties.partner.country=FR", "--where", "status=actif"], in: kb.root) as? [Object])
        #expect(frTn.count == 2)
    }

    /// On the sample itself the issue's query finds nothing, and says so.
    @Test func issueQueryFindsNoLineMatchingBothAndSaysSo() throws {
        let result = try Kaleido.run(["list", "project", "--where", "funding.funder=fr-etat-fej", "--where", "funding.status=solde"])
        #expect(result.status == 0)
        #expect(result.stderr == "kaleido: aucune fiche project ne répond à --where funding.funder=fr-etat-fej --where funding.status=solde\n", "\(result.stderr)")
    }

    @Test func emptyResultsAreSaidOnStderr() throws {
        let list = try Kaleido.run(["list", "partner", "--where", "country=JP"])
        #expect(list.status == 0 && list.stderr == "kaleido: aucune fiche partner ne répond à --where country=JP\n", "\(list.stderr)")
        let json = try Kaleido.run(["list", "partner", "--where", "country=JP", "--format", "json"])
        #expect(json.status == 0 && json.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]" && json.stderr.contains("aucune fiche partner ne répond"))
        let groups = try Kaleido.run(["list", "event", "--during", "1990", "--group-by", "kind", "--count"])
        #expect(groups.status == 0 && groups.stderr == "kaleido: aucune fiche event ne répond à --during 1990\n", "\(groups.stderr)")
        let find = try Kaleido.run(["find", "zzqqxx"])
        #expect(find.status == 0 && find.stderr == "kaleido: rien ne correspond à « zzqqxx »\n", "\(find.stderr)")
        let history = try Kaleido.run(["history", "tn-mun-sfax", "--until", "1990"])
        #expect(history.status == 0 && history.stderr == "kaleido: aucune fiche ne renvoie à tn-mun-sfax jusqu'à 1990\n", "\(history.stderr)")
        let calls = try Kaleido.run(["calls", "--closing-within", "0d"], today: "2040-01-01")
        #expect(calls.status == 0 && calls.stderr == "kaleido: aucun appel ouvert ne ferme d'ici 0d\n", "\(calls.stderr)")
        let ending = try Kaleido.run(["conventions", "--ending-within", "6m"], today: "2040-01-01")
        #expect(ending.status == 0 && ending.stderr == "kaleido: aucune convention en vigueur ne prend fin d'ici 6m\n", "\(ending.stderr)")
        let people = try Kaleido.run(["people", "--review-due"], today: "2000-01-01")
        #expect(people.status == 0 && people.stderr == "kaleido: aucune personne dont la date de revue est passée\n", "\(people.stderr)")
        // A query that finds something says nothing on stderr.
        #expect(try Kaleido.run(["list", "partner", "--where", "country=TN"]).stderr.isEmpty)
    }

    /// ArgumentParser's own usage errors exit 2 (not its EX_USAGE 64), message in the KB's language (French); help exits 0.
    @Test(arguments: [
        (["list", "partner", "--bogus"], "Erreur : option inconnue '--bogus'"),
        (["list"], "argument attendu manquant '<type>'"),
        (["find", "x", "--limit", "many"], "la valeur 'many' n'est pas permise pour '--limit"),
        (["list", "partner", "--format", "pdf"], "la valeur 'pdf' n'est pas permise pour '--format"),
        (["history"], "argument attendu manquant '<partner>'"),
        (["no-such-command"], "argument inattendu 'no-such-command'"),
        // A `ValidationError` thrown by a command's `validate()`.
        (["resolve", "tn-mun-sfax", "name"], "choisissez exactement une option parmi --ours, --theirs, --base ou --value V"),
    ])
    func usageErrorsExit2(_ arguments: [String], _ message: String) throws {
        let result = try Kaleido.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }

    @Test func helpAndVersionExit0() throws {
        for arguments in [["--help"], ["list", "--help"], ["help", "list"], ["--version"]] {
            let result = try Kaleido.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stdout.isEmpty)
        }
        #expect(try Kaleido.run(["list", "--help"]).stdout.contains("funding.funder=fr-etat-fej"))
    }
}
