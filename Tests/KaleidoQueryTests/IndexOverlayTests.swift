import Foundation
import Testing

/// The overlay of edits on the cached snapshot (it lists only the stamps that differ from the
/// snapshot's) and the listing shortcuts: whatever the cache reuses, an edit in place, a second
/// edit on top of an overlay, a rename or a new folder is always seen.
@Suite(.serialized) struct IndexOverlayTests {
    static let sfaxWorkshop = "/knowledge/interactions/int-2026-10-22-sfax-atelier-coredaction.yaml"
    static let romansConvention = "/knowledge/conventions/conv-2021-romans-sfax-cooperation.yaml"

    /// Runs `kaleido ARGS --cache-info` and answers its output and how the index was obtained.
    static func run(_ arguments: [String], _ scratch: ScratchKB) throws -> (stdout: String, outcome: String) {
        let result = try Kaleido.run(arguments + ["--format", "json", "--cache-info"], in: scratch.root)
        #expect(result.status == 0, "\(result.stderr)")
        return (result.stdout, result.stderr)
    }

    /// Replaces text in a file in place; with `keepingTime`, its mtime is put back (same size edits).
    static func edit(_ path: String, _ old: String, _ new: String, keepingTime: Bool = false) throws {
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(original.contains(old))
        try original.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: false, encoding: .utf8)
        if keepingTime {
            try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate] as Any], ofItemAtPath: path)
        }
    }

    /// Past the two-second window in which a saved stamp is not trusted yet.
    static func settle() { Thread.sleep(forTimeInterval: 2.2) }

    @Test func aSecondEditKeepsTheFirstInTheOverlay() throws {
        let scratch = try IndexCacheTests.settledCopy()
        defer { scratch.remove() }
        #expect(try Self.run(["history", "sfax"], scratch).outcome.contains("rebuilt"))
        let snapshot = scratch.root + "/.kaleido/cache/index.bin"
        let written = try FileManager.default.attributesOfItem(atPath: snapshot)[.modificationDate] as? Date

        try Self.edit(scratch.root + Self.sfaxWorkshop, "tn-mun-sfax", "tn-mun-kairouan")
        Self.settle()
        let first = try Self.run(["history", "sfax"], scratch)
        #expect(first.outcome.contains("refreshed(changed: 1)"))
        #expect(!first.stdout.contains("int-2026-10-22-sfax-atelier-coredaction"))
        let overlay = scratch.root + "/.kaleido/cache/overlay.bin"
        #expect(FileManager.default.fileExists(atPath: overlay))

        // Same size, mtime put back: only the change time tells. Only this file is read again:
        // the overlay still holds the first file's new stamp.
        try Self.edit(scratch.root + Self.romansConvention, "2021-2027\n", "2021-2O27\n", keepingTime: true)
        Self.settle()
        let second = try Self.run(["show", "conv-2021-romans-sfax-cooperation"], scratch)
        #expect(second.outcome.contains("refreshed(changed: 1)"))
        #expect(second.stdout.contains("2021-2O27"))

        let warm = try Self.run(["history", "sfax"], scratch)
        #expect(warm.outcome.contains("warm"))
        #expect(!warm.stdout.contains("int-2026-10-22-sfax-atelier-coredaction"))
        #expect(try Self.run(["show", "conv-2021-romans-sfax-cooperation"], scratch).stdout.contains("2021-2O27"))
        // The snapshot was never rewritten; the overlay holds two changed stamps and two
        // records: a few kilobytes, not the listing of every file.
        #expect(try FileManager.default.attributesOfItem(atPath: snapshot)[.modificationDate] as? Date == written)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: overlay)[.size] as? Int)
        #expect(size < 16_384)
    }

    @Test func anEditRightAfterARunIsSeenByTheNext() throws {
        let scratch = try IndexCacheTests.settledCopy()
        defer { scratch.remove() }
        _ = try Self.run(["history", "sfax"], scratch)
        // No settling: stamps saved within two seconds of a change are saved as unknown, so a
        // second edit within the same timestamp tick still shows.
        try Self.edit(scratch.root + Self.sfaxWorkshop, "tn-mun-sfax", "tn-mun-kairouan")
        _ = try Self.run(["history", "sfax"], scratch)
        try Self.edit(scratch.root + Self.sfaxWorkshop, "tn-mun-kairouan", "tn-mun-sfax", keepingTime: true)
        let back = try Self.run(["history", "sfax"], scratch)
        #expect(back.stdout.contains("int-2026-10-22-sfax-atelier-coredaction"))
    }

    @Test func renamedFilesAndNewFoldersAreSeen() throws {
        let scratch = try IndexCacheTests.settledCopy()
        defer { scratch.remove() }
        let before = try Self.run(["history", "sfax"], scratch).stdout
        let manager = FileManager.default
        let renamed = scratch.root + "/knowledge/interactions/int-2026-10-22-sfax-atelier-coredaction-renamed.yaml"
        try manager.moveItem(atPath: scratch.root + Self.sfaxWorkshop, toPath: renamed)
        Self.settle()
        let moved = try Self.run(["history", "sfax"], scratch)
        #expect(moved.outcome.contains("refreshed"))
        #expect(moved.stdout == before)

        // A record in a new subfolder of a folder that is otherwise unchanged.
        try manager.createDirectory(atPath: scratch.root + "/knowledge/interactions/2026", withIntermediateDirectories: true)
        try manager.moveItem(atPath: renamed, toPath: scratch.root + "/knowledge/interactions/2026/workshop.yaml")
        try Self.edit(scratch.root + "/knowledge/interactions/2026/workshop.yaml", "summary: |", "summary: |\n  Déplacé.")
        Self.settle()
        let nested = try Self.run(["show", "int-2026-10-22-sfax-atelier-coredaction"], scratch)
        #expect(nested.outcome.contains("refreshed"))
        #expect(nested.stdout.contains("Déplacé."))
        #expect(try Self.run(["history", "sfax"], scratch).outcome.contains("warm"))
    }
}
