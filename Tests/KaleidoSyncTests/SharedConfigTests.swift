import Foundation
import Testing

/// `.kaleido/config.yaml` travels through git: a teammate (or an attacker with push access)
/// writes every replica's config. These tests push bad configs from one clone and run the real
/// `kaleido` binary in a victim clone made by `git clone` + `kaleido init`.
@Suite("Shared config", .serialized)
struct SharedConfigTests {
    static let record = "knowledge/partners/tn-mun-sfax.yaml"

    /// A bare remote, the victim's clone (synced once, so a config has loaded there) and the
    /// teammate's clone.
    static func replicas(_ scratch: Scratch) throws -> (remote: String, victim: String, teammate: String) {
        let remote = try scratch.makeRemote(files: [record: sfaxRecord])
        let victim = try scratch.clone(remote, as: "victim", person: "Victor Victim")
        let initialized = try scratch.kaleido("init", in: victim)
        #expect(initialized.status == 0, "\(initialized.errors)")
        let first = try scratch.kaleido("sync", in: victim)
        #expect(first.status == 0, "\(first.errors)\(first.output)")
        let teammate = try scratch.clone(remote, as: "teammate", person: "Eve Mallory")
        return (remote, victim, teammate)
    }

    /// The teammate replaces the config (a `sed` on the seed's) and pushes it; returns the commit.
    @discardableResult
    static func push(config edit: (String) -> String, from teammate: String, _ scratch: Scratch) throws -> String {
        try scratch.git("pull", "--quiet", "--no-rebase", "origin", "main", in: teammate)
        let config = try #require(scratch.read(".kaleido/config.yaml", in: teammate))
        try scratch.write(edit(config), to: ".kaleido/config.yaml", in: teammate)
        try scratch.git("commit", "--quiet", "-am", "config", in: teammate)
        try scratch.git("push", "--quiet", "origin", "main", in: teammate)
        return try scratch.gitOutput("rev-parse", "HEAD", in: teammate)
    }

    /// The victim edits the record's phone and syncs.
    static func editAndSync(_ victim: String, phone: String, _ scratch: Scratch) throws -> (status: Int32, output: String, errors: String) {
        try scratch.write(sfaxRecord.replacingOccurrences(of: "+216 74 000 000", with: phone), to: record, in: victim)
        return try scratch.kaleido("sync", in: victim)
    }

