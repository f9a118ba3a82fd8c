import Testing
import KaleidoKB
import KaleidoYAML

/// Warnings on partners' official codes (issue 16, item 6): the same INSEE or SIREN code on two
/// partner records, each warning pointing at the other; a commune id carrying another code than
/// its INSEE code. Built on `KBRulesTests`' small valid KB.
@Suite struct PartnerCodeRulesTests {
    static let romans = "knowledge/partners/fr-com-26281-romans-sur-isere.yaml"
    static let romansBis = "knowledge/partners/fr-com-26281-romans.yaml"

    static func partner(_ id: String, codes: String) -> String {
        "id: \(id)\ntype: partner\nname: Ville\nkind: commune\ncountry: FR\ncodes: \(codes)\n"
    }

    @Test func duplicateINSEEWarnsOnBothRecords() async throws {
        var files = KBRulesTests.baseline
        files[Self.romans] = Self.partner("fr-com-26281-romans-sur-isere", codes: "{insee: \"26281\"}")
        files[Self.romansBis] = Self.partner("fr-com-26281-romans", codes: "{insee: \"26281\", siren: \"212602813\"}")
        let report = try await KBRulesTests.validate(files)
        // `codes: {insee: ` is 15 characters: the code stands at line 6, column 16 of both.
        #expect(report.findings.map(\.diagnostic.description) == [
            // Sorted by file: `romans-sur-isere` before `romans.yaml` (`-` sorts before `.`).
            "\(Self.romans):6:16: warning: INSEE code 26281 is also the code of \(Self.romansBis):6:16; the same body recorded twice? [duplicate-code]",
            "\(Self.romansBis):6:16: warning: INSEE code 26281 is also the code of \(Self.romans):6:16; the same body recorded twice? [duplicate-code]",
        ])
        #expect(report.findings.allSatisfy { $0.rule == "duplicate-code" && $0.pointer == "/codes/insee" && $0.severity == .warning })
    }

    @Test func duplicateSIRENAcrossKindsWarnsToo() async throws {
        var files = KBRulesTests.baseline
        files[Self.romans] = Self.partner("fr-com-26281-romans-sur-isere", codes: "{insee: \"26281\", siren: \"212602813\"}")
        files["knowledge/partners/fr-asso-resacoop.yaml"] = "id: fr-asso-resacoop\ntype: partner\nname: Réseau\nkind: reseau\ncountry: FR\ncodes:\n  siren: \"212602813\"\n"
        let report = try await KBRulesTests.validate(files)
        #expect(report.findings.map(\.rule) == ["duplicate-code", "duplicate-code"])
        let resacoop = try #require(report.findings.first { $0.file.hasSuffix("resacoop.yaml") })
        // `  siren: ` is 9 characters: line 7, column 10; Romans's SIREN follows `codes: {insee: "26281", siren: ` (31 characters).
        #expect((resacoop.span.start.line, resacoop.span.start.column) == (7, 10))
        #expect(resacoop.message == "SIREN code 212602813 is also the code of \(Self.romans):6:32; the same body recorded twice?")
    }

    @Test func communeIdWithAnotherCodeThanItsINSEE() async throws {
        var files = KBRulesTests.baseline
        files[Self.romans] = Self.partner("fr-com-26281-romans-sur-isere", codes: "{insee: \"26282\"}")
        let report = try await KBRulesTests.validate(files)
        #expect(report.findings.map(\.diagnostic.description) == [
            "\(Self.romans):1:5: warning: the id carries the code 26281, but codes.insee is 26282 (at \(Self.romans):6:16); one of them is wrong [id-code]",
        ])
        #expect(report.findings.first?.rule == "id-code")
    }

    @Test func distinctCodesAndNonCommuneIdsAreQuiet() async throws {
        var files = KBRulesTests.baseline
        files[Self.romans] = Self.partner("fr-com-26281-romans-sur-isere", codes: "{insee: \"26281\", siren: \"212602813\"}")
        files["knowledge/partners/fr-com-38544-vienne.yaml"] = Self.partner("fr-com-38544-vienne", codes: "{insee: \"38544\", siren: \"213805443\"}")
        // A malformed code is the schema's format error only (no schema checker here: quiet).
        files["knowledge/partners/fr-com-21231-dijon.yaml"] = Self.partner("fr-com-21231-dijon", codes: "{insee: \"2123\"}")
        // A department's id carries its number, not an INSEE commune code.
        files["knowledge/partners/fr-dep-86-vienne.yaml"] = "id: fr-dep-86-vienne\ntype: partner\nname: Département\nkind: departement\ncountry: FR\ncodes: {siren: \"228600014\"}\n"
        let report = try await KBRulesTests.validate(files)
        #expect(report.findings.map(\.diagnostic.description) == [])
    }
}
