import Foundation
import KaleidoTestSupport
import Testing

/// Task 15 of the consultant's week: the CNCD Atlas export of Romans's actions, one command.
/// Expected from the project records Romans leads (prj-2011, prj-2017, prj-2027, oldest first):
/// the partner authority is the foreign partner (Sfax; the French operator Kaléido'Scop is not
/// one), the country the project's countries other than France, the labels from vocab.yaml.
@Suite struct Task15CNCDAtlasExportTests {
    @Test func romansActionsInTheAtlasColumns() throws {
        let result = try Kaleido.run(["atlas", "Romans-sur-Isère", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\""), "no field needs quoting: the split below relies on it")
        let rows = result.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let romans = "Ville de Romans-sur-Isère", sfax = "Municipalité de Sfax"
        #expect(rows == [
            ["Collectivité française", "Collectivité partenaire", "Pays", "Intitulé", "Type d'action", "Thématiques", "Début", "Fin",
             "Statut", "Fiche"],
            [romans, sfax, "TN", "Jeunesse et festivals — échanges de jeunes Romans-sur-Isère – Sfax", "Échange de jeunes",
             "Jeunesse; Culture et festivals; Interculturel", "2011-03", "2013-12", "Clôturé", "prj-2011-romans-festivals-jeunesse-sfax"],
            [romans, sfax, "TN", "Jeunes ambassadeurs Romans – Sfax", "Volontariat",
             "Jeunesse; Mobilité internationale; Égalité femmes-hommes", "2017-09", "2019-06", "Clôturé",
             "prj-2017-romans-sfax-jeunes-ambassadeurs"],
            [romans, sfax, "TN", "Festivals durables et engagement des jeunes Romans – Sfax", "Coopération décentralisée",
             "Culture et festivals; Jeunesse; Énergie et climat", "2027-04", "2030-03", "En montage", "prj-2027-romans-sfax-festivals-durables"],
        ])
    }

    @Test func jsonKeepsTheKeysAndAnAuthorityWithoutProjectsSaysSo() throws {
        let actions = try #require(try Kaleido.json(["atlas", "romans"]) as? [[String: Any]])
        #expect(actions.map { "\($0["record"] ?? "") \(($0["partners"] as? [String]) ?? []) \($0["kind"] ?? "") \($0["end"] ?? "")" } == [
            "prj-2011-romans-festivals-jeunesse-sfax [\"tn-mun-sfax\"] echange_jeunes 2013-12",
            "prj-2017-romans-sfax-jeunes-ambassadeurs [\"tn-mun-sfax\"] volontariat 2019-06",
            "prj-2027-romans-sfax-festivals-durables [\"tn-mun-sfax\"] cooperation_decentralisee 2030-03",
        ])
        let none = try Kaleido.run(["atlas", "fr-com-21231-dijon"])
        #expect(none.status == 0 && none.stderr.contains("Aucune action de"))
        let unknown = try Kaleido.run(["atlas", "Atlantis"])
        #expect(unknown.status == 2 && unknown.stderr.contains("aucun partenaire ne s'appelle « Atlantis »"))
    }
}
