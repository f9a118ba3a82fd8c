import Testing
import KaleidoKB
@testable import KaleidoQuery

/// The business computations on the sample KB as of 2026-11-27. Expected figures, by hand from
/// knowledge/engagements/:
/// - eng-2025-dep86-strategie-internationale (Département de la Vienne): 30 days budgeted;
///   Claire 1 + 2 + 1.5 + 3 + 1 + 2 + 1.5 = 12, Karim 2 + 2.5 + 2 + 1.5 + 1 = 9, used 21, left 9;
///   contract 24000 HT; invoices 7200 (paid) + 7200 (paid) + 3600 (due 2026-12-16) = 18000,
///   paid 14400, left to invoice 6000.
/// - eng-2026-romans-renouvellement-convention (Romans): 12 days; Karim 1 + 2 + 1.5 = 4.5,
///   Claire 1 + 0.5 = 1.5, used 6, left 6; contract 9600; one invoice of 3840 due 2026-10-10,
///   unpaid (48 days late on 27 November: 21 in October + 27), left to invoice 5760.
/// - proposals: Ambérieu 14400 × 0.6 = 8640 (decision 2026-12), AURA 21000 × 0.3 = 6300
///   (decision 2027-01-31): 35400 sent, 14940 weighted.
@Suite struct BusinessQuestionsTests {
    let questions = Questions(index: SampleKB.index, today: SampleKB.today)
    static let dep86 = "eng-2025-dep86-strategie-internationale", romans = "eng-2026-romans-renouvellement-convention"

    static func d(_ text: String) -> ExactDecimal { ExactDecimal(text)! }

