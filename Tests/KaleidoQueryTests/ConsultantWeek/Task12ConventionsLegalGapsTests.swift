import Foundation
import Testing

/// Consultant-week task 12: conventions in force with legal gaps, answered by
/// `kaleido conventions --gaps` on the sample (today 2026-11-27).
///
/// By hand, over the ten sample conventions: conv-2021 (Romans–Sfax, en_vigueur) has
/// commitments and Romans's transmission of 2021-03-29; conv-2025-vienne-molde (en_vigueur) has
/// Vienne's transmission line; conv-2025-romans-sfax-festival-jeunesse (en_vigueur) has no
/// financial commitments; conv-2024-vienne-kairouan is signee but its dates (2024-01-01 to
/// 2027-04-30) say it is in force, and Vienne never sent it to the préfet of the Isère; the
/// others have ended, were terminated (conv-2005) or are a draft (conv-2027).
@Suite struct Task12ConventionsLegalGapsTests {
    typealias Object = [String: Any]

    @Test func theConventionsInForceWithALegalGap() throws {
        let gaps = try #require(try Kaleido.json(["conventions", "--gaps"]) as? [Object])
        let rows = gaps.map { gap in
            "\(gap["id"] as? String ?? "") missing=\((gap["missing"] as? [String] ?? []).joined(separator: ",")) untransmitted=\((gap["untransmitted"] as? [String] ?? []).joined(separator: ","))"
        }
        #expect(rows == [
            "conv-2024-vienne-kairouan-cooperation missing=transmissions untransmitted=fr-com-38544-vienne",
            "conv-2025-romans-sfax-festival-jeunesse missing=financial_commitments untransmitted=",
        ])
        let table = try Kaleido.run(["conventions", "--gaps"])
        #expect(table.stdout.contains("transmission au préfet par fr-com-38544-vienne"), "\(table.stdout)")
    }
}
