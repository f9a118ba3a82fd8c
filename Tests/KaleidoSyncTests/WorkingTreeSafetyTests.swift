import Foundation
import Glibc
import Testing

extension ProcessTests {
    /// A file replacing a folder, and a folder replacing a file, are applied as git applies them
    /// (the old one removed first), on the fast-forward and on the merge path: the replica is
    /// never wedged on a rename over a folder.
    @Test(arguments: [false, true])
    func aFileReplacingAFolderAndTheReverseAreApplied(localEdit: Bool) async throws {
        try await withScratch { scratch in
            let record = "knowledge/partners/tn-mun-sfax.yaml"
            let remote = try scratch.makeRemote(files: [record: partner("tn-mun-sfax", name: "Sfax"), "notes/a.md": "a\n", "notes/b.md": "b\n", "plan": "plan\n", "assets/logo.svg": "<svg/>\n"])
            let victim = try scratch.clone(remote, as: "victim", person: "Victor")
            let team = try scratch.clone(remote, as: "team", person: "Tess")
            try scratch.git("rm", "--quiet", "-r", "notes", "plan", "assets", in: team)
            try scratch.write("notes are a file now\n", to: "notes", in: team)
            try scratch.write("the plan, in parts\n", to: "plan/part-1.md", in: team)
            try FileManager.default.createSymbolicLink(atPath: team + "/assets", withDestinationPath: "plan")  // a folder becomes a symlink
            try scratch.git("add", "--all", in: team)
            try scratch.git("commit", "--quiet", "-m", "notes become a file, plan a folder", in: team)
            try scratch.git("push", "--quiet", "origin", "main", in: team)
            if localEdit { try scratch.write(partner("fr-lyon", name: "Lyon"), to: "knowledge/partners/fr-lyon.yaml", in: victim) }

            let synced = try scratch.kaleido("sync", in: victim)
            #expect(synced.status == 0, "\(synced.errors)\(synced.output)")
            #expect(scratch.read("notes", in: victim) == "notes are a file now\n")
            #expect(scratch.read("plan/part-1.md", in: victim) == "the plan, in parts\n")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: victim + "/assets") == "plan")
            #expect(try scratch.gitOutput("rev-parse", "main", in: remote) == scratch.gitOutput("rev-parse", "HEAD", in: victim))
            #expect(try scratch.gitOutput("status", "--porcelain", in: victim) == "")
            let again = try scratch.kaleido("sync", in: victim)
            #expect(again.status == 0 && again.output == "up to date\n", "\(again.errors)\(again.output)")
        }
    }

