import Foundation
import Testing
import KaleidoTestSupport

/// `kaleido report`: the HTML document opened in headless Chromium, its text read back from
/// the browser's DOM (what a client sees), and the Markdown version.
@Suite struct ReportTests {
    @Test func htmlReportRendersInChromium() throws {
        _ = try #require(Chromium.path, "chromium is not installed: run scripts/bootstrap --test")
        try TestFiles.withTemporaryFolder(prefix: "kaleido-report-") { try rendersInChromium(in: $0.path) }
    }

    private func rendersInChromium(in folder: String) throws {
        let file = folder + "/sfax.html"
        let result = try Kaleido.run(["report", "صفاقس", "--format", "html", "--output", file])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        // Self-contained: nothing to fetch.
        for external in ["<script", "<link", "src=", "url(", "@import"] { #expect(!html.contains(external)) }

        let (status, dom) = try Chromium.dumpDOM(file, profileIn: folder)
        #expect(status == 0)
        let text = dom.replacingOccurrences(of: "<[^>]+>", with: "\n", options: .regularExpression)
        let lines = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(lines.contains("Municipalité de Sfax"))
        #expect(lines.contains("Chronologie"))
        for year in ["2010", "2011", "2012", "2017", "2021", "2025"] { #expect(lines.contains(year), "year \(year)") }
        #expect(lines.contains("Convention de coopération décentralisée Romans-sur-Isère – Sfax 2021-2027"))
        // One commitment per row: year, party, nature, amount, currency (never one figure per year).
        #expect(Chromium.tableRows(dom).contains(["2022", "Ville de Romans-sur-Isère", "Numéraire", "18000", "EUR"]))
        // The 2027 draft says nothing of its confidentiality: interne, not in a client document.
        #expect(!lines.contains("Convention de coopération décentralisée Romans-sur-Isère – Sfax 2027-2030 (projet)"))
        #expect(lines.contains("Directeur de la coopération internationale"))
        // Professional details only.
        #expect(!dom.contains("m.trabelsi@baladia.example"))
        #expect(!dom.contains("+21674000123"))
        // The governorate is another partner.
        #expect(!dom.contains("Gouvernorat de Sfax"))
    }

    @Test func markdownReport() throws {
        let result = try Kaleido.run(["report", "tn-mun-sfax", "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# Municipalité de Sfax\n"))
        for heading in ["## Timeline", "## Agreements", "## Projects and funding", "## Contacts"] { #expect(result.stdout.contains(heading)) }
        #expect(result.stdout.contains("| **2021** |"))
        #expect(result.stdout.contains("| Délégation pour l'action extérieure des collectivités territoriales | Paid in full | 15000 | EUR |"))
        #expect(!result.stdout.contains("@"))
    }
}
