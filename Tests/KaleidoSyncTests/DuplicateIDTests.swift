import Foundation
@testable import KaleidoSync
import Testing

/// A record file whose `id` another record file has (a Finder copy `x (copie).yaml`) is held
/// back at sync like a file that does not parse: never committed, listed with the file that has
/// the id, synced normally once deleted or given its own id.
@Suite("Duplicate ids held back", .serialized)
struct DuplicateIDTests {
    static let original = "knowledge/partners/tn/tn-mun-sfax.yaml"
    static let copy = "knowledge/partners/tn/tn-mun-sfax (copie).yaml"
    static let heldLine = "knowledge/partners/tn/tn-mun-sfax (copie).yaml: retenu : l'identifiant tn-mun-sfax est déjà celui de knowledge/partners/tn/tn-mun-sfax.yaml"

    private func remoteTree(_ scratch: Scratch, _ remote: String) throws -> String {
        try scratch.git("ls-tree", "-r", "--name-only", "main", in: remote)
    }

    @Test func aFinderCopyNeverReachesTheRemoteWhileTheOriginalsEditsDo() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: [Self.original: sfaxRecord])
            let a = try scratch.clone(remote, as: "a", person: "Amina")
            try scratch.write(sfaxRecord, to: Self.copy, in: a)
            try scratch.write(sfaxRecord.replacingOccurrences(of: "+216 74 000 000", with: "+216 74 111 111"), to: Self.original, in: a)

            let report = try engine(a).runCycle()
            #expect(report.committed == ["tn-mun-sfax: phone"])
            #expect(report.pushed)
            #expect(report.waiting.map(\.path) == [Self.copy])
            #expect(report.waiting.first?.duplicateOf == Self.original)
            #expect(try !remoteTree(scratch, remote).contains("copie"))
            // Nothing typed is lost: the copy is on the wip ref, as a file that does not parse.
            #expect(try scratch.gitOutput("show", "refs/kaleido/wip/main:" + Self.copy, in: a) + "\n" == sfaxRecord)

            let status = try scratch.kaleido("status", "--lang", "fr", in: a)
            #expect(status.output.contains("\n  " + Self.heldLine + " ; "), "\(status.output)")
            let json = try scratch.kaleido("status", "--format", "json", in: a)
            #expect(json.output.contains("\"duplicate_of\": \"\(Self.original)\""))

            // `kaleido sync` says it too, and the original's next edit still goes out.
            try scratch.write(sfaxRecord.replacingOccurrences(of: "name: Sfax", with: "name: Sfax la belle"), to: Self.original, in: a)
            let sync = try scratch.kaleido("sync", "--lang", "en", in: a)
            #expect(sync.status == 0, "\(sync.errors)")
            #expect(sync.output.contains("committed: tn-mun-sfax: name"))
            // In English too: the line is worded by the command, in the run's language.
            #expect(sync.output.contains("not committed: " + Self.copy + ": held back: the id tn-mun-sfax is already that of " + Self.original), "\(sync.output)")
            #expect(try scratch.gitOutput("show", "main:" + Self.original, in: remote).contains("Sfax la belle"))
            #expect(try !remoteTree(scratch, remote).contains("copie"))

            // Deleted, the copy is gone from the status and the wip ref; nothing else happens.
            try FileManager.default.removeItem(atPath: a + "/" + Self.copy)
            let after = try engine(a).runCycle()
            #expect(after.waiting.isEmpty && after.committed.isEmpty)
            #expect(try !scratch.kaleido("status", "--lang", "fr", in: a).output.contains("retenu"))
            #expect(try scratch.run("/usr/bin/git", ["rev-parse", "--verify", "--quiet", "refs/kaleido/wip/main"], in: a, allowFailure: true).status != 0)
        }
    }

    @Test func aCopyGivenItsOwnIDSyncsNormally() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: [Self.original: sfaxRecord])
            let a = try scratch.clone(remote, as: "a", person: "Amina")
            try scratch.write(sfaxRecord, to: Self.copy, in: a)
            #expect(try engine(a).runCycle().waiting.map(\.path) == [Self.copy])
            try scratch.write(sfaxRecord.replacingOccurrences(of: "id: tn-mun-sfax", with: "id: tn-mun-sfax-2"), to: Self.copy, in: a)
            let report = try engine(a).runCycle()
            #expect(report.waiting.isEmpty)
            #expect(report.committed == ["tn-mun-sfax (copie): new record"])
            #expect(try remoteTree(scratch, remote).contains("tn-mun-sfax (copie).yaml"))
        }
    }

    @Test func anEditGivingACommittedRecordAnotherRecordsIDIsHeldAndTheOtherKeepsSyncing() async throws {
        try await withScratch { scratch in
            let romans = "knowledge/partners/fr-ville-romans.yaml"
            let romansRecord = "id: fr-ville-romans\nname: Romans\n"
            let remote = try scratch.makeRemote(files: [Self.original: sfaxRecord, romans: romansRecord])
            let a = try scratch.clone(remote, as: "a", person: "Amina")
            try scratch.write("id: tn-mun-sfax\nname: Romans\n", to: romans, in: a)
            let report = try engine(a).runCycle()
            #expect(report.committed.isEmpty)
            #expect(report.waiting.map(\.rendered) == [romans + ": " + DuplicateIDWording.held(id: "tn-mun-sfax", owner: Self.original, bothNew: false)])
            #expect(try scratch.gitOutput("show", "main:" + romans, in: remote) + "\n" == romansRecord)
        }
    }

    @Test func ofTwoNewFilesWithOneIDThePathThatSortsLaterWaitsAndSaysSo() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: [Self.original: sfaxRecord])
            let a = try scratch.clone(remote, as: "a", person: "Amina")
            let record = "id: fr-ville-vienne\nname: Vienne\n"
            try scratch.write(record, to: "knowledge/partners/fr/fr-ville-vienne.yaml", in: a)
            try scratch.write(record, to: "knowledge/partners/vienne.yaml", in: a)
            let report = try engine(a).runCycle()
            #expect(report.committed == ["fr-ville-vienne: new record"])
            #expect(report.waiting.map(\.path) == ["knowledge/partners/vienne.yaml"])
            let message = try #require(report.waiting.first?.message)
            #expect(message.hasPrefix("retenu : l'identifiant fr-ville-vienne est aussi celui de knowledge/partners/fr/fr-ville-vienne.yaml, nouveau lui aussi (des deux, celui dont le chemin vient après est retenu)"))
            #expect(try remoteTree(scratch, remote).contains("knowledge/partners/fr/fr-ville-vienne.yaml"))
            #expect(try !remoteTree(scratch, remote).contains("knowledge/partners/vienne.yaml"))
        }
    }

    @Test func aRecordMovedToAnotherFolderIsNotADuplicate() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: [Self.original: sfaxRecord])
            let a = try scratch.clone(remote, as: "a", person: "Amina")
            try FileManager.default.createDirectory(atPath: a + "/knowledge/partners/tunisie", withIntermediateDirectories: true)
            try FileManager.default.moveItem(atPath: a + "/" + Self.original, toPath: a + "/knowledge/partners/tunisie/tn-mun-sfax.yaml")
            let report = try engine(a).runCycle()
            #expect(report.waiting.isEmpty)
            let tree = try remoteTree(scratch, remote)
            #expect(tree.contains("knowledge/partners/tunisie/tn-mun-sfax.yaml") && !tree.contains(Self.original))
        }
    }
}
