import Foundation
import KaleidoKB
import KaleidoMerge
import KaleidoYAML

/// What the merge commands learn from the knowledge base a file belongs to, when there is one:
/// the record type's schema hints and a schema checker for merged records.
struct MergeContext {
    var hints: [FieldHint] = []
    var checker: (@Sendable (YAMLNode) -> [String])?

    /// The context of the record file at `path` (relative to `directory`, or absolute), found by
    /// looking for a KB from `directory` upward. No KB, an unreadable config or an unknown type
    /// give an empty context: the merge then works on the YAML alone.
    static func find(for path: String, from directory: String, record: YAMLNode?) -> MergeContext {
        let fileSystem = LocalFileSystem()
        guard let root = KnowledgeBase.locate(from: directory, fileSystem: fileSystem),
              let kb = try? KnowledgeBase.open(root: root, fileSystem: fileSystem),
              let schemas = try? KBSchemas.load(kb)
        else { return MergeContext() }
        let absolute = path.hasPrefix("/") ? path : directory + "/" + path
        let relative = absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : path
        let placeholder = YAMLNode(.mapping([], .block))
        let asRecord = Record(file: relative, root: record ?? placeholder)
        guard let type = asRecord.type ?? asRecord.folderType(knowledgeFolder: kb.config.knowledgeFolder) else { return MergeContext() }
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

/// Files written whole or not at all: a temporary file beside the target, then a rename.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).kaleido-\(getpid()).tmp")
        do {
            try Data(bytes).write(to: temporary)
            // Keep the target's permissions (git checks out files 0644 or 0755).
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path), let mode = attributes[.posixPermissions] {
                try? FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: temporary.path)
            }
            guard rename(temporary.path, path) == 0 else {
                throw CLIError.io("cannot replace \(path): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Creates `path` with `bytes`, whole or not at all, and only if nothing is there: the
    /// temporary file is hard-linked to the target (`link` fails when the target exists, even
    /// one created a moment ago by someone else), then removed.
    static func createNew(_ bytes: [UInt8], at path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).kaleido-\(getpid()).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try Data(bytes).write(to: temporary)
        guard link(temporary.path, path) == 0 else {
            throw CLIError.io(errno == EEXIST ? "\(path) already exists; nothing was written" : "cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.io("cannot read \(path): no such file or not readable")
        }
        return Array(data)
    }
}

/// The current time as ISO 8601 UTC (`KALEIDO_NOW` overrides it, for tests).
enum MergeClock {
    static func now() -> String {
        if let fixed = ProcessInfo.processInfo.environment["KALEIDO_NOW"] { return fixed }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
