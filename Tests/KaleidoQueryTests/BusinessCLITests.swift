import Foundation
import Testing
import KaleidoTestSupport

/// `kaleido days`, `billing`, `invoices`, `pipeline` and `due` on the sample KB (today
/// 2026-11-27; figures by hand in BusinessQuestionsTests) and on a copy with a mission in TND.
@Suite(.serialized) struct BusinessCLITests {
    typealias Object = [String: Any]

    static func decimal(_ value: Any?) -> String { (value as? NSNumber).map { "\($0.decimalValue)" } ?? "-" }

    @Test func billingLeftToInvoice() throws {
        let rows = try #require(try Kaleido.json(["billing"]) as? [Object])
        #expect(rows.map { "\($0["engagement"]!) \(Self.decimal($0["contract"])) \(Self.decimal($0["invoiced"])) \(Self.decimal($0["paid"])) \(Self.decimal($0["left"])) \($0["currency"]!)" } == [
            "eng-2025-dep86-strategie-internationale 24000 18000 14400 6000 EUR",
            "eng-2026-romans-renouvellement-convention 9600 3840 0 5760 EUR",
        ])
        let december = try Kaleido.run(["billing", "--today", "2026-12-01", "--format", "json"])
        let later = try #require(try JSONSerialization.jsonObject(with: Data(december.stdout.utf8)) as? [Object])
        #expect(later.map { ($0["milestones_to_invoice"] as? [Object] ?? []).map { "\($0["milestone"]!) \($0["due"]!) \(Self.decimal($0["amount"]))" } } == [
            ["Remise du plan d'action 2026-12 6000"], ["Remise du projet de convention 2026-12 2880"],
        ])
        let table = try Kaleido.run(["billing"])
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].contains("Reste à facturer HT") && lines[0].contains("Facturé HT") && lines[0].hasSuffix("Jalons à facturer"))
        #expect(lines.contains("Total par devise"))
        #expect(lines.last?.split(separator: " ") == ["Total", "33600", "21840", "14400", "11760", "EUR"])
        let decemberTable = try Kaleido.run(["billing", "--today", "2026-12-01"]).stdout
        #expect(decemberTable.contains("Jalons à facturer") && decemberTable.contains("Remise du plan d'action (2026-12, 6000 EUR)"))
    }

    @Test func invoicesUnpaidAndOverdue() throws {
        func numbers(_ arguments: [String]) throws -> [String] {
            try #require(try Kaleido.json(["invoices"] + arguments) as? [Object]).compactMap { $0["number"] as? String }
        }
        #expect(try numbers([]) == ["KS-2025-041", "KS-2026-009", "KS-2026-027", "KS-2026-034"])
        #expect(try numbers(["--unpaid"]) == ["KS-2026-027", "KS-2026-034"])
        #expect(try numbers(["--overdue"]) == ["KS-2026-027"])
        #expect(try numbers(["--client", "fr-dep-86-vienne"]) == ["KS-2025-041", "KS-2026-009", "KS-2026-034"])
        #expect(try numbers(["--overdue", "--client", "fr-dep-86-vienne"]) == [])
        let english = try Kaleido.run(["invoices", "--overdue", "--lang", "en", "--format", "csv"])
        #expect(english.stdout == "Number,Date,Client,Engagement,Amount excl. VAT,VAT,Amount incl. VAT,Currency,Due,Paid on,State\r\n"
            + "KS-2026-027,2026-09-10,Ville de Romans-sur-Isère,eng-2026-romans-renouvellement-convention,3840,20%,4608,EUR,2026-10-10,,overdue (48 d)\r\n"
            + "Total,,,,,,4608,EUR,,,\r\n")
        let none = try Kaleido.run(["invoices", "--overdue", "--client", "fr-dep-86-vienne"])
        #expect(none.status == 0 && none.stderr.contains("Aucune facture en retard"))
    }

    @Test func pipelineWeighted() throws {
        let rows = try #require(try Kaleido.json(["pipeline"]) as? [Object])
        #expect(rows.map { "\($0["engagement"]!) \(Self.decimal($0["amount_ht"])) \(Self.decimal($0["probability"])) \(Self.decimal($0["weighted"])) \($0["decision_due"]!)" } == [
            "eng-2026-amberieu-strategie-internationale 14400 0.6 8640 2026-12",
            "eng-2026-aura-evaluation-cooperation-mediterranee 21000 0.3 6300 2027-01-31",
        ])
        let table = try Kaleido.run(["pipeline"])
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].contains("Probabilité") && lines[0].contains("Pondéré HT"))
        #expect(lines.first { $0.contains("amberieu") }?.contains("60 %") == true)
        #expect(lines.last?.split(separator: " ") == ["Total", "35400", "14940", "EUR"])
    }

    @Test(arguments: [
        (["days", "--by", "mission"], "--by mission: use client, engagement or consultant"),
        (["days", "--client", "Atlantis"], "no partner is called \"Atlantis\""),
        (["days", "--since", "2026-13"], "--since 2026-13: expected a date"),
        (["due", "--within", "soon"], "soon: expected a duration"),
        (["due", "--today", "2026-11"], "--today 2026-11: expected a date YYYY-MM-DD"),
        (["billing", "--client", "Atlantis"], "no partner is called"),
    ])
    func usageErrorsExitTwo(_ arguments: [String], _ message: String) throws {
        let result = try Kaleido.run(arguments + ["--lang", "en"])
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }

    /// A mission invoiced in dinars beside the euro ones: every total stays in its currency
    /// (6000.250 TND × 1.19 = 7140.29750, to the millime 7140.298: valid), and an invoice
    /// numbered like another one in the KB fails validation where it is written.
    @Test func otherCurrenciesAreNeverAdded() throws {
        let scratch = try ScratchKB(copyingSample: ())
        defer { scratch.remove() }
        let record = """
            id: eng-2026-sfax-formation-agents
            type: engagement
            title: Formation des agents de la Municipalité de Sfax
            client: tn-mun-sfax
            service_lines: [formation_interculturelle]
            start: "2026-06"
            status: en_cours
            consultants: [p-karim-benali]
            contract: {kind: bon_de_commande, amount_ht: 12000.500, currency: TND}
            days_budgeted: 10
            invoices:
              - {number: KS-2026-040, date: "2026-10-01", amount_ht: 6000.250, vat_rate: 0.19, amount_ttc: 7140.298, currency: TND, due: "2026-10-31"}
            timesheet:
              - {date: "2026-10-05", person: p-karim-benali, days: 2.5}

            """
        try record.write(toFile: scratch.root + "/knowledge/engagements/eng-2026-sfax-formation-agents.yaml", atomically: true, encoding: .utf8)
        let valid = try Kaleido.run(["validate"], in: scratch.root)
        #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")

        let billing = try #require(try Kaleido.json(["billing"], in: scratch.root) as? [Object])
        #expect(billing.map { "\($0["engagement"]!) \(Self.decimal($0["left"])) \($0["currency"]!)" } == [
            "eng-2025-dep86-strategie-internationale 6000 EUR", "eng-2026-romans-renouvellement-convention 5760 EUR",
            "eng-2026-sfax-formation-agents 6000.25 TND",
        ])
        let table = try Kaleido.run(["billing"], in: scratch.root).stdout.split(separator: "\n").map(String.init)
        #expect(table.suffix(2).map { $0.split(separator: " ") } == [
            ["Total", "33600", "21840", "14400", "11760", "EUR"], ["Total", "12000.500", "6000.250", "0", "6000.250", "TND"],
        ])
        let unpaid = try Kaleido.run(["invoices", "--unpaid"], in: scratch.root).stdout.split(separator: "\n").map(String.init)
        #expect(unpaid.suffix(2).map { $0.split(separator: " ") } == [["Total", "8928", "EUR"], ["Total", "7140.298", "TND"]])

        // The same number as a Romans invoice: an error at the second number, file:line:col.
        let duplicate = record.replacing("KS-2026-040", with: "KS-2026-027")
        try duplicate.write(toFile: scratch.root + "/knowledge/engagements/eng-2026-sfax-formation-agents.yaml", atomically: true, encoding: .utf8)
        let invalid = try Kaleido.run(["validate", "--lang", "en"], in: scratch.root)
        #expect(invalid.status == 1)
        #expect(invalid.stdout.contains("knowledge/engagements/eng-2026-sfax-formation-agents.yaml:12:")
            && invalid.stdout.contains("invoice number \"KS-2026-027\" is already used in knowledge/engagements/eng-2026-romans-renouvellement-convention.yaml"),
            "\(invalid.stdout)\(invalid.stderr)")
    }
}
