import Foundation
import KaleidoTestSupport
import Testing

/// Task 5 of the consultant's week: the co-funding report to Romans, per currency, one command.
/// Expected from the granted funding lines (accorde, verse_partiel, solde) of the projects Romans
/// leads: prj-2011 (DAECT 15 000 EUR decided 2011, Rhône-Alpes 10 000 EUR 2011, AFPEJA
/// 18 432.50 EUR 2012; the FEJ was refused) and prj-2017 (DAECT 20 000 EUR 2017, Auvergne-Rhône-
/// Alpes 12 000 EUR 2017, Sfax 12 000 TND 2017); prj-2027's lines are only envisaged. Totals:
/// 15000 + 10000 + 18432.50 + 20000 + 12000 = 75 432.50 EUR and 12 000 TND, never one figure.
@Suite struct Task05RomansCoFundingTests {
    @Test func romansCoFundingPerCurrency() throws {
        let result = try Kaleido.run(["funding", "--client", "Romans-sur-Isère"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }.filter { !$0.hasPrefix("─") }
        #expect(rows == [
            "financeur année montant devise",
            "fr-agence-afpeja 2012 18432.50 EUR",
            "fr-etat-daect 2011 15000 EUR",
            "fr-etat-daect 2017 20000 EUR",
            "fr-reg-82-rhone-alpes 2011 10000 EUR",
            "fr-reg-84-auvergne-rhone-alpes 2017 12000 EUR",
            "tn-mun-sfax 2017 12000 TND",
            "Total par devise",
            "Total 75432.50 EUR",
            "Total 12000 TND",
        ])
    }

    @Test func byFunderInJSONAndAnUnknownClientIsAUsageError() throws {
        let lines = try #require(try Kaleido.json(["funding", "--client", "romans", "--by", "funder"]) as? [[String: Any]])
        #expect(lines.map { "\($0["funder"] ?? "") \(($0["amount"] as? NSNumber)?.stringValue ?? "?") \($0["currency"] ?? "")" } == [
            "fr-agence-afpeja 18432.5 EUR", "fr-etat-daect 35000 EUR", "fr-reg-82-rhone-alpes 10000 EUR",
            "fr-reg-84-auvergne-rhone-alpes 12000 EUR", "tn-mun-sfax 12000 TND",
        ])
        let unknown = try Kaleido.run(["funding", "--client", "Atlantis"])
        #expect(unknown.status == 2 && unknown.stderr.contains("aucun partenaire ne s'appelle « Atlantis »"))
    }
}
