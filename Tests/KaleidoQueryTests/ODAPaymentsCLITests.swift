import Foundation
import KaleidoTestSupport
import Testing

/// `kaleido oda CLIENT --year N` from payments (disbursements), on the sample KB. Expected from
/// the records, by hand. Vienne's payments: on conv-2024-vienne-kairouan-cooperation 10 000 EUR
/// on 2024-04-10, 8 000 EUR on 2025-03-14 and 4 000 EUR on 2025-09-30 (1 % waste budget), all
/// to Kairouan (TN, from the recipient's record); on prj-2024-vienne-kairouan-dechets 3 500 TND
/// on 2025-10-10 (TN written, en régie, under the project's convention); on
/// prj-2025-vienne-solidarite-internationale (no convention) 5 000 EUR to the FACECO on
/// 2025-04-15 for Myanmar (MM) and 1 500 EUR on 2025-11-20 for development education (99820, no
/// country: unallocated); on conv-2025-vienne-molde-jeunesse 4 000 EUR on 2025-06-02 to Molde
/// (NO, not a DAC recipient). So 2025 declares 8000 + 4000 + 5000 + 1500 = 18 500 EUR and
/// 3 500 TND, never one figure.
@Suite(.serialized) struct ODAPaymentsCLITests {
    typealias Object = [String: Any]

    static func amount(_ value: Any?) -> String { (value as? NSNumber)?.stringValue ?? "?" }

    static func sums(_ value: Any?, _ key: String) -> [String] {
        ((value as? [Object]) ?? []).map { "\($0[key] as? String ?? "-") \(amount($0["amount"])) \($0["currency"] ?? "") \($0["payments"] ?? "")" }
    }

    static func excluded(_ value: Any?) -> [String] {
        ((value as? [Object]) ?? []).map { "\($0["record"] ?? "") \($0["date"] ?? "") \(amount($0["amount"])) \($0["currency"] ?? "") \($0["reason"] ?? "")" }
    }

