import Foundation
import Testing
import KaleidoKB
import KaleidoQuery
import KaleidoYAML

/// Conventions through their life, as pure logic: avenants consolidated in signature order,
/// termination, each French party's transmission, the renewal plan, the legal gaps.
@Suite struct ConventionLifeTests {
    static func value(_ yaml: String) throws -> QValue { QValue(try YAMLParser().parseDocument(Array(yaml.utf8)).root) }

    static let original = """
        id: conv-a
        type: convention
        effective_until: "2013-12-31"
        financial_commitments:
          - {party: fr-a, year: 2010, amount: 10000, currency: EUR, nature: numeraire}
          - {party: fr-a, year: 2011, amount: 15000, currency: EUR, nature: numeraire}
          - {party: tn-b, year: 2011, amount: 8000, currency: TND, nature: valorisation}
        """

    /// Two signed avenants given in the wrong order, and one draft: the draft is not applied,
    /// the others are applied by signature date (replacing then adding gives 17 000, the
    /// other order would give 12 000).
    @Test func avenantsApplyInSignatureOrder() throws {
        let adds = try Self.value("""
            kind: avenant
            status: signee
            signed_on: "2012-03"
            new_end_date: "2014-06-30"
            financial_commitments:
              - {party: fr-a, year: 2011, amount: 5000, currency: EUR, nature: numeraire}
              - {party: fr-a, year: 2010, amount: -2500.50, currency: EUR, nature: numeraire}
            """)
        let replaces = try Self.value("""
            kind: avenant
            status: signee
            signed_on: "2012-01-15"
            financial_commitments:
              - {party: fr-a, year: 2011, amount: 12000, currency: EUR, nature: numeraire, replaces: true}
            """)
        let draft = try Self.value("""
            kind: avenant
            status: projet
            new_end_date: "2020-12-31"
            financial_commitments:
              - {party: fr-a, year: 2012, amount: 99, currency: EUR, nature: numeraire}
            """)
        let consolidated = ConsolidatedConvention(id: "conv-a", original: try Self.value(Self.original), avenants: [
            .init(id: "av-2", value: adds), .init(id: "av-3", value: draft), .init(id: "av-1", value: replaces),
        ])
        #expect(consolidated.applied == ["av-1", "av-2"])
        #expect(consolidated.pending == ["av-3"])
        #expect(consolidated.end?.written == "2014-06-30")
        #expect(consolidated.originalEnd?.written == "2013-12-31")
        #expect(consolidated.endChangedBy == "av-2")
        let lines = consolidated.commitments.map { "\($0.year) \($0.party) \($0.nature) \($0.amount) \($0.currency)" }
        #expect(lines == ["2010 fr-a numeraire 7499.50 EUR", "2011 fr-a numeraire 17000 EUR", "2011 tn-b valorisation 8000 TND"])
        let history = consolidated.commitments[1].history.map { "\($0.source) \($0.operation.rawValue) \($0.amount)" }
        #expect(history == ["conv-a original 15000", "av-1 replaced 12000", "av-2 added 5000"])
        #expect(consolidated.commitments[1].amended && !consolidated.commitments[2].amended)
    }

    /// The sample's avenant n° 1 adds 5 000 € in 2012 and takes 3 000 € off 2013.
    @Test func theSampleAvenantChangesTheRomansSfaxConvention() throws {
        let consolidated = try #require(ConsolidatedConvention(record: SampleKB.position("conv-2010-romans-sfax-cooperation"), in: SampleKB.index))
        #expect(consolidated.applied == ["conv-2012-avenant-romans-sfax-festivals"])
        #expect(consolidated.end?.written == "2013-12-31" && consolidated.endChangedBy == nil)
        let romans = consolidated.commitments.filter { $0.party == "fr-com-26281-romans-sur-isere" }.map { "\($0.year) \($0.amount)" }
        // 2010: 10 000; 2011: 15 000; 2012: 15 000 + 5 000; 2013: 12 000 − 3 000.
        #expect(romans == ["2010 10000", "2011 15000", "2012 20000", "2013 9000"])
    }

