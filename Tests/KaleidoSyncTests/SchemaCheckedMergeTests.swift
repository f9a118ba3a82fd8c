import Foundation
@testable import KaleidoSync
import KaleidoYAML
import Testing
import KaleidoTestSupport

/// The sync engine's merger checks merged records against the KB's schemas (docs/merge.md): two
/// edits that are each valid but together break a rule get a conflict entry.
@Suite struct SchemaCheckedMergeTests {
    static var projectRoot: String { PackageRoot.path }

    @Test func twoValidEditsThatBreakAnIfThenRuleAreAConflict() throws {
        try Self.expectIfThenConflict(DefaultMerger.make(for: SyncSettings(root: Self.projectRoot)))
    }

    /// While the shared config does not load, the merger reads the schemas where the last good
    /// config said (else every merge would lose its hints and checks).
    @Test func aBrokenSharedConfigKeepsTheSchemasOfTheLastGoodOne() async throws {
        try await withScratch { scratch in
            let kb = scratch.path("kb")
            try scratch.run("/usr/bin/git", ["init", "--quiet", "-b", "main", kb])
            try FileManager.default.copyItem(atPath: Self.projectRoot + "/schemas", toPath: kb + "/rules")
            try scratch.write("name: x\nschemas: rules\n", to: ".kaleido/config.yaml", in: kb)
            #expect(try SharedConfig.load(root: kb).problem == nil)
            try scratch.write("name: [x\nschemas: rules\n", to: ".kaleido/config.yaml", in: kb)
            #expect(try SharedConfig.load(root: kb).problem != nil)
            try Self.expectIfThenConflict(DefaultMerger.make(for: SyncSettings(root: kb)))
        }
    }

    static func expectIfThenConflict(_ merger: any RecordMerging) throws {
        let head = "id: conv-2009-exemple\ntype: convention\ntitle: Exemple\nparties:\n  - {partner: fr-com-38544-vienne, role: signataire}\n  - {partner: tn-mun-kairouan, role: signataire}\nstatus: projet\n"
        // Base: a framework convention that amends another. Ours drops `amends` (fine for a
        // framework convention); theirs makes it an amendment (fine while `amends` is there).
        let base = head.replacingOccurrences(of: "title:", with: "kind: convention_cadre\namends: conv-2009-vienne-kairouan-cooperation\ntitle:")
        let ours = head.replacingOccurrences(of: "title:", with: "kind: convention_cadre\ntitle:")
        let theirs = head.replacingOccurrences(of: "title:", with: "kind: avenant\namends: conv-2009-vienne-kairouan-cooperation\ntitle:")
        let output = try merger.merge(
            path: "knowledge/conventions/conv-2009-exemple.yaml",
            base: RecordSide(bytes: Array(base.utf8), commitTime: 1), ours: RecordSide(bytes: Array(ours.utf8), commitTime: 2, commitID: "b"),
            theirs: RecordSide(bytes: Array(theirs.utf8), commitTime: 2, commitID: "a"), now: "2026-11-27T10:00:00Z")
        let merged = String(decoding: output.bytes, as: UTF8.self)
        // Field by field the merge is clean (kind from theirs, amends deleted by ours), but an
        // avenant without `amends` breaks the schema: that is recorded, not silently kept.
        #expect(merged.contains("kind: avenant"))
        #expect(!output.conflicts.isEmpty, "\(merged)")
        #expect(merged.contains("_conflicts:"))
    }
}