    @Test func vienne2025SumsPaymentsPerCurrencyByCountryChannelAndSector() throws {
        let declaration = try #require(try Kaleido.json(["oda", "Ville de Vienne", "--year", "2025"]) as? Object)
        #expect(declaration["client"] as? String == "fr-com-38544-vienne" && declaration["year"] as? Int == 2025)
        #expect(Self.sums(declaration["by_country"], "country") == ["MM 5000 EUR 1", "TN 12000 EUR 2", "TN 3500 TND 1", "- 1500 EUR 1"])
        #expect(Self.sums(declaration["by_channel"], "channel")
            == ["collectivite_partenaire 12000 EUR 2", "faceco 5000 EUR 1", "ong_association 1500 EUR 1", "regie 3500 TND 1"])
        #expect(Self.sums(declaration["by_sector"], "sector") == ["14050 12000 EUR 2", "14050 3500 TND 1", "72010 5000 EUR 1", "99820 1500 EUR 1"])
        #expect(try #require(declaration["totals"] as? [Object]).map { "\(Self.amount($0["amount"])) \($0["currency"] ?? "")" } == ["18500 EUR", "3500 TND"])
        let payments = try #require(declaration["payments"] as? [Object])
        #expect(payments.map { "\($0["date"] ?? "") \($0["convention"] as? String ?? "none") \($0["legal_basis"] as? String ?? "-")" } == [
            "2025-03-14 conv-2024-vienne-kairouan-cooperation -", "2025-04-15 none -",
            "2025-09-30 conv-2024-vienne-kairouan-cooperation cgct_l1115_2_dechets", "2025-10-10 conv-2024-vienne-kairouan-cooperation -",
            "2025-11-20 none -",
        ])
        #expect(Self.excluded(declaration["excluded"]) == [
            "conv-2024-vienne-kairouan-cooperation 2024-04-10 10000 EUR other_year",
            "conv-2025-vienne-molde-jeunesse 2025-06-02 4000 EUR not_on_dac_list",
        ])
    }

    /// Romans paid 18 000 EUR to Sfax on 2025-02-20; the 4 000 TND on the same convention was
    /// paid by Sfax (payer written) and is left out of Romans's declaration, never added.
    @Test func aPaymentByAnotherPartyIsLeftOut() throws {
        let declaration = try #require(try Kaleido.json(["oda", "romans", "--year", "2025"]) as? Object)
        #expect(Self.sums(declaration["by_country"], "country") == ["TN 18000 EUR 1"])
        #expect(try #require(declaration["totals"] as? [Object]).map { "\(Self.amount($0["amount"])) \($0["currency"] ?? "")" } == ["18000 EUR"])
        #expect(Self.excluded(declaration["excluded"]) == ["conv-2021-romans-sfax-cooperation 2025-07-04 4000 TND other_payer"])
        let sfax = try #require(try Kaleido.json(["oda", "tn-mun-sfax", "--year", "2025"]) as? Object)
        // Sfax's own payment goes to Tunisia: on the list; it is the payer there.
        #expect(Self.sums(sfax["by_country"], "country") == ["TN 4000 TND 1"])
    }

    /// Nauru graduated from the DAC list on 2026-01-01: a FACECO payment to Nauru is declared in
    /// 2025 and left out in 2026. A payment with no country (and not development awareness) is
    /// left out whatever the year.
    @Test func theDACListOfTheYearDecides() throws {
        let scratch = try ScratchKB(copyingSample: ())
        defer { scratch.remove() }
        let path = scratch.root + "/knowledge/projects/prj-2025-vienne-solidarite-internationale.yaml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let marker = "disbursements:\n"
        #expect(text.contains(marker))
        text = text.replacingOccurrences(of: marker, with: marker + """
              - {date: "2025-02-03", amount: 700.50, currency: EUR, recipient: fr-etat-meae, country: NR, channel: faceco, sector: "72010"}
              - {date: "2026-02-03", amount: 900, currency: EUR, recipient: fr-etat-meae, country: NR, channel: faceco, sector: "72010"}
              - {date: "2025-12-01", amount: 250, currency: EUR, recipient_name: Une association, channel: ong_association, sector: "15112"}

            """)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let validate = try Kaleido.run(["validate", "--lang", "en"], in: scratch.root)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let y2025 = try #require(try Kaleido.json(["oda", "fr-com-38544-vienne", "--year", "2025"], in: scratch.root) as? Object)
        #expect(Self.sums(y2025["by_country"], "country") == ["MM 5000 EUR 1", "NR 700.5 EUR 1", "TN 12000 EUR 2", "TN 3500 TND 1", "- 1500 EUR 1"])
        #expect(try #require(y2025["totals"] as? [Object]).map { "\(Self.amount($0["amount"])) \($0["currency"] ?? "")" } == ["19200.5 EUR", "3500 TND"])
        let excel = try Kaleido.run(["oda", "fr-com-38544-vienne", "--year", "2025", "--format", "csv", "--csv", "excel-fr"], in: scratch.root)
        #expect(excel.stdout.contains(";NR;FACECO (fonds d'action extérieure des collectivités territoriales);72010;;Ministère de l'Europe et des Affaires étrangères;700,50;EUR;2025-02-03;"), "\(excel.stdout)")
        #expect(Self.excluded(y2025["excluded"]).filter { $0.hasPrefix("prj-2025") }
            == ["prj-2025-vienne-solidarite-internationale 2025-12-01 250 EUR no_country",
                "prj-2025-vienne-solidarite-internationale 2026-02-03 900 EUR other_year"])
        let y2026 = try #require(try Kaleido.json(["oda", "fr-com-38544-vienne", "--year", "2026"], in: scratch.root) as? Object)
        #expect(Self.sums(y2026["by_country"], "country") == [])
        #expect(Self.excluded(y2026["excluded"]).filter { $0.hasPrefix("prj-2025") && !$0.hasSuffix("other_year") }
            == ["prj-2025-vienne-solidarite-internationale 2026-02-03 900 EUR not_on_dac_list"])
        let table = try Kaleido.run(["oda", "fr-com-38544-vienne", "--year", "2026"], in: scratch.root)
        #expect(table.status == 0 && table.stderr.contains("Aucun versement de Ville de Vienne trouvé pour 2026"))
        #expect(table.stdout.contains("pays absent de la liste du CAD 2026"))
    }

    /// An engagement's payment is its client's (no convention: "sans convention"); a convention
    /// with several French parties (the passeport one: Vienne, RESACOOP, Kaléido'Scop) names no
    /// default payer, so a payment there without `payer` is nobody's declaration.
    @Test func defaultPayersFollowTheRecord() throws {
        let scratch = try ScratchKB(copyingSample: ())
        defer { scratch.remove() }
        for (file, line) in [
            ("engagements/eng-2025-dep86-strategie-internationale.yaml",
             #"  - {date: "2025-11-05", amount: 1200, currency: EUR, recipient: tn-gouv-sfax, channel: collectivite_partenaire, sector: "15112"}"#),
            ("conventions/conv-2009-passeport-pour-le-monde.yaml", #"  - {date: "2025-01-10", amount: 300, currency: EUR, recipient: be-agence-bij}"#),
        ] {
            let path = scratch.root + "/knowledge/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!text.contains("disbursements:"))
            try (text + "disbursements:\n" + line + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        }
        let department = try #require(try Kaleido.json(["oda", "fr-dep-86-vienne", "--year", "2025"], in: scratch.root) as? Object)
        #expect(Self.sums(department["by_country"], "country") == ["TN 1200 EUR 1"])
        let csv = try Kaleido.run(["oda", "fr-dep-86-vienne", "--year", "2025", "--format", "csv"], in: scratch.root)
        #expect(csv.stdout.hasSuffix(",1200,EUR,2025-11-05,,,sans convention,eng-2025-dep86-strategie-internationale\r\n"), "\(csv.stdout)")
        let vienne = try #require(try Kaleido.json(["oda", "fr-com-38544-vienne", "--year", "2025"], in: scratch.root) as? Object)
        let left = try #require(vienne["excluded"] as? [Object]).filter { $0["record"] as? String == "conv-2009-passeport-pour-le-monde" }
        #expect(left.count == 1 && left.first?["reason"] as? String == "other_payer" && left.first?["payer"] is NSNull)
    }

    /// Issue 16, item 6: the ministry's former names find its records (DAECT became the DCTCIV;
    /// the ministry was the MAE, the MAEE, the MAEDI before the MEAE).
    @Test(arguments: [("DAECT", "fr-etat-daect"), ("DCTCIV", "fr-etat-daect"), ("MAEDI", "fr-etat-meae"), ("MAE", "fr-etat-meae"),
                      ("Ministère des Affaires étrangères et du Développement international", "fr-etat-meae")])
    func formerNamesOfTheMinistryAreSearchable(_ name: String, _ id: String) throws {
        let found = try #require(try Kaleido.json(["find", name]) as? [Object])
        // 100: an exact name of the record (a mention in its notes scores lower).
        #expect(found.first?["id"] as? String == id && (found.first?["score"] as? Int) == 100, "\(name): \(found)")
    }

    /// The declaration CSV, compared column by column (the columns of the e-APD entry).
    @Test func csvIsTheDeclarationInTheFormsColumns() throws {
        let result = try Kaleido.run(["oda", "fr-com-38544-vienne", "--year", "2025", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\""), "no field needs quoting here: the split below relies on it")
        let rows = result.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let columns = ["Année", "Collectivité déclarante", "Pays bénéficiaire", "Canal d'acheminement", "Secteur CAD", "Type d'aide",
                       "Partenaire", "Montant", "Devise", "Date du versement", "Marqueurs", "Base légale", "Convention", "Fiche"]
        #expect(rows.first == columns)
        let kairouan = "conv-2024-vienne-kairouan-cooperation", solidarity = "prj-2025-vienne-solidarite-internationale"
        let expected: [[String]] = [
            ["2025", "Ville de Vienne", "TN", "Collectivité partenaire", "14050", "Coopération décentralisée", "Municipalité de Kairouan",
             "8000", "EUR", "2025-03-14", "environnement=2 genre=1", "", kairouan, kairouan],
            ["2025", "Ville de Vienne", "MM", "FACECO (fonds d'action extérieure des collectivités territoriales)", "72010",
             "Aide humanitaire d'urgence", "Ministère de l'Europe et des Affaires étrangères", "5000", "EUR", "2025-04-15", "", "",
             "sans convention", solidarity],
            ["2025", "Ville de Vienne", "TN", "Collectivité partenaire", "14050", "Coopération décentralisée", "Municipalité de Kairouan",
             "4000", "EUR", "2025-09-30", "environnement=2", "CGCT art. L1115-2 (1 % déchets)", kairouan, kairouan],
            ["2025", "Ville de Vienne", "TN", "En régie", "14050", "Coopération décentralisée",
             "Atelier de tri des déchets de Kairouan (prestataire local)", "3500", "TND", "2025-10-10", "", "", kairouan,
             "prj-2024-vienne-kairouan-dechets"],
            ["2025", "Ville de Vienne", "Non ventilé", "ONG / association", "99820", "Éducation à la citoyenneté mondiale",
             "Collectif viennois du Festival des solidarités", "1500", "EUR", "2025-11-20", "", "", "sans convention", solidarity],
        ]
        #expect(rows.count == expected.count + 1)
        for (row, want) in zip(rows.dropFirst(), expected) {
            #expect(row.count == columns.count)
            for (column, (got, value)) in zip(columns, zip(row, want)) { #expect(got == value, "\(column)") }
        }
        let english = try Kaleido.run(["oda", "fr-com-38544-vienne", "--year", "2025", "--format", "csv", "--lang", "en"])
        #expect(english.stdout.hasPrefix("Year,Declaring authority,Recipient country,Channel of delivery,DAC sector,Type of aid,Partner,"
            + "Amount,Currency,Payment date,Markers,Legal basis,Convention,Record\r\n"))
        #expect(english.stdout.contains(",Unallocated,"))
    }

    @Test func badPaymentsAreSchemaErrors() throws {
        let scratch = try ScratchKB(copyingSample: ())
        defer { scratch.remove() }
        let path = scratch.root + "/knowledge/projects/prj-2025-vienne-solidarite-internationale.yaml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "disbursements:\n", with: """
            disbursements:
              - {date: "2025-02-03", amount: -5, currency: EUR, recipient_name: X, sector: "999", markers: {genre: 3}}
              - {date: "2025-02-04", amount: 5, currency: EUR}

            """)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let validate = try Kaleido.run(["validate", "--lang", "en"], in: scratch.root)
        #expect(validate.status != 0)
        let output = validate.stdout + validate.stderr
        #expect(output.contains("prj-2025-vienne-solidarite-internationale.yaml:"), "\(output)")
        for message in ["yaml:15:34: error: amount -5 must be at least 0", "yaml:15:80: error: sector \"999\" does not match the pattern",
                        "yaml:15:104: error: genre 3 must be at most 2", "yaml:16:5: error: missing required property \"recipient\""] {
            #expect(output.contains("prj-2025-vienne-solidarite-internationale." + message), "\(message): \(output)")
        }
    }
}
