internal import Foundation
internal import KaleidoGit
internal import KaleidoYAML

/// Step 1 of the cycle: commit the working tree's edits that parse; keep the others waiting.
struct Snapshot {
    /// The tip after the snapshot (the new commit, or the unchanged tip), `nil` on an unborn branch.
    var tip: ObjectID?
    /// The commit made, if anything changed.
    var commit: ObjectID?
    /// Its message's first line.
    var summary: String?
    /// Files that do not parse: not committed.
    var waiting: [WaitingFile]
    /// Conflicts recorded while merging files that waited (against the version they were based on).
    var conflicts: [ConflictNote] = []
    /// Files another program was still writing: left for the next cycle.
    var busy: Set<String> = []
    /// Paths whose working-tree content differs from the tip on purpose (the waiting files and
    /// the files being written): never overwritten by the merge.
    var held: Set<String> { Set(waiting.map(\.path)).union(busy) }
}

/// Describes a set of changed files for a commit message: one line per record with the fields
/// that changed (`tn-mun-sfax: phone, names`), then other files by path.
enum ChangeDescription {
    struct Item {
        var path: String
        var old: [UInt8]?
        var new: [UInt8]?
    }

    /// The message: the first line summarises, the body lists every item.
    static func message(for items: [Item], isRecord: (String) -> Bool) -> String {
        let lines = items.sorted { $0.path < $1.path }.map { line(for: $0, isRecord: isRecord) }
        guard let first = lines.first else { return "Kaleido: no change\n" }
        if lines.count == 1 { return first + "\n" }
        let summary = lines.prefix(3).joined(separator: "; ") + (lines.count > 3 ? "; and \(lines.count - 3) more" : "")
        return summary + "\n\n" + lines.joined(separator: "\n") + "\n"
    }

    static func line(for item: Item, isRecord: (String) -> Bool) -> String {
        guard isRecord(item.path) else {
            return item.path + (item.new == nil ? ": deleted" : item.old == nil ? ": added" : ": changed")
        }
        let id = recordID(item.path)
        guard let new = item.new else { return "\(id): deleted" }
        guard let old = item.old else { return "\(id): new record" }
        let parser = YAMLParser()
        let oldRoot = try? parser.parseDocument(old).root
        let newRoot = try? parser.parseDocument(new).root
        guard let fields = FieldChanges.changedFields(old: oldRoot, new: newRoot) else { return "\(id): rewritten" }
        return fields.isEmpty ? "\(id): formatting" : "\(id): " + fields.joined(separator: ", ")
    }

    /// The record id a file name carries: `knowledge/partners/tn-mun-sfax.yaml` → `tn-mun-sfax`.
    static func recordID(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
        return name
    }
}
