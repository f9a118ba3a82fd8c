import Foundation
import Testing

/// `theirs_by` in `_conflicts` entries written by `kaleido merge-driver` under real git: two
/// authors edit the same field on two branches, then git merges, rebases or cherry-picks.
@Suite struct MergeDriverAuthorTests {
    static let ours = (name: "Ann Martin", email: "ann@example.org")
    static let theirs = (name: "Marie Dupont", email: "marie@example.org")

    /// A KB made by `kaleido init` (which registers the driver) with one record, and two
    /// branches: `main` (Ann sets website A) and `other` (Marie sets website B, two commits:
    /// the field, then the subdivision).
    static func withDivergedBranches(_ body: (String, String) throws -> Void) throws {
        try withScratchDirectory { scratch in
            let folder = scratch.path
            let created = try Run.kaleido(["init", "kb", "--name", "Test"], in: folder)
            try #require(created.status == 0, "\(created.stderr)")
            let kb = folder + "/kb"
            let record = "knowledge/partners/tn-mun-sfax.yaml"
            let original = try #require(Run.read(Run.projectRoot.path + "/" + record))
            try Run.write(original, to: kb + "/" + record)
            func commit(_ message: String, _ author: (name: String, email: String)) throws {
                let environment = ["GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email,
                                   "GIT_COMMITTER_NAME": author.name, "GIT_COMMITTER_EMAIL": author.email]
                try Run.git(["add", "-A"], in: kb)
                let result = try Run.git(["commit", "-qm", message], in: kb, environment: environment)
                try #require(result.status == 0, "\(result.stderr)")
            }
            try commit("base", ours)
            try Run.git(["checkout", "-qb", "other"], in: kb)
            try Run.write(original.replacing("website: https://www.commune-sfax.gov.tn", with: "website: https://sfax.tn"), to: kb + "/" + record)
            try commit("theirs: website", theirs)
            try Run.write((Run.read(kb + "/" + record) ?? "").replacing("subdivision: TN-61", with: "subdivision: TN-62"), to: kb + "/" + record)
            try commit("theirs: subdivision", theirs)
            try Run.git(["checkout", "-q", "main"], in: kb)
            try Run.write(original.replacing("website: https://www.commune-sfax.gov.tn", with: "website: https://www.sfax.gov.tn"), to: kb + "/" + record)
            try commit("ours: website", ours)
            try body(kb, record)
        }
    }

    /// The `_conflicts` entry lines of a merged record.
    static func conflictEntry(_ text: String) -> String {
        String(text[(text.range(of: "_conflicts:\n")?.upperBound ?? text.endIndex)...])
    }

    @Test func gitMergeNamesTheirAuthor() throws {
        try Self.withDivergedBranches { kb, record in
            let merge = try Run.git(["merge", "-q", "other"], in: kb, environment: ["GIT_AUTHOR_NAME": Self.ours.name, "GIT_AUTHOR_EMAIL": Self.ours.email,
                                                                                  "GIT_COMMITTER_NAME": Self.ours.name, "GIT_COMMITTER_EMAIL": Self.ours.email])
            #expect(merge.status == 1, "\(merge.stdout)\(merge.stderr)")
            let merged = try #require(Run.read(kb + "/" + record))
            #expect(merged.contains("website: https://www.sfax.gov.tn\n"))
            #expect(merged.contains("subdivision: TN-62\n"), "the other field merges cleanly")
            #expect(Self.conflictEntry(merged) == """
                  - path: website
                    base: https://www.commune-sfax.gov.tn
                    ours: https://www.sfax.gov.tn
                    theirs: https://sfax.tn
                    ours_by: Ann Martin <ann@example.org>
                    theirs_by: Marie Dupont <marie@example.org>
                    at: '2026-11-27T10:42:00Z'

                """, "\(merged)")
            let listed = try Run.kaleido(["conflicts", "--format", "json"], in: kb)
            #expect(listed.stdout.contains("Marie Dupont <marie@example.org>"), "\(listed.stdout)")
        }
    }

    @Test(arguments: [["rebase", "main"], ["rebase", "--apply", "main"]])
    func rebaseNamesTheAuthorOfTheReplayedCommit(_ command: [String]) throws {
        try Self.withDivergedBranches { kb, record in
            try Run.git(["checkout", "-q", "other"], in: kb)
            // Replaying Marie's commits onto Ann's: "ours" is main, "theirs" is Marie's commit.
            let rebase = try Run.git(command, in: kb, environment: ["GIT_COMMITTER_NAME": "Rebaser", "GIT_COMMITTER_EMAIL": "r@example.org"])
            #expect(rebase.status != 0, "the conflict stops the rebase: \(rebase.stdout)")
            let merged = try #require(Run.read(kb + "/" + record))
            #expect(merged.contains("website: https://www.sfax.gov.tn\n"), "\(merged)")
            let entry = Self.conflictEntry(merged)
            #expect(entry.contains("    theirs: https://sfax.tn\n"), "\(merged)")
            #expect(entry.contains("    theirs_by: Marie Dupont <marie@example.org>\n"), "\(merged)")
            #expect(try Run.git(["rebase", "--abort"], in: kb).status == 0)
        }
    }

    @Test func cherryPickingSeveralCommitsNamesTheirAuthor() throws {
        try Self.withDivergedBranches { kb, record in
            let pick = try Run.git(["cherry-pick", "other~1", "other"], in: kb, environment: ["GIT_COMMITTER_NAME": "P", "GIT_COMMITTER_EMAIL": "p@example.org"])
            #expect(pick.status != 0)
            let merged = try #require(Run.read(kb + "/" + record))
            #expect(Self.conflictEntry(merged).contains("    theirs_by: Marie Dupont <marie@example.org>\n"), "\(merged)")
        }
    }

    @Test func outsideAMergeTheAuthorIsOmitted() throws {
        try withScratchDirectory { scratch in
            let folder = scratch.path
            try Run.write("id: p\na: 1\n", to: folder + "/base")
            try Run.write("id: p\na: 2\n", to: folder + "/ours")
            try Run.write("id: p\na: 3\n", to: folder + "/theirs")
            let run = try Run.kaleido(["merge-driver", "base", "ours", "theirs", "p.yaml"], in: folder)
            #expect(run.status == 1)
            #expect(Run.read(folder + "/ours") == "id: p\na: 2\n_conflicts:\n  - path: a\n    base: 1\n    ours: 2\n    theirs: 3\n    at: '2026-11-27T10:42:00Z'\n")
        }
    }
}
