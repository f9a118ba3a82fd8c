internal import Foundation
internal import KaleidoKB
internal import KaleidoMerge
internal import KaleidoWorkspace
internal import KaleidoYAML

/// The record merger the sync engine uses for a KB.
public enum DefaultMerger {
    /// KaleidoMerge's structured merger with the KB's merge context (the workspace's
    /// `MergeContext`: schema hints and check), under the symmetric provisional rule. A KB whose
    /// schemas cannot be read merges without hints (by `id` keys only).
    ///
    /// The schemas are read at the first merge, not before: most cycles merge nothing, and
    /// `kaleido sync` should not pay for parsing them.
    public static func make(for settings: SyncSettings) -> any RecordMerging {
        LazyMerger(settings: settings)
    }

    static func load(_ settings: SyncSettings) -> StructuredRecordMerger {
        // A shared config that does not load leaves the schemas where the last good one said.
        let workspace = (try? Workspace.open(at: settings.root)) ?? SharedConfig.lastGood(root: settings.root).map(Workspace.init(kb:))
        return StructuredRecordMerger(workspace: workspace)
    }
}

/// Builds the structured merger on first use. Thread-safe (a lock guards the one build).
final class LazyMerger: RecordMerging, @unchecked Sendable {
    private let settings: SyncSettings
    private let lock = NSLock()
    private var built: StructuredRecordMerger?

    init(settings: SyncSettings) { self.settings = settings }

    private var merger: StructuredRecordMerger {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let made = DefaultMerger.load(settings)
        built = made
        return made
    }

    func merge(path: String, base: RecordSide?, ours: RecordSide, theirs: RecordSide, now: String) throws -> RecordMergeOutput {
        try merger.merge(path: path, base: base, ours: ours, theirs: theirs, now: now)
    }

    func mergeDeleted(path: String, edited: RecordSide, editedIsOurs: Bool, deletedBy: String?, now: String) throws -> RecordMergeOutput {
        try merger.mergeDeleted(path: path, edited: edited, editedIsOurs: editedIsOurs, deletedBy: deletedBy, now: now)
    }
}

/// `RecordMerging` over KaleidoMerge's `RecordMerger` with `.symmetric`: two replicas merging
/// the same pair of commits write the same data, whichever side each is on. Each record gets the
/// workspace's `MergeContext`, the one the git merge driver uses (hints and schema check of the
/// record's type; a merged record that breaks its schema, each side valid, gets a conflict entry
/// for the fields involved: docs/merge.md). Without a workspace, by `id` keys only.
struct StructuredRecordMerger: RecordMerging {
    let workspace: Workspace?

    func merge(path: String, base: RecordSide?, ours: RecordSide, theirs: RecordSide, now: String) throws -> RecordMergeOutput {
        let context = self.context(path)
        let merger = RecordMerger(hints: context.hints, checker: context.checker)
        let result = try merger.merge(base: base, ours: ours, theirs: theirs, rule: .symmetric, now: now)
        return RecordMergeOutput(bytes: result.bytes, conflicts: result.conflicts.map(\.path))
    }

    func mergeDeleted(path: String, edited: RecordSide, editedIsOurs: Bool, deletedBy: String?, now: String) throws -> RecordMergeOutput {
        let merger = RecordMerger(hints: context(path).hints)
        let result = try merger.mergeDeletedFile(edited: edited, editedIsOurs: editedIsOurs, deletedBy: deletedBy, now: now)
        return RecordMergeOutput(bytes: result.bytes, conflicts: result.conflicts.map(\.path))
    }

    /// The type's context from the path's folder (`knowledge/<type folder>/…/<id>.yaml`).
    private func context(_ path: String) -> MergeContext {
        workspace.map { MergeContext.of(path, in: $0, record: nil) } ?? MergeContext()
    }
}
