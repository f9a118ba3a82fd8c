import Foundation
import Testing

extension ProcessTests {
    /// `kaleido init` beside the team's KB, then `git remote add` of the team's remote: the two
    /// histories share no commit. Sync refuses (exit 1, saying how to join the team's KB) and
    /// changes nothing on either side, instead of merging two KBs and overwriting the team's config.
    @Test func syncRefusesToMergeUnrelatedHistories() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: ["knowledge/partners/tn-mun-sfax.yaml": partner("tn-mun-sfax", name: "Sfax")])
            let teamTip = try scratch.gitOutput("rev-parse", "main", in: remote)
            let mine = scratch.path("mine")
            let created = try scratch.kaleido("init", mine, "--name", "Ma base", in: scratch.root)
            #expect(created.status == 0, "\(created.errors)")
            try scratch.identify(mine, name: "Chloé", email: "chloe@example.org")
            try scratch.write(partner("fr-ville-romans", name: "Romans"), to: "knowledge/partners/fr-ville-romans.yaml", in: mine)
            try scratch.git("remote", "add", "origin", remote, in: mine)
            let config = try #require(scratch.read(".kaleido/config.yaml", in: mine))

            let sync = try scratch.kaleido("sync", in: mine)
            #expect(sync.status == 1, "\(sync.output)\(sync.errors)")
            #expect(sync.errors.contains("shares no history"), "\(sync.errors)")
            #expect(sync.errors.contains("kaleido clone URL DIR"), "\(sync.errors)")
            // The team's remote is untouched; the local KB keeps its config and files.
            #expect(try scratch.gitOutput("rev-parse", "main", in: remote) == teamTip)
            #expect(scratch.read(".kaleido/config.yaml", in: mine) == config)
            #expect(FileManager.default.fileExists(atPath: mine + "/knowledge/partners/fr-ville-romans.yaml"))
            #expect(!FileManager.default.fileExists(atPath: mine + "/knowledge/partners/tn-mun-sfax.yaml"))
            // The local KB was committed locally (nothing typed is lost), not merged.
            let log = try scratch.gitOutput("log", "--format=%s%n%P", in: mine)
            let count = try scratch.gitOutput("rev-list", "--count", "HEAD", in: mine)
            #expect(!log.contains("Merge") && count == "1", "\(log)")
            let status = try scratch.kaleido("status", in: mine)
            #expect(status.output.contains("shares no history"), "\(status.output)")
        }
    }
}
