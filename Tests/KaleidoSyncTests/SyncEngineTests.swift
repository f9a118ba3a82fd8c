import Foundation
import KaleidoGit
@testable import KaleidoSync
import Logging
import Testing

/// A record with its fields far apart, so that git's line merge alone (the stand-in merger)
/// combines edits of different fields; the conflict tests use the real structured merger.
let sfaxRecord = """
    id: tn-mun-sfax
    type: municipality
    name: Sfax

    # ---
    phone: "+216 74 000 000"

    # ---
    names: [Sfax, صفاقس]

    # ---
    website: https://www.commune-sfax.tn

    """

func engine(_ folder: String, merger: any RecordMerging = DefaultMerger.make(for: SyncSettings(root: "/"))) throws -> SyncEngine {
    try SyncEngine(settings: SyncSettings.load(root: folder), merger: merger, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
}

@Suite("Sync engine", .serialized)
struct SyncEngineTests {
    @Test func snapshotMessageNamesTheRecordAndTheFieldsChanged() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: ["knowledge/partners/tn-mun-sfax.yaml": sfaxRecord])
            let clone = try scratch.clone(remote, as: "a", person: "Amina Trabelsi")
            var text = try #require(scratch.read("knowledge/partners/tn-mun-sfax.yaml", in: clone))
            text = text.replacingOccurrences(of: "+216 74 000 000", with: "+216 74 111 111")
                .replacingOccurrences(of: "[Sfax, صفاقس]", with: "[Sfax, صفاقس, Safaqis]")
                .replacingOccurrences(of: "name: Sfax", with: "name: 'Sfax'")  // requoting is not an edit
            try scratch.write(text, to: "knowledge/partners/tn-mun-sfax.yaml", in: clone)
            let report = try engine(clone).runCycle()
            #expect(report.committed == ["tn-mun-sfax: phone, names"])
            #expect(report.pushed)
            #expect(try scratch.gitOutput("log", "-1", "--format=%s|%an", in: clone) == "tn-mun-sfax: phone, names|Amina Trabelsi")
            #expect(try scratch.gitOutput("rev-parse", "main", in: remote) == scratch.gitOutput("rev-parse", "HEAD", in: clone))
            // the user's index follows: git status is clean
            #expect(try scratch.gitOutput("status", "--porcelain", in: clone) == "")
            // a second cycle has nothing to do
            let again = try engine(clone).runCycle()
            #expect(again.committed.isEmpty && !again.pushed && !again.broughtIn)
        }
    }

    @Test func aFileSavedWhileTheMergeRunsIsNotOverwritten() async throws {
        try await withScratch { scratch in
            let path = "knowledge/partners/tn-mun-sfax.yaml"
            let remote = try scratch.makeRemote(files: [path: sfaxRecord])
            let a = try scratch.clone(remote, as: "a", person: "Amina")
            let b = try scratch.clone(remote, as: "b", person: "Bruno")
            try scratch.write(sfaxRecord.replacingOccurrences(of: "+216 74 000 000", with: "+216 74 222 222"), to: path, in: b)
            _ = try engine(b).runCycle()
            try scratch.write(sfaxRecord.replacingOccurrences(of: "https://www.commune-sfax.tn", with: "https://sfax.tn"), to: path, in: a)
            // The user saves the record again (a new name) while A's engine merges it.
            let saving = SavingMerger(file: a + "/" + path) { text in text.replacingOccurrences(of: "name: Sfax", with: "name: Sfax la belle") }
            let report = try engine(a, merger: saving).runCycle()
            #expect(report.restarts >= 1)
            let onDisk = try #require(scratch.read(path, in: a))
            #expect(onDisk.contains("name: Sfax la belle"))  // the save survived
            #expect(onDisk.contains("+216 74 222 222") && onDisk.contains("https://sfax.tn"))
            // ... and landed in the next round of the cycle: committed, merged, pushed
            let committed = try scratch.gitOutput("show", "main:" + path, in: remote)
            #expect(committed + "\n" == onDisk)
            #expect(try scratch.gitOutput("status", "--porcelain", in: a) == "")
        }
    }

    @Test func brokenYAMLIsNeverPushedAndIsCommittedOnceFixed() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: ["knowledge/partners/tn-mun-sfax.yaml": sfaxRecord])
            let a = try scratch.clone(remote, as: "a", person: "Amina")
            let broken = "id: fr-ville-romans\nname: [Romans\nphone: 1\n"
            try scratch.write(broken, to: "knowledge/partners/fr-ville-romans.yaml", in: a)
            try scratch.write(sfaxRecord.replacingOccurrences(of: "name: Sfax", with: "name: Sfax!"), to: "knowledge/partners/tn-mun-sfax.yaml", in: a)
            let report = try engine(a).runCycle()
            #expect(report.committed == ["tn-mun-sfax: name"])  // the good edit goes on
            #expect(report.waiting.map(\.path) == ["knowledge/partners/fr-ville-romans.yaml"])
            #expect(report.waiting.first?.line == 3)
            #expect(try !scratch.git("ls-tree", "-r", "--name-only", "main", in: remote).contains("fr-ville-romans"))
            // nothing typed is lost: the wip ref holds it
            #expect(try scratch.gitOutput("show", "refs/kaleido/wip/main:knowledge/partners/fr-ville-romans.yaml", in: a) + "\n" == broken)
            let status = try scratch.kaleido("status", in: a)
            #expect(status.output.contains("knowledge/partners/fr-ville-romans.yaml:3:"))
            let json = try scratch.kaleido("status", "--format", "json", in: a)
            #expect(json.output.contains("\"path\": \"knowledge/partners/fr-ville-romans.yaml\""))

            try scratch.write("id: fr-ville-romans\nname: Romans\nphone: 1\n", to: "knowledge/partners/fr-ville-romans.yaml", in: a)
            let fixed = try engine(a).runCycle()
            #expect(fixed.committed == ["fr-ville-romans: new record"])
            #expect(fixed.waiting.isEmpty && fixed.pushed)
            #expect(try scratch.git("ls-tree", "-r", "--name-only", "main", in: remote).contains("fr-ville-romans"))
            #expect(try scratch.run("/usr/bin/git", ["rev-parse", "--verify", "--quiet", "refs/kaleido/wip/main"], in: a, allowFailure: true).status != 0)
            #expect(try !scratch.kaleido("status", in: a).output.contains("Waiting, not committed"))
        }
    }

    @Test func offlineCommitsQueueAndLandInOrderWhenTheRemoteIsBack() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: ["knowledge/partners/tn-mun-sfax.yaml": sfaxRecord])
            let a = try scratch.clone(remote, as: "a", person: "Amina")
            try scratch.git("remote", "set-url", "origin", scratch.path("unreachable.git"), in: a)
            for (index, phone) in ["111", "222", "333"].enumerated() {
                try scratch.write(sfaxRecord.replacingOccurrences(of: "+216 74 000 000", with: phone), to: "knowledge/partners/tn-mun-sfax.yaml", in: a)
                let report = try engine(a).runCycle()
                #expect(report.offline != nil)
                #expect(report.ahead == index + 1)
            }
            try scratch.write("note\n", to: "notes.txt", in: a)
            let sync = try scratch.kaleido("sync", in: a)
            #expect(sync.status == 3)
            #expect(sync.output.contains("4 commit(s) wait to be pushed"))
            #expect(try scratch.kaleido("status", in: a).output.contains("Offline since"))

            try scratch.git("remote", "set-url", "origin", remote, in: a)
            let back = try scratch.kaleido("sync", in: a)
            #expect(back.status == 0)
            #expect(back.output.contains("pushed"))
            let subjects = try scratch.gitOutput("log", "--format=%s", "main", in: remote).split(separator: "\n")
            #expect(subjects == ["notes.txt: added", "tn-mun-sfax: phone", "tn-mun-sfax: phone", "tn-mun-sfax: phone", "seed"])
            #expect(try scratch.gitOutput("show", "main:knowledge/partners/tn-mun-sfax.yaml", in: remote).contains("phone: \"333\""))
            try scratch.fsck(remote)
        }
    }

    @Test func aNonRecordFileGitCannotMergeKeepsBothVersionsTheSameWayOnBothSides() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: ["README.md": "Kaléido\n"])
            let a = try scratch.clone(remote, as: "a", person: "Amina")
            let b = try scratch.clone(remote, as: "b", person: "Bruno")
            try scratch.write("Kaléido (Amina)\n", to: "README.md", in: a)
            try scratch.write("Kaléido (Bruno)\n", to: "README.md", in: b)
            _ = try engine(b).runCycle()
            let report = try engine(a).runCycle()
            #expect(report.merged && report.pushed)
            let conflict = try #require(report.conflicts.first)
            #expect(conflict.kind == .file)
            _ = try engine(b).runCycle()
            let filesA = try scratch.files(in: a), filesB = try scratch.files(in: b)
            #expect(filesA == filesB)
            let sibling = try #require(conflict.sibling)
            #expect(Set([filesA["README.md"], filesA[sibling]]) == Set(["Kaléido (Amina)\n", "Kaléido (Bruno)\n"]))
            #expect(!filesA.values.contains { $0.contains("<<<<<<<") })
            #expect(!FileManager.default.fileExists(atPath: a + "/.git/MERGE_HEAD"))
            #expect(try scratch.kaleido("status", in: a).output.contains("the other version is in \(sibling)"))
        }
    }

    @Test func aUsersIndexLockIsNeverTouchedAndAStaleRefLockIsRecovered() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: ["knowledge/partners/tn-mun-sfax.yaml": sfaxRecord])
            let a = try scratch.clone(remote, as: "a", person: "Amina")
            // a user's `git add` in progress, and a branch lock left by a sync killed long ago
            FileManager.default.createFile(atPath: a + "/.git/index.lock", contents: Data("user".utf8))
            let stale = a + "/.git/refs/heads/main.lock"
            FileManager.default.createFile(atPath: stale, contents: Data())
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: stale)
            try scratch.write(sfaxRecord.replacingOccurrences(of: "name: Sfax", with: "name: Sfax 2"), to: "knowledge/partners/tn-mun-sfax.yaml", in: a)
            let sync = try scratch.kaleido("sync", in: a)
            #expect(sync.status == 0, "\(sync.errors)")
            #expect(sync.output.contains("committed: tn-mun-sfax: name"))
            #expect(scratch.read(".git/index.lock", in: a) == "user")
            #expect(!FileManager.default.fileExists(atPath: stale))
            // a fresh ref lock may be a person's git command: it is left alone and the sync waits
            FileManager.default.createFile(atPath: stale, contents: Data())
            try scratch.write(sfaxRecord.replacingOccurrences(of: "name: Sfax", with: "name: Sfax 3"), to: "knowledge/partners/tn-mun-sfax.yaml", in: a)
            let blocked = try scratch.kaleido("sync", in: a)
            #expect(blocked.status == 1)
            #expect(FileManager.default.fileExists(atPath: stale))
            #expect(try scratch.gitOutput("show", "main:knowledge/partners/tn-mun-sfax.yaml", in: remote).contains("name: Sfax 2"))

            // a push to a remote on this machine killed mid-way leaves the remote's branch locked
            try FileManager.default.removeItem(atPath: stale)
            let remoteLock = remote + "/refs/heads/main.lock"
            FileManager.default.createFile(atPath: remoteLock, contents: Data())
            let locked = try scratch.kaleido("sync", in: a)
            #expect(locked.status == 3, "\(locked.output)")  // retried later, like offline
            #expect(locked.output.contains("locked"))
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: remoteLock)
            let recovered = try scratch.kaleido("sync", in: a)
            #expect(recovered.status == 0, "\(recovered.output)\(recovered.errors)")
            #expect(!FileManager.default.fileExists(atPath: remoteLock))
            #expect(try scratch.gitOutput("show", "main:knowledge/partners/tn-mun-sfax.yaml", in: remote).contains("name: Sfax 3"))
        }
    }

    @Test func anIndexLockOfAKilledSyncIsRecoveredEvenAfterAnotherCommit() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: ["knowledge/partners/tn-mun-sfax.yaml": sfaxRecord])
            let a = try scratch.clone(remote, as: "a", person: "Amina")
            // A sync killed while writing the index: its marker names a dead process, and the lock is fresh.
            let marker = a + "/.git/kaleido/index-writer"
            try FileManager.default.createDirectory(atPath: a + "/.git/kaleido", withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: marker, contents: Data("999999".utf8))
            let lock = a + "/.git/index.lock"
            FileManager.default.createFile(atPath: lock, contents: Data())
            // The next sync commits while the lock is too young to remove: it must not replace
            // the marker, or the lock could never be proved the killed sync's.
            try scratch.write(sfaxRecord.replacingOccurrences(of: "name: Sfax", with: "name: Sfax 2"), to: "knowledge/partners/tn-mun-sfax.yaml", in: a)
            #expect(try scratch.kaleido("sync", in: a).status == 0)
            #expect(FileManager.default.fileExists(atPath: lock))
            #expect(scratch.read(".git/kaleido/index-writer", in: a) == "999999")
            // Once the lock is old, a cycle removes it and brings git's index to HEAD.
            for path in [lock, marker] {
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: path)
            }
            #expect(try scratch.kaleido("sync", in: a).status == 0)
            #expect(!FileManager.default.fileExists(atPath: lock))
            #expect(try scratch.gitOutput("status", "--porcelain", in: a) == "")
        }
    }

    @Test func theTreeMergeIsSymmetric() async throws {
        try await withScratch { scratch in
            let folder = scratch.path("repo")
            let repository = try Repository.create(at: folder)
            let who = Signature(name: "T", email: "t@example.org", time: Date(timeIntervalSince1970: 1_700_000_000))
            let baseTree = try repository.writeTree(["notes.txt": repository.writeBlob("one\n"), "knowledge/p/x.yaml": repository.writeBlob("a: 1\nb: 1\n")])
            let base = try repository.createCommit(tree: baseTree, parents: [], author: who, message: "base")
            func side(_ notes: String, _ record: String, _ seconds: Double) throws -> Commit {
                let tree = try repository.writeTree(["notes.txt": repository.writeBlob(notes), "knowledge/p/x.yaml": repository.writeBlob(record)])
                var signature = who
                signature.time = Date(timeIntervalSince1970: seconds)
                return try repository.commit(repository.createCommit(tree: tree, parents: [base], author: signature, message: "side"))
            }
            let one = try side("two\n", "a: 2\nb: 1\n", 1_700_000_100)
            let two = try side("three\n", "a: 3\nb: 1\n", 1_700_000_050)
            let merge = GitTreeMerge(repository: repository, merger: LineRecordMerger(), isRecord: { $0.hasPrefix("knowledge/") }, now: "2026-01-01T00:00:00Z")
            let forward = try merge.merge(base: base, ours: one, theirs: two)
            let backward = try merge.merge(base: base, ours: two, theirs: one)
            #expect(forward.tree == backward.tree)
            // the newer side (one) wins; the other is kept beside it
            #expect(try repository.readBlob(at: "notes.txt", in: forward.tree) == Array("two\n".utf8))
            #expect(try repository.readBlob(at: "notes.txt.conflict-\(two.id.hex.prefix(7))", in: forward.tree) == Array("three\n".utf8))
        }
    }
}

/// A merger that, the first time it is called, saves the file on disk as an editor would (the
/// user typing while the sync merges), then merges as the default merger does.
final class SavingMerger: RecordMerging, @unchecked Sendable {
    let file: String
    let edit: (String) -> String
    private var saved = false

    init(file: String, edit: @escaping (String) -> String) {
        self.file = file
        self.edit = edit
    }

    func merge(path: String, base: RecordSide?, ours: RecordSide, theirs: RecordSide, now: String) throws -> RecordMergeOutput {
        if !saved, let text = FileManager.default.contents(atPath: file).map({ String(decoding: $0, as: UTF8.self) }) {
            saved = true
            try Data(edit(text).utf8).write(to: URL(fileURLWithPath: file))
        }
        return try DefaultMerger.make(for: SyncSettings(root: "/")).merge(path: path, base: base, ours: ours, theirs: theirs, now: now)
    }
}
