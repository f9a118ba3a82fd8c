import Foundation
import Testing
import KaleidoTestSupport

/// `kaleido clone`'s refusals, each with its exit code and nothing left behind, and
/// `kaleido init` refusing to make a second KB inside a clone of one.
@Suite struct CloneCommandTests {
    /// With `--lang fr`: a clone runs outside any KB, where the locale (C in tests) would choose English.
    static let identity = ["--name", "Bruno Ferrand", "--email", "bruno@kaleidoscop.example", "--lang", "fr"]

    /// A bare remote on `master` whose only branch is `main`, pushed with plain git (which
    /// leaves HEAD alone): the remote, a `git clone` of which checks out nothing.
    static func remoteWithUnbornHead(_ scratch: String, files: [String: String] = [:]) throws -> String {
        let remote = scratch + "/equipe.git", seed = scratch + "/seed"
        try NewTeamTests.makeBareRemote(remote, in: scratch)
        #expect(try Run.kaleido(["init", seed], in: scratch).status == 0)
        for (path, text) in files { try Run.write(text, to: seed + "/" + path) }
        for arguments in [["add", "-A"], ["-c", "user.name=Seed", "-c", "user.email=seed@example.org", "commit", "--quiet", "-m", "seed"],
                          ["push", "--quiet", remote, "main"]] {
            let run = try Run.git(arguments, in: seed)
            try #require(run.status == 0, "\(arguments): \(run.stderr)")
        }
        #expect(try Run.git(["symbolic-ref", "HEAD"], in: remote).stdout == "refs/heads/master\n")
        return remote
    }

