import KaleidoKB
@testable import KaleidoMerge
import Testing

/// `disbursements` merge item by item on [date, amount, currency, recipient, recipient_name]
/// (defs.yaml), with the schema hints the driver uses: two consultants recording different
/// payments of one convention both keep theirs; a payment's markers merge as one value.
@Suite struct DisbursementMergeTests {
    static let base = """
        id: conv-2024-x
        type: convention
        disbursements:
          - {date: "2025-03-14", amount: 8000, currency: EUR, recipient: tn-mun-kairouan, markers: {genre: 1}}

        """

    @Test func paymentsAddedOnBothSidesAreAllKept() throws {
        let ours = Self.base + #"  - {date: "2025-09-30", amount: 4000, currency: EUR, recipient: tn-mun-kairouan}"# + "\n"
        let theirs = Self.base + #"  - {date: "2025-10-10", amount: 3500, currency: TND, recipient_name: Atelier de tri}"# + "\n"
        let result = try MergePropertyTests.merger(for: Self.base).merge(
            base: MergeSide(bytes: Array(Self.base.utf8)), ours: MergeSide(bytes: Array(ours.utf8)),
            theirs: MergeSide(bytes: Array(theirs.utf8)), rule: .ours, now: nil)
        #expect(result.isClean)
        let text = String(decoding: result.bytes, as: UTF8.self)
        for date in ["2025-03-14", "2025-09-30", "2025-10-10"] { #expect(text.contains(date), "\(text)") }
    }

    @Test func markersChangedDifferentlyAreOneConflict() throws {
        let ours = Self.base.replacingOccurrences(of: "markers: {genre: 1}", with: "markers: {genre: 2}")
        let theirs = Self.base.replacingOccurrences(of: "markers: {genre: 1}", with: "markers: {genre: 1, environnement: 2}")
        let result = try MergePropertyTests.merger(for: Self.base).merge(
            base: MergeSide(bytes: Array(Self.base.utf8)), ours: MergeSide(bytes: Array(ours.utf8)),
            theirs: MergeSide(bytes: Array(theirs.utf8)), rule: .ours, now: nil)
        #expect(result.conflicts.map(\.path).count == 1)
        #expect(result.conflicts.first?.path.hasSuffix(".markers") == true, "\(result.conflicts.map(\.path))")
    }
}
