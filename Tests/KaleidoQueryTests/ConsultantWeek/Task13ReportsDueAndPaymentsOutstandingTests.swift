import Foundation
import Testing

/// Task 13 of the consultant's week: "what must we hand in this coming month, and who owes us
/// money?", one `kaleido due --within 30d --today 2026-11-27` call. Expected by hand:
/// - due by 2026-12-27 on open missions and running projects: the Département's strategic
///   note (due 2026-10-31, en_cours: overdue), Romans's draft convention (2026-12-04), the
///   Département's action plan (2026-12-15); not the 2009 project's late deliverables (the
///   project is closed), not the MEAE application (2027-01-08);
/// - unpaid invoices: KS-2026-027 to Romans (3840 HT, 4608 TTC, due 2026-10-10: 48 days late)
///   and KS-2026-034 to the Département (3600 HT, 4320 TTC, due 2026-12-16); 8928 EUR TTC.
@Suite struct Task13ReportsDueAndPaymentsOutstandingTests {
    typealias Object = [String: Any]

    static func decimal(_ value: Any?) -> Decimal? { (value as? NSNumber)?.decimalValue }

    @Test func dueWithinThirtyDaysAndUnpaidInvoices() throws {
        // --today on the command line, and a different KALEIDO_TODAY that it must override.
        let result = try Kaleido.run(["due", "--within", "30d", "--today", "2026-11-27", "--format", "json"], today: "2020-01-01")
        #expect(result.status == 0, "\(result.stderr)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? Object)
        #expect(answer["today"] as? String == "2026-11-27" && answer["until"] as? String == "2026-12-27")
        let due = try #require(answer["due"] as? [Object])
        #expect(due.map { item in ["due", "record", "kind", "key", "state"].map { key in item[key] as? String ?? "-" }.joined(separator: " ") } == [
            "2026-10-31 eng-2025-dep86-strategie-internationale deliverable note-strategique overdue",
            "2026-12-04 eng-2026-romans-renouvellement-convention deliverable projet-convention pending",
            "2026-12-15 eng-2025-dep86-strategie-internationale deliverable plan-action pending",
        ])
        let invoices = try #require(answer["unpaid_invoices"] as? [Object])
        #expect(invoices.map { "\($0["number"]!) \($0["client"]!) \(Self.decimal($0["amount_ttc"])!) \($0["due"]!) \($0["state"]!) \($0["days_late"]!)" } == [
            "KS-2026-027 fr-com-26281-romans-sur-isere 4608 2026-10-10 overdue 48",
            "KS-2026-034 fr-dep-86-vienne 4320 2026-12-16 unpaid 0",
        ])
        let totals = try #require(answer["unpaid_ttc"] as? [Object])
        #expect(totals.count == 1 && Self.decimal(totals[0]["amount"]) == 8928 && totals[0]["currency"] as? String == "EUR")
    }

    /// The French tables, and a later date: on 2026-12-20 the action plan is still to come,
    /// the draft convention and the December invoice are late too.
    @Test func frenchTablesAndAnotherDay() throws {
        let result = try Kaleido.run(["due", "--today", "2026-12-20"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Livrables et rapports à rendre d'ici le 2027-01-19")
        #expect(lines.contains("Factures non payées au 2026-12-20"))
        func row(_ start: String) -> String { lines.first { $0.hasPrefix(start) } ?? "" }
        #expect(row("2026-12-04").hasSuffix("en retard") && row("2026-12-15").hasSuffix("en retard"))
        #expect(row("2027-01-08").contains("dossier-aap-meae") && row("2027-01-08").hasSuffix("à venir"))
        #expect(row("KS-2026-027").hasSuffix("en retard (71 j)"))
        #expect(row("KS-2026-034").hasSuffix("en retard (4 j)"))
        #expect(lines.contains("Total TTC par devise"))
        #expect(lines.last?.split(separator: " ") == ["Total", "8928", "EUR"])
    }
}
