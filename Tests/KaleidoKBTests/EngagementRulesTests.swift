import Testing
import KaleidoKB
import KaleidoYAML

/// The engagement's business rules (invoice amounts and dates, timesheet people, the
/// schedule's total) and the KB-wide uniqueness of invoice numbers, on KBRulesTests's small KB
/// plus one engagement. Each case expects exactly one finding, at the marked place.
@Suite struct EngagementRulesTests {
    static let file = "knowledge/engagements/eng-2026-romans-renouvellement.yaml"

    /// A valid engagement: 3840 × 1.2 = 4608.00, 1234.56 × 1.055 = 1302.4608 → 1302.46,
    /// schedule 3840 + 5760 = 9600 (the TND milestone is not in the EUR sum).
    static func engagement(consultants: String = "[p-amel-ben-salah]", invoice: String = "", schedule: String = "", timesheet: String = "") -> String {
        """
        id: eng-2026-romans-renouvellement
        type: engagement
        title: Renouvellement
        client: fr-com-26281-romans-sur-isere
        status: en_cours
        consultants: \(consultants)
        contract: {amount_ht: 9600, currency: EUR}
        schedule:
          - {due: "2026-09", amount_ht: 3840, milestone: Commande}
          - {due: "2026-12", amount_ht: \(schedule.isEmpty ? "5760" : schedule), milestone: Solde}
          - {due: "2026-12", amount_ht: 500, currency: TND, milestone: Frais}
        invoices:
          - {number: KS-1, date: "2026-09-10", amount_ht: 3840, vat_rate: 0.2, amount_ttc: 4608.00, currency: EUR, due: "2026-10-10", milestone: Commande}
          - {number: KS-2, date: "2026-09-10", amount_ht: 1234.56, vat_rate: 0.055, amount_ttc: 1302.46, currency: EUR, due: "2026-10-10", paid_on: "2026-10-01"}
        \(invoice.isEmpty ? "" : "  " + invoice)
        timesheet:
          - {date: "2026-09-15", person: p-amel-ben-salah, days: 1.5}
        \(timesheet.isEmpty ? "" : "  " + timesheet)
        """
    }

    @Test(arguments: ["", "- {number: KS-3, date: \"2026-11-02\", amount_ht: 6000.250, vat_rate: 0.19, amount_ttc: 7140.298, currency: TND, due: \"2026-12-02\"}",
                      "- {number: KS-3, date: \"2026-11-02\", amount_ht: 1000, vat_rate: 0.2, amount_ttc: 1200, currency: JPY, due: \"2026-11-02\"}"])
    func aValidEngagementHasNoFinding(_ invoice: String) async throws {
        var files = KBRulesTests.baseline
        files[Self.file] = Self.engagement(invoice: invoice)
        let report = try await KBRulesTests.validate(files)
        #expect(report.findings.map(\.diagnostic.description) == [])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var rule: String
        var severity: Finding.Severity
        var message: String
        var testDescription: String { rule + ": " + message }
    }