    /// A file replacing a folder that holds a file git does not track: refused with an error
    /// saying so, as git refuses it; the untracked file is kept; once it is moved, the sync ends.
    @Test func aFileReplacingAFolderWithAnUntrackedFileIsAClearError() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: ["knowledge/partners/tn-mun-sfax.yaml": partner("tn-mun-sfax", name: "Sfax"), "notes/a.md": "a\n"])
            let victim = try scratch.clone(remote, as: "victim", person: "Victor")
            try scratch.write("mine, ignored\n", to: "notes/draft.tmp", in: victim)
            try scratch.write("*.tmp\n", to: ".git/info/exclude", in: victim)
            let team = try scratch.clone(remote, as: "team", person: "Tess")
            try scratch.git("rm", "--quiet", "-r", "notes", in: team)
            try scratch.write("notes are a file now\n", to: "notes", in: team)
            try scratch.git("add", "--all", in: team)
            try scratch.git("commit", "--quiet", "-m", "notes become a file", in: team)
            try scratch.git("push", "--quiet", "origin", "main", in: team)

            let refused = try scratch.kaleido("sync", in: victim)
            #expect(refused.status == 1, "\(refused.errors)\(refused.output)")
            #expect(refused.errors.contains("could not write notes: a folder is there (holding files git does not track)"), "\(refused.errors)")
            #expect(scratch.read("notes/draft.tmp", in: victim) == "mine, ignored\n")
            try FileManager.default.moveItem(atPath: victim + "/notes/draft.tmp", toPath: scratch.path("draft.tmp"))
            let synced = try scratch.kaleido("sync", in: victim)
            #expect(synced.status == 0, "\(synced.errors)\(synced.output)")
            #expect(scratch.read("notes", in: victim) == "notes are a file now\n")
            #expect(try scratch.gitOutput("rev-parse", "main", in: remote) == scratch.gitOutput("rev-parse", "HEAD", in: victim))
        }
    }

    /// A symlink in the middle of a path (made on this machine, ignored by git) is never
    /// followed: the write is refused with an error naming it, nothing lands where it points,
    /// and once the link is gone the next sync writes the file.
    @Test func aWriteThroughASymlinkedFolderIsRefused() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: ["knowledge/partners/tn-mun-sfax.yaml": partner("tn-mun-sfax", name: "Sfax")])
            let victim = try scratch.clone(remote, as: "victim", person: "Victor")
            let outside = scratch.path("outside")
            try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: victim + "/docs", withDestinationPath: outside)
            try scratch.write("docs\n", to: ".git/info/exclude", in: victim)
            let team = try scratch.clone(remote, as: "team", person: "Tess")
            try scratch.write("guide\n", to: "docs/guide.md", in: team)
            try scratch.git("add", "--all", in: team)
            try scratch.git("commit", "--quiet", "-m", "a guide", in: team)
            try scratch.git("push", "--quiet", "origin", "main", in: team)

            let refused = try scratch.kaleido("sync", in: victim)
            #expect(refused.status == 1, "\(refused.errors)\(refused.output)")
            #expect(refused.errors.contains("docs is a symlink, and Kaleido never writes through a symlink"), "\(refused.errors)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)

            try FileManager.default.removeItem(atPath: victim + "/docs")
            let synced = try scratch.kaleido("sync", in: victim)
            #expect(synced.status == 0, "\(synced.errors)\(synced.output)")
            #expect(scratch.read("docs/guide.md", in: victim) == "guide\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
        }
    }

    /// A record that is a symlink (to a file outside the KB holding a secret) is never read: not
    /// by `kaleido validate`, which names it, nor by the queries, nor by the sync, which does not
    /// commit it (other replicas would refuse the commit).
    @Test func aSymlinkedRecordIsNeverReadNorCommitted() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: ["knowledge/partners/tn-mun-sfax.yaml": partner("tn-mun-sfax", name: "Sfax")])
            let victim = try scratch.clone(remote, as: "victim", person: "Victor")
            let secret = "TOP-SECRET-777"
            try scratch.write("id: leak\nname: \(secret)\n", to: "secret.yaml", in: scratch.root)
            try FileManager.default.createSymbolicLink(atPath: victim + "/knowledge/partners/leak.yaml", withDestinationPath: scratch.path("secret.yaml"))
            let outside = scratch.path("outside-partners")
            try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
            try scratch.write("id: hidden\nname: \(secret)\n", to: "hidden.yaml", in: outside)
            try FileManager.default.createSymbolicLink(atPath: victim + "/knowledge/projects", withDestinationPath: outside)

            let validate = try scratch.kaleido("validate", in: victim)
            #expect(validate.status != 0)
            #expect((validate.output + validate.errors).contains("knowledge/partners/leak.yaml: error: a record must be a regular file, not a symlink"),
                    "\(validate.output)\(validate.errors)")
            let sync = try scratch.kaleido("sync", in: victim)
            let outputs = [validate, sync,
                           try scratch.kaleido("list", "partners", in: victim),
                           try scratch.kaleido("find", "leak", in: victim),
                           try scratch.kaleido("show", "leak", in: victim),
                           try scratch.kaleido("show", "hidden", in: victim),
                           try scratch.kaleido("status", "--format", "json", in: victim)]
            for output in outputs { #expect(!(output.output + output.errors).contains(secret), "\(output.output)\(output.errors)") }
            #expect(sync.output.contains("knowledge/partners/leak.yaml"), "\(sync.output)")
            let tree = try scratch.gitOutput("ls-tree", "-r", "--name-only", "main", in: remote)
            #expect(!tree.contains("leak.yaml") && !tree.contains("projects"), "\(tree)")
        }
    }

    /// Outside what Kaleido reads, a symlink stays what git makes of it: written as a link,
    /// committed as a link, never followed.
    @Test func aSymlinkOutsideTheRecordsIsSyncedAsASymlink() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: ["knowledge/partners/tn-mun-sfax.yaml": partner("tn-mun-sfax", name: "Sfax")])
            let victim = try scratch.clone(remote, as: "victim", person: "Victor")
            let team = try scratch.clone(remote, as: "team", person: "Tess")
            try scratch.write("guide\n", to: "docs/guide.md", in: team)
            try FileManager.default.createSymbolicLink(atPath: team + "/docs/latest.md", withDestinationPath: "guide.md")
            try scratch.git("add", "--all", in: team)
            try scratch.git("commit", "--quiet", "-m", "a guide and a link", in: team)
            try scratch.git("push", "--quiet", "origin", "main", in: team)

            try FileManager.default.createSymbolicLink(atPath: victim + "/notes", withDestinationPath: "docs")
            let synced = try scratch.kaleido("sync", in: victim)
            #expect(synced.status == 0, "\(synced.errors)\(synced.output)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: victim + "/docs/latest.md") == "guide.md")
            let tree = try scratch.gitOutput("ls-tree", "-r", "main", in: remote)
            #expect(tree.contains("120000 blob") && tree.contains("\tnotes"), "\(tree)")
            #expect(try scratch.gitOutput("status", "--porcelain", in: victim) == "")
        }
    }
}
