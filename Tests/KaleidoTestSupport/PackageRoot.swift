public import Foundation

/// Where the tests find the project's own files: the package root (from `#filePath`), its
/// sample knowledge base, and the shared corpora next to it.
public enum PackageRoot {
    /// The package root: this file is Tests/KaleidoTestSupport/PackageRoot.swift.
    public static let url: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The package root's path, without a trailing slash.
    public static var path: String { url.path }

    /// The sample KB's records: `knowledge/`.
    public static var knowledge: URL { url.appendingPathComponent("knowledge") }

    /// The project's JSON Schemas (YAML files): `schemas/`.
    public static var schemas: URL { url.appendingPathComponent("schemas") }

    /// Every record file of the sample KB (`.yaml` under `knowledge/`), relative to
    /// `knowledge/`, sorted; empty when the folder is missing.
    public static let sampleRecordPaths: [String] = {
        let paths = FileManager.default.enumerator(atPath: knowledge.path)?.compactMap { $0 as? String } ?? []
        return paths.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    /// Copies the sample KB (`.kaleido/`, `schemas/`, `knowledge/`, as they are, caches
    /// included) into `folder`, which must exist and hold none of them.
    public static func copySampleKB(to folder: URL) throws {
        for item in [".kaleido", "schemas", "knowledge"] {
            try FileManager.default.copyItem(at: url.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
    }

    /// The shared test corpora (`shared/corpora`), read as data and never copied into the
    /// project: next to the package root's parent, or, from a git worktree, next to the nearest
    /// of its four first ancestors that has one. Nil when none has.
    public static let sharedCorpora: URL? = {
        var folder = url
        for _ in 0..<4 {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent("shared/corpora")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return nil
    }()
}
