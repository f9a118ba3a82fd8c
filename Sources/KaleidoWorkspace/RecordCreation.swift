internal import Foundation
package import KaleidoKB
internal import KaleidoYAML

/// `kaleido new`'s work, without its arguments and output: checks that a record `id` of `type`
/// may be created (an id nobody has, fitting the type's id pattern), then writes its template in
/// the folder where records like it live, only if no file is there.
package struct RecordCreation {
    package let workspace: Workspace
    package let type: RecordType
    package let id: String
    package let schemas: KBSchemas
    package let outline: SchemaOutline
    /// The type's record shape from its schema (nil: the schema has none).
    package let shape: FieldShape?
    /// The KB's record files before the creation (relative to the root).
    package let files: [String]

    /// Checks the id.
    /// - Throws: `WorkspaceError.invalid` for an id taken or not fitting the type's id pattern,
    ///   `.io` when the schemas or the records cannot be read.
    package init(workspace: Workspace, type: RecordType, id: String) throws {
        let kb = workspace.kb
        let schemas: KBSchemas
        do { schemas = try workspace.schemas() } catch { throw WorkspaceError.io("cannot read the schemas: \(error)") }
        let outline = SchemaOutline(documents: schemas.documents)
        let shape = outline.recordShape(type)
        let files: [String]
        do { files = try KBValidator.recordFiles(of: kb) } catch { throw WorkspaceError.io("cannot list the records: \(error)") }
        if let existing = files.first(where: { Record(file: $0, root: YAMLNode(.mapping([], .block))).fileStem == id }) {
            throw WorkspaceError.invalid("the id \(id) is taken: \(existing) already has it; ids are unique across the knowledge base, choose another")
        }
        (self.workspace, self.type, self.id, self.schemas, self.outline, self.shape, self.files) = (workspace, type, id, schemas, outline, shape, files)
        try checkID()
    }

    /// Writes the new record with the `given` values: its template, in its folder (created when
    /// missing), whole or not at all, and only if no file is there.
    /// - Returns: the new file (relative to the root) and its template.
    package func create(given: GivenValues) throws -> (file: String, template: RecordTemplate) {
        let kb = workspace.kb
        let folder = Self.folder(for: type, id: id, kb: kb)
        let file = folder + "/" + id + ".yaml"
        let depth = file.split(separator: "/").count - 1
        let modeline = kb.config.schemaModeline
            ? String(repeating: "../", count: depth) + kb.config.schemasFolder + "/" + type.schemaFile : nil
        let template = RecordTemplate(id: id, type: type, shape: shape, outline: outline, given: given, modelineSchema: modeline)
        do {
            try FileManager.default.createDirectory(atPath: workspace.path(folder), withIntermediateDirectories: true)
            try AtomicFile.createNew(Array(template.text.utf8), at: workspace.path(file))
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError.io("cannot create \(file): \(error)")
        }
        return (file, template)
    }

    /// Refuses an id the schema's id pattern rejects (the same check `kaleido validate` makes),
    /// naming the expected form from the schema's description.
    private func checkID() throws {
        let expected = shape?.property("id").map(outline.shape)?.description.map { " (expected: \($0))" } ?? ""
        // The data model's rule for every id; the schema may be stricter per type.
        guard id.wholeMatch(of: /[a-z0-9]+(--?[a-z0-9]+)*/) != nil else {
            throw WorkspaceError.invalid("the id \"\(id)\" is not a valid id: lowercase ASCII letters and digits joined by hyphens\(expected)")
        }
        guard let checker = schemas.checker else { return }
        let probe = "id: \(YAMLEmitter().scalarText(.string(id)))\ntype: \(type.rawValue)\n"
        guard let root = try? YAMLParser().parseDocument(Array(probe.utf8)).root else { return }
        let record = Record(file: "knowledge/\(type.folder)/\(id).yaml", root: root)
        if let finding = checker.check(record, type: type).first(where: { $0.pointer == "/id" && $0.severity == .error }) {
            throw WorkspaceError.invalid("the id \"\(id)\" does not fit the \(type.rawValue) id pattern: \(finding.message)\(expected)")
        }
    }

    /// The folder of a new record, relative to the KB root. Subfolders of a type's folder are
    /// free (docs/data-model.md) and KBs shard by a part of the id: the record goes where records
    /// like it live, in the subfolder named after a part of its id (`partners/tn/` for
    /// `tn-mun-gabes`), or in a new year subfolder when the folder is sharded by year
    /// (`events/2027/` for `evt-2027-…`); else in the type's folder itself.
    package static func folder(for type: RecordType, id: String, kb: KnowledgeBase) -> String {
        let base = kb.config.knowledgeFolder + "/" + type.folder
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: kb.path(base))) ?? []
        let subfolders = Set(entries.filter { !$0.hasPrefix(".") && kb.fileSystem.isDirectory(kb.path(base + "/" + $0)) })
        guard !subfolders.isEmpty else { return base }
        let parts = id.split(separator: "-").map(String.init)
        if let part = parts.first(where: subfolders.contains) { return base + "/" + part }
        func isYear(_ text: String) -> Bool { text.count == 4 && text.allSatisfy(\.isASCIIDigit) }
        if subfolders.allSatisfy(isYear), let year = parts.first(where: isYear) { return base + "/" + year }
        return base
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
