import Foundation
import KaleidoQuery
import Testing

/// Domain values of issue 13: the OECD DAC list per reporting year, Kosovo as a country, a
/// reduced commitment in an avenant, and the CGCT legal bases. The schema checks go through
/// `kaleido validate` on a copy of the sample KB.
@Suite(.serialized) struct DomainValuesTests {
    @Test func dacListDependsOnTheReportingYear() {
        // Nauru left the list on 2026-01-01: counted for 2025 flows, not 2026.
        #expect(DACList.isEligible("NR", year: 2025))
        #expect(!DACList.isEligible("NR", year: 2026))
        // Palau stayed on the list (its 2022 graduation was called off).
        for year in [2018, 2022, 2025, 2026, 2027] { #expect(DACList.isEligible("PW", year: year), "PW \(year)") }
        // Antigua and Barbuda graduated on 2022-01-01, the Cook Islands on 2020-01-01.
        #expect(DACList.isEligible("AG", year: 2021) && !DACList.isEligible("AG", year: 2022))
        #expect(DACList.isEligible("CK", year: 2019) && !DACList.isEligible("CK", year: 2020))
        // Kosovo, Tunisia and Morocco throughout; France, Norway and Chile never.
        for year in 2018...2027 {
            #expect(DACList.isEligible("XK", year: year) && DACList.isEligible("TN", year: year) && DACList.isEligible("MA", year: year))
            #expect(!DACList.isEligible("FR", year: year) && !DACList.isEligible("NO", year: year) && !DACList.isEligible("CL", year: year))
        }
        // Chile left on 2018-01-01; years before 2018 use the 2018 list and those it dropped,
        // later years the last list.
        #expect(DACList.isEligible("CL", year: 2017) && !DACList.isEligible("CL", year: 2018))
        #expect(DACList.isEligible("TN", year: 2009) && DACList.isEligible("NR", year: 2009) && DACList.isEligible("AG", year: 2009))
        #expect(DACList.isEligible("TN", year: 2030) && !DACList.isEligible("NR", year: 2030))
        #expect(DACList.countries(year: 2026) == DACList.countries(year: 2025).subtracting(["NR"]))
        #expect(DACList.coveredYears == 2018...2027)
    }

    /// A scratch copy of the sample with `files` written, and `kaleido validate` on `paths`.
    func validate(_ files: [String: String], _ paths: [String]) throws -> Kaleido.Result {
        let kb = try ScratchKB(copyingSample: ())
        defer { kb.remove() }
        for (path, text) in files {
            let full = kb.root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: false, encoding: .utf8)
        }
        return try Kaleido.run(["validate"] + paths, in: kb.root)
    }

    @Test func kosovoIsACountry() throws {
        let partner = "knowledge/partners/intl/xk-mun-prishtine.yaml"
        let ok = try validate([partner: """
            id: xk-mun-prishtine
            type: partner
            name: Municipalité de Prishtinë
            kind: municipalite_etrangere
            country: XK

            """], [partner])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        // A code that is neither ISO nor XK is still refused.
        let bad = try validate([partner: "id: xk-mun-prishtine\ntype: partner\nname: P\nkind: municipalite_etrangere\ncountry: XX\n"], [partner])
        #expect(bad.status == 1 && bad.stdout.contains("country"), "\(bad.stdout)")
    }

    static let avenant = "knowledge/conventions/conv-2012-avenant-romans-sfax-festivals.yaml"
    static func avenantText(kind: String, amount: String, legalBasis: String = "[cgct_l1115_1]") throws -> String {
        let text = try String(contentsOfFile: SampleKB.root + "/" + avenant, encoding: .utf8)
        return text.replacingOccurrences(of: "amount: 5000,", with: "amount: \(amount),")
            .replacingOccurrences(of: "kind: avenant", with: "kind: \(kind)")
            .replacingOccurrences(of: "legal_basis: [cgct_l1115_1]", with: "legal_basis: \(legalBasis)")
    }

    @Test func aReducedCommitmentIsANegativeAmountInAnAvenantOnly() throws {
        let reduced = try validate([Self.avenant: try Self.avenantText(kind: "avenant", amount: "-2500")], [Self.avenant])
        #expect(reduced.status == 0, "\(reduced.stdout)\(reduced.stderr)")
        let ordinary = try validate([Self.avenant: try Self.avenantText(kind: "convention_cooperation_decentralisee", amount: "-2500")], [Self.avenant])
        #expect(ordinary.status == 1 && ordinary.stdout.contains("minimum"), "\(ordinary.stdout)")
    }

    @Test func legalBasesFollowTheCGCTArticles() throws {
        let bases = "[cgct_l1115_1, cgct_l1115_1_1_eau, cgct_l1115_1_1_energie, cgct_l1115_2_dechets, cgct_l1115_3_transports, cgct_l1115_4, cgct_l1115_4_1_glct, cgct_l1115_4_2_gect, autre]"
        let all = try validate([Self.avenant: try Self.avenantText(kind: "avenant", amount: "5000", legalBasis: bases)], [Self.avenant])
        #expect(all.status == 0, "\(all.stdout)\(all.stderr)")
        // L1115-5 forbids agreements with a foreign State: never a basis.
        for old in ["cgct_l1115_5", "un_pour_cent_energie", "un_pour_cent_transports"] {
            let refused = try validate([Self.avenant: try Self.avenantText(kind: "avenant", amount: "5000", legalBasis: "[\(old)]")], [Self.avenant])
            #expect(refused.status == 1 && refused.stdout.contains("enum"), "\(old): \(refused.stdout)")
        }
        // Every key has French and English labels in vocab.yaml.
        let vocab = try String(contentsOfFile: SampleKB.root + "/schemas/vocab.yaml", encoding: .utf8)
        for key in ["cgct_l1115_1_1_energie", "cgct_l1115_3_transports", "cgct_l1115_4", "cgct_l1115_4_1_glct", "cgct_l1115_4_2_gect"] {
            #expect(vocab.contains("  \(key): {fr: "), "\(key)")
        }
        #expect(!vocab.contains("  cgct_l1115_5:"))
    }
}