    static let cases: [Case] = [
        // 1000 × 1.2 = 1200.00: one cent off is reported (the invoice must be copied as issued).
        Case(text: engagement(invoice: "- {number: KS-3, date: \"2026-11-02\", amount_ht: 1000, vat_rate: 0.2, amount_ttc: 1️⃣1200.01, currency: EUR, due: \"2026-12-02\"}"),
             rule: "invoice-amount", severity: .warning, message: "= 1200.00"),
        // 99.99 × 1.2 = 119.988 → 119.99 (half up), so 119.98 is off.
        Case(text: engagement(invoice: "- {number: KS-3, date: \"2026-11-02\", amount_ht: 99.99, vat_rate: 0.2, amount_ttc: 1️⃣119.98, currency: EUR, due: \"2026-12-02\"}"),
             rule: "invoice-amount", severity: .warning, message: "= 119.99"),
        // Dinars count millimes: 6000.250 × 1.19 = 7140.2975 → 7140.298, so 7140.30 is off.
        Case(text: engagement(invoice: "- {number: KS-3, date: \"2026-11-02\", amount_ht: 6000.250, vat_rate: 0.19, amount_ttc: 1️⃣7140.30, currency: TND, due: \"2026-12-02\"}"),
             rule: "invoice-amount", severity: .warning, message: "= 7140.298"),
        Case(text: engagement(invoice: "- {number: KS-3, date: \"2026-11-02\", amount_ht: 100, vat_rate: 0.2, amount_ttc: 120, currency: EUR, due: 1️⃣\"2026-11-01\"}"),
             rule: "invoice-dates", severity: .error, message: "before the invoice's date 2026-11-02"),
        Case(text: engagement(invoice: "- {number: KS-3, date: \"2026-11-02\", amount_ht: 100, vat_rate: 0, amount_ttc: 100, currency: EUR, due: \"2026-12-02\", milestone: 1️⃣Sold}"),
             rule: "invoice-milestone", severity: .warning, message: "milestone \"Sold\" is not in the schedule (Commande, Frais, Solde)"),
        Case(text: engagement(timesheet: "- {date: \"2026-10-01\", person: 1️⃣p-nobody-here, days: 1}"),
             rule: "timesheet-person", severity: .warning, message: "p-nobody-here booked time"),
        Case(text: engagement(schedule: "5000"), rule: "schedule-total", severity: .warning, message: "adds up to 8840 but contract.amount_ht is 9600"),
    ]

    @Test(arguments: cases)
    func eachBreakageIsReportedWhereItIs(_ breakage: Case) async throws {
        let marked = MarkedText(breakage.text)
        var files = KBRulesTests.baseline
        files[Self.file] = marked.text
        let report = try await KBRulesTests.validate(files)
        // The unknown person is also an unresolved reference when the schema's hints know the
        // field; these tests run without the engagement's hints, so only the rule speaks.
        #expect(report.findings.map(\.rule) == [breakage.rule], "\(report.findings.map(\.diagnostic.description))")
        let finding = try #require(report.findings.first)
        #expect(finding.severity == breakage.severity)
        #expect(finding.message.contains(breakage.message), "\(finding.message)")
        if breakage.rule == "schedule-total" {
            #expect(finding.span.start.line == 9)
        } else {
            #expect(finding.span.start.line == marked.line && finding.span.start.column == marked.column)
        }
    }

    /// An invoice number is unique in the whole KB: the second engagement's KS-1 is an error
    /// at its number, naming the file that used it first.
    @Test func anInvoiceNumberUsedTwiceInTheKBIsAnError() async throws {
        var files = KBRulesTests.baseline
        files[Self.file] = Self.engagement()
        let second = MarkedText("""
            id: eng-2027-romans-suite
            type: engagement
            title: Suite
            client: fr-com-26281-romans-sur-isere
            status: en_cours
            invoices:
              - {number: KS-9, date: "2027-01-10", amount_ht: 10, vat_rate: 0, amount_ttc: 10, currency: EUR, due: "2027-02-10"}
              - {number: 1️⃣KS-1, date: "2027-01-10", amount_ht: 10, vat_rate: 0, amount_ttc: 10, currency: EUR, due: "2027-02-10"}
            """)
        files["knowledge/engagements/eng-2027-romans-suite.yaml"] = second.text
        let report = try await KBRulesTests.validate(files)
        #expect(report.findings.map(\.rule) == ["duplicate-invoice-number"], "\(report.findings.map(\.diagnostic.description))")
        let finding = try #require(report.findings.first)
        #expect(finding.severity == .error && finding.file == "knowledge/engagements/eng-2027-romans-suite.yaml")
        #expect(finding.pointer == "/invoices/1/number")
        #expect(finding.span.start.line == second.line && finding.span.start.column == second.column)
        #expect(finding.message.contains("\"KS-1\" is already used in \(Self.file)"))
    }
}
