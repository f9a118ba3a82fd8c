public import KaleidoKB
public import KaleidoMerge
internal import KaleidoYAML

/// An open conflict with the record it belongs to.
public struct RecordConflict: Sendable {
    /// The record file, relative to the KB root.
    public var file: String
    /// The record's id, when it has one.
    public var record: String?
    public var conflict: OpenConflict
}

/// The open conflicts of every record of a knowledge base (`kaleido conflicts`).
public enum ConflictScan {
    /// Every open conflict under the knowledge folder, in listing order, and the record files
    /// holding `_conflicts` that do not parse (their conflicts cannot be listed).
    /// - Throws: when the knowledge folder cannot be listed.
    public static func all(in kb: KnowledgeBase) throws -> (conflicts: [RecordConflict], unreadable: [String]) {
        let folder = kb.config.knowledgeFolder
        guard kb.fileSystem.isDirectory(kb.path(folder)) else { return ([], []) }
        var result: [RecordConflict] = []
        var unreadable: [String] = []
        for name in try kb.fileSystem.listFiles(under: kb.path(folder)) where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let file = folder + "/" + name
            guard let bytes = try? kb.fileSystem.readFile(kb.path(file)) else { unreadable.append(file); continue }
            // Most records have no conflict: skip the parse when the key is not in the file.
            guard bytes.count >= 10, String(decoding: bytes, as: UTF8.self).contains("_conflicts") else { continue }
            guard let conflicts = try? ConflictResolver.openConflicts(in: bytes),
                  let root = try? YAMLParser().parseDocument(bytes).root
            else { unreadable.append(file); continue }
            let id = root["id"]?.stringValue
            result += conflicts.map { RecordConflict(file: file, record: id, conflict: $0) }
        }
        return (result, unreadable)
    }
}
