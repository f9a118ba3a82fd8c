internal import KaleidoKB
internal import KaleidoMerge

/// The record merger the sync engine uses for a KB.
public enum DefaultMerger {
    /// KaleidoMerge's structured merger with the KB's schema hints (`x-merge-key`,
    /// `x-merge: atomic`), under the symmetric provisional rule. A KB whose schemas cannot be
    /// read merges without hints (by `id` keys only).
    public static func make(for settings: SyncSettings) -> any RecordMerging {
        var hints: [String: [FieldHint]] = [:]
        if let kb = try? KnowledgeBase.open(root: settings.root, fileSystem: LocalFileSystem()),
           let schemas = try? KBSchemas.load(kb) {
            for (type, list) in schemas.hints { hints[type.folder] = list }
        }
        return StructuredRecordMerger(knowledgeFolder: settings.knowledgeFolder, hintsByFolder: hints)
    }
}

/// `RecordMerging` over KaleidoMerge's `RecordMerger` with `.symmetric`: two replicas merging
/// the same pair of commits write the same data, whichever side each is on.
struct StructuredRecordMerger: RecordMerging {
    let knowledgeFolder: String
    /// Type folder (`partners`) → that type's schema hints.
    let hintsByFolder: [String: [FieldHint]]

    func merge(path: String, base: RecordSide?, ours: RecordSide, theirs: RecordSide, now: String) throws -> RecordMergeOutput {
        let merger = RecordMerger(hints: hints(for: path))
        let result = try merger.merge(base: base.map(side), ours: side(ours), theirs: side(theirs), rule: .symmetric, now: now)
        return RecordMergeOutput(bytes: result.bytes, conflicts: result.conflicts.map(\.path))
    }

    func mergeDeleted(path: String, edited: RecordSide, editedIsOurs: Bool, deletedBy: String?, now: String) throws -> RecordMergeOutput {
        let merger = RecordMerger(hints: hints(for: path))
        let result = try merger.mergeDeletedFile(edited: side(edited), editedIsOurs: editedIsOurs, deletedBy: deletedBy, now: now)
        return RecordMergeOutput(bytes: result.bytes, conflicts: result.conflicts.map(\.path))
    }

    private func hints(for path: String) -> [FieldHint] {
        // knowledge/<type folder>/<id>.yaml
        let rest = path.dropFirst(knowledgeFolder.count + 1)
        guard let folder = rest.split(separator: "/").first else { return [] }
        return hintsByFolder[String(folder)] ?? []
    }

    private func side(_ side: RecordSide) -> MergeSide {
        MergeSide(bytes: side.bytes, author: side.author, commitTime: side.commitTime, commitID: side.commitID)
    }
}