    @Test func daysPerClientEngagementAndConsultant() {
        func lines(_ rows: [Questions.DaysRow]) -> [String] {
            rows.map { row in
                [row.client, row.engagement.map(SampleKB.index.id) ?? "-", row.consultant ?? "-", row.budgeted?.description ?? "-",
                 row.used.description, row.left?.description ?? "-"].joined(separator: " ")
            }
        }
        #expect(lines(questions.days(by: .client)) == [
            "fr-com-26281-romans-sur-isere - - 12 6.0 6.0", "fr-dep-86-vienne - - 30 21.0 9.0",
        ])
        #expect(lines(questions.days(by: .engagement)) == [
            "fr-com-26281-romans-sur-isere \(Self.romans) - 12 6.0 6.0", "fr-dep-86-vienne \(Self.dep86) - 30 21.0 9.0",
        ])
        #expect(lines(questions.days(by: .consultant)) == [
            "fr-com-26281-romans-sur-isere - p-claire-morel - 1.5 -", "fr-com-26281-romans-sur-isere - p-karim-benali - 4.5 -",
            "fr-dep-86-vienne - p-claire-morel - 12.0 -", "fr-dep-86-vienne - p-karim-benali - 9.0 -",
        ])
        let vienne86 = SampleKB.position("fr-dep-86-vienne")
        #expect(lines(questions.days(by: .client, client: vienne86)) == ["fr-dep-86-vienne - - 30 21.0 9.0"])
        // 2026 only: Claire 3 + 1 + 2 + 1.5 = 7.5, Karim 2 + 1.5 + 1 = 4.5 at the Département.
        let year2026 = DateInterval(start: PartialDate("2026"), end: PartialDate("2026"))
        #expect(lines(questions.days(by: .client, client: vienne86, during: year2026)) == ["fr-dep-86-vienne - - 30 12.0 18.0"])
    }

    @Test func leftToInvoicePerEngagement() {
        let lines = questions.billing().map { item in
            "\(SampleKB.index.id(item.engagement)) \(item.contract) | \(item.invoiced) | \(item.paid) | \(item.left)"
        }
        #expect(lines == [
            "\(Self.dep86) 24000 EUR | 18000 EUR | 14400 EUR | 6000 EUR",
            "\(Self.romans) 9600 EUR | 3840 EUR |  | 5760 EUR",
        ])
    }

    /// Milestones to invoice: none on 27 November; from 1 December the two December
    /// milestones (the action plan, 6000; the draft convention, 2880) are due and no invoice
    /// names them. The November milestone was invoiced (KS-2026-034 names it).
    @Test func milestonesToInvoice() {
        #expect(questions.billing().allSatisfy { $0.milestonesToInvoice.isEmpty })
        let december = Questions(index: SampleKB.index, today: CalendarDay(year: 2026, month: 12, day: 1)).billing()
        #expect(december.map { item in item.milestonesToInvoice.map { "\($0.milestone) \($0.due!) \($0.amount)" } } == [
            ["Remise du plan d'action 2026-12 6000 EUR"], ["Remise du projet de convention 2026-12 2880 EUR"],
        ])
    }

    @Test func unpaidAndOverdueInvoices() {
        let unpaid = questions.unpaidInvoices()
        #expect(unpaid.map { "\($0.number) \($0.state) \($0.daysLate) \($0.amountTTC)" } == [
            "KS-2026-027 overdue 48 4608 EUR", "KS-2026-034 unpaid 0 4320 EUR",
        ])
        #expect(questions.unpaidInvoices(overdueOnly: true).map(\.number) == ["KS-2026-027"])
        #expect(MoneyTotals(unpaid.map(\.amountTTC)).description == "8928 EUR")
        // On the due day an invoice is not late yet; the day after it is.
        #expect(Questions(index: SampleKB.index, today: CalendarDay(year: 2026, month: 12, day: 16)).unpaidInvoices(overdueOnly: true).map(\.number)
            == ["KS-2026-027"])
        #expect(Questions(index: SampleKB.index, today: CalendarDay(year: 2026, month: 12, day: 17)).unpaidInvoices(overdueOnly: true).map(\.number)
            == ["KS-2026-027", "KS-2026-034"])
        let paid = questions.invoices(of: SampleKB.position(Self.dep86)).filter { $0.state == .paid }
        #expect(paid.map { "\($0.number) \($0.paidOn!)" } == ["KS-2025-041 2025-11-12", "KS-2026-009 2026-04-20"])
    }

    @Test func pipelineWeightedByProbability() {
        let proposals = questions.pipeline()
        #expect(proposals.map { "\(SampleKB.index.id($0.engagement)) \($0.amount) × \($0.probability) = \($0.weighted)" } == [
            "eng-2026-amberieu-strategie-internationale 14400 EUR × 0.6 = 8640 EUR",
            "eng-2026-aura-evaluation-cooperation-mediterranee 21000 EUR × 0.3 = 6300 EUR",
        ])
        #expect(MoneyTotals(proposals.map(\.weighted)).description == "14940 EUR")
        #expect(MoneyTotals(proposals.map(\.amount)).description == "35400 EUR")
    }

    /// Due by 2026-12-27 on open records: the Département's strategic note (due 2026-10-31,
    /// en_cours: overdue), Romans's draft convention (2026-12-04) and the action plan
    /// (2026-12-15). The closed 2009 project's late deliverables are history, left out.
    @Test func deliverablesAndReportsDue() {
        let items = questions.dueItems(until: CalendarDay(year: 2026, month: 12, day: 27))
        #expect(items.map { "\($0.due) \(SampleKB.index.id($0.record)) \($0.key) \($0.overdue)" } == [
            "2026-10-31 \(Self.dep86) note-strategique true", "2026-12-04 \(Self.romans) projet-convention false",
            "2026-12-15 \(Self.dep86) plan-action false",
        ])
        // A year ahead: the MEAE application (2027-01-08) and the waste project's two final
        // reports to the DAECT (2027-07-31) and the Region (2027-10-31) come in.
        let year = questions.dueItems(until: CalendarDay(year: 2027, month: 11, day: 27))
        #expect(year.dropFirst(3).map { "\($0.due) \($0.kind) \($0.key) \($0.title)" } == [
            "2027-01-08 deliverable dossier-aap-meae Dossier de candidature à l'appel à projets du MEAE",
            "2027-07-31 report final fr-etat-daect", "2027-10-31 report final fr-reg-84-auvergne-rhone-alpes",
        ])
    }

    @Test func exactArithmetic() {
        #expect((Self.d("24000") - Self.d("18000")).description == "6000")
        #expect((Self.d("9600") - Self.d("3840.50")).description == "5759.50")
        #expect((Self.d("14400") * Self.d("0.6")).description == "8640.0")
        #expect((Self.d("14400") * Self.d("0.6")).trimmed(to: 0).description == "8640")
        #expect((Self.d("1001") * Self.d("0.333")).trimmed(to: 0).description == "333.333")
        #expect((Self.d("0.1") * Self.d("3")).description == "0.3")
        #expect((Self.d("99.99") * Self.d("1.2")).rounded(to: 2).description == "119.99")
        #expect((Self.d("1234.56") * Self.d("1.055")).rounded(to: 2).description == "1302.46")
        #expect((Self.d("100") - Self.d("120")).isNegative)
    }

    /// Money never adds across currencies, even where one engagement has two.
    @Test func totalsStayPerCurrency() {
        var left = MoneyTotals()
        left.add(Money(amount: Self.d("6000"), currency: "EUR"))
        left.add(Money(amount: Self.d("1500.500"), currency: "TND"))
        left.add(Money(amount: Self.d("5760"), currency: "EUR"))
        #expect(left.description == "11760 EUR; 1500.500 TND")
    }
}
