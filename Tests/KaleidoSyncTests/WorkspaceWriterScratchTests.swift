import Foundation
@testable import KaleidoSync
import KaleidoWorkspace
import Testing

/// The CLI writes records through the workspace's atomic writer (`kaleido new`, `resolve`, the
/// merge driver) while the daemon may be scanning: its temporary files must never be seen as
/// files of the KB (committed, or watched as a save). They used to be `.NAME.kaleido-PID.tmp`,
/// which the scanner did not recognise.
@Suite("The daemon ignores the workspace writer's temporary files")
struct WorkspaceWriterScratchTests {
    @Test func aPendingWriteIsNotScannedNorWatched() async throws {
        try await withScratch { scratch in
            let root = scratch.path("kb")
            try scratch.write("id: a\n", to: "knowledge/partners/a.yaml", in: root)
            let watcher = try Watcher(root: root) { _ in false }
            // A write stopped between its temporary file and the rename, as a command does.
            let pending = try AtomicFile.prepare([Array("id: a\nname: A\n".utf8)], for: root + "/knowledge/partners/a.yaml")
            defer { pending.discard() }
            let temporary = (pending.temporary as NSString).lastPathComponent
            #expect(FileManager.default.fileExists(atPath: pending.temporary))
            #expect(WorkingTreeScanner.isScratchName(temporary), "\(temporary)")
            #expect(watcher.drain().compactMap(\.path).isEmpty)

            let scan = try WorkingTreeScanner(root: root).scan { _ in false }
            #expect(scan.files.map(\.path) == ["knowledge/partners/a.yaml"])
            #expect(scan.refused.isEmpty)
            // The write still completes: the scanner skipped the file of a live process (this
            // one) rather than removing it.
            try pending.commit()
            #expect(scratch.read("knowledge/partners/a.yaml", in: root) == "id: a\nname: A\n")
        }
    }

    /// A new record (`kaleido new`: a temporary file hard-linked to its name) leaves nothing beside it.
    @Test func createNewLeavesOnlyTheRecord() async throws {
        try await withScratch { scratch in
            let root = scratch.path("kb")
            try FileManager.default.createDirectory(atPath: root + "/knowledge", withIntermediateDirectories: true)
            try AtomicFile.createNew(Array("id: b\n".utf8), at: root + "/knowledge/b.yaml")
            #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/knowledge") == ["b.yaml"])
            #expect(throws: WorkspaceError.io("\(root)/knowledge/b.yaml already exists; nothing was written")) {
                try AtomicFile.createNew(Array("id: c\n".utf8), at: root + "/knowledge/b.yaml")
            }
            #expect(scratch.read("knowledge/b.yaml", in: root) == "id: b\n")
        }
    }
}
