import Foundation
import Testing
import KaleidoTestSupport
import KaleidoKB
import KaleidoYAML

/// The project's own knowledge base (knowledge/ and schemas/): valid as shipped, and every
/// error and warning of docs/data-model.md reported at the right file, line, column and rule when a
/// record is broken in that one way.
@Suite struct SampleKBTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 27)

    /// The package root.
    static var projectRoot: String { PackageRoot.path }

    /// Every file of the sample KB (config, schemas, records), read once into memory.
    static let sampleFiles: [String: String] = {
        let disk = LocalFileSystem()
        var files: [String: String] = [:]
        for folder in [".kaleido", "schemas", "knowledge"] {
            for file in (try? disk.listFiles(under: projectRoot + "/" + folder)) ?? [] {
                let bytes = (try? disk.readFile(projectRoot + "/" + folder + "/" + file)) ?? []
                files["kb/" + folder + "/" + file] = String(decoding: bytes, as: UTF8.self)
            }
        }
        return files
    }()

    /// Validates `files` as a KB, checking on the way that the fast path (compact documents)
    /// and the tree path report exactly the same findings.
    static func validate(_ files: [String: String]) async throws -> ValidationReport {
        let kb = try KnowledgeBase.open(root: "/kb", fileSystem: InMemoryFileSystem(files: files))
        let schemas = try KBSchemas.load(kb)
        #expect(schemas.findings.map(\.diagnostic.description) == [])
        var validator = KBValidator(kb: kb, today: today, schemaChecker: schemas.checker, hints: schemas.hints, parallelism: 2)
        let report = try await validator.validate()
        validator.usesFastPath = false
        let treeReport = try await validator.validate()
        #expect(report.findings == treeReport.findings, "the fast path and the tree path disagree")
        #expect(report.records == treeReport.records)
        return report
    }

    @Test func theSampleIsValidWithItsThreeIntendedWarnings() async throws {
        let report = try await Self.validate(Self.sampleFiles)
        #expect(report.records >= 40)
        #expect(report.errors == 0, "\(report.findings.map(\.diagnostic.description))")
        let warnings = report.findings.map { "\($0.file):\($0.span.start.line):\($0.span.start.column) \($0.rule)" }
        #expect(warnings == [
            "knowledge/conventions/conv-2024-vienne-kairouan-cooperation.yaml:13:9 l1115-prefect",
            "knowledge/conventions/conv-2025-romans-sfax-festival-jeunesse.yaml:8:9 l1115-financial-commitments",
            "knowledge/people/p-bernard-faure.yaml:12:15 review-due",
        ])
    }

    /// One way to break the sample: in `file`, replace `find` with `replace`, whose `1️⃣` marks
    /// where the finding must point. `rules` are all the rules expected on that file.
    struct Breakage: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        var find: String
        var replace: String
        var rule: String
        var severity: Finding.Severity = .error
        /// Further plain replacements on the same file (all occurrences).
        var alsoReplace: [(String, String)] = []
        var testDescription: String { name }
    }

    static let romans = "knowledge/partners/fr/fr-com-26281-romans-sur-isere.yaml"
    static let sfaxProject = "knowledge/projects/prj-2011-romans-festivals-jeunesse-sfax.yaml"
    static let avenant = "knowledge/conventions/conv-2012-avenant-romans-sfax-festivals.yaml"
    static let kairouanConvention = "knowledge/conventions/conv-2024-vienne-kairouan-cooperation.yaml"

    static let breakages: [Breakage] = [
        // Errors (docs/data-model.md, "Rules beyond single-field types").
        Breakage(name: "id differs from the file name", file: romans, find: "id: fr-com-26281-romans-sur-isere\n",
                 replace: "id: 1️⃣fr-com-26281-romans\n", rule: "id-file-name"),
        Breakage(name: "record in the wrong folder", file: "knowledge/people/p-karim-benali.yaml", find: "type: person",
                 replace: "type: 1️⃣partner", rule: "type-folder"),
        Breakage(name: "duplicate id", file: "knowledge/partners/tn/tn-mun-sfax.yaml", find: "",
                 replace: "id: 1️⃣tn-mun-sfax\ntype: partner\nname: Sfax (doublon)\nkind: municipalite_etrangere\ncountry: TN\n", rule: "duplicate-id"),
        Breakage(name: "reference that does not resolve", file: sfaxProject, find: "lead: fr-com-26281-romans-sur-isere",
                 replace: "lead: 1️⃣fr-com-26281-romans-sur-isere-bis", rule: "reference"),
        Breakage(name: "reference to the wrong type", file: sfaxProject, find: "lead: fr-com-26281-romans-sur-isere",
                 replace: "lead: 1️⃣p-nadia-cherif", rule: "reference-type"),
        Breakage(name: "unknown enum key", file: romans, find: "kind: commune", replace: "kind: 1️⃣comune", rule: "enum"),
        Breakage(name: "country code", file: romans, find: "country: FR", replace: "country: 1️⃣FX", rule: "format"),
        Breakage(name: "currency code", file: sfaxProject, find: "budget: {total: 71000, currency: EUR",
                 replace: "budget: {total: 71000, currency: 1️⃣EUX", rule: "format"),
        Breakage(name: "INSEE code", file: romans, find: "insee: \"26281\"", replace: "insee: 1️⃣\"2628\"", rule: "format"),
        Breakage(name: "SIREN checksum", file: romans, find: "insee: \"26281\"",
                 replace: "insee: \"26281\"\n  siren: 1️⃣\"212602812\"", rule: "format"),
        Breakage(name: "end before start", file: sfaxProject, find: "end: \"2013-12\"", replace: "end: 1️⃣\"2010-12\"", rule: "date-order"),
        Breakage(name: "effective_until before effective_from", file: kairouanConvention,
                 find: "effective_until: \"2027-04-30\"\nduration_months: 40", replace: "effective_until: 1️⃣\"2023-04-30\"", rule: "date-order"),
        // Rules that depend on another field are `if`/`then` in the schema: the missing field
        // is reported on the record itself, line 1.
        Breakage(name: "avenant without amends", file: avenant, find: "id: conv-2012", replace: "1️⃣id: conv-2012", rule: "required",
                 alsoReplace: [("amends: conv-2010-romans-sfax-cooperation\n", "")]),
        Breakage(name: "signed convention without signed_on", file: avenant, find: "id: conv-2012", replace: "1️⃣id: conv-2012", rule: "required",
                 alsoReplace: [("signed_on: \"2012-03\"   # exact day not in the archive copy\n", "")]),
        Breakage(name: "forbidden personal field", file: "knowledge/people/p-karim-benali.yaml", find: "internal: true\n",
                 replace: "internal: true\n1️⃣religion: x\n", rule: "personal-data"),
        // Warnings.
        Breakage(name: "L1115-1 convention in force without financial commitments", file: "knowledge/conventions/conv-2021-romans-sfax-cooperation.yaml",
                 find: "\nstatus: en_vigueur\n", replace: "\nstatus: 1️⃣en_vigueur\n", rule: "l1115-financial-commitments", severity: .warning,
                 alsoReplace: [("financial_commitments:\n", "financial_commitments: []\n"), ("\n  - {party: ", "\n#  - {party: ")]),
        Breakage(name: "L1115-1 convention in force never sent to the préfet", file: "knowledge/conventions/conv-2021-romans-sfax-cooperation.yaml",
                 find: "\nstatus: en_vigueur\n", replace: "\nstatus: 1️⃣en_vigueur\n", rule: "l1115-prefect", severity: .warning,
                 alsoReplace: [("transmitted_to_prefect_on: \"2021-03-29\"\n", "")]),
        Breakage(name: "duration inconsistent with the dates", file: kairouanConvention, find: "duration_months: 40",
                 replace: "duration_months: 1️⃣24", rule: "duration", severity: .warning),
        Breakage(name: "partnership without a foreign party", file: "knowledge/partnerships/ptn-fr-com-38544-vienne--tn-mun-kairouan.yaml",
                 find: "  - {partner: fr-com-38544-vienne, role: collectivite_francaise}\n  - {partner: tn-mun-kairouan, role: autorite_locale_etrangere}",
                 replace: "  1️⃣- {partner: fr-com-38544-vienne, role: collectivite_francaise}\n  - {partner: fr-com-26281-romans-sur-isere, role: autre}",
                 rule: "partnership-parties", severity: .warning),
        Breakage(name: "granted funding with an overdue report", file: "knowledge/projects/prj-2024-vienne-kairouan-dechets.yaml",
                 find: "{kind: final, due: \"2027-07-31\"}", replace: "{kind: final, due: 1️⃣\"2026-07-31\"}", rule: "funding-report-overdue", severity: .warning),
        Breakage(name: "person past review_after", file: "knowledge/people/p-karim-benali.yaml", find: "review_after: \"2027-12-31\"",
                 replace: "review_after: 1️⃣\"2026-11-01\"", rule: "review-due", severity: .warning),
        Breakage(name: "convention in force ending within 90 days, no successor", file: kairouanConvention,
                 find: "effective_until: \"2027-04-30\"\nduration_months: 40", replace: "effective_until: 1️⃣\"2027-01-31\"", rule: "convention-ending", severity: .warning),
        Breakage(name: "plain scalar other tools read as a boolean", file: "knowledge/partners/intl/no-mun-molde.yaml", find: "country: \"NO\"",
                 replace: "country: 1️⃣NO", rule: "plain-scalar", severity: .warning),
        Breakage(name: "plain scalar read as a number where a string is expected", file: romans, find: "insee: \"26281\"",
                 replace: "insee: 1️⃣26281", rule: "plain-scalar", severity: .warning),
        Breakage(name: "open merge conflict", file: romans, find: "country: FR\n",
                 replace: "country: FR\n_conflicts:\n  - 1️⃣{path: name, base: Romans, ours: Romans, theirs: Romans-sur-Isère}\n", rule: "open-conflict", severity: .warning),
    ]

    @Test(arguments: breakages)
    func eachBreakageIsReportedWhereItIs(_ breakage: Breakage) async throws {
        var files = Self.sampleFiles
        let key = "kb/" + breakage.file
        let original = files[key] ?? ""
        #expect(breakage.find.isEmpty || original.contains(breakage.find), "the sample changed: \(breakage.find) is not in \(breakage.file)")
        var edited = breakage.find.isEmpty ? breakage.replace : original.replacingOccurrences(of: breakage.find, with: breakage.replace)
        for (find, replace) in breakage.alsoReplace {
            #expect(edited.contains(find), "the sample changed: \(find) is not in \(breakage.file)")
            edited = edited.replacingOccurrences(of: find, with: replace)
        }
        let marked = MarkedText(edited)
        files[key] = marked.text
        let report = try await Self.validate(files)
        let onFile = report.findings.filter { $0.file == breakage.file }
        let described = onFile.map { "\($0.span.start.line):\($0.span.start.column) \($0.rule) \($0.message)" }
        let matching = onFile.filter { $0.rule == breakage.rule }
        #expect(matching.count == 1, "\(described)")
        let finding = try #require(matching.first)
        #expect(finding.severity == breakage.severity)
        #expect(finding.span.start.line == marked.line, "\(described)")
        #expect(finding.span.start.column == marked.column, "\(described)")
        // Nothing else is reported on the broken file (the rest of the KB may be affected by an
        // id change, as references to it no longer resolve).
        let intended = ["l1115-prefect", "l1115-financial-commitments", "review-due"]
        #expect(onFile.filter { !intended.contains($0.rule) || $0.rule == breakage.rule }.count == 1, "\(described)")
    }
}
