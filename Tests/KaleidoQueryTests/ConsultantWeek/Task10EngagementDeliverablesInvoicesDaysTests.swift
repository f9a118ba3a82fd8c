import Foundation
import Testing

/// Task 10 of the consultant's week: "the Département de la Vienne's strategy mission: where
/// are its deliverables, its invoices and its days?", one `kaleido deliverables` call on the
/// mission, today 2026-11-27. Expected by hand from
/// knowledge/engagements/eng-2025-dep86-strategie-internationale.yaml:
/// - deliverables: the diagnostic (due 2026-02-28, delivered 2026-02-27), the strategic note
///   (due 2026-10-31, en_cours, so overdue), the action plan (due 2026-12-15, pending);
/// - invoices: KS-2025-041 (7200 HT, 8640 TTC, paid 2025-11-12), KS-2026-009 (7200 HT, paid
///   2026-04-20), KS-2026-034 (3600 HT, 4320 TTC, due 2026-12-16, not due yet);
/// - days: Claire Morel 1 + 2 + 1.5 + 3 + 1 + 2 + 1.5 = 12, Karim Benali 2 + 2.5 + 2 + 1.5 + 1
///   = 9; 21 used of 30, 9 left; left to invoice 24000 − 18000 = 6000 EUR.
@Suite struct Task10EngagementDeliverablesInvoicesDaysTests {
    typealias Object = [String: Any]

    static func decimal(_ value: Any?) -> Decimal? { (value as? NSNumber)?.decimalValue }

    @Test(arguments: ["eng-2025-dep86-strategie-internationale", "strategie internationale vienne"])
    func oneCommandGivesDeliverablesInvoicesAndDays(_ mission: String) throws {
        let result = try Kaleido.run(["deliverables", mission, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? Object)
        #expect(summary["engagement"] as? String == "eng-2025-dep86-strategie-internationale")

        let deliverables = try #require(summary["deliverables"] as? [Object])
        #expect(deliverables.map { item in ["key", "due", "delivered_on", "state"].map { key in item[key] as? String ?? "-" }.joined(separator: " ") } == [
            "diagnostic 2026-02-28 2026-02-27 delivered", "note-strategique 2026-10-31 - overdue", "plan-action 2026-12-15 - pending",
        ])

        let invoices = try #require(summary["invoices"] as? [Object])
        #expect(invoices.map { "\($0["number"]!) \(Self.decimal($0["amount_ht"])!) \(Self.decimal($0["amount_ttc"])!) \($0["due"]!) \($0["paid_on"] as? String ?? "-") \($0["state"]!)" } == [
            "KS-2025-041 7200 8640 2025-10-30 2025-11-12 paid",
            "KS-2026-009 7200 8640 2026-04-04 2026-04-20 paid",
            "KS-2026-034 3600 4320 2026-12-16 - unpaid",
        ])

        let days = try #require(summary["days"] as? Object)
        #expect(Self.decimal(days["budgeted"]) == 30 && Self.decimal(days["used"]) == 21 && Self.decimal(days["left"]) == 9)
        let consultants = try #require(days["by_consultant"] as? [Object])
        #expect(consultants.map { "\($0["consultant"]!) \(Self.decimal($0["days"])!)" } == ["p-claire-morel 12", "p-karim-benali 9"])
        #expect(result.stdout.contains("\"used\": 21.0") || result.stdout.contains("\"used\":21.0"), "exact decimals as written: \(result.stdout)")

        let left = try #require(summary["left_to_invoice"] as? [Object])
        #expect(left.count == 1 && Self.decimal(left.first?["amount"]) == 6000 && left.first?["currency"] as? String == "EUR")
    }

    /// The same call as tables in French: three titled sections with the figures above.
    @Test func frenchTables() throws {
        let result = try Kaleido.run(["deliverables", "eng-2025-dep86-strategie-internationale"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Livrables : Élaboration de la stratégie internationale du Département de la Vienne (eng-2025-dep86-strategie-internationale)")
        #expect(lines.contains("Factures") && lines.contains("Jours"))
        func row(_ start: String) -> String { lines.first { $0.hasPrefix(start) } ?? "" }
        #expect(row("note-strategique").hasSuffix("en retard"))
        #expect(row("KS-2026-034").contains("3600") && row("KS-2026-034").contains("4320") && row("KS-2026-034").hasSuffix("à échoir"))
        #expect(row("KS-2025-041").contains("20 %") && row("KS-2025-041").hasSuffix("payée"))
        #expect(row("Claire Morel").contains("12.0") && row("Karim Benali").contains("9.0"))
        // The invoices' heading and total (TTC) first, then the days' total.
        #expect(lines.filter { $0.hasPrefix("Total ") }.map { $0.split(separator: " ") } == [["Total", "TTC", "par", "devise"], ["Total", "21600", "EUR"], ["Total", "21.0", "30", "9.0"]])
        #expect(row("Reste à facturer HT").contains("6000 EUR"))
    }

    /// --overdue keeps the late deliverable and no invoice (none of the mission's is late).
    @Test func overdueOnly() throws {
        let summary = try #require(try Kaleido.json(["deliverables", "eng-2025-dep86-strategie-internationale", "--overdue"]) as? Object)
        #expect((summary["deliverables"] as? [Object])?.compactMap { $0["key"] as? String } == ["note-strategique"])
        #expect((summary["invoices"] as? [Object])?.isEmpty == true)
    }
}
