import Foundation
import KaleidoTestSupport

/// Headless Chromium (installed by `scripts/bootstrap --test`): renders an HTML file and gives
/// back the DOM it built, so that tests read what a client's browser shows.
enum Chromium {
    static let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The serialised DOM of `file` after Chromium loaded it (`--dump-dom`); a fresh profile in
    /// `folder` keeps runs apart.
    static func dumpDOM(_ file: String, profileIn folder: String) throws -> (status: Int32, dom: String) {
        let chromium = try requireInstalled()
        let browser = try ChildProcess.run(
            chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder)/profile", "--dump-dom", "file://" + file])
        return (browser.status, browser.stdout)
    }

    /// The text of each table row of a DOM, one array of cell texts per `<tr>`.
    static func tableRows(_ dom: String) -> [[String]] {
        dom.components(separatedBy: "<tr").dropFirst().map { row in
            let body = row.components(separatedBy: "</tr>").first ?? ""
            return body.components(separatedBy: "<td").dropFirst().map { cell in
                let inner = cell.drop { $0 != ">" }.dropFirst()
                let text = (inner.components(separatedBy: "</td>").first ?? "").replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                return text.replacingOccurrences(of: "&amp;", with: "&").trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "chromium is not installed: run scripts/bootstrap --test" }
    }

    static func requireInstalled() throws -> String {
        guard let path else { throw Missing() }
        return path
    }
}
