import Foundation
import Glibc
import Testing

/// A remote tree someone with push access crafted to write outside the knowledge base, into
/// `.git` (a hook runs at the victim's next `git commit`), or to make Kaleido read a file of the
/// victim's machine. Plain `git clone` refuses each of these; so must `kaleido sync`.
struct HostileTree: CustomStringConvertible, Sendable {
    let label: String
    /// The path `kaleido status` must name.
    let refusedPath: String
    /// Files or folders that must not exist afterwards, relative to the scratch folder.
    let sentinels: [String]
    /// Whether the victim has a local edit, so that the remote comes in by a merge, not a
    /// fast-forward.
    var merging = false
    var description: String { label + (merging ? ", merged with a local edit" : "") }
    /// Adds the hostile entries to the remote's tree.
    let craft: @Sendable (TreeCrafter, _ tree: String, _ hook: String, _ scratch: Scratch) throws -> String
}

private let secret = "TOP-SECRET-4242"

extension ProcessTests {
    static let hostileTrees: [HostileTree] = {
        let hookFolder = { (name: String) in
            HostileTree(label: "\(name)/hooks/post-commit", refusedPath: name, sentinels: name == ".git" ? [] : ["victim/\(name)"]) { crafter, tree, hook, _ in
                try crafter.graft(tree, in: [name, "hooks"], [RawEntry("100755", "post-commit", hook)])
            }
        }
        var cases = [".git", ".GIT", ".Git", ".git.", "git~1"].map(hookFolder) + [
            HostileTree(label: "a '/' inside a name", refusedPath: ".git/hooks/post-commit", sentinels: ["victim/.git/hooks/post-commit"]) { crafter, tree, hook, _ in
                try crafter.graft(tree, [RawEntry("100755", ".git/hooks/post-commit", hook)])
            },
            HostileTree(label: "a '..' folder", refusedPath: "..", sentinels: ["pwned-dotdot"]) { crafter, tree, hook, _ in
                try crafter.graft(tree, [RawEntry("40000", "..", try crafter.tree([RawEntry("100644", "pwned-dotdot", hook)]))])
            },
            HostileTree(label: "an absolute climb", refusedPath: "knowledge/" + climb, sentinels: ["pwned-abs"]) { crafter, tree, hook, scratch in
                try crafter.graft(tree, in: ["knowledge"], [RawEntry("100644", climb + scratch.root.dropFirst() + "/pwned-abs", hook)])
            },
            HostileTree(label: "a symlinked record", refusedPath: "knowledge/partners/leak.yaml", sentinels: []) { crafter, tree, _, scratch in
                try crafter.graft(tree, in: ["knowledge", "partners"], [RawEntry("120000", "leak.yaml", try crafter.blob(scratch.path("secret.txt")))])
            },
            HostileTree(label: "a symlinked folder", refusedPath: "knowledge/projects", sentinels: ["outside/planted.yaml"]) { crafter, tree, hook, scratch in
                try crafter.graft(tree, in: ["knowledge"], [RawEntry("120000", "projects", try crafter.blob(scratch.path("outside")))])
            },
            HostileTree(label: "a symlink and a folder with one name", refusedPath: "knowledge/partners", sentinels: ["outside/planted.yaml"]) { crafter, tree, hook, scratch in
                let planted = try crafter.graft(tree, in: ["knowledge", "partners"], [RawEntry("100644", "planted.yaml", hook)])
                return try crafter.graft(planted, in: ["knowledge"], [RawEntry("120000", "partners", try crafter.blob(scratch.path("outside")))], keepingDuplicates: true)
            },
            HostileTree(label: "a symlinked .gitmodules", refusedPath: ".gitmodules", sentinels: []) { crafter, tree, _, scratch in
                try crafter.graft(tree, [RawEntry("120000", ".gitmodules", try crafter.blob(scratch.path("secret.txt")))])
            },
            HostileTree(label: "a submodule", refusedPath: "knowledge/vendor", sentinels: ["victim/knowledge/vendor"]) { crafter, tree, hook, _ in
                try crafter.graft(tree, in: ["knowledge"], [RawEntry("160000", "vendor", try crafter.tip)])
            },
        ]
        for index in cases.indices where index % 2 == 1 { cases[index].merging = true }
        return cases
    }()

    private static let climb = String(repeating: "../", count: 12)

