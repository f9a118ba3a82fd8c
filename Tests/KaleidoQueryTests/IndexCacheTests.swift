import Foundation
import Testing

/// The index cache through the CLI on a scratch copy of the sample KB: built once, then used
/// warm; refreshed after edits, additions and removals; rebuilt, never trusted, when damaged.
@Suite(.serialized) struct IndexCacheTests {
    /// A scratch copy old enough (> 2 s) for its stamps to be trusted by the cache.
    static func settledCopy() throws -> ScratchKB {
        let scratch = try ScratchKB(copyingSample: ())
        Thread.sleep(forTimeInterval: 2.2)
        return scratch
    }

    static func history(_ scratch: ScratchKB, _ partner: String = "sfax") throws -> (ids: [String], outcome: String) {
        let result = try Kaleido.run(["history", partner, "--format", "json", "--cache-info"], in: scratch.root)
        #expect(result.status == 0, "\(result.stderr)")
        let entries = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        return (entries.compactMap { $0["id"] as? String }, result.stderr)
    }

    @Test func warmAfterFirstRunThenRefreshedAfterEdits() throws {
        let scratch = try Self.settledCopy()
        defer { scratch.remove() }
        let cold = try Self.history(scratch)
        #expect(cold.outcome.contains("rebuilt"))
        #expect(cold.ids.count == 16)
        let warm = try Self.history(scratch)
        #expect(warm.outcome.contains("warm"))
        #expect(warm.ids == cold.ids)

        // An edit in place (same size, mtime put back): the change time still tells.
        let file = scratch.root + "/knowledge/conventions/conv-2021-romans-sfax-cooperation.yaml"
        let original = try String(contentsOfFile: file, encoding: .utf8)
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        try original.replacingOccurrences(of: "2021-2027\n", with: "2021-2O27\n").write(toFile: file, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate] as Any], ofItemAtPath: file)
        let shown = try Kaleido.run(["show", "conv-2021-romans-sfax-cooperation", "--format", "json", "--cache-info"], in: scratch.root)
        #expect(shown.stderr.contains("refreshed(changed: 1)"))
        #expect(shown.stdout.contains("2021-2O27"))

        // A new record pointing to Sfax, and a removed one.
        try """
            id: int-2026-11-26-sfax-appel
            type: interaction
            date: "2026-11-26"
            kind: appel
            summary: Appel de suivi avec Sfax.
            partners: [tn-mun-sfax]

            """.write(toFile: scratch.root + "/knowledge/interactions/int-2026-11-26-sfax-appel.yaml", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: scratch.root + "/knowledge/projects/prj-2017-romans-sfax-jeunes-ambassadeurs.yaml")
        let changed = try Self.history(scratch)
        #expect(changed.outcome.contains("refreshed"))
        #expect(changed.ids.contains("int-2026-11-26-sfax-appel"))
        #expect(!changed.ids.contains("prj-2017-romans-sfax-jeunes-ambassadeurs"))
        #expect(changed.ids.count == 16)
        // The rebuild re-read the record edited earlier (kept until then as an override).
        let after = try Kaleido.run(["show", "conv-2021-romans-sfax-cooperation", "--format", "json"], in: scratch.root)
        #expect(after.stdout.contains("2021-2O27"))
    }

    @Test func editsAreKeptInAnOverlayAndADamagedOverlayIsIgnored() throws {
        let scratch = try Self.settledCopy()
        defer { scratch.remove() }
        _ = try Self.history(scratch)
        let file = scratch.root + "/knowledge/interactions/int-2026-10-22-sfax-atelier-coredaction.yaml"
        let original = try String(contentsOfFile: file, encoding: .utf8)
        // The interaction no longer names Sfax: it must leave Sfax's history.
        try original.replacingOccurrences(of: "tn-mun-sfax", with: "tn-mun-kairouan").write(toFile: file, atomically: false, encoding: .utf8)
        let edited = try Self.history(scratch)
        #expect(edited.outcome.contains("refreshed(changed: 1)"))
        #expect(!edited.ids.contains("int-2026-10-22-sfax-atelier-coredaction"))
        #expect(FileManager.default.fileExists(atPath: scratch.root + "/.kaleido/cache/overlay.bin"))
        let kairouan = try #require(try Kaleido.json(["history", "tn-mun-kairouan"], in: scratch.root) as? [[String: Any]])
        #expect(kairouan.contains { $0["id"] as? String == "int-2026-10-22-sfax-atelier-coredaction" })
        // A damaged overlay is ignored: the snapshot's stamps send the file to be read again.
        try Data("KLDOVER1 garbage".utf8).write(to: URL(fileURLWithPath: scratch.root + "/.kaleido/cache/overlay.bin"))
        let again = try Self.history(scratch)
        #expect(again.ids == edited.ids)
    }

    enum Damage: String, CaseIterable { case empty, truncated, flippedByte, garbage, otherVersion }

    @Test(arguments: Damage.allCases)
    func damagedCacheIsRebuilt(_ damage: Damage) throws {
        let scratch = try Self.settledCopy()
        defer { scratch.remove() }
        let expected = try Self.history(scratch).ids
        let cache = scratch.root + "/.kaleido/cache/index.bin"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: cache)))
        switch damage {
        case .empty: bytes = []
        case .truncated: bytes = Array(bytes.prefix(bytes.count / 2))
        case .flippedByte:
            // Inside the reference targets or offsets: a wrong position must never be followed.
            for offset in stride(from: bytes.count / 3, to: bytes.count, by: max(1, bytes.count / 50)) { bytes[offset] ^= 0x5A }
        case .garbage: bytes = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) }
        case .otherVersion: bytes[bytes.count > 8 ? 8 : 0] ^= 0x01
        }
        try Data(bytes).write(to: URL(fileURLWithPath: cache))
        let again = try Self.history(scratch)
        #expect(again.ids == expected)
        if damage != .flippedByte { #expect(again.outcome.contains("rebuilt")) }
    }
}
