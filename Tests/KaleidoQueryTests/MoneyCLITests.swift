import Foundation
import Testing
import KaleidoTestSupport

/// Money through the commands: amounts are (amount, currency) pairs, summed per currency and
/// never across (the Romans–Sfax convention of 2021 commits EUR from Romans and TND from Sfax);
/// refused funding shown but never summed.
@Suite(.serialized) struct MoneyCLITests {
    typealias Object = [String: Any]

    /// 2025 of the 2021 convention: 18000 EUR cash and 4500 EUR in kind from Romans, 15000 TND in
    /// kind from Sfax; each a row of its own (party | nature | amount | currency), never 37500.
    static let commitments2025 = [
        ["2025", "Ville de Romans-sur-Isère", "Numéraire", "18000", "EUR"],
        ["2025", "Ville de Romans-sur-Isère", "Valorisation", "4500", "EUR"],
        ["2025", "Municipalité de Sfax", "Valorisation", "15000", "TND"],
    ]

    @Test func reportMarkdownKeepsPartiesNaturesAndCurrenciesApart() throws {
        let result = try Kaleido.run(["report", "romans"])
        #expect(result.status == 0, "\(result.stderr)")
        for row in Self.commitments2025 { #expect(result.stdout.contains("| " + row.joined(separator: " | ") + " |"), "\(row)") }
        // Totals over the convention per party, nature and currency.
        #expect(result.stdout.contains("| Total | Ville de Romans-sur-Isère | Numéraire | 102000 | EUR |"))
        #expect(result.stdout.contains("| Total | Municipalité de Sfax | Valorisation | 15000 | TND |"))
        #expect(!result.stdout.contains("EUR+TND") && !result.stdout.contains("37500") && !result.stdout.contains("22500"))
    }

    @Test func reportHTMLInChromiumShowsPerCurrencyCells() throws {
        _ = try #require(Chromium.path, "chromium is not installed: run scripts/bootstrap --test")
        try TestFiles.withTemporaryFolder(prefix: "kaleido-money-") { folder in
            let file = folder.path + "/romans.html"
            let result = try Kaleido.run(["report", "romans", "--format", "html", "--output", file])
            #expect(result.status == 0, "\(result.stderr)")
            let (status, dom) = try Chromium.dumpDOM(file, profileIn: folder.path)
            #expect(status == 0)
            let rows = Chromium.tableRows(dom)
            for row in Self.commitments2025 { #expect(rows.contains(row), "\(row) not among the rows Chromium built") }
            #expect(rows.contains(["Total", "Municipalité de Sfax", "Valorisation", "15000", "TND"]))
            #expect(!dom.contains("EUR+TND") && !dom.contains("37500"))
            // Each amount is a cell of its own, aligned as a number.
            #expect(dom.contains("<td class=\"amount\">15000</td>"))
        }
    }

    @Test func reportLabelsRefusedFundingAndNeverSumsIt() throws {
        let result = try Kaleido.run(["report", "sfax", "--lang", "en"])
        #expect(result.status == 0)
        // The FEJ refused the 2011 project's 15000 EUR request: shown, labelled, not counted.
        #expect(result.stdout.contains("| Fonds d'expérimentation pour la jeunesse | Refused (requested, not counted) | 15000 | EUR |"))
        // 15000 + 10000 + 18432.50 granted; 58432.50 would count the refusal.
        #expect(result.stdout.contains("| Total |  | 43432.50 | EUR |"))
        #expect(!result.stdout.contains("58432.50"))
        // Sfax's own grant to the 2017 project is in dinars, its own total.
        #expect(result.stdout.contains("| Total |  | 32000 | EUR |") && result.stdout.contains("| Total |  | 12000 | TND |"))
    }

    @Test func fundingTotalsPerCurrency() throws {
        let byYear = try #require(try Kaleido.json(["funding", "--by", "year", "--since", "2017"]) as? [Object])
        let rows = byYear.map { "\($0["year"] ?? "") \(($0["amount"] as? NSNumber)?.stringValue ?? "") \($0["currency"] ?? "")" }
        #expect(rows == ["2017 32000 EUR", "2017 12000 TND", "2024 45000 EUR"])
        let byFunder = try #require(try Kaleido.json(["funding", "--by", "funder", "--since", "2017"]) as? [Object])
        #expect(byFunder.contains { $0["funder"] as? String == "tn-mun-sfax" && $0["currency"] as? String == "TND" })
        #expect(byFunder.allSatisfy { $0["currency"] as? String == ($0["funder"] as? String == "tn-mun-sfax" ? "TND" : "EUR") })
        let table = try Kaleido.run(["funding", "--by", "year", "--since", "2017", "--format", "csv"])
        #expect(table.stdout.contains("\r\nTotal,77000,EUR\r\nTotal,12000,TND\r\n"), "\(table.stdout)")
        #expect(!table.stdout.contains("44000") && !table.stdout.contains("89000"))
    }

    @Test func fundingThatFindsNothingSaysSo() throws {
        let result = try Kaleido.run(["funding", "--since", "2090"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("kaleido: aucun financement accordé décidé en 2090 ou après"), "\(result.stderr)")
    }

    @Test func listSumGivesOneTotalPerCurrencyForMoney() throws {
        let groups = try #require(try Kaleido.json([
            "list", "convention", "--where", "parties.partner=tn-mun-sfax", "--group-by", "financial_commitments.year",
            "--sum", "financial_commitments.amount",
        ]) as? [Object])
        let year2025 = try #require(groups.first { $0["financial_commitments.year"] as? String == "2025" })
        let sums = try #require(year2025["sum"] as? [Object])
        #expect(sums.map { "\(($0["amount"] as? NSNumber)?.stringValue ?? "") \($0["currency"] ?? "")" } == ["22500 EUR", "15000 TND"])
        // Without --group-by: the grand total, per currency.
        let total = try Kaleido.run(["list", "convention", "--where", "parties.partner=tn-mun-sfax", "--sum", "financial_commitments.amount",
                                     "--format", "csv"])
        #expect(total.status == 0, "\(total.stderr)")
        let lines = total.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 3 && lines[0].hasPrefix("somme(financial_commitments.amount),"))
        #expect(lines.dropFirst().allSatisfy { $0.hasSuffix(",EUR") || $0.hasSuffix(",TND") }, "\(lines)")
        #expect(lines.contains("23000,TND"), "\(lines)")
    }

    @Test func listSumOfAPlainNumberStaysOneTotal() throws {
        let groups = try #require(try Kaleido.json(["list", "project", "--sum", "target_groups.count"]) as? [Object])
        #expect(groups.count == 1)
        #expect(groups.first?["sum"] is NSNumber)
        let csv = try Kaleido.run(["list", "project", "--sum", "target_groups.count", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("somme(target_groups.count)\r\n"))
    }
}
