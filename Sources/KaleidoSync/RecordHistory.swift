public import Foundation
internal import KaleidoGit
internal import KaleidoYAML

/// One field changed by one commit: what `kaleido log ID` prints.
public struct FieldChange: Codable, Hashable, Sendable {
    public var field: String
    /// The old and new values when they are scalars; `nil` when absent or a collection.
    public var old: String?
    public var new: String?
    /// `set`, `changed` or `removed`.
    public var action: String
}

/// One commit that changed a record.
public struct RecordRevision: Codable, Hashable, Sendable {
    public var commit: String
    public var author: String
    public var date: Date
    /// Whether the change came from a merge (the merged result differs from every parent).
    public var isMerge: Bool
    public var created: Bool
    public var deleted: Bool
    public var fields: [FieldChange]
    public var summary: String
}

/// Who changed which field of a record, and when, from the git history: field-level (records
/// compared as data), not line diffs.
public enum RecordHistory {
    /// The file of the record `id` in the branch tip: `<knowledge>/<type folder>/<id>.yaml`.
    public static func path(of id: String, settings: SyncSettings) throws -> String? {
        let repository = try Repository.open(at: settings.root)
        guard let tip = try repository.head().commit else { return nil }
        let names = [id + ".yaml", id + ".yml"]
        return try repository.listTree(tip).first { entry in
            entry.path.hasPrefix(settings.knowledgeFolder + "/") && names.contains(String(entry.name))
        }?.path
    }

    /// The revisions of the file at `path`, newest first, at most `limit`.
    public static func revisions(of path: String, settings: SyncSettings, limit: Int = 1000) throws -> [RecordRevision] {
        let repository = try Repository.open(at: settings.root)
        guard let tip = try repository.head().commit else { return [] }
        var revisions: [RecordRevision] = []
        var blobs: [ObjectID: ObjectID?] = [:]  // commit → blob at path, memoised
        func blob(in commit: ObjectID) throws -> ObjectID? {
            if let known = blobs[commit] { return known }
            let id = try repository.entry(at: path, in: commit)?.id
            blobs[commit] = id
            return id
        }
        for id in try repository.commits(from: tip) {
            guard revisions.count < limit else { break }
            let commit = try repository.commit(id)
            let mine = try blob(in: id)
            let parentBlobs = try commit.parents.map { try blob(in: $0) }
            // A commit changed the record when its version differs from every parent's (a merge
            // that took one side unchanged did not change it; that side's commit did).
            if !parentBlobs.isEmpty && parentBlobs.contains(where: { $0 == mine }) { continue }
            if parentBlobs.isEmpty && mine == nil { continue }
            let before = try parentBlobs.first.flatMap { $0 }.map { try repository.readBlob($0) }
            let after = try mine.map { try repository.readBlob($0) }
            revisions.append(RecordRevision(
                commit: id.hex, author: "\(commit.author.name) <\(commit.author.email)>", date: commit.author.time,
                isMerge: commit.parents.count > 1, created: before == nil, deleted: after == nil,
                fields: fieldChanges(old: before, new: after), summary: commit.summary))
        }
        return revisions
    }

    static func fieldChanges(old: [UInt8]?, new: [UInt8]?) -> [FieldChange] {
        let parser = YAMLParser()
        let oldRoot = old.flatMap { try? parser.parseDocument($0).root }
        let newRoot = new.flatMap { try? parser.parseDocument($0).root }
        guard let fields = FieldChanges.changedFields(old: oldRoot, new: newRoot) else { return [] }
        return fields.map { field in
            let before = oldRoot?[field], after = newRoot?[field]
            let action = before == nil ? "set" : after == nil ? "removed" : "changed"
            return FieldChange(field: field, old: FieldChanges.scalarText(before), new: FieldChanges.scalarText(after), action: action)
        }
    }
}
