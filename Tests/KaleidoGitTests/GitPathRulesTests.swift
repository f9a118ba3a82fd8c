import Foundation
import KaleidoGit
import Testing

@Suite("git's path rules") struct GitPathRulesTests {
    /// Names git refuses in a tree (`verify_path`, `is_ntfs_dotgit`, `is_hfs_dotgit`), whatever
    /// the platform: each would write into `.git` or out of its folder somewhere.
    static let refusedNames: [(String, String)] = [
        ("", "empty"), (".", "dot"), ("..", "dot"),
        (".git", "git"), (".GIT", "git"), (".Git", "git"), (".gIt", "git"),
        (".git.", "git"), (".git ", "git"), (".git. . .", "git"), (".git::$INDEX_ALLOCATION", "git"), (".git\\hooks", "git"),
        ("git~1", "git"), ("GIT~1", "git"), ("git~1.", "git"),
        (".g\u{200C}it", "git"), ("\u{FEFF}.git", "git"), (".GI\u{200D}T", "git"), (".git\u{206A}", "git"),
        ("a/b", "slash"), ("/", "slash"), ("../../../tmp/x", "slash"), ("/etc/passwd", "slash"),
    ]

    @Test(arguments: refusedNames)
    func refusedTreeEntryNames(name: String, kind: String) throws {
        let reason = try #require(GitPathRules.check(name: Array(name.utf8)), "\(name.debugDescription) must be refused")
        switch (kind, reason) {
        case ("empty", .empty), ("dot", .dotComponent), ("git", .gitFolder), ("slash", .slashInName): break
        default: Issue.record("\(name.debugDescription): \(reason)")
        }
    }

    /// Names that look close but git accepts: refusing them would break real knowledge bases.
    @Test(arguments: [
        ".github", ".gitignore", ".gitattributes", ".gitmodules", ".mailmap", "git", "git~2", ".git2", "...", ".gi", "a.git",
        "tn-mun-sfax.yaml", "بلدية صفاقس.yaml", ".kaleido", "x..y", " .git", "git~1a",
    ])
    func acceptedTreeEntryNames(name: String) {
        #expect(GitPathRules.check(name: Array(name.utf8)) == nil)
    }

    @Test func nulAndInvalidUTF8AreRefused() {
        #expect(GitPathRules.check(name: Array("a\0b".utf8)) == .nul)
        #expect(GitPathRules.check(name: [0x61, 0xFF, 0x62]) == .notUTF8)
    }

    /// git refuses `.gitmodules` as a symlink at checkout (and fsck the other files git reads):
    /// a link would make git read any file of the machine as its configuration.
    @Test(arguments: [".gitmodules", ".GITMODULES", ".gitmodules.", "gitmod~1", ".gitattributes", ".gitignore", ".mailmap", ".gitmodu\u{200C}les"])
    func gitFilesAsSymlinksAreRefused(name: String) {
        #expect(GitPathRules.check(name: Array(name.utf8), isSymlink: true).map { if case .symlinkedGitFile = $0 { true } else { false } } == true)
        #expect(GitPathRules.check(name: Array(name.utf8), isSymlink: false) == nil)
    }

    /// Paths (from an index, a diff, the working tree) are checked component by component.
    @Test(arguments: [
        (".git/hooks/post-commit", false), ("knowledge/.GIT/config", false), ("a//b", false), ("/abs", false), ("a/", false),
        ("knowledge/../../etc/passwd", false), ("./a", false), ("a/./b", false), ("knowledge/git~1/hooks", false),
        ("knowledge/partners/tn-mun-sfax.yaml", true), (".kaleido/config.yaml", true), (".github/workflows/ci.yml", true),
        ("a/.gitmodules", true),
    ])
    func paths(path: String, safe: Bool) {
        #expect((GitPathRules.check(path: path) == nil) == safe, "\(path)")
    }

    @Test func aSymlinkRuleAppliesToTheLastComponentOnly() {
        #expect(GitPathRules.check(path: "docs/.gitmodules", isSymlink: true) == .symlinkedGitFile(".gitmodules"))
        #expect(GitPathRules.check(path: ".gitmodules/x", isSymlink: true) == nil)
    }
}
