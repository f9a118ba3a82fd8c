import Foundation
import Testing
import KaleidoTestSupport

/// `kaleido report`: the HTML document opened in headless Chromium, its text read back from
/// the browser's DOM (what a client sees), and the Markdown version.
@Suite struct ReportTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test func htmlReportRendersInChromium() throws {
        let chromium = try #require(Self.chromium, "chromium is not installed: run scripts/bootstrap --test")
        try TestFiles.withTemporaryFolder(prefix: "kaleido-report-") { try rendersInChromium(chromium, in: $0.path) }
    }

    private func rendersInChromium(_ chromium: String, in folder: String) throws {
        let file = folder + "/sfax.html"
        let result = try Kaleido.run(["report", "صفاقس", "--format", "html", "--output", file])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        // Self-contained: nothing to fetch.
        for external in ["<script", "<link", "src=", "url(", "@import"] { #expect(!html.contains(external)) }

        let browser = try ChildProcess.run(
            chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder)/profile", "--dump-dom", "file://" + file])
        let dom = browser.stdout
        #expect(browser.status == 0)
        let text = dom.replacingOccurrences(of: "<[^>]+>", with: "\n", options: .regularExpression)
        let lines = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(lines.contains("Municipalité de Sfax"))
        #expect(lines.contains("Chronologie"))
        for year in ["2010", "2011", "2012", "2017", "2021", "2025", "2026", "2027"] { #expect(lines.contains(year), "year \(year)") }
        #expect(lines.contains("Convention de coopération décentralisée Romans-sur-Isère – Sfax 2021-2027"))
        #expect(lines.contains { $0.contains("2022: 18000 EUR") })
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
        #expect(result.stdout.contains("Ministère de l’Europe et des Affaires étrangères") || result.stdout.contains("15000 EUR"))
        #expect(!result.stdout.contains("@"))
    }
}
