import Foundation
import Testing

/// `kaleido new` as a consultant runs it: the built binary on a copy of the sample KB.
@Suite struct NewCommandTests {
    /// One case per type: the id, where the file must land, the required fields of docs/data-model.md
    /// (independent of the code that reads the schemas), and values that make the record valid.
    struct TypeCase: CustomTestStringConvertible, Sendable {
        var type: String
        var id: String
        var file: String
        var required: [String]
        var filled: [String]
        var testDescription: String { type }
    }

    static let types: [TypeCase] = [
        TypeCase(type: "partner", id: "tn-mun-gabes", file: "knowledge/partners/tn/tn-mun-gabes.yaml",
                 required: ["name", "kind", "country"],
                 filled: ["--name", "Municipalité de Gabès", "--set", "kind=municipalite_etrangere", "--set", "country=TN"]),
        TypeCase(type: "person", id: "p-nadia-test", file: "knowledge/people/p-nadia-test.yaml",
                 required: ["full_name", "affiliations", "legal_basis", "review_after"],
                 filled: ["--name", "Nadia Test", "--set", "affiliations=[{partner: tn-mun-sfax, role: elu}]",
                          "--set", "legal_basis=interet_legitime", "--set", "review_after=2028-01-31"]),
        TypeCase(type: "partnership", id: "ptn-fr-com-21231-dijon--tn-mun-kairouan", file: "knowledge/partnerships/ptn-fr-com-21231-dijon--tn-mun-kairouan.yaml",
                 required: ["kind", "parties", "status"],
                 filled: ["--set", "kind=jumelage", "--set", "status=actif", "--set",
                          "parties=[{partner: fr-com-21231-dijon, role: collectivite_francaise}, {partner: tn-mun-kairouan, role: autorite_locale_etrangere}]"]),
        TypeCase(type: "convention", id: "conv-2026-test", file: "knowledge/conventions/conv-2026-test.yaml",
                 required: ["kind", "title", "parties", "status"],
                 filled: ["--title", "Convention cadre", "--set", "kind=convention_cadre", "--set", "status=projet", "--set",
                          "parties=[{partner: tn-mun-sfax, role: signataire}, {partner: fr-com-26281-romans-sur-isere, role: signataire}]"]),
        TypeCase(type: "project", id: "prj-2026-test", file: "knowledge/projects/prj-2026-test.yaml",
                 required: ["title", "kind", "lead", "countries", "themes", "start", "status"],
                 filled: ["--title", "Projet", "--set", "kind=formation", "--set", "lead=tn-mun-sfax", "--set", "countries=TN,FR",
                          "--set", "themes=jeunesse", "--set", "start=2026-01", "--set", "status=idee"]),
        TypeCase(type: "engagement", id: "eng-2026-test", file: "knowledge/engagements/eng-2026-test.yaml",
                 required: ["title", "client", "service_lines", "start", "status"],
                 filled: ["--title", "Mission", "--set", "client=tn-mun-sfax", "--set", "service_lines=strategie",
                          "--set", "start=2026", "--set", "status=prospect"]),
        TypeCase(type: "event", id: "evt-2027-03-test", file: "knowledge/events/2027/evt-2027-03-test.yaml",
                 required: ["kind", "title", "start", "location"],
                 filled: ["--title", "Atelier", "--set", "kind=atelier", "--set", "start=2027-03", "--set", "location.country=FR",
                          "--set", "location.city=Romans-sur-Isère"]),
        TypeCase(type: "interaction", id: "int-2026-03-02-test", file: "knowledge/interactions/int-2026-03-02-test.yaml",
                 required: ["date", "kind", "summary"],
                 filled: ["--set", "date=2026-03-02", "--set", "kind=appel", "--set", "summary=Appel de cadrage"]),
        TypeCase(type: "call", id: "aap-test-2026-test", file: "knowledge/calls/aap-test-2026-test.yaml",
                 required: ["funder", "programme", "opens_on", "closes_on", "status"],
                 filled: ["--set", "funder=fr-etat-fej", "--set", "programme=Programme", "--set", "opens_on=2026-01",
                          "--set", "closes_on=2026-06", "--set", "status=ouvert"]),
    ]

