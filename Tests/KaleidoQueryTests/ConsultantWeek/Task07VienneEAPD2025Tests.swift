import Foundation
import KaleidoTestSupport
import Testing

/// Task 7 of the consultant's week: Vienne's e-APD for 2025 from what it paid, one command.
/// Expected by hand from the payments (ODAPaymentsCLITests lists them): 12 000 EUR to Kairouan
/// in two payments and 3 500 TND spent there en régie, 5 000 EUR to the FACECO for Myanmar,
/// 1 500 EUR of development education unallocated; the 2024 payment and the one to Molde
/// (Norway, not on the DAC list) are left out, each with its reason.
@Suite struct Task07VienneEAPD2025Tests {
    @Test func vienneDeclarationFor2025() throws {
        let result = try Kaleido.run(["oda", "fr-com-38544-vienne", "--year", "2025"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }.filter { !$0.hasPrefix("─") }
        #expect(rows == [
            "Ligne Montant Devise Détail",
            "Par pays (liste du CAD 2025)",
            "MM 5000 EUR 1 versement",
            "TN 12000 EUR 2 versements",
            "TN 3500 TND 1 versement",
            "Non ventilé 1500 EUR 1 versement",
            "Par canal",
            "Collectivité partenaire 12000 EUR 2 versements",
            "FACECO (fonds d'action extérieure des collectivités territoriales) 5000 EUR 1 versement",
            "ONG / association 1500 EUR 1 versement",
            "En régie 3500 TND 1 versement",
            "Par secteur CAD",
            "14050 12000 EUR 2 versements",
            "14050 3500 TND 1 versement",
            "72010 5000 EUR 1 versement",
            "99820 1500 EUR 1 versement",
            "Total par devise",
            "Total 18500 EUR",
            "Total 3500 TND",
            "Exclus",
            "date hors de l'année 10000 EUR conv-2024-vienne-kairouan-cooperation 2024-04-10",
            "pays absent de la liste du CAD 2025 4000 EUR conv-2025-vienne-molde-jeunesse 2025-06-02 (NO)",
        ])
    }
}