    /// Each hostile tree is refused whole: nothing written anywhere, nothing deleted, the secret
    /// never printed, `kaleido sync` exits 1 and `kaleido status` names the commit, the path and
    /// its author. Once the team pushes a commit that removes the path, the replica syncs again.
    @Test(arguments: hostileTrees)
    func aHostileRemoteCommitIsRefusedWholeUntilTheTeamRemovesThePath(_ hostile: HostileTree) async throws {
        try await withScratch { scratch in
            let record = "knowledge/partners/tn-mun-sfax.yaml"
            let remote = try scratch.makeRemote(files: [record: partner("tn-mun-sfax", name: "Sfax")])
            let victim = try scratch.clone(remote, as: "victim", person: "Victor")
            try scratch.write(secret + "\n", to: "secret.txt", in: scratch.root)
            try FileManager.default.createDirectory(atPath: scratch.path("outside"), withIntermediateDirectories: true)
            if hostile.merging { try scratch.write(partner("fr-lyon", name: "Lyon"), to: "knowledge/partners/fr-lyon.yaml", in: victim) }
            let before = try scratch.files(in: victim)

            // Mallory's commit carries an innocent edit too: nothing of it may be written.
            let crafter = TreeCrafter(scratch: scratch, remote: remote)
            let base = try crafter.tip
            let edited = try crafter.graft(try crafter.tree(of: base), in: ["knowledge", "partners"],
                                           [RawEntry("100644", "tn-mun-sfax.yaml", try crafter.blob(partner("tn-mun-sfax", name: "Sfax la belle")))])
            let hook = try crafter.blob("#!/bin/sh\ntouch \(scratch.path("pwned-hook"))\n")
            let hostileTree = try hostile.craft(crafter, edited, hook, scratch)
            let bad = try crafter.push(tree: hostileTree, parent: base, author: "Mallory", message: "harmless update")
            // A later innocent commit on top: the refusal must still name Mallory's.
            let later = try crafter.push(tree: hostileTree, parent: bad, author: "Seed", message: "later")

            let refused = try scratch.kaleido("sync", in: victim)
            #expect(refused.status == 1, "\(refused.errors)\(refused.output)")
            #expect(!refused.output.contains("up to date") && refused.output.contains("not synced: remote commit"), "\(refused.output)")
            #expect(refused.errors.contains(String(bad.prefix(10))) && refused.errors.contains("Mallory"), "\(refused.errors)")
            let text = try scratch.kaleido("status", in: victim).output
            #expect(text.contains(bad) && text.contains("Mallory <mallory@example.org>") && text.contains("'\(hostile.refusedPath)"), "\(text)")
            let json = try scratch.kaleido("status", "--format", "json", in: victim).output
            #expect(json.contains("\"refused_commit\"") && json.contains(bad), "\(json)")
            let validate = try scratch.kaleido("validate", in: victim)
            for output in [refused.output, refused.errors, text, json, validate.output, validate.errors] {
                #expect(!output.contains(secret))
            }
            #expect(try scratch.files(in: victim) == before, "nothing written, nothing deleted")
            let brought = try scratch.run("/usr/bin/git", ["merge-base", "--is-ancestor", bad, "HEAD"], in: victim, allowFailure: true)
            #expect(brought.status == 1, "the refused commit is not in the branch")
            #expect(try scratch.gitOutput("rev-parse", hostile.merging ? "HEAD^" : "HEAD", in: victim) == base)
            for sentinel in hostile.sentinels + ["pwned-hook", "victim/.git/hooks/post-commit", "outside/planted.yaml"] {
                #expect(!FileManager.default.fileExists(atPath: scratch.path(sentinel)), "\(sentinel)")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("outside")).isEmpty)
            try scratch.git("commit", "--quiet", "--allow-empty", "-m", "a hook would run now", in: victim)
            #expect(!FileManager.default.fileExists(atPath: scratch.path("pwned-hook")))

            // The team removes the path; the innocent edit stays.
            let fixed = try crafter.push(tree: edited, parent: later, author: "Seed", message: "remove \(hostile)")
            let synced = try scratch.kaleido("sync", in: victim)
            #expect(synced.status == 0, "\(synced.errors)\(synced.output)")
            #expect(scratch.read(record, in: victim)?.contains("Sfax la belle") == true)
            #expect(try scratch.gitOutput("rev-parse", "HEAD^2", in: victim) == fixed)
            #expect(try scratch.gitOutput("rev-parse", "main", in: remote) == scratch.gitOutput("rev-parse", "HEAD", in: victim))
            let after = try scratch.kaleido("status", "--format", "json", in: victim).output
            #expect(!after.contains("refused_commit"), "\(after)")
            for sentinel in hostile.sentinels { #expect(!FileManager.default.fileExists(atPath: scratch.path(sentinel)), "\(sentinel)") }
        }
    }

    /// The daemon refuses the same way, says so once (not at every fetch), keeps running, and
    /// brings the remote in as soon as the team's fix lands.
    @Test func aDaemonRefusesAHostileCommitOnceAndResumesAfterTheFix() async throws {
        try await withScratch { scratch in
            let record = "knowledge/partners/tn-mun-sfax.yaml"
            let remote = try scratch.makeRemote(files: [record: partner("tn-mun-sfax", name: "Sfax")])
            let victim = try scratch.clone(remote, as: "victim", person: "Victor")
            let daemon = try DaemonProcess(kb: victim, scratch: scratch)
            #expect(eventually(timeout: 10) { daemon.log.contains("watching") })
            let crafter = TreeCrafter(scratch: scratch, remote: remote)
            let base = try crafter.tip
            let edited = try crafter.graft(try crafter.tree(of: base), in: ["knowledge", "partners"],
                                           [RawEntry("100644", "tn-mun-sfax.yaml", try crafter.blob(partner("tn-mun-sfax", name: "Sfax la belle")))])
            let hook = try crafter.blob("#!/bin/sh\ntouch \(scratch.path("pwned-hook"))\n")
            let bad = try crafter.push(tree: try crafter.graft(edited, in: [".git", "hooks"], [RawEntry("100755", "post-commit", hook)]),
                                       parent: base, author: "Mallory", message: "harmless update")
            #expect(eventually(timeout: 15) { daemon.log.contains("remote commit refused") })
            usleep(2_500_000)  // a few more fetches (fetch_interval: 1)
            #expect(daemon.log.components(separatedBy: "remote commit refused").count == 2, "logged once: \(daemon.log)")
            let status = try scratch.kaleido("status", in: victim).output
            #expect(status.contains(bad) && status.contains("Mallory"), "\(status)")
            #expect(!FileManager.default.fileExists(atPath: victim + "/.git/hooks/post-commit"))

            let fixed = try crafter.push(tree: edited, parent: bad, author: "Seed", message: "remove the hook")
            let synced = eventually(timeout: 15) { (try? scratch.gitOutput("rev-parse", "HEAD", in: victim)) == fixed }
            #expect(daemon.stop() == 0)
            #expect(synced, "\(daemon.log)")
            #expect(scratch.read(record, in: victim)?.contains("Sfax la belle") == true)
            #expect(!FileManager.default.fileExists(atPath: victim + "/.git/hooks/post-commit"))
            #expect(!(try scratch.kaleido("status", "--format", "json", in: victim).output.contains("refused_commit")))
        }
    }

    /// A tree libgit2 cannot even parse (an entry with an empty name) makes the fetch fail: that
    /// is an error saying so (exit 1), not "offline" (exit 3), and once the team removes the
    /// commit from the branch the replica syncs again.
    @Test func anUnparsableRemoteTreeIsAnErrorNotAnOutage() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: ["knowledge/partners/tn-mun-sfax.yaml": partner("tn-mun-sfax", name: "Sfax")])
            let victim = try scratch.clone(remote, as: "victim", person: "Victor")
            let crafter = TreeCrafter(scratch: scratch, remote: remote)
            let base = try crafter.tip
            let tree = try crafter.graft(try crafter.tree(of: base), in: ["knowledge"], [RawEntry("100644", "", try crafter.blob("x\n"))])
            let bad = try crafter.push(tree: tree, parent: base, author: "Mallory", message: "empty name")
            let refused = try scratch.kaleido("sync", in: victim)
            #expect(refused.status == 1, "\(refused.errors)\(refused.output)")
            #expect(refused.errors.contains("the remote holds objects git cannot read"), "\(refused.errors)")
            #expect(!refused.output.contains("offline"), "\(refused.output)")
            #expect(try scratch.files(in: victim).keys.sorted() == [".kaleido/config.yaml", "knowledge/partners/tn-mun-sfax.yaml"])

            try scratch.git("update-ref", "refs/heads/main", base, bad, in: remote)
            try scratch.git("reflog", "expire", "--expire=now", "--all", in: remote)
            try scratch.git("gc", "--quiet", "--prune=now", in: remote)
            let synced = try scratch.kaleido("sync", in: victim)
            #expect(synced.status == 0, "\(synced.errors)\(synced.output)")
        }
    }
}