    /// Top-level keys of a record's text, in order.
    static func topLevelKeys(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard let first = line.first, first.isLetter || first == "_", let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[..<colon])
        }
    }

    @Test(arguments: types)
    func aSkeletonHasTheRequiredFieldsAndEachPlaceholderIsAnError(_ item: TypeCase) throws {
        try Run.withSampleKB { kb in
            let run = try Run.kaleido(["new", item.type, item.id], in: kb)
            #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
            #expect(run.stdout.hasPrefix("créé \(item.file)\n"), "\(run.stdout)")
            let text = try #require(Run.read(kb + "/" + item.file))
            #expect(text.hasPrefix("id: \(item.id)\ntype: \(item.type)\n"))
            #expect(Self.topLevelKeys(text) == ["id", "type"] + item.required)
            #expect(text.contains("\n# optional: "))
            // Every placeholder is reported, at its own line, and nothing else is.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let placeholderLines = Set(lines.indices.filter { lines[$0].contains("# required:") }.map { $0 + 1 })
            let errorLines = run.stdout.split(separator: "\n").filter { $0.hasPrefix(item.file + ":") && $0.contains(": error: ") }
                .compactMap { Int($0.dropFirst(item.file.count + 1).prefix { $0 != ":" }) }
            #expect(!placeholderLines.isEmpty)
            #expect(Set(errorLines) == placeholderLines, "\(run.stdout)")
            #expect(!run.stdout.contains("warning:"), "placeholders are not also plain-scalar warnings: \(run.stdout)")
        }
    }

    @Test(arguments: types)
    func givenValuesMakeAValidRecord(_ item: TypeCase) throws {
        try Run.withSampleKB { kb in
            let run = try Run.kaleido(["new", item.type, item.id] + item.filled, in: kb)
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            #expect(run.stdout.hasPrefix("créé \(item.file)\n"))
            let text = try #require(Run.read(kb + "/" + item.file))
            #expect(!text.contains("# required:"), "\(text)")
            let validate = try Run.kaleido(["validate", item.file], in: kb)
            #expect(validate.status == 0, "\(validate.stdout)")
            #expect(!validate.stdout.contains("error:"))
        }
    }

    /// Values typed by the schema: what the file must contain for each `--set`.
    static let typedValues: [(type: String, id: String, arguments: [String], expected: String)] = [
        ("partner", "fr-com-01004-test", ["--set", "codes.insee=01004"], "codes:\n  insee: '01004'\n"),
        ("partner", "no-mun-test", ["--set", "country=NO"], "\ncountry: 'NO'\n"),
        ("partner", "fr-com-test", ["--set", "valid_from=2011"], "\nvalid_from: '2011'\n"),
        ("partner", "fr-etat-test", ["--set", "codes.siren=356000000"], "\n  siren: '356000000'\n"),
        ("partner", "fr-asso-test", ["--name", "true"], "\nname: 'true'\n"),
        ("partner", "fr-asso-test2", ["--name", "Gabès # centre"], "\nname: 'Gabès # centre'\n"),
        ("partner", "fr-asso-test3", ["--set", "themes=jeunesse, sport"], "\nthemes:\n  - jeunesse\n  - sport\n"),
        ("event", "evt-2026-05-test", ["--set", "participants.count=40"], "\nparticipants:\n  count: 40\n"),
        ("person", "p-test-test", ["--set", "internal=true"], "\ninternal: true\n"),
        ("convention", "conv-2026-typed", ["--set", "duration_months=36"], "\nduration_months: 36\n"),
        ("call", "aap-x-2026-typed", ["--set", "max_rate=0.8"], "\nmax_rate: 0.8\n"),
    ]

    @Test(arguments: typedValues.indices)
    func valuesAreTypedByTheSchema(_ index: Int) throws {
        let item = Self.typedValues[index]
        try Run.withSampleKB { kb in
            let run = try Run.kaleido(["new", item.type, item.id] + item.arguments, in: kb)
            #expect(run.status != 2, "\(run.stderr)")
            let file = String(run.stdout.split(separator: "\n").first?.dropFirst("créé ".count) ?? "")
            let text = try #require(Run.read(kb + "/" + file))
            #expect(text.contains(item.expected), "\(text)")
            // No plain-scalar warning: what was written reads the same for every YAML tool.
            #expect(!run.stdout.contains("[plain-scalar]"), "\(run.stdout)")
        }
    }

    @Test func refusalsWriteNothingAndSayWhy() throws {
        try Run.withSampleKB { kb in
            let before = Run.files(under: kb)
            let cases: [(arguments: [String], message: String)] = [
                (["new", "partner", "tn-mun-sfax"], "l'identifiant tn-mun-sfax est déjà pris : knowledge/partners/tn-mun-sfax.yaml l'a"),
                (["new", "project", "fr-com-26281-romans-sur-isere"], "knowledge/partners/fr/fr-com-26281-romans-sur-isere.yaml l'a"),
                (["new", "organisation", "x"], "type de fiche inconnu « organisation » ; les types : partner, person, partnership, convention, project, engagement, event, interaction, call"),
                (["new", "partner", "gabes"], "l'identifiant « gabes » ne suit pas le modèle des identifiants partner"),
                (["new", "event", "evt-2026-13-x"], "ne suit pas le modèle des identifiants event"),
                (["new", "partner", "TN-mun-gabes"], "l'identifiant « TN-mun-gabes » n'est pas valide"),
                (["new", "partner", "tn-mun-x", "--set", "nmae=Gabès"], "les fiches partner n'ont pas de champ « nmae » (vouliez-vous dire « name » ?)"),
                (["new", "person", "p-a-b", "--set", "birth_date=1990-01-01"], "birth_date ne doit jamais être enregistré"),
                (["new", "partner", "tn-mun-x", "--title", "T"], "les fiches partner n'ont pas de champ title"),
                (["new", "partner", "tn-mun-x", "--set", "country"], "attendu CHAMP=VALEUR"),
                (["new", "partner", "tn-mun-x", "--set", "id=tn-mun-y"], "se donne en argument de la commande"),
                (["new", "partner", "tn-mun-x", "--set", "country=TN", "--set", "country=FR"], "country est donné deux fois"),
                (["new", "partner", "tn-mun-x", "--set", "themes=[a, b"], "ce n'est pas une valeur YAML en ligne"),
            ]
            for item in cases {
                let run = try Run.kaleido(item.arguments, in: kb)
                #expect(run.status == 2, "\(item.arguments)")
                #expect(run.stdout.isEmpty)
                #expect(run.stderr.contains(item.message), "\(item.arguments): \(run.stderr)")
            }
            #expect(Run.files(under: kb) == before)
        }
    }

    @Test func theModelineIsWrittenOnlyWhenTheConfigAsksForIt() throws {
        try Run.withSampleKB { kb in
            let without = try Run.kaleido(["new", "project", "prj-2026-plain"], in: kb)
            #expect(without.status == 1)
            #expect(Run.read(kb + "/knowledge/projects/prj-2026-plain.yaml")?.hasPrefix("id: prj-2026-plain\n") == true)

            let config = kb + "/.kaleido/config.yaml"
            try Run.write((Run.read(config) ?? "") + "editor:\n  schema_modeline: true\n", to: config)
            #expect(try Run.kaleido(["new", "project", "prj-2026-modeline"], in: kb).status == 1)
            #expect(Run.read(kb + "/knowledge/projects/prj-2026-modeline.yaml")?
                .hasPrefix("# yaml-language-server: $schema=../../schemas/project.yaml\nid: prj-2026-modeline\n") == true)
            // One folder deeper, one more `../`; the path must name the real schema file.
            #expect(try Run.kaleido(["new", "event", "evt-2011-02-modeline"], in: kb).status == 1)
            let event = try #require(Run.read(kb + "/knowledge/events/2011/evt-2011-02-modeline.yaml"))
            let line = String(event.prefix { $0 != "\n" })
            #expect(line == "# yaml-language-server: $schema=../../../schemas/event.yaml")
            let schema = URL(fileURLWithPath: kb + "/knowledge/events/2011/" + line.dropFirst("# yaml-language-server: $schema=".count)).standardized.path
            #expect(FileManager.default.fileExists(atPath: schema))

            try Run.write((Run.read(config) ?? "").replacing("schema_modeline: true", with: "schema_modeline: sometimes"), to: config)
            let bad = try Run.kaleido(["new", "project", "prj-2026-bad"], in: kb)
            #expect(bad.status == 2)
            #expect(bad.stderr.contains("editor.schema_modeline must be true or false"))
        }
    }
}
