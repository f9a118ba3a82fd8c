import Foundation
import KaleidoKB
import KaleidoTestSupport
import KaleidoYAML
import Testing

/// The rules the shared config's names and paths must follow before anything uses them.
@Suite struct ConfigSafetyTests {
    /// Branch names and whether git accepts them under refs/heads/ (`git check-ref-format`).
    static let branches: [(name: String, valid: Bool)] = [
        ("main", true), ("feature/x", true), ("a.b", true), ("v1.0-rc", true), ("x@y", true), ("café", true),
        ("a.lockb", true), ("a/b.c/d", true), ("a{b}", true), ("@x", true), ("x@", true), ("lock", true),
        ("", false), ("..", false), ("../x", false), ("../../../../outside/x", false), ("a..b", false),
        ("a/../b", false), (".hidden", false), ("a/.b", false), ("x.lock", false), ("a.lock/b", false),
        ("a/", false), ("/a", false), ("a//b", false), ("a.", false), ("a/b.", false),
        ("a@{b", false), ("a b", false), ("a\tb", false), ("a\nb", false), ("a\u{7F}b", false), ("a~b", false),
        ("a^b", false), ("a:b", false), ("a?b", false), ("a*b", false), ("a[b", false), ("a\\b", false),
        ("refs/heads/../x", false), (".", false), ("/", false),
    ]

    @Test func branchNamesFollowGitsRules() {
        for (name, valid) in Self.branches {
            let problem = GitRefName.branchProblem(name)
            #expect((problem == nil) == valid, "\(name.debugDescription): \(problem ?? "accepted")")
        }
        // Stricter than check-ref-format, as `git branch` is.
        #expect(GitRefName.branchProblem("-x") == "it starts with '-'")
        #expect(GitRefName.branchProblem("HEAD") != nil && GitRefName.branchProblem("@") != nil)
        #expect(GitRefName.problem(fullName: "@") == "it is '@'")
        #expect(GitRefName.branchProblem("../x") == "it contains '..'")
        #expect(GitRefName.branchProblem("x.lock") == "a part ends with '.lock'")
    }

    /// The table against git itself: a rule that drifted from git's would show here.
    @Test func branchRulesAgreeWithGitCheckRefFormat() throws {
        for (name, _) in Self.branches {
            let git = try ChildProcess.run("/usr/bin/git", ["check-ref-format", "refs/heads/" + name], input: .nullDevice)
            let ours = GitRefName.branchProblem(name)
            #expect((git.status == 0) == (ours == nil), "\(name.debugDescription): git \(git.status), ours \(ours ?? "accepted")")
        }
    }

    @Test func remoteNamesFollowGitsRules() throws {
        let cases: [(String, Bool)] = [
            ("origin", true), ("team", true), ("up-stream", true), ("a/b", true), ("", false), ("..", false),
            ("../x", false), (".x", false), ("a b", false), ("a:b", false), ("x.lock", false), ("a/", false), ("-x", false),
        ]
        for (name, valid) in cases {
            let problem = GitRefName.remoteProblem(name)
            #expect((problem == nil) == valid, "\(name.debugDescription): \(problem ?? "accepted")")
            guard !name.hasPrefix("-") else { continue }
            // git's valid_remote_name: refs/remotes/NAME/test must be a valid reference.
            let git = try ChildProcess.run("/usr/bin/git", ["check-ref-format", "refs/remotes/\(name)/test"], input: .nullDevice)
            #expect((git.status == 0) == valid, "\(name.debugDescription): git \(git.status)")
        }
    }

    @Test func configPathsStayInsideTheKB() {
        let cases: [(String, String?)] = [
            ("knowledge", nil), ("data/knowledge", nil), ("schemas/vocab.yaml", nil), ("a..b", nil), (".kaleido/x", nil),
            ("", "it is empty"), ("/etc", "it is an absolute path"), ("/", "it is an absolute path"),
            ("..", "it climbs out with '..'"), ("../..", "it climbs out with '..'"), ("../../..", "it climbs out with '..'"),
            ("a/../../b", "it climbs out with '..'"), ("a/..", "it climbs out with '..'"),
            (".git", "it points into git's folder"), (".GIT/objects", "it points into git's folder"),
            ("x/.Git", "it points into git's folder"), ("a//b", "it has an empty part ('//' or a trailing '/')"),
            ("a/", "it has an empty part ('//' or a trailing '/')"), ("./knowledge", "it has a '.' part"),
            ("a\nb", "it contains a control character"),
        ]
        for (path, expected) in cases {
            #expect(KBRelativePath.problem(path) == expected, "\(path.debugDescription)")
        }
    }

    /// Each refusal is at the value, with the key and the reason.
    @Test(arguments: [
        ("branch: 1️⃣../../../../outside/x\n", "branch must be a git branch name (it contains '..')"),
        ("name: kb\nbranch: 1️⃣\"main.lock\"\n", "branch must be a git branch name (a part ends with '.lock')"),
        ("remote: 1️⃣-upload-pack=x\n", "remote must be a git remote name (it starts with '-')"),
        ("knowledge: 1️⃣../../..\n", "knowledge must be a folder inside the knowledge base (it climbs out with '..')"),
        ("schemas: 1️⃣/etc\n", "schemas must be a folder inside the knowledge base (it is an absolute path)"),
        ("vocab: 1️⃣.git/config\n", "vocab must be a file inside the knowledge base (it points into git's folder)"),
        ("daemon:\n  rescan_interval: 1️⃣soon\n", "daemon.rescan_interval must be a number of seconds"),
        ("daemon:\n  quiet_period: 1️⃣.inf\n", "daemon.quiet_period must be a number of seconds"),
        ("daemon:\n  fetch_interval: 1️⃣1e400\n", "daemon.fetch_interval must be a number of seconds"),
        ("sync:\n  known_hosts: 1️⃣[]\n", "sync.known_hosts must be a path or a list of paths"),
    ])
    func unsafeValuesAreRefusedAtTheirPosition(config: String, message: String) throws {
        let marked = MarkedText(config)
        #expect(throws: KBOpenError.self) { try KnowledgeBase.config(from: Array(marked.text.utf8)) }
        do {
            _ = try KnowledgeBase.config(from: Array(marked.text.utf8))
        } catch {
            #expect(error.message == message)
            #expect(error.span?.start.line == marked.line && error.span?.start.column == marked.column)
            #expect(error.diagnostic.description == ".kaleido/config.yaml:\(marked.line):\(marked.column): error: \(message) [config]")
        }
    }

    @Test func theSharedKeysAreRead() throws {
        let config = try KnowledgeBase.config(from: Array("""
            branch: team/kb
            remote: upstream
            vocab: schemas/labels.yaml
            daemon: {rescan_interval: 60, max_backoff: 10}
            sync: {ssh_key: ~/.ssh/kb, known_hosts: [a, b]}

            """.utf8))
        #expect(config.branch == "team/kb" && config.remote == "upstream")
        #expect(config.vocabPath == "schemas/labels.yaml" && KBConfig().vocabPath == "schemas/vocab.yaml")
        #expect(config.rescanInterval == 60 && config.maxBackoff == 10)
        #expect(config.sshKey == "~/.ssh/kb" && config.knownHosts == ["a", "b"])
    }
}
