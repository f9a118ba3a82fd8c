import Testing
import KaleidoKB
import KaleidoYAML

/// Each case breaks a small valid knowledge base in one way and expects exactly one new finding,
/// at the marked position, from the named rule.
@Suite struct KBRulesTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 27)

    static let baseline: [String: String] = [
        "knowledge/partners/fr-com-26281-romans-sur-isere.yaml": """
            id: fr-com-26281-romans-sur-isere
            type: partner
            name: Ville de Romans-sur-Isère
            kind: commune
            country: FR
            """,
        "knowledge/partners/tn-mun-sfax.yaml": """
            id: tn-mun-sfax
            type: partner
            name: Municipalité de Sfax
            kind: municipalite_etrangere
            country: TN
            """,
        "knowledge/partners/fr-asso-resacoop.yaml": """
            id: fr-asso-resacoop
            type: partner
            name: Résacoop
            kind: reseau
            country: FR
            """,
        "knowledge/people/p-amel-ben-salah.yaml": """
            id: p-amel-ben-salah
            type: person
            full_name: Amel Ben Salah
            affiliations:
              - {partner: tn-mun-sfax, role: charge_mission_ri, from: 2009, until: 2012-06}
            review_after: "2027-06-30"
            """,
        "knowledge/partnerships/ptn-fr-com-26281-romans-sur-isere--tn-mun-sfax.yaml": """
            id: ptn-fr-com-26281-romans-sur-isere--tn-mun-sfax
            type: partnership
            kind: cooperation_decentralisee
            parties:
              - {partner: fr-com-26281-romans-sur-isere, role: collectivite_francaise}
              - {partner: tn-mun-sfax, role: autorite_locale_etrangere}
            status: actif
            since: 2008
            """,
        "knowledge/conventions/conv-2010-romans-sfax.yaml": """
            id: conv-2010-romans-sfax
            type: convention
            kind: convention_cooperation_decentralisee
            title: Convention de coopération Romans – Sfax
            status: en_vigueur
            signed_on: "2010-03-15"
            transmitted_to_prefect_on: "2010-04-02"
            effective_from: "2010-04-02"
            effective_until: "2028-04-01"
            duration_months: 216
            legal_basis: [cgct_l1115_1]
            parties:
              - {partner: fr-com-26281-romans-sur-isere, role: signataire}
              - {partner: tn-mun-sfax, role: signataire}
            financial_commitments:
              - {party: fr-com-26281-romans-sur-isere, year: 2010, amount: 15000, currency: EUR}
            """,
        "knowledge/projects/prj-2010-jeunesse-festivals.yaml": """
            id: prj-2010-jeunesse-festivals
            type: project
            title: Jeunesse et Festivals en Tunisie
            lead: fr-com-26281-romans-sur-isere
            start: 2010-05
            end: 2011
            status: cloture
            funding:
              - funder: fr-asso-resacoop
                status: accorde
                reports:
                  - {kind: final, due: 2011-12, submitted_on: "2011-11-30"}
            """,
    ]

    static let hints: [RecordType: [FieldHint]] = [
        .person: [FieldHint(path: [.key("affiliations"), .anyItem, .key("partner")], ref: .partner, mergeKey: nil, atomic: false)],
        .partnership: [FieldHint(path: [.key("parties"), .anyItem, .key("partner")], ref: .partner, mergeKey: nil, atomic: false)],
        .convention: [
            FieldHint(path: [.key("parties"), .anyItem, .key("partner")], ref: .partner, mergeKey: nil, atomic: false),
            FieldHint(path: [.key("supersedes")], ref: .convention, mergeKey: nil, atomic: false),
        ],
        .project: [
            FieldHint(path: [.key("lead")], ref: .partner, mergeKey: nil, atomic: false),
            FieldHint(path: [.key("funding"), .anyItem, .key("funder")], ref: .partner, mergeKey: nil, atomic: false),
        ],
    ]

    static func validate(_ files: [String: String]) async throws -> ValidationReport {
        let kb = KnowledgeBase(root: "/kb", config: KBConfig(), fileSystem: InMemoryFileSystem(files: Dictionary(uniqueKeysWithValues: files.map { ("kb/" + $0.key, $0.value) })))
        var validator = KBValidator(kb: kb, today: today, schemaChecker: nil, hints: hints, parallelism: 2)
        let report = try await validator.validate()
        // The fast path (compact documents) must report exactly what the tree path reports.
        validator.usesFastPath = false
        #expect(try await validator.validate().findings == report.findings, "the fast path and the tree path disagree")
        return report
    }

    @Test func theBaselineIsClean() async throws {
        let report = try await Self.validate(Self.baseline)
        #expect(report.records == Self.baseline.count)
        #expect(report.findings.map(\.diagnostic.description) == [])
    }

    struct Breakage: Sendable, CustomTestStringConvertible {
        var file: String
        var marked: String
        var rule: String
        var severity: Finding.Severity = .error
        var testDescription: String { "\(rule) in \(file)" }
    }

    static let breakages: [Breakage] = [
        Breakage(file: "knowledge/partners/no-kom-bergen.yaml",
                 marked: "id: 1️⃣no-kom-berge\ntype: partner\nname: Bergen\nkind: municipalite_etrangere\ncountry: \"NO\"\n", rule: "id-file-name"),
        Breakage(file: "knowledge/people/no-kom-bergen.yaml",
                 marked: "id: no-kom-bergen\ntype: 1️⃣partner\nname: Bergen\nkind: municipalite_etrangere\ncountry: \"NO\"\n", rule: "type-folder"),
        Breakage(file: "knowledge/partners/tn/fr-asso-resacoop.yaml",
                 marked: "id: 1️⃣fr-asso-resacoop\ntype: partner\nname: Résacoop bis\nkind: reseau\ncountry: FR\n", rule: "duplicate-id"),
        Breakage(file: "knowledge/projects/prj-2010-jeunesse-festivals.yaml",
                 marked: "id: prj-2010-jeunesse-festivals\ntype: project\ntitle: Jeunesse et Festivals\nlead: 1️⃣fr-com-26281-romans-sur-isre\nstart: 2010-05\nstatus: cloture\n",
                 rule: "reference"),
        Breakage(file: "knowledge/projects/prj-2010-jeunesse-festivals.yaml",
                 marked: "id: prj-2010-jeunesse-festivals\ntype: project\ntitle: Jeunesse et Festivals\nlead: 1️⃣p-amel-ben-salah\nstart: 2010-05\nstatus: cloture\n",
                 rule: "reference-type"),
        Breakage(file: "knowledge/projects/prj-2010-jeunesse-festivals.yaml",
                 marked: "id: prj-2010-jeunesse-festivals\ntype: project\ntitle: Jeunesse — “é” 🎉\nlead: fr-com-26281-romans-sur-isere\nstart: 2010-05\nend: 1️⃣2010-04\nstatus: cloture\n",
                 rule: "date-order"),
        Breakage(file: "knowledge/people/p-amel-ben-salah.yaml",
                 marked: "id: p-amel-ben-salah\ntype: person\nfull_name: أمل بن صالح\naffiliations:\n  - {partner: tn-mun-sfax, role: expert, from: 2012, until: 1️⃣2011}\nreview_after: \"2027-06-30\"\n",
                 rule: "date-order"),
        Breakage(file: "knowledge/people/p-amel-ben-salah.yaml",
                 marked: "id: p-amel-ben-salah\ntype: person\nfull_name: Amel\n1️⃣religion: x\naffiliations: []\nreview_after: \"2027-06-30\"\n",
                 rule: "personal-data"),
        Breakage(file: "knowledge/people/p-amel-ben-salah.yaml",
                 marked: "id: p-amel-ben-salah\ntype: person\nfull_name: Amel\naffiliations: []\nreview_after: 1️⃣\"2026-11-26\"\n",
                 rule: "review-due", severity: .warning),
        Breakage(file: "knowledge/partners/tn-mun-sfax.yaml",
                 marked: "id: tn-mun-sfax\ntype: partner\nname: Sfax\nkind: municipalite_etrangere\ncountry: 1️⃣NO\n",
                 rule: "plain-scalar", severity: .warning),
        Breakage(file: "knowledge/partners/tn-mun-sfax.yaml",
                 marked: "id: tn-mun-sfax\ntype: partner\nname: Sfax\nkind: municipalite_etrangere\ncountry: TN\nvalid_from: 1️⃣2010-01-01\n",
                 rule: "plain-scalar", severity: .warning),
        Breakage(file: "knowledge/partners/tn-mun-sfax.yaml",
                 marked: "id: tn-mun-sfax\ntype: partner\nname: Sfax\nkind: municipalite_etrangere\ncountry: TN\n_conflicts:\n  - 1️⃣{path: name, base: Sfax, ours: Sfax, theirs: Safaqis}\n",
                 rule: "open-conflict", severity: .warning),
        Breakage(file: "knowledge/partnerships/ptn-fr-com-26281-romans-sur-isere--tn-mun-sfax.yaml",
                 marked: "id: ptn-fr-com-26281-romans-sur-isere--tn-mun-sfax\ntype: partnership\nkind: jumelage\nparties:\n  1️⃣- {partner: fr-com-26281-romans-sur-isere, role: collectivite_francaise}\n  - {partner: fr-asso-resacoop, role: autre}\nstatus: actif\n",
                 rule: "partnership-parties", severity: .warning),
        Breakage(file: "knowledge/conventions/conv-2010-romans-sfax.yaml",
                 marked: "id: conv-2010-romans-sfax\ntype: convention\nkind: convention_cooperation_decentralisee\ntitle: T\nstatus: 1️⃣en_vigueur\nsigned_on: \"2010-03-15\"\ntransmitted_to_prefect_on: \"2010-04-02\"\nlegal_basis: [cgct_l1115_1]\nparties: []\n",
                 rule: "l1115-financial-commitments", severity: .warning),
        Breakage(file: "knowledge/conventions/conv-2010-romans-sfax.yaml",
                 marked: "id: conv-2010-romans-sfax\ntype: convention\nkind: convention_cooperation_decentralisee\ntitle: T\nstatus: 1️⃣en_vigueur\nsigned_on: \"2010-03-15\"\nlegal_basis: [cgct_l1115_1]\nfinancial_commitments: [{party: tn-mun-sfax, year: 2010, amount: 1, currency: EUR}]\nparties: []\n",
                 rule: "l1115-prefect", severity: .warning),
        Breakage(file: "knowledge/conventions/conv-2010-romans-sfax.yaml",
                 marked: "id: conv-2010-romans-sfax\ntype: convention\nkind: convention_cadre\ntitle: T\nstatus: signee\neffective_from: 2010-04\neffective_until: 2012-03\nduration_months: 1️⃣36\n",
                 rule: "duration", severity: .warning),
        Breakage(file: "knowledge/conventions/conv-2010-romans-sfax.yaml",
                 marked: "id: conv-2010-romans-sfax\ntype: convention\nkind: convention_cadre\ntitle: T\nstatus: en_vigueur\neffective_until: 1️⃣2027-01\n",
                 rule: "convention-ending", severity: .warning),
        Breakage(file: "knowledge/projects/prj-2010-jeunesse-festivals.yaml",
                 marked: "id: prj-2010-jeunesse-festivals\ntype: project\ntitle: J\nlead: fr-com-26281-romans-sur-isere\nstart: 2010-05\nstatus: cloture\nfunding:\n  - funder: fr-asso-resacoop\n    status: accorde\n    reports:\n      - {kind: final, due: 1️⃣2026-10}\n",
                 rule: "funding-report-overdue", severity: .warning),
    ]

    @Test(arguments: breakages)
    func eachBreakageIsReportedWhereItIs(_ breakage: Breakage) async throws {
        let marked = MarkedText(breakage.marked)
        var files = Self.baseline
        files[breakage.file] = marked.text
        let report = try await Self.validate(files)
        let findings = report.findings.filter { $0.file == breakage.file }
        #expect(findings.map(\.rule) == [breakage.rule], "\(report.findings.map(\.diagnostic.description))")
        let finding = try #require(findings.first)
        #expect(finding.severity == breakage.severity)
        #expect(finding.span.start.line == marked.line)
        #expect(finding.span.start.column == marked.column)
        #expect(report.findings.count == 1, "only the broken file has findings: \(report.findings.map(\.diagnostic.description))")
    }

    @Test func aConventionWithASuccessorIsNotEnding() async throws {
        var files = Self.baseline
        files["knowledge/conventions/conv-2010-romans-sfax.yaml"] = "id: conv-2010-romans-sfax\ntype: convention\nkind: convention_cadre\ntitle: T\nstatus: en_vigueur\neffective_until: 2027-01\n"
        files["knowledge/conventions/conv-2027-romans-sfax.yaml"] = "id: conv-2027-romans-sfax\ntype: convention\nkind: convention_cadre\ntitle: T2\nstatus: projet\nsupersedes: conv-2010-romans-sfax\n"
        let report = try await Self.validate(files)
        #expect(report.findings.map(\.rule) == [])
    }

    @Test func aFileThatDoesNotParseIsOneErrorAndTheRestIsChecked() async throws {
        var files = Self.baseline
        files["knowledge/partners/tn-mun-sfax.yaml"] = "id: tn-mun-sfax\nname: [Sfax\n"
        files["knowledge/partners/no-kom-bergen.yaml"] = "id: no-kom-bergen\ntype: partner\ncountry: NO\n"
        let report = try await Self.validate(files)
        #expect(report.findings.contains { $0.file == "knowledge/partners/no-kom-bergen.yaml" && $0.rule == "plain-scalar" })
        #expect(Set(report.findings.map(\.file)).isSuperset(of: ["knowledge/partners/tn-mun-sfax.yaml", "knowledge/partners/no-kom-bergen.yaml"]))
        #expect(report.findings.contains { $0.file == "knowledge/partners/tn-mun-sfax.yaml" && $0.rule == "yaml" && $0.severity == .error })
        // Sfax no longer parses, so what points at it cannot resolve: reported, not crashed.
        #expect(report.findings.contains { $0.rule == "reference" && $0.message.contains("tn-mun-sfax") })
    }
}
