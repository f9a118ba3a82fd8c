import Foundation
import Testing

/// Consultant-week task 1: the renewal of Romans–Sfax with its notice deadline, answered by
/// `kaleido conventions --ending-within 6m` on the sample (today 2026-11-27, so up to 2027-05-27).
///
/// By hand: conv-2021-romans-sfax-cooperation ends 2027-03-31 with `notice_months: 6`: notice by
/// 2027-03-31 − 6 months = 2026-09-30 (the 31st clamped), council vote a month earlier
/// (2026-08-30), délibération at the préfet 15 days before the notice (2026-09-15) — all three
/// passed on 2026-11-27; its successor conv-2027 is a draft. Vienne–Kairouan (signed, ends
/// 2027-04-30, renewal `aucun`, no notice) also ends within six months: the decision is due by
/// its end, vote by 2027-03-30, transmission by 2027-04-15.
@Suite struct Task01RomansSfaxRenewalTests {
    typealias Object = [String: Any]

    @Test func theRenewalDeadlinesOfRomansSfax() throws {
        let ending = try #require(try Kaleido.json(["conventions", "--ending-within", "6m"]) as? [Object])
        let rows = ending.map { row in
            ["id", "ends", "notice_by", "vote_by", "transmit_by", "successor"].map { row[$0] as? String ?? "-" }.joined(separator: " ")
        }
        #expect(rows == [
            "conv-2021-romans-sfax-cooperation 2027-03-31 2026-09-30 2026-08-30 2026-09-15 conv-2027-romans-sfax-cooperation",
            "conv-2024-vienne-kairouan-cooperation 2027-04-30 2027-04-30 2027-03-30 2027-04-15 -",
        ])
        #expect(ending.first?["notice_months"] as? Int == 6)
        #expect(ending.last?["notice_months"] is NSNull)

        // The table says, in French, that Romans's deadlines have passed.
        let table = try Kaleido.run(["conventions", "--ending-within", "6m"])
        #expect(table.status == 0)
        let romans = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("conv-2021-romans-sfax-cooperation") })
        #expect(romans.contains("2026-09-30 (dépassé)") && romans.contains("2026-08-30 (dépassé)") && romans.contains("2026-09-15 (dépassé)"))
        #expect(table.stdout.contains("Préavis avant le") && table.stdout.contains("Vote du conseil avant le"))
    }

    /// The margins are options: a vote two months and a transmission three weeks before the notice.
    @Test func theMarginsAreOptions() throws {
        let result = try Kaleido.run(["conventions", "--ending-within", "6m", "--vote-margin", "2m", "--transmission-margin", "3w", "--format", "json"])
        let ending = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Object])
        // 2026-09-30 − 2 months = 2026-07-30; − 21 days = 2026-09-09.
        #expect(ending.first?["vote_by"] as? String == "2026-07-30")
        #expect(ending.first?["transmit_by"] as? String == "2026-09-09")
        let bad = try Kaleido.run(["conventions", "--vote-margin", "soon"])
        #expect(bad.status == 2 && bad.stderr.contains("--vote-margin soon"), "\(bad.stderr)")
    }
}
