internal import Foundation
internal import KaleidoKB
internal import KaleidoQuery
public import KaleidoSchema

/// Editor schema associations, so that consultants get completion and checking while they type:
/// VS Code's `.vscode/settings.json` `yaml.schemas` (read by the Red Hat YAML extension, that is
/// yaml-language-server), mapping each type's schema to its folder's records. Other editors that
/// embed yaml-language-server read a first-line modeline instead (`kaleido new` writes one when
/// the KB's `editor.schema_modeline` is true).
///
/// The globs say `**/*.yaml`: records sit in sharded subfolders (`partners/tn/…`), and whether
/// a single `*` crosses a `/` has changed between yaml-language-server versions (its issues
/// #349, #1295); `**` covers any depth in all of them.
public enum EditorSettings {
    /// The settings file, relative to the KB root.
    public static let path = ".vscode/settings.json"

    /// One association per record type: `./schemas/partner.yaml` → `knowledge/partners/**/*.yaml`.
    public static func associations(knowledgeFolder: String = "knowledge", schemasFolder: String = "schemas") -> [(schema: String, glob: String)] {
        RecordType.allCases.map { ("./\(schemasFolder)/\($0.schemaFile)", "\(knowledgeFolder)/\($0.folder)/**/*.yaml") }
    }

    /// The modeline that associates a record with its schema, given the schema's path relative
    /// to the record's folder (`../../schemas/partner.yaml`).
    public static func modeline(schema relativePath: String) -> String {
        "# yaml-language-server: $schema=\(relativePath)"
    }

    /// What merging the associations into a settings file gives.
    public enum Outcome: Equatable, Sendable {
        /// The new text, and how many associations were added.
        case write(String, added: Int)
        /// Every association is there already.
        case unchanged
        /// The file is not plain JSON (VS Code allows comments and trailing commas, which this
        /// cannot keep) or `yaml.schemas` is not an object: the file must stay as it is.
        case cannotMerge(String)
    }

    /// Merges the associations into `existing` (nil: no file yet). Every other key stays, in its
    /// order; an association the user already has for a schema (even with another glob) is kept.
    public static func merge(into existing: String?, associations: [(schema: String, glob: String)]) -> Outcome {
        var settings = JSONObject()
        if let existing, !existing.allSatisfy(\.isWhitespace) {
            do {
                guard case .object(let object) = try JSONParser().parse(existing) else {
                    return .cannotMerge("it holds no JSON object")
                }
                settings = object
            } catch {
                return .cannotMerge("it is not plain JSON (\(error.line):\(error.column): \(error.message)); comments and trailing commas are allowed by VS Code but cannot be kept by an automatic edit")
            }
        }
        var schemas = JSONObject()
        if let current = settings["yaml.schemas"] {
            guard case .object(let object) = current else { return .cannotMerge("its \"yaml.schemas\" is not an object") }
            schemas = object
        }
        var added = 0
        for association in associations where schemas[association.schema] == nil {
            schemas[association.schema] = .string(association.glob)
            added += 1
        }
        guard added > 0 else { return .unchanged }
        settings["yaml.schemas"] = .object(schemas)
        return .write(render(.object(settings), indent: 0) + "\n", added: added)
    }

    /// Reads, merges and writes (atomically) `.vscode/settings.json` under `root`; returns a
    /// sentence for the user. Never overwrites a file it cannot parse.
    public static func install(root: String, knowledgeFolder: String = "knowledge", schemasFolder: String = "schemas") throws -> (message: String, wrote: Bool) {
        let file = root + "/" + path
        let existing = FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) }
        switch merge(into: existing, associations: associations(knowledgeFolder: knowledgeFolder, schemasFolder: schemasFolder)) {
        case .unchanged:
            return ("\(path) already associates the schemas with the record folders", false)
        case .cannotMerge(let reason):
            let snippet = associations(knowledgeFolder: knowledgeFolder, schemasFolder: schemasFolder)
                .map { "    \(JSONText.quote($0.schema)): \(JSONText.quote($0.glob))" }.joined(separator: ",\n")
            return ("left \(path) as it is: \(reason). Add the schema associations yourself:\n  \"yaml.schemas\": {\n\(snippet)\n  }", false)
        case .write(let text, let added):
            try FileManager.default.createDirectory(atPath: root + "/.vscode", withIntermediateDirectories: true)
            try AtomicFile.write(Array(text.utf8), to: file)
            return ("\(path): yaml.schemas associates \(added) schema\(added == 1 ? "" : "s") with the record folders (VS Code's YAML extension)", true)
        }
    }

    /// JSON as VS Code writes its settings: four-space indentation, keys in their order.
    public static func render(_ value: JSONValue, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent + 4), close = String(repeating: " ", count: indent)
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.description
        case .string(let text): return JSONText.quote(text)
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            return "[\n" + items.map { pad + render($0, indent: indent + 4) }.joined(separator: ",\n") + "\n" + close + "]"
        case .object(let object):
            guard object.count > 0 else { return "{}" }
            return "{\n" + object.map { pad + JSONText.quote($0.key) + ": " + render($0.value, indent: indent + 4) }.joined(separator: ",\n") + "\n" + close + "}"
        }
    }
}
