public import Foundation
public import KaleidoKB
public import KaleidoQuery
internal import KaleidoYAML

/// A knowledge base opened once for a command or a daemon: its root, its config (read and
/// checked by `KBConfig` when opened, never again), and what is loaded from it on first use
/// (the schemas, the vocabulary), shared by every caller. SwiftPM's `Workspace` and
/// swift-format's `Frontend` are the models: the CLI parses arguments, then asks the workspace.
///
/// The workspace is the file-system door: `path(_:)` is where a repository-relative path
/// (`knowledge/partners/x.yaml`) becomes a file path, and `relativePath(of:)` the way back.
public final class Workspace: @unchecked Sendable {
    /// The KB: root, checked config, file system.
    public let kb: KnowledgeBase
    private let lock = NSLock()
    private var loadedSchemas: Result<KBSchemas, any Error>?
    private var loadedVocabulary: Vocabulary?

    /// A workspace over an already opened KB (its config already checked).
    public init(kb: KnowledgeBase) {
        self.kb = kb
    }

    /// Opens the KB at `root`: reads and checks `.kaleido/config.yaml` (defaults when there is
    /// none). Nothing else is read until asked for.
    /// - Throws: `KBOpenError` locating the problem in the config (`file:line:col`).
    public static func open(at root: String, fileSystem: any FileSystem = LocalFileSystem()) throws(KBOpenError) -> Workspace {
        Workspace(kb: try KnowledgeBase.open(root: root, fileSystem: fileSystem))
    }

    /// The root of the KB holding `directory` (the first folder with a `.kaleido/` going up), or nil.
    public static func locate(from directory: String, fileSystem: any FileSystem = LocalFileSystem()) -> String? {
        KnowledgeBase.locate(from: directory, fileSystem: fileSystem)
    }

    /// The KB's root folder (absolute).
    public var root: String { kb.root }

    /// The checked config.
    public var config: KBConfig { kb.config }

    /// The file path of the repository-relative `relative` (`knowledge/partners/x.yaml`).
    public func path(_ relative: String) -> String { kb.path(relative) }

    /// The repository-relative path of `path` (absolute, or relative to `directory`), or nil
    /// when it is outside the KB. `.` and `..` are resolved first, by name, so that
    /// `knowledge/../../etc/x` counts as outside, not as a record of the KB.
    public func relativePath(of path: String, from directory: String? = nil) -> String? {
        let absolute = path.hasPrefix("/") ? path : (directory ?? FileManager.default.currentDirectoryPath) + "/" + path
        guard let normalised = Self.resolvingDots(absolute), let base = Self.resolvingDots(root),
              normalised.hasPrefix(base == "/" ? "/" : base + "/"), normalised != base
        else { return nil }
        return String(normalised.dropFirst(base == "/" ? 1 : base.count + 1))
    }

    /// `absolute` with `.` and `..` resolved by name and no empty component; nil when `..`
    /// climbs above `/`.
    static func resolvingDots(_ absolute: String) -> String? {
        var components: [Substring] = []
        for component in absolute.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if components.popLast() == nil { return nil }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// The KB's schemas, read and compiled at the first call only (a failure is kept too).
    /// - Throws: what `KBSchemas.load` throws for an unreadable or invalid schema.
    public func schemas() throws -> KBSchemas {
        lock.lock()
        defer { lock.unlock() }
        if let loadedSchemas { return try loadedSchemas.get() }
        let result = Result { try KBSchemas.load(kb) }
        loadedSchemas = result
        return try result.get()
    }

    /// The KB's vocabulary (`config.vocabPath`), read at the first call; empty when the file is
    /// missing or unreadable (labels then fall back to codes).
    public func vocabulary() -> Vocabulary {
        lock.lock()
        defer { lock.unlock() }
        if let loadedVocabulary { return loadedVocabulary }
        var vocabulary = Vocabulary()
        if let bytes = try? kb.fileSystem.readFile(path(config.vocabPath)),
            let document = try? YAMLParser().parseDocument(bytes)
        {
            vocabulary = Vocabulary(document: document.root)
        }
        loadedVocabulary = vocabulary
        return vocabulary
    }

    /// The index cache of this KB (`.kaleido/cache/`): `load()` gives the index up to date
    /// with the files.
    public func indexStore(parallelism: Int = ProcessInfo.processInfo.activeProcessorCount) -> IndexStore {
        IndexStore(workspace: self, parallelism: parallelism)
    }
}