    @Test func aBranchClimbingOutOfGitRemovesNoLockOutside() async throws {
        try await withScratch { scratch in
            let (remote, victim, teammate) = try Self.replicas(scratch)
            // .git/refs/heads/../../../../outside/x.lock is the scratch folder's outside/x.lock.
            let sentinel = scratch.path("outside/x.lock")
            try scratch.write("not git's\n", to: "outside/x.lock", in: scratch.root)
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: sentinel)
            let bad = try Self.push(config: { $0.replacingOccurrences(of: "branch: main", with: "branch: ../../../../outside/x") }, from: teammate, scratch)
            for round in 1...3 {
                let sync = try Self.editAndSync(victim, phone: "+216 74 000 00\(round)", scratch)
                #expect(FileManager.default.fileExists(atPath: sentinel), "round \(round): \(sync.errors)")
                if round > 1 {  // the first round brings the bad config in
                    #expect(sync.status == 1, "\(sync.errors)\(sync.output)")
                    #expect(sync.errors.contains(".kaleido/config.yaml:2:9: error: branch must be a git branch name (it contains '..')"), "\(sync.errors)")
                    #expect(sync.errors.contains("branch: ../../../../outside/x\n        ^"), "\(sync.errors)")
                    #expect(sync.errors.contains("brought by commit \(bad.prefix(10)) (Eve Mallory <eve.mallory@example.org>)"), "\(sync.errors)")
                }
                // The edits keep going to the real branch.
                #expect(try scratch.gitOutput("show", "main:" + Self.record, in: remote).contains("+216 74 000 00\(round)"))
            }
            #expect(try scratch.gitOutput("for-each-ref", "--format=%(refname)", in: remote).split(separator: "\n").allSatisfy { !$0.contains("..") })
            #expect(FileManager.default.fileExists(atPath: sentinel))
            let status = try scratch.kaleido("status", in: victim)
            #expect(status.output.contains("Config problem (brought by commit \(bad.prefix(10))"), "\(status.output)")
            #expect(status.output.contains("branch must be a git branch name"), "\(status.output)")
        }
    }

    @Test func aKnowledgeFolderOutsideTheKBIsRefusedAndNothingOutsideIsRead() async throws {
        try await withScratch { scratch in
            let (_, victim, teammate) = try Self.replicas(scratch)
            // Outside the victim's KB: one record that parses, one that does not (a YAML error
            // shows its source line), both holding the secret.
            try scratch.write("id: tn-leak\ntype: partner\nname: TOPSECRET-4242\nkind: commune\ncountry: TN\n",
                              to: "secret/partners/tn-leak.yaml", in: scratch.root)
            try scratch.write("id: tn-leak2\nname: [TOPSECRET-4242\n", to: "secret/partners/tn-leak2.yaml", in: scratch.root)
            try Self.push(config: { $0.replacingOccurrences(of: "branch: main", with: "branch: main\nknowledge: ../secret") }, from: teammate, scratch)
            _ = try scratch.kaleido("sync", in: victim)
            #expect(scratch.read(".kaleido/config.yaml", in: victim)?.contains("knowledge: ../secret") == true)
            let runs = [
                try scratch.kaleido("validate", in: victim),
                try scratch.kaleido("validate", "--format", "json", in: victim),
                try scratch.kaleido("show", "tn-leak", in: victim),
                try scratch.kaleido("list", "partner", in: victim),
            ]
            for run in runs {
                #expect(run.status == 2, "\(run.output)\(run.errors)")
                #expect(run.errors.contains(".kaleido/config.yaml:3:12: error: knowledge must be a folder inside the knowledge base (it climbs out with '..')"), "\(run.errors)")
                #expect(!run.output.contains("TOPSECRET") && !run.errors.contains("TOPSECRET"), "\(run.output)\(run.errors)")
            }
        }
    }

    @Test func aMalformedConfigDoesNotWedgeTheReplicaAndTheFixIsPickedUp() async throws {
        try await withScratch { scratch in
            let (remote, victim, teammate) = try Self.replicas(scratch)
            let bad = try Self.push(config: { $0.replacingOccurrences(of: "name: test KB", with: "name: [test KB") }, from: teammate, scratch)
            let fetched = try Self.editAndSync(victim, phone: "+216 74 111 111", scratch)
            #expect(fetched.output.contains("committed: tn-mun-sfax: phone"), "\(fetched.output)")
            // The cycle that brings the bad config in already reports it.
            #expect(fetched.status == 1, "\(fetched.errors)\(fetched.output)")
            #expect(fetched.errors.contains(".kaleido/config.yaml:2:7: error: expected ',' or ']'"), "\(fetched.errors)")
            for phone in ["+216 74 222 222", "+216 74 333 333"] {
                let sync = try Self.editAndSync(victim, phone: phone, scratch)
                #expect(sync.status == 1, "\(sync.errors)\(sync.output)")
                #expect(sync.output.contains("committed: tn-mun-sfax: phone") && sync.output.contains("pushed"), "\(sync.output)")
                #expect(sync.errors.contains("brought by commit \(bad.prefix(10)) (Eve Mallory <eve.mallory@example.org>)"), "\(sync.errors)")
                #expect(try scratch.gitOutput("show", "main:" + Self.record, in: remote).contains(phone))
            }
            let status = try scratch.kaleido("status", in: victim)
            #expect(status.status == 0)
            #expect(status.output.contains("Config problem (brought by commit \(bad.prefix(10)) (Eve Mallory <eve.mallory@example.org>))"), "\(status.output)")
            let json = try scratch.kaleido("status", "--format", "json", in: victim)
            let state = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])["state"] as? [String: Any]
            let problem = try #require(state?["config_problem"] as? [String: Any], "\(json.output)")
            #expect(problem["commit"] as? String == bad)
            #expect(problem["author"] as? String == "Eve Mallory <eve.mallory@example.org>")
            #expect((problem["diagnostic"] as? String)?.hasPrefix(".kaleido/config.yaml:2:7: error: ") == true)

            // The team fixes the file: the next sync uses it and the report clears.
            try Self.push(config: { $0.replacingOccurrences(of: "name: [test KB", with: "name: fixed KB") }, from: teammate, scratch)
            let fixed = try Self.editAndSync(victim, phone: "+216 74 444 444", scratch)
            #expect(fixed.status == 0, "\(fixed.errors)\(fixed.output)")
            #expect(!fixed.errors.contains("config"), "\(fixed.errors)")
            #expect(try scratch.gitOutput("show", "main:" + Self.record, in: remote).contains("+216 74 444 444"))
            let good = try scratch.gitOutput("rev-parse", "--git-path", "kaleido/config.good.yaml", in: victim)
            #expect(scratch.read(good, in: victim)?.contains("name: fixed KB") == true)
            let after = try scratch.kaleido("status", in: victim)
            #expect(!after.output.contains("Config problem"), "\(after.output)")
            let afterJSON = try scratch.kaleido("status", "--format", "json", in: victim)
            #expect(!afterJSON.output.contains("config_problem"), "\(afterJSON.output)")
            // A later sync stays clean.
            #expect(try scratch.kaleido("sync", in: victim).status == 0)
        }
    }

    /// A valid branch that is not checked out would stop every cycle ("HEAD is on main, not on
    /// other"): it is reported like a bad value, and the sync goes on with the branch it has.
    @Test func aBranchThatIsNotCheckedOutDoesNotStopTheSync() async throws {
        try await withScratch { scratch in
            let (remote, victim, teammate) = try Self.replicas(scratch)
            let bad = try Self.push(config: { $0.replacingOccurrences(of: "branch: main", with: "branch: other") }, from: teammate, scratch)
            for phone in ["+216 74 555 555", "+216 74 666 666"] {
                let sync = try Self.editAndSync(victim, phone: phone, scratch)
                #expect(sync.status == 1, "\(sync.errors)\(sync.output)")
                #expect(sync.errors.contains(".kaleido/config.yaml:2:9: error: branch must be the branch checked out here ('main'); to follow 'other', run `git checkout other`"), "\(sync.errors)")
                #expect(sync.errors.contains("brought by commit \(bad.prefix(10))"), "\(sync.errors)")
                #expect(try scratch.gitOutput("show", "main:" + Self.record, in: remote).contains(phone))
            }
        }
    }

    /// A remote this clone does not have would make every cycle "offline" (exit 3, forever).
    @Test func aRemoteThisCloneDoesNotHaveIsReported() async throws {
        try await withScratch { scratch in
            let (remote, victim, teammate) = try Self.replicas(scratch)
            try Self.push(config: { $0.replacingOccurrences(of: "branch: main", with: "branch: main\nremote: upstream") }, from: teammate, scratch)
            _ = try Self.editAndSync(victim, phone: "+216 74 888 888", scratch)
            let sync = try Self.editAndSync(victim, phone: "+216 74 999 999", scratch)
            #expect(sync.status == 1, "\(sync.errors)\(sync.output)")
            #expect(sync.errors.contains(".kaleido/config.yaml:3:9: error: remote must be a remote of this repository ('upstream' is not; add it with `git remote add upstream URL`)"), "\(sync.errors)")
            #expect(try scratch.gitOutput("show", "main:" + Self.record, in: remote).contains("+216 74 999 999"))
            // Once the clone has it, the config is followed.
            try scratch.git("remote", "add", "upstream", remote, in: victim)
            let followed = try scratch.kaleido("sync", in: victim)
            #expect(followed.status == 0, "\(followed.errors)\(followed.output)")
            #expect(try scratch.kaleido("status", in: victim).output.contains("remote upstream (\(remote))"))
        }
    }

    /// A config that is a symbolic link (git checks a committed link out as one) is not read.
    @Test func aConfigThatIsASymbolicLinkIsNotFollowed() async throws {
        try await withScratch { scratch in
            let (remote, victim, _) = try Self.replicas(scratch)
            try scratch.write("key: TOPSECRET-4242 [\n", to: "secret.yaml", in: scratch.root)
            try FileManager.default.removeItem(atPath: victim + "/.kaleido/config.yaml")
            try FileManager.default.createSymbolicLink(atPath: victim + "/.kaleido/config.yaml", withDestinationPath: scratch.path("secret.yaml"))
            let sync = try Self.editAndSync(victim, phone: "+216 74 123 123", scratch)
            #expect(sync.status == 1, "\(sync.errors)\(sync.output)")
            #expect(sync.errors.contains(".kaleido/config.yaml: error: the config is a symbolic link"), "\(sync.errors)")
            #expect(try scratch.gitOutput("show", "main:" + Self.record, in: remote).contains("+216 74 123 123"))
            let status = try scratch.kaleido("status", "--format", "json", in: victim)
            #expect(status.output.contains("symbolic link"), "\(status.output)")
            let state = try #require(scratch.read(".git/kaleido/status.json", in: victim))
            for text in [sync.output, sync.errors, status.output, state] { #expect(!text.contains("TOPSECRET"), "\(text)") }
        }
    }

    /// The daemon keeps committing and pushing while the config is malformed, and follows the fix.
    @Test func theDaemonKeepsSyncingThroughAMalformedConfig() async throws {
        try await withScratch { scratch in
            let (remote, victim, teammate) = try Self.replicas(scratch)
            let first = try DaemonProcess(kb: victim, scratch: scratch)
            defer { first.kill9() }
            #expect(eventually(timeout: 10) { first.log.contains("watching") })
            let bad = try Self.push(config: { $0.replacingOccurrences(of: "name: test KB", with: "name: [test KB") }, from: teammate, scratch)
            let reported = try eventually(timeout: 15) {
                try scratch.kaleido("status", "--format", "json", in: victim).output.contains("\"commit\": \"\(bad)\"")
            }
            #expect(reported, "\(first.log)")
            #expect(first.stop() == 0)
            // A daemon started now (a reboot) starts on the last good config.
            let daemon = try DaemonProcess(kb: victim, scratch: scratch)
            defer { daemon.kill9() }
            #expect(eventually(timeout: 10) { daemon.log.contains("watching") }, "\(daemon.log)")
            let text = try scratch.kaleido("status", in: victim).output
            #expect(text.contains("Daemon: running") && text.contains("Config problem (brought by commit \(bad.prefix(10))"), "\(text)")
            #expect(daemon.log.contains("the shared config is not usable"), "\(daemon.log)")
            try scratch.write(sfaxRecord.replacingOccurrences(of: "+216 74 000 000", with: "+216 74 777 777"), to: Self.record, in: victim)
            let pushed = try eventually(timeout: 15) {
                try scratch.gitOutput("show", "main:" + Self.record, in: remote).contains("+216 74 777 777")
            }
            #expect(pushed, "\(daemon.log)")
            try Self.push(config: { $0.replacingOccurrences(of: "name: [test KB", with: "name: fixed KB") }, from: teammate, scratch)
            let cleared = try eventually(timeout: 15) {
                let status = try scratch.kaleido("status", "--format", "json", in: victim).output
                return !status.contains("config_problem") && scratch.read(".kaleido/config.yaml", in: victim)?.contains("fixed KB") == true
            }
            #expect(cleared, "\(daemon.log)")
            #expect(daemon.log.contains("the shared config loads again"), "\(daemon.log)")
            #expect(daemon.stop() == 0)
        }
    }
}