    @Test func theRenewalPlanCountsBackFromTheNoticeDate() {
        // 2027-03-31 minus six months is 2026-09-31, clamped to 2026-09-30; the vote a month
        // before (2026-08-30), the transmission 15 days before (2026-09-15).
        let plan = RenewalPlan(end: CalendarDay(year: 2027, month: 3, day: 31), noticeMonths: 6)
        #expect("\(plan.noticeBy) \(plan.voteBy) \(plan.transmitBy)" == "2026-09-30 2026-08-30 2026-09-15")
        let wider = RenewalPlan(end: CalendarDay(year: 2027, month: 3, day: 31), noticeMonths: 6, voteMargin: .days(45), transmissionMargin: .months(2))
        #expect("\(wider.noticeBy) \(wider.voteBy) \(wider.transmitBy)" == "2026-09-30 2026-08-16 2026-07-30")
        let none = RenewalPlan(end: CalendarDay(year: 2027, month: 4, day: 30), noticeMonths: nil)
        #expect("\(none.noticeBy) \(none.voteBy) \(none.transmitBy)" == "2027-04-30 2027-03-30 2027-04-15")
    }

    @Test func eachFrenchPartyTransmitsToItsOwnPrefect() {
        let questions = Questions(index: SampleKB.index, today: SampleKB.today)
        func sent(_ id: String) -> [String] {
            questions.transmissions(of: SampleKB.position(id)).map { "\(SampleKB.index.id($0.party)) \($0.date?.written ?? "-") \($0.prefecture ?? "-")" }
        }
        #expect(sent("conv-2025-vienne-molde-jeunesse") == ["fr-com-38544-vienne 2025-03-03 Préfecture de l'Isère"])
        // The older single field stands for the only French local authority among five parties.
        #expect(sent("conv-2009-passeport-pour-le-monde") == ["fr-com-38544-vienne 2009-06-10 -"])
        #expect(sent("conv-2024-vienne-kairouan-cooperation") == ["fr-com-38544-vienne - -"])
    }

    /// A copy of the sample where Romans terminated its 2021 convention on 30 June 2025 (still
    /// said en_vigueur) and the Département de la Vienne joined the Vienne–Molde convention
    /// without sending it to its préfet.
    @Test func terminationAndAMissingPartyTransmission() throws {
        let kb = try ScratchKB(copyingSample: ())
        defer { kb.remove() }
        let folder = kb.root + "/knowledge/conventions/"
        try edit(folder + "conv-2021-romans-sfax-cooperation.yaml", "superseded_by:",
                 "terminated_on: \"2025-06-30\"\nterminated_by: fr-com-26281-romans-sur-isere\ntermination_reason: fin du programme\nsuperseded_by:")
        try edit(folder + "conv-2025-vienne-molde-jeunesse.yaml", "  - {partner: no-mun-molde, role: signataire, signatory_title: Ordfører}\n",
                 "  - {partner: no-mun-molde, role: signataire, signatory_title: Ordfører}\n  - {partner: fr-dep-86-vienne, role: partenaire}\n")
        let index = try SampleKB.buildIndex(root: kb.root)
        let questions = Questions(index: index, today: SampleKB.today)
        let romans = try #require(index.position(of: "conv-2021-romans-sfax-cooperation"))
        #expect(questions.isInForce(romans, on: CalendarDay(year: 2025, month: 6, day: 30)))
        #expect(!questions.isInForce(romans, on: CalendarDay(year: 2025, month: 7, day: 1)))
        #expect(!questions.isInForce(romans, on: CalendarDay(year: 2021, month: 3, day: 31)))  // before effective_from
        // Terminated, it no longer "ends" on 2027-03-31.
        #expect(questions.conventionsEnding(by: SampleKB.today.adding(months: 6)).map { index.id($0.record) } == ["conv-2024-vienne-kairouan-cooperation"])
        let gaps = questions.conventionGaps()
        #expect(gaps.map { index.id($0.record) } == [
            "conv-2021-romans-sfax-cooperation", "conv-2024-vienne-kairouan-cooperation",
            "conv-2025-romans-sfax-festival-jeunesse", "conv-2025-vienne-molde-jeunesse",
        ])
        #expect(gaps[0].terminatedOn?.written == "2025-06-30" && !gaps[0].notSentToPrefect)
        #expect(gaps[3].untransmitted.map { index.id($0) } == ["fr-dep-86-vienne"] && gaps[3].terminatedOn == nil)
    }

    private func edit(_ path: String, _ find: String, _ replace: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(find), "\(path) lacks \(find)")
        try text.replacingOccurrences(of: find, with: replace).write(toFile: path, atomically: true, encoding: .utf8)
    }
}
