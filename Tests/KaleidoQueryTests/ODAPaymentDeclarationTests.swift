import KaleidoKB
import KaleidoQuery
import Testing

/// The pure side of the e-APD from payments, on the indexed sample (no process): which payment
/// is whose, the order of the exclusion reasons, and sums that never cross currencies.
@Suite struct ODAPaymentDeclarationTests {
    static let questions = Questions(index: SampleKB.index, today: SampleKB.today)

    static func payment(_ record: String, _ date: String) throws -> Questions.Disbursement {
        try #require(questions.disbursements(of: SampleKB.position(record)).first { $0.date?.written == date })
    }

    @Test func theRecordImpliesPayerCountryAndConvention() throws {
        let kairouan = try Self.payment("conv-2024-vienne-kairouan-cooperation", "2025-03-14")
        #expect(kairouan.payer == "fr-com-38544-vienne" && kairouan.country == "TN" && kairouan.convention == "conv-2024-vienne-kairouan-cooperation")
        #expect(kairouan.markers.map { "\($0.key)=\($0.score)" } == ["environnement=2", "genre=1"])
        let local = try Self.payment("prj-2024-vienne-kairouan-dechets", "2025-10-10")
        #expect(local.payer == "fr-com-38544-vienne" && local.money == Money(amount: ExactDecimal("3500")!, currency: "TND"))
        #expect(local.recipient == nil && local.convention == "conv-2024-vienne-kairouan-cooperation")
        let sfax = try Self.payment("conv-2021-romans-sfax-cooperation", "2025-07-04")
        #expect(sfax.payer == "tn-mun-sfax")
        let festival = try Self.payment("prj-2025-vienne-solidarite-internationale", "2025-11-20")
        #expect(festival.country == nil && festival.convention == nil && ODAPaymentDeclaration.isUnallocated(festival))
    }

    /// A payment by another party is `other_payer` even when its year is wrong too; a year is
    /// checked before the country, and the DAC list is the declared year's.
    @Test func exclusionReasonsInOrder() throws {
        let sfax = try Self.payment("conv-2021-romans-sfax-cooperation", "2025-07-04")
        #expect(ODAPaymentDeclaration.exclusion(of: sfax, client: "fr-com-26281-romans-sur-isere", year: 2024) == .otherPayer)
        #expect(ODAPaymentDeclaration.exclusion(of: sfax, client: "tn-mun-sfax", year: 2024) == .otherYear)
        #expect(ODAPaymentDeclaration.exclusion(of: sfax, client: "tn-mun-sfax", year: 2025) == nil)
        var nauru = sfax
        nauru.country = "NR"
        nauru.date = PartialDate("2025-12-31")
        #expect(ODAPaymentDeclaration.exclusion(of: nauru, client: "tn-mun-sfax", year: 2025) == nil)
        nauru.date = PartialDate("2026-01-01")
        #expect(ODAPaymentDeclaration.exclusion(of: nauru, client: "tn-mun-sfax", year: 2026) == .notOnDACList)
        nauru.country = nil
        #expect(ODAPaymentDeclaration.exclusion(of: nauru, client: "tn-mun-sfax", year: 2026) == .noCountry)
    }

    @Test func sumsStayPerCurrency() throws {
        let vienne = SampleKB.position("fr-com-38544-vienne")
        let declaration = ODAPaymentDeclaration(client: "fr-com-38544-vienne", year: 2025, payments: Self.questions.disbursements(involving: vienne))
        #expect(declaration.totals.description == "18500 EUR; 3500 TND")
        #expect(declaration.bySector.map { "\($0.key) \($0.money)" } == ["14050 12000 EUR", "14050 3500 TND", "72010 5000 EUR", "99820 1500 EUR"])
        #expect(declaration.excluded.map(\.reason) == [.otherYear, .notOnDACList])
    }
}
