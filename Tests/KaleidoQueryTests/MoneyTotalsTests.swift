import KaleidoKB
import KaleidoQuery
import Testing

/// Money as (amount, currency): sums per currency, never across.
@Suite struct MoneyTotalsTests {
    func money(_ amount: String, _ currency: String) throws -> Money {
        Money(amount: try #require(ExactDecimal(amount)), currency: currency)
    }

    @Test func amountsAddOnlyWithinTheirCurrency() throws {
        var totals = MoneyTotals()
        totals.add(try money("18000", "EUR"))
        totals.add(try money("4500", "EUR"))
        totals.add(try money("15000", "TND"))
        #expect(totals.totals == [try money("22500", "EUR"), try money("15000", "TND")])
        #expect(totals["EUR"]?.description == "22500" && totals["USD"] == nil)
        #expect(totals.description == "22500 EUR; 15000 TND")
        #expect(MoneyTotals().isEmpty && MoneyTotals().totals.isEmpty)
    }

    @Test func exactDecimalsAndPlainNumbers() throws {
        let totals = MoneyTotals([try money("26450.50", "EUR"), try money("18432.50", "EUR"), try money("3", ""), try money("4", "")])
        #expect(totals.totals.map(\.description) == ["7", "44883.00 EUR"])
        var merged = totals
        merged.add(MoneyTotals([try money("0.25", "TND")]))
        #expect(merged.currencies == ["", "EUR", "TND"])
        #expect(try money("44883.00", "EUR").json == #"{"amount": 44883.00, "currency": "EUR"}"#)
    }

    @Test func listSumsTheSampleCommitmentsPerCurrency() throws {
        var query = ListQuery(type: .convention)
        query.conditions = [try Condition(parsing: "id=conv-2021-romans-sfax-cooperation")]
        query.sum = try FieldPath(parsing: "financial_commitments.amount")
        let groups = query.groups(in: SampleKB.index, resolver: RecordResolver(index: SampleKB.index))
        #expect(groups.count == 1)
        #expect(groups.first?.sum.description == "106500 EUR; 15000 TND")
    }

    @Test func grantedFundingIsPerCurrency() {
        let questions = Questions(index: SampleKB.index, today: SampleKB.today)
        let lines = questions.grantedFunding(sinceYear: 2017).filter { $0.year == 2017 }.map { "\($0.funder) \($0.total)" }
        #expect(lines == ["fr-etat-daect 20000 EUR", "fr-reg-84-auvergne-rhone-alpes 12000 EUR", "tn-mun-sfax 12000 TND"])
    }

    @Test func reportLeavesOutWhatTheClientMayNotSee() {
        func report(_ include: Confidentiality) -> PartnerReport {
            PartnerReport(partner: SampleKB.position("tn-mun-sfax"), index: SampleKB.index, today: SampleKB.today, french: false,
                          include: include) { key, _, _ in key }
        }
        let titles = { (report: PartnerReport) in report.sections.flatMap { $0.table?.rows.map { $0.joined(separator: "|") } ?? [] } }
        let publicOnly = titles(report(.public)), interne = titles(report(.interne))
        #expect(!publicOnly.contains { $0.contains("2027-2030") })
        #expect(interne.contains { $0.contains("2027-2030") })
        #expect(report(.public).omissions.first?.hasSuffix("records marked interne not shown (--include interne to show them).") ?? false)
        #expect(report(.interne).omissions.allSatisfy { !$0.contains("interne") })
        #expect(Confidentiality(of: .map([])) == .interne)
        #expect(Confidentiality(of: .map([("confidentiality", .string("secret"))])) == .restreint)
    }
}
