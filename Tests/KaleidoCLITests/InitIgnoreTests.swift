import Foundation
import Testing

/// `kaleido init` keeps what systems, office suites and editors leave beside the records out of
/// git, so that a Finder's `.DS_Store` or Excel's `~$…` lock file is never pushed to the team.
@Suite struct InitIgnoreTests {
    /// Files a consultant's machine leaves in a KB folder, none of which may be committed.
    static let litter = [
        "knowledge/partners/.DS_Store", ".DS_Store", "knowledge/partners/._tn-mun-sfax.yaml",
        "knowledge/people/Thumbs.db", "knowledge/desktop.ini", "knowledge/projects/~$budget.xlsx",
        "knowledge/projects/.~lock.budget.xlsx#", "knowledge/partners/.tn-mun-sfax.yaml.swp",
        "knowledge/partners/tn-mun-sfax.yaml~", "knowledge/partners/.#tn-mun-sfax.yaml", "knowledge/partners/4913",
        ".kaleido/cache/index.bin",
    ]

    @Test func aNewKBIgnoresWhatSystemsAndEditorsLeaveBehind() throws {
        try withScratchDirectory { scratch in
            #expect(try Run.kaleido(["init", "kb"], in: scratch.path).status == 0)
            let kb = scratch.path + "/kb"
            for path in Self.litter { try Run.write("x\n", to: kb + "/" + path) }
            try Run.write("id: tn-mun-sfax\n", to: kb + "/knowledge/partners/tn-mun-sfax.yaml")
            let status = try Run.git(["status", "--porcelain", "--untracked-files=all"], in: kb).stdout
            for path in Self.litter { #expect(!status.contains(path), "\(path) is not ignored:\n\(status)") }
            #expect(status.contains("knowledge/partners/tn-mun-sfax.yaml"), "the record itself must not be ignored:\n\(status)")
        }
    }

    @Test func initInAnExistingRepositoryAddsOnlyTheMissingPatterns() throws {
        try withScratchDirectory { scratch in
            let kb = scratch.path + "/kb"
            try FileManager.default.createDirectory(atPath: kb, withIntermediateDirectories: true)
            #expect(try Run.git(["init", "--quiet"], in: kb).status == 0)
            try Run.write("notes-privees/\n.DS_Store", to: kb + "/.gitignore")
            #expect(try Run.kaleido(["init", "."], in: kb).status == 0)
            let text = try #require(Run.read(kb + "/.gitignore"))
            #expect(text.hasPrefix("notes-privees/\n.DS_Store\n"), "the team's own lines stay first:\n\(text)")
            #expect(text.components(separatedBy: "\n").filter { $0 == ".DS_Store" }.count == 1, "no duplicate:\n\(text)")
            #expect(text.contains("\nThumbs.db\n") && text.contains("\n.kaleido/cache/\n") && text.contains("\n~$*\n"))
            // Running init again changes nothing.
            #expect(try Run.kaleido(["init", "."], in: kb).status == 0)
            #expect(Run.read(kb + "/.gitignore") == text)
        }
    }
}
