import Foundation
import Testing
import KaleidoYAML

/// Comments through real git commands with the merge driver registered: `git merge`,
/// `git rebase` (where the driver's "theirs" is the user's own commit), `git cherry-pick` and
/// `git stash pop` all keep the comments both sides wrote, and a flow-mapping record keeps its
/// form through a conflict and its settling.
@Suite(.serialized) struct GitCommentTests {
    static let file = "knowledge/partners/p.yaml"
    static let base = "id: p\nname: A\nphone: \"1\"\ncity: X\n"
    /// Ours: a comment line on top, and a field changed.
    static let ours = "# partner p\nid: p\nname: B\nphone: \"1\"\ncity: X\n"
    /// Theirs: a comment line, two trailing comments, another field changed.
    static let theirs = "id: p\nname: A\n# the office number, checked 2026-11\nphone: \"1\"  # office\ncity: Y  # since 2020\n"
    /// Whichever side git calls ours, the text is the same.
    static let merged = "# partner p\nid: p\nname: B\n# the office number, checked 2026-11\nphone: \"1\"  # office\ncity: Y  # since 2020\n"

    /// A repository with the driver registered, a base commit on `main`, `ours` and `theirs`
    /// branches on top of it; returns the kaleido path.
    static func repository(_ repo: String, base: String, ours: String, theirs: String) throws -> String {
        let kaleido = try #require(Shell.kaleido, "the kaleido executable is not next to the test bundle; run `swift build` first")
        try Shell.git(["init", "-q", "-b", "main"], in: repo)
        try Shell.git(["config", "user.name", "Test"], in: repo)
        try Shell.git(["config", "user.email", "test@example.org"], in: repo)
        try Shell.git(["config", "commit.gpgsign", "false"], in: repo)
        try Shell.write("name: scratch\n", to: repo + "/.kaleido/config.yaml")
        try Shell.write(GitMergeComparisonTests.schema, to: repo + "/schemas/partner.yaml")
        let install = try Shell.run(kaleido, ["install-merge-driver"], in: repo)
        #expect(install.status == 0, "\(install.stderr)")
        try Shell.write(base, to: repo + "/" + file)
        try Shell.git(["add", "-A"], in: repo)
        try Shell.git(["commit", "-qm", "base"], in: repo)
        for (branch, text) in [("theirs", theirs), ("ours", ours)] {
            try Shell.git(["checkout", "-q", "-b", branch, "main"], in: repo)
            try Shell.write(text, to: repo + "/" + file)
            try Shell.git(["commit", "-qam", branch], in: repo)
        }
        return kaleido
    }

    static func expectSuccess(_ output: Shell.Output, _ what: String) {
        #expect(output.status == 0, "\(what): exit \(output.status)\n\(output.stdout)\(output.stderr)")
    }

    @Test func commentsOfBothSidesSurviveGitMerge() throws {
        try Shell.scratch { repo in
            _ = try Self.repository(repo, base: Self.base, ours: Self.ours, theirs: Self.theirs)
            Self.expectSuccess(try Shell.git(["merge", "-q", "--no-edit", "theirs"], in: repo), "git merge")
            #expect(Shell.read(repo + "/" + Self.file) == Self.merged)
        }
    }

    @Test func commentsOfBothSidesSurviveGitRebase() throws {
        try Shell.scratch { repo in
            _ = try Self.repository(repo, base: Self.base, ours: Self.ours, theirs: Self.theirs)
            // Rebasing ours onto theirs: git hands the driver our own commit as "theirs".
            Self.expectSuccess(try Shell.git(["rebase", "-q", "theirs"], in: repo), "git rebase")
            #expect(Shell.read(repo + "/" + Self.file) == Self.merged)
            let log = try Shell.git(["log", "--format=%s", "-2"], in: repo)
            #expect(log.stdout == "ours\ntheirs\n")
        }
    }

    @Test func commentsOfBothSidesSurviveGitRebaseWithTheApplyBackend() throws {
        try Shell.scratch { repo in
            _ = try Self.repository(repo, base: Self.base, ours: Self.ours, theirs: Self.theirs)
            Self.expectSuccess(try Shell.git(["rebase", "-q", "--apply", "theirs"], in: repo), "git rebase --apply")
            #expect(Shell.read(repo + "/" + Self.file) == Self.merged)
        }
    }

    @Test func commentsOfBothSidesSurviveGitCherryPick() throws {
        try Shell.scratch { repo in
            _ = try Self.repository(repo, base: Self.base, ours: Self.ours, theirs: Self.theirs)
            Self.expectSuccess(try Shell.git(["cherry-pick", "theirs"], in: repo), "git cherry-pick")
            #expect(Shell.read(repo + "/" + Self.file) == Self.merged)
        }
    }

    @Test func commentsOfBothSidesSurviveGitStashPop() throws {
        try Shell.scratch { repo in
            _ = try Self.repository(repo, base: Self.base, ours: Self.ours, theirs: Self.theirs)
            // Theirs' edit is left uncommitted on the base, stashed, and popped onto ours.
            try Shell.git(["checkout", "-q", "main"], in: repo)
            try Shell.write(Self.theirs, to: repo + "/" + Self.file)
            Self.expectSuccess(try Shell.git(["stash", "-q"], in: repo), "git stash")
            try Shell.git(["checkout", "-q", "ours"], in: repo)
            Self.expectSuccess(try Shell.git(["stash", "pop", "-q"], in: repo), "git stash pop")
            #expect(Shell.read(repo + "/" + Self.file) == Self.merged)
            #expect(try Shell.git(["stash", "list"], in: repo).stdout.isEmpty)
        }
    }

    @Test func flowMappingRecordKeepsItsFormThroughAConflictAndItsSettling() throws {
        try Shell.scratch { repo in
            let kaleido = try Self.repository(repo, base: "{id: p, name: A, phone: \"1\"}  # flow\n",
                                              ours: "{id: p, name: B, phone: \"1\"}  # flow\n",
                                              theirs: "{id: p, name: C, phone: \"1\"}  # flow\n")
            let merge = try Shell.git(["merge", "-q", "--no-edit", "theirs"], in: repo)
            #expect(merge.status == 1, "the conflict is recorded: \(merge.stdout)\(merge.stderr)")
            let text = Shell.read(repo + "/" + Self.file) ?? ""
            #expect(text == "{id: p, name: B, phone: \"1\", _conflicts: [{path: name, base: A, ours: B, theirs: C, "
                + "theirs_by: Test <test@example.org>, at: '2026-11-27T10:42:00Z'}]}  # flow\n")
            #expect(!text.contains("<<<<<<<"))
            let resolved = try Shell.run(kaleido, ["resolve", "p", "name", "--theirs"], in: repo)
            #expect(resolved.status == 0, "\(resolved.stdout)\(resolved.stderr)")
            #expect(Shell.read(repo + "/" + Self.file) == "{id: p, name: C, phone: \"1\"}  # flow\n")
        }
    }
}
