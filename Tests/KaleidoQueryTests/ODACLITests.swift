import Foundation
import KaleidoTestSupport
import Testing

/// `kaleido oda --commitments` (the estimated view; ODAPaymentsCLITests covers the declaration
/// from payments) on the sample KB. Expected from the conventions' financial_commitments: Vienne
/// commits 12 000 (numeraire) and 3 000 (valorisation) to Kairouan (TN) in 2025 and 4 000 to
/// Molde (NO, not an ODA recipient); in 2009, 8 000 to Kairouan and 15 000 to the passeport
/// programme whose other parties are French, Belgian and Norwegian. Romans' 2012 line adds the
/// 2010 convention (15 000) and its avenant (5 000), both with Sfax.
@Suite(.serialized) struct ODACLITests {
    typealias Object = [String: Any]

    struct Expected: Sendable, CustomStringConvertible {
        var client: String
        var year: String
        var lines: [String]
        var totals: [String]
        var excluded: [String]
        var description: String { "\(client) \(year)" }
    }

    static func amount(_ value: Any?) -> String { (value as? NSNumber)?.stringValue ?? "?" }

    @Test(arguments: [
        Expected(client: "fr-com-38544-vienne", year: "2025",
                 lines: ["TN numeraire EUR 12000 conv-2024-vienne-kairouan-cooperation", "TN valorisation EUR 3000 conv-2024-vienne-kairouan-cooperation"],
                 totals: ["EUR 15000"], excluded: ["conv-2025-vienne-molde-jeunesse NO numeraire EUR 4000 no_eligible_country"]),
        Expected(client: "Ville de Vienne", year: "2009", lines: ["TN numeraire EUR 8000 conv-2009-vienne-kairouan-cooperation"],
                 totals: ["EUR 8000"], excluded: ["conv-2009-passeport-pour-le-monde BE,FR,NO numeraire EUR 15000 no_eligible_country"]),
        Expected(client: "Vienne (Isère)", year: "2010", lines: ["TN numeraire EUR 8000 conv-2009-vienne-kairouan-cooperation"],
                 totals: ["EUR 8000"], excluded: ["conv-2009-passeport-pour-le-monde BE,FR,NO numeraire EUR 17000 no_eligible_country"]),
        Expected(client: "romans", year: "2012",
                 lines: ["TN numeraire EUR 20000 conv-2010-romans-sfax-cooperation,conv-2012-avenant-romans-sfax-festivals"],
                 totals: ["EUR 20000"], excluded: []),
        Expected(client: "Romans-sur-Isère", year: "2025",
                 lines: ["TN numeraire EUR 18000 conv-2021-romans-sfax-cooperation", "TN valorisation EUR 4500 conv-2021-romans-sfax-cooperation"],
                 totals: ["EUR 22500"], excluded: []),
        Expected(client: "fr-dep-86-vienne", year: "2007", lines: ["TN numeraire EUR 25000 conv-2005-vienne86-gouvernorat-sfax"],
                 totals: ["EUR 25000"], excluded: []),
        // Sfax's own valorisation goes to a French partner: nothing to declare as ODA.
        Expected(client: "sfax", year: "2025", lines: [], totals: [],
                 excluded: ["conv-2021-romans-sfax-cooperation FR valorisation TND 15000 no_eligible_country"]),
        Expected(client: "romans", year: "2030", lines: [], totals: [], excluded: []),
    ])
    func q11AmountsByEligibleCountry(_ expected: Expected) throws {
        let declaration = try #require(try Kaleido.json(["oda", expected.client, "--year", expected.year, "--commitments"]) as? Object)
        #expect(declaration.keys.sorted() == ["client", "excluded", "lines", "totals", "year"])
        #expect(declaration["year"] as? Int == Int(expected.year))
        let lines = try #require(declaration["lines"] as? [Object]).map { line in
            "\(line["country"] ?? "") \(line["nature"] ?? "") \(line["currency"] ?? "") \(Self.amount(line["amount"])) "
                + ((line["conventions"] as? [String]) ?? []).joined(separator: ",")
        }
        #expect(lines == expected.lines)
        #expect(try #require(declaration["totals"] as? [Object]).map { "\($0["currency"] ?? "") \(Self.amount($0["amount"]))" } == expected.totals)
        let excluded = try #require(declaration["excluded"] as? [Object]).map { item in
            "\(item["convention"] ?? "") \(((item["countries"] as? [String]) ?? []).joined(separator: ",")) \(item["nature"] ?? "") "
                + "\(item["currency"] ?? "") \(Self.amount(item["amount"])) \(item["reason"] ?? "")"
        }
        #expect(excluded == expected.excluded)
    }

    @Test func tableAndCSVListLinesTotalAndExclusions() throws {
        let french = try Kaleido.run(["oda", "fr-com-38544-vienne", "--year", "2025", "--commitments"])
        #expect(french.status == 0)
        // Cells with their spacing collapsed; the rule under the header left out.
        let rows = french.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }.filter { !$0.hasPrefix("─") }
        #expect(rows == [
            "Pays Nature Montant Devise Conventions Remarque",
            "TN Numéraire 12000 EUR conv-2024-vienne-kairouan-cooperation", "TN Valorisation 3000 EUR conv-2024-vienne-kairouan-cooperation",
            "Total 15000 EUR", "Exclu (aucune autre partie dans un pays éligible à l'APD)",
            "NO Numéraire 4000 EUR conv-2025-vienne-molde-jeunesse exclu : pays non éligible",
        ])
        let csv = try Kaleido.run(["oda", "Ville de Vienne", "--year", "2009", "--commitments", "--format", "csv", "--lang", "en"])
        #expect(csv.stdout == "Country,Nature,Amount,Currency,Conventions,Note\r\n"
            + "TN,Cash,8000,EUR,conv-2009-vienne-kairouan-cooperation,\r\nTotal,,8000,EUR,,\r\n"
            + "\"BE, FR, NO\",Cash,15000,EUR,conv-2009-passeport-pour-le-monde,excluded: country not eligible\r\n")
        let nothing = try Kaleido.run(["oda", "romans", "--year", "2030", "--commitments"])
        #expect(nothing.status == 0 && nothing.stderr.contains("Aucun engagement financier"))
    }

    /// 0.1 + 0.2 is 0.3 in the declaration, not binary floating point's 0.30000000000000004,
    /// in JSON and in the table; the written decimals are kept (12.50 + 0.25 → 12.75).
    @Test func amountsAreSummedAsExactDecimals() throws {
        let scratch = try ScratchKB(copyingSample: ())
        defer { scratch.remove() }
        let path = scratch.root + "/knowledge/conventions/conv-2024-vienne-kairouan-cooperation.yaml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        for (old, new) in [("year: 2025, amount: 12000, currency: EUR, nature: numeraire", "year: 2025, amount: 0.1, currency: EUR, nature: numeraire"),
                           ("year: 2025, amount: 3000, currency: EUR, nature: valorisation", "year: 2025, amount: 0.2, currency: EUR, nature: numeraire"),
                           ("year: 2026, amount: 12000,", "year: 2026, amount: 12.50,"), ("year: 2027, amount: 4000,", "year: 2026, amount: 0.25,")] {
            #expect(text.contains(old))
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let json = try Kaleido.run(["oda", "fr-com-38544-vienne", "--year", "2025", "--commitments", "--format", "json"], in: scratch.root)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains("{\"country\": \"TN\", \"nature\": \"numeraire\", \"currency\": \"EUR\", \"amount\": 0.3, "))
        #expect(json.stdout.contains("{\"currency\": \"EUR\", \"amount\": 0.3}") && !json.stdout.contains("0.30000000000000004"))
        let table = try Kaleido.run(["oda", "fr-com-38544-vienne", "--year", "2026", "--commitments", "--format", "csv"], in: scratch.root)
        #expect(table.stdout.contains("TN,Numéraire,12.75,EUR,conv-2024-vienne-kairouan-cooperation,\r\nTotal,,12.75,EUR,,\r\n"))
    }

    @Test(arguments: [
        (["Vienne", "--year", "2025"], ["« Vienne » désigne plusieurs partenaires", "fr-com-38544-vienne", "fr-dep-86-vienne", "at-mun-wien"]),
        (["Atlantis", "--year", "2025"], ["aucun partenaire ne s'appelle « Atlantis »", "kaleido find"]),
        (["romans", "--year", "25"], ["--year 25 : attendu une année AAAA"]),
        (["romans", "--year", "2025-01"], ["--year 2025-01"]),
        (["romans", "--year", "+202"], ["--year +202"]),
    ])
    func badInputIsAUsageError(_ arguments: [String], _ messages: [String]) throws {
        let result = try Kaleido.run(["oda"] + arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        for message in messages { #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)") }
    }
}