    /// A bare remote holding one commit with `files` (no KB unless they make one).
    static func remote(_ scratch: String, files: [String: String], symlinks: [String: String] = [:]) throws -> String {
        let remote = scratch + "/other.git", work = scratch + "/work"
        #expect(try Run.git(["init", "--quiet", "--bare", "--initial-branch=main", remote], in: scratch).status == 0)
        #expect(try Run.git(["init", "--quiet", "--initial-branch=main", work], in: scratch).status == 0)
        for (path, text) in files { try Run.write(text, to: work + "/" + path) }
        for (path, target) in symlinks {
            try FileManager.default.createDirectory(atPath: work + "/" + (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: work + "/" + path, withDestinationPath: target)
        }
        for arguments in [["add", "-A"], ["-c", "user.name=X", "-c", "user.email=x@example.org", "commit", "--quiet", "-m", "x"],
                          ["push", "--quiet", remote, "main"]] {
            let run = try Run.git(arguments, in: work)
            try #require(run.status == 0, "\(arguments): \(run.stderr)")
        }
        return remote
    }

    /// The failure: `git clone` of a remote whose HEAD is `master` gives an empty
    /// folder, and `kaleido init` there made a new, unrelated KB. It now refuses, exit 2.
    @Test func initRefusesInsideAClone() throws {
        try withScratchDirectory { scratchURL in
            let scratch = scratchURL.path
            let remote = try Self.remoteWithUnbornHead(scratch)
            let clone = try Run.git(["clone", "--quiet", remote, scratch + "/clone"], in: scratch)
            #expect(clone.status == 0, "\(clone.stderr)")
            #expect(Run.files(under: scratch + "/clone").filter { !$0.hasPrefix(".git") }.isEmpty, "the checkout is empty")
            let before = Run.files(under: scratch + "/clone")
            let initRun = try Run.kaleido(["init"], in: scratch + "/clone")
            #expect(initRun.status == 2, "\(initRun.stdout)\(initRun.stderr)")
            #expect(initRun.stderr.contains("is in a clone of an existing knowledge base ('origin/main' holds .kaleido/config.yaml)"), "\(initRun.stderr)")
            #expect(initRun.stderr.contains("kaleido clone URL"), "\(initRun.stderr)")
            #expect(Run.files(under: scratch + "/clone") == before, "init wrote nothing")
            // `kaleido clone` of the same remote checks out its only branch.
            let cloned = try Run.kaleido(["clone", remote, scratch + "/joined"] + Self.identity, in: scratch)
            #expect(cloned.status == 0, "\(cloned.stderr)")
            #expect(cloned.stdout.contains("(branche main,"), "\(cloned.stdout)")
            #expect(FileManager.default.fileExists(atPath: scratch + "/joined/.kaleido/config.yaml"))
        }
    }

    /// A remote whose HEAD names a branch without the KB (a `docs` branch, say): the branch
    /// whose config names itself is checked out, not an error.
    @Test func aRemoteHeadWithoutTheKBFallsBackToTheKBsBranch() throws {
        try withScratchDirectory { scratchURL in
            let scratch = scratchURL.path
            let remote = try Self.remoteWithUnbornHead(scratch)
            let docs = scratch + "/docs"
            #expect(try Run.git(["init", "--quiet", "--initial-branch=docs", docs], in: scratch).status == 0)
            try Run.write("documentation\n", to: docs + "/README.md")
            for arguments in [["add", "-A"], ["-c", "user.name=X", "-c", "user.email=x@example.org", "commit", "--quiet", "-m", "docs"],
                              ["push", "--quiet", remote, "docs"]] {
                #expect(try Run.git(arguments, in: docs).status == 0)
            }
            #expect(try Run.git(["symbolic-ref", "HEAD", "refs/heads/docs"], in: remote).status == 0)
            let cloned = try Run.kaleido(["clone", remote, "copie"] + Self.identity, in: scratch)
            #expect(cloned.status == 0, "\(cloned.stderr)")
            #expect(cloned.stdout.contains("(branche main,"), "\(cloned.stdout)")
            let asked = try Run.kaleido(["clone", remote, "copie2", "--branch", "docs"] + Self.identity, in: scratch)
            #expect(asked.status == 1 && asked.stderr.contains("n'est pas une base Kaleido"), "\(asked.stderr)")
            #expect(!FileManager.default.fileExists(atPath: scratch + "/copie2"))
        }
    }

    /// `kaleido init --remote` of a folder remote that holds a KB already: refused before
    /// anything is made, pointing to `kaleido clone`.
    @Test func initRefusesARemoteThatHoldsAKB() throws {
        try withScratchDirectory { scratchURL in
            let scratch = scratchURL.path
            let remote = try Self.remoteWithUnbornHead(scratch)
            let run = try Run.kaleido(["init", "mine", "--remote", remote], in: scratch)
            #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("its branch 'main' already holds a knowledge base; join it with `kaleido clone \(remote)`"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: scratch + "/mine"))
            let missing = try Run.kaleido(["init", "mine", "--remote", "nowhere.git"], in: scratch)
            #expect(missing.status == 2 && missing.stderr.contains("is not a git repository; create it with `git init --bare"), "\(missing.stderr)")
            #expect(!FileManager.default.fileExists(atPath: scratch + "/mine"))
        }
    }

    /// A plain git repository with a remote that holds no KB is no reason to refuse.
    @Test func initStillWorksInAGitCloneOfSomethingElse() throws {
        try withScratchDirectory { scratchURL in
            let scratch = scratchURL.path
            let remote = try Self.remote(scratch, files: ["notes.txt": "notes\n"])
            #expect(try Run.git(["clone", "--quiet", remote, scratch + "/notes"], in: scratch).status == 0)
            let initRun = try Run.kaleido(["init"], in: scratch + "/notes")
            #expect(initRun.status == 0, "\(initRun.stderr)")
            #expect(FileManager.default.fileExists(atPath: scratch + "/notes/.kaleido/config.yaml"))
        }
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var name: String
        var status: Int32
        var message: String
        var testDescription: String { name }
    }

    /// Each refusal: its exit code, its message, and no folder left.
    @Test(arguments: [
        Refusal(name: "unknown protocol", status: 2, message: "l'adresse « htps://example.org/kb.git » n'est pas valable : protocole « htps » inconnu"),
        Refusal(name: "missing folder", status: 2, message: "aucun dossier"),
        Refusal(name: "unreachable", status: 3, message: "impossible de joindre http://127.0.0.1:9/kb.git"),
        Refusal(name: "empty remote", status: 1, message: "est vide (aucune branche)"),
        Refusal(name: "not a KB", status: 1, message: "n'est pas une base Kaleido : aucune branche (main) ne contient .kaleido/config.yaml"),
        Refusal(name: "unsafe tree", status: 1, message: "le dépôt est refusé, rien n'a été écrit"),
        Refusal(name: "no identity", status: 2, message: "passez --name \"Prénom Nom\" --email"),
    ])
    func cloneRefuses(_ refusal: Refusal) throws {
        try withScratchDirectory { scratchURL in
            let scratch = scratchURL.path
            var url: String
            var identity = Self.identity
            switch refusal.name {
            case "unknown protocol": url = "htps://example.org/kb.git"
            case "missing folder": url = scratch + "/nowhere.git"
            case "unreachable": url = "http://127.0.0.1:9/kb.git"
            case "empty remote":
                url = scratch + "/empty.git"
                #expect(try Run.git(["init", "--quiet", "--bare", url], in: scratch).status == 0)
            case "not a KB": url = try Self.remote(scratch, files: ["README.md": "hello\n"])
            case "unsafe tree":
                // A KB whose record is a symlink out of it: refused before anything is written.
                url = try Self.remote(scratch, files: [".kaleido/config.yaml": "name: x\nbranch: main\n"],
                                      symlinks: ["knowledge/partners/tn-mun-x.yaml": "/etc/passwd"])
            default:
                url = try Self.remoteWithUnbornHead(scratch)
                identity = ["--lang", "fr"]
            }
            // Into a folder whose parent does not exist either: neither is left.
            let run = try Run.kaleido(["clone", url, "copie/base"] + identity, in: scratch)
            #expect(run.status == refusal.status, "\(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("kaleido: erreur : "), "\(run.stderr)")
            #expect(run.stderr.contains(refusal.message), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: scratch + "/copie"), "nothing left behind")
        }
    }

    /// An existing folder: refused when it holds anything (untouched), used when empty, and
    /// emptied again (not removed) when the clone fails.
    @Test func existingFolders() throws {
        try withScratchDirectory { scratchURL in
            let scratch = scratchURL.path
            let remote = try Self.remoteWithUnbornHead(scratch)
            try Run.write("mes notes\n", to: scratch + "/plein/notes.txt")
            let full = try Run.kaleido(["clone", remote, "plein"] + Self.identity, in: scratch)
            #expect(full.status == 2, "\(full.stderr)")
            #expect(full.stderr.contains("le dossier \(scratch)/plein existe et n'est pas vide"), "\(full.stderr)")
            #expect(Run.files(under: scratch + "/plein") == ["notes.txt"])

            try FileManager.default.createDirectory(atPath: scratch + "/vide", withIntermediateDirectories: true)
            let empty = scratch + "/empty.git"
            #expect(try Run.git(["init", "--quiet", "--bare", empty], in: scratch).status == 0)
            let failed = try Run.kaleido(["clone", empty, "vide"] + Self.identity, in: scratch)
            #expect(failed.status == 1, "\(failed.stderr)")
            #expect(FileManager.default.fileExists(atPath: scratch + "/vide") && Run.files(under: scratch + "/vide").isEmpty)

            let cloned = try Run.kaleido(["clone", remote, "vide"] + Self.identity, in: scratch)
            #expect(cloned.status == 0, "\(cloned.stderr)")
            #expect(FileManager.default.fileExists(atPath: scratch + "/vide/.kaleido/config.yaml"))

            // Not inside another KB, where it would be synced as files.
            let nested = try Run.kaleido(["clone", remote, "vide/knowledge/copie"] + Self.identity, in: scratch)
            #expect(nested.status == 2, "\(nested.stderr)")
            #expect(nested.stderr.contains("le dossier serait dans la base \(scratch)/vide"), "\(nested.stderr)")
            #expect(!FileManager.default.fileExists(atPath: scratch + "/vide/knowledge/copie"))
        }
    }

    /// Without --name/--email, git's user identity (GIT_CONFIG_GLOBAL here) signs the clone's
    /// commits; the default folder is the URL's last component without `.git`.
    @Test func identityFromGitAndDefaultFolder() throws {
        try withScratchDirectory { scratchURL in
            let scratch = scratchURL.path
            let remote = try Self.remoteWithUnbornHead(scratch)
            try Run.write("[user]\n\tname = Chloé Durand\n\temail = chloe@kaleidoscop.example\n", to: scratch + "/gitconfig")
            let run = try Run.kaleido(["clone", remote, "--lang", "fr"], in: scratch, environment: ["GIT_CONFIG_GLOBAL": scratch + "/gitconfig"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("identité : Chloé Durand <chloe@kaleidoscop.example>"), "\(run.stdout)")
            #expect(try Run.git(["config", "--local", "user.name"], in: scratch + "/equipe").stdout == "Chloé Durand\n")
        }
    }
}
