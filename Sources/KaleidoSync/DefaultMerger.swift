internal import Foundation
internal import KaleidoKB
internal import KaleidoMerge
internal import KaleidoYAML

/// The record merger the sync engine uses for a KB.
public enum DefaultMerger {
    /// KaleidoMerge's structured merger with the KB's schema hints (`x-merge-key`,
    /// `x-merge: atomic`), under the symmetric provisional rule. A KB whose schemas cannot be
    /// read merges without hints (by `id` keys only).
    ///
    /// The schemas are read at the first merge, not before: most cycles merge nothing, and
    /// `kaleido sync` should not pay for parsing them.
    public static func make(for settings: SyncSettings) -> any RecordMerging {
        LazyMerger(settings: settings)
    }

    static func load(_ settings: SyncSettings) -> StructuredRecordMerger {
        var hints: [String: [FieldHint]] = [:]
        var checkers: [String: @Sendable (YAMLNode) -> [String]] = [:]
        // A shared config that does not load leaves the schemas where the last good one said.
        if let kb = (try? KnowledgeBase.open(root: settings.root, fileSystem: LocalFileSystem())) ?? SharedConfig.lastGood(root: settings.root),
           let schemas = try? KBSchemas.load(kb) {
            for (type, list) in schemas.hints { hints[type.folder] = list }
            // A merged record that breaks its schema (each side valid) gets a conflict entry
            // for the fields involved (docs/merge.md): the merger asks the schema which ones.
            if let schemaChecker = schemas.checker {
                for type in RecordType.allCases {
                    checkers[type.folder] = { root in
                        schemaChecker.check(Record(file: "\(kb.config.knowledgeFolder)/\(type.folder)/merged.yaml", root: root), type: type)
                            .filter { $0.severity == .error }.map(\.pointer)
                    }
                }
            }
        }
        return StructuredRecordMerger(knowledgeFolder: settings.knowledgeFolder, hintsByFolder: hints, checkersByFolder: checkers)
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
/// the same pair of commits write the same data, whichever side each is on.
struct StructuredRecordMerger: RecordMerging {
    let knowledgeFolder: String
    /// Type folder (`partners`) → that type's schema hints.
    let hintsByFolder: [String: [FieldHint]]
    /// Type folder → the schema check of a merged record (invalid JSON pointers).
    var checkersByFolder: [String: @Sendable (YAMLNode) -> [String]] = [:]

    func merge(path: String, base: RecordSide?, ours: RecordSide, theirs: RecordSide, now: String) throws -> RecordMergeOutput {
        let merger = RecordMerger(hints: hints(for: path), checker: folder(of: path).flatMap { checkersByFolder[$0] })
        let result = try merger.merge(base: base, ours: ours, theirs: theirs, rule: .symmetric, now: now)
        return RecordMergeOutput(bytes: result.bytes, conflicts: result.conflicts.map(\.path))
    }

    func mergeDeleted(path: String, edited: RecordSide, editedIsOurs: Bool, deletedBy: String?, now: String) throws -> RecordMergeOutput {
        let merger = RecordMerger(hints: hints(for: path))
        let result = try merger.mergeDeletedFile(edited: edited, editedIsOurs: editedIsOurs, deletedBy: deletedBy, now: now)
        return RecordMergeOutput(bytes: result.bytes, conflicts: result.conflicts.map(\.path))
    }

    private func hints(for path: String) -> [FieldHint] {
        folder(of: path).flatMap { hintsByFolder[$0] } ?? []
    }

    /// The type folder of `knowledge/<type folder>/…/<id>.yaml`.
    private func folder(of path: String) -> String? {
        let rest = path.dropFirst(knowledgeFolder.count + 1)
        return rest.split(separator: "/").first.map(String.init)
    }
}
