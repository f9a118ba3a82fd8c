import Foundation
import Testing

/// Task 2 of the consultant's week: the DCTCIV (MEAE) call Romans could answer, with its
/// eligibility: `kaleido calls --client Romans`. Expected values worked out from
/// knowledge/calls/ (closing within 60 days of 2026-11-27: the AURA call on 2026-12-18 and the
/// MEAE call on 2027-01-15), Romans's partnership with Sfax (actif, Sfax in TN) and its two
/// conventions with Sfax in force that day (conv-2021, until 2027-03-31; conv-2025, until
/// 2027-10-31; conv-2010 and its avenant are échues, conv-2027 a projet).
@Suite(.serialized) struct Task02DCTCIVCallTests {
    typealias Object = [String: Any]
    static let romans = "fr-com-26281-romans-sur-isere"
    static let conventions = ["conv-2021-romans-sfax-cooperation", "conv-2025-romans-sfax-festival-jeunesse"]

    private func calls(_ client: String, in root: String) throws -> [String: Object] {
        let rows = try #require(try Kaleido.json(["calls", "--client", client], in: root) as? [Object])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as? String ?? "", $0) })
    }

    @Test func romansIsEligibleForTheMEAECallThroughSfaxAndItsConventionsInForce() throws {
        let scratch = try ScratchKB(copyingSample: ())
        defer { scratch.remove() }
        let rows = try calls("Romans", in: scratch.root)
        #expect(rows.keys.sorted() == ["aap-aura-2026-cooperation-mediterranee", "aap-meae-2026-cooperation-decentralisee"])
        let meae = try #require(rows["aap-meae-2026-cooperation-decentralisee"])
        #expect(meae["closes_on"] as? String == "2027-01-15")
        #expect(meae["eligible"] as? Bool == true)
        #expect(meae["problem"] is NSNull)
        #expect(meae["partners"] as? [String] == ["tn-mun-sfax"])
        #expect(meae["conventions"] as? [String] == Self.conventions)
        #expect(meae["max_rate"] as? Double == 0.5 && meae["min_own_contribution_rate"] as? Double == 0.3)

        let table = try Kaleido.run(["calls", "--client", "Romans", "--format", "markdown"], in: scratch.root)
        #expect(table.status == 0)
        let line = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("| aap-meae-2026-cooperation-decentralisee") })
        #expect(line.contains("oui : Municipalité de Sfax (TN) ; convention(s) en vigueur : conv-2021-romans-sfax-cooperation, conv-2025-romans-sfax-festival-jeunesse"),
                "\(table.stdout)")
        // Max rate 0.5, own contribution at least 0.3, as percentages.
        #expect(line.hasSuffix(" | 50 % | 30 % |"), "\(line)")
        #expect(table.stderr.contains("fr-com-26281-romans-sur-isere"))
    }

    @Test func theMEAECallRequiresAConventionInForceAndALocalAuthority() throws {
        let scratch = try ScratchKB(copyingSample: ())
        defer { scratch.remove() }
        // Both conventions expired: the AURA call (no convention required) stays open to Romans.
        for id in Self.conventions {
            let path = scratch.root + "/knowledge/conventions/\(id).yaml"
            try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "status: en_vigueur", with: "status: echue")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        var rows = try calls(Self.romans, in: scratch.root)
        #expect(rows["aap-meae-2026-cooperation-decentralisee"]?["problem"] as? String == "no_convention_in_force")
        #expect(rows["aap-aura-2026-cooperation-mediterranee"]?["eligible"] as? Bool == true)
        let plain = try Kaleido.run(["calls"], in: scratch.root)
        #expect(plain.stdout.split(separator: "\n").first { $0.hasPrefix("aap-meae") }.map { !$0.contains("Romans") } == true, "\(plain.stdout)")

        // An association is not an applicant the MEAE call accepts (the rule checked first).
        let partner = scratch.root + "/knowledge/partners/fr/fr-com-26281-romans-sur-isere.yaml"
        try String(contentsOfFile: partner, encoding: .utf8).replacingOccurrences(of: "kind: commune", with: "kind: association")
            .write(toFile: partner, atomically: true, encoding: .utf8)
        rows = try calls(Self.romans, in: scratch.root)
        #expect(rows["aap-meae-2026-cooperation-decentralisee"]?["problem"] as? String == "applicant_kind")
    }

    @Test func aClientWithoutPartnershipIsToldWhy() throws {
        let rows = try calls("fr-com-01004-amberieu-en-bugey", in: SampleKB.root)
        #expect(rows.values.allSatisfy { $0["problem"] as? String == "no_partner_in_eligible_country" && ($0["partners"] as? [String])?.isEmpty == true })
        #expect(rows.count == 2)
    }
}
