public import Foundation
public import KaleidoKB
public import KaleidoMerge
public import KaleidoYAML

/// What a record merge learns from the knowledge base the file belongs to: the record type's
/// schema hints (`x-merge-key`, `x-merge: atomic`) and a schema check of the merged record. The
/// one context both the git merge driver (`kaleido merge-driver`) and the sync engine's merger
/// (KaleidoSync's `DefaultMerger`) build, so that a record merges the same way through either.
public struct MergeContext {
    public var hints: [FieldHint] = []
    /// The JSON pointers of a merged record's schema errors (the fields to record as conflicts).
    public var checker: (@Sendable (YAMLNode) -> [String])?

    public init(hints: [FieldHint] = [], checker: (@Sendable (YAMLNode) -> [String])? = nil) {
        self.hints = hints
        self.checker = checker
    }

    /// The context of the record file at `path` (relative to `directory`, or absolute), found by
    /// looking for a KB from `directory` upward. No KB, an unreadable config or an unknown type
    /// give an empty context: the merge then works on the YAML alone.
    public static func find(for path: String, from directory: String, record: YAMLNode?) -> MergeContext {
        guard let root = Workspace.locate(from: directory), let workspace = try? Workspace.open(at: root) else { return MergeContext() }
        let relative = workspace.relativePath(of: path, from: directory) ?? path
        return of(relative, in: workspace, record: record)
    }

    /// The context of the record file at the repository-relative `path` of `workspace`: its type
    /// is the record's `type` field when it has one, else its folder's. Unreadable schemas or an
    /// unknown type give an empty context.
    public static func of(_ relative: String, in workspace: Workspace, record: YAMLNode?) -> MergeContext {
        guard let schemas = try? workspace.schemas() else { return MergeContext() }
        let placeholder = YAMLNode(.mapping([], .block))
        let asRecord = Record(file: relative, root: record ?? placeholder)
        guard let type = asRecord.type ?? asRecord.folderType(knowledgeFolder: workspace.config.knowledgeFolder) else { return MergeContext() }
        var context = MergeContext(hints: schemas.hints[type] ?? [])
        if let schemaChecker = schemas.checker {
            context.checker = { root in
                schemaChecker.check(Record(file: relative, root: root), type: type)
                    .filter { $0.severity == .error }.map(\.pointer)
            }
        }
        return context
    }
}

/// The current time as ISO 8601 UTC (`KALEIDO_NOW` overrides it, for tests).
public enum MergeClock {
    public static func now() -> String {
        if let fixed = ProcessInfo.processInfo.environment["KALEIDO_NOW"] { return fixed }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
