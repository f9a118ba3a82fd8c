public import KaleidoYAML

/// A knowledge base on disk: its root folder (the one holding `.kaleido/`) and its settings.
public struct KnowledgeBase: Sendable {
    /// The KB root, as given or found (absolute when found by `locate`).
    public let root: String
    public let config: KBConfig
    public let fileSystem: any FileSystem

    public init(root: String, config: KBConfig, fileSystem: any FileSystem) {
        self.root = root
        self.config = config
        self.fileSystem = fileSystem
    }

    /// The folder holding `.kaleido/`, walking up from `directory` the way git finds `.git/`;
    /// nil when no parent has one.
    public static func locate(from directory: String, fileSystem: any FileSystem) -> String? {
        var current = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        while true {
            if fileSystem.isDirectory(current + "/.kaleido") { return current }
            guard let slash = current.lastIndex(of: "/") else { return nil }
            if current == "/" { return nil }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
    }

    /// Opens the KB at `root`, reading `.kaleido/config.yaml` when it exists.
    public static func open(root: String, fileSystem: any FileSystem) throws(KBOpenError) -> KnowledgeBase {
        let configPath = root + "/" + KBConfig.path
        guard fileSystem.exists(configPath) else {
            return KnowledgeBase(root: root, config: KBConfig(), fileSystem: fileSystem)
        }
        let bytes: [UInt8]
        do { bytes = try fileSystem.readFile(configPath) } catch {
            throw KBOpenError(file: KBConfig.path, source: [], span: nil, message: "cannot read the config: \(error)")
        }
        return KnowledgeBase(root: root, config: try config(from: bytes), fileSystem: fileSystem)
    }

    /// The settings in the bytes of a config file (the file on disk, or a saved copy of it).
    public static func config(from bytes: [UInt8]) throws(KBOpenError) -> KBConfig {
        do {
            return try KBConfig(document: try YAMLParser().parseDocument(bytes).root)
        } catch let error as YAMLError {
            throw KBOpenError(file: KBConfig.path, source: bytes, span: SourceSpan(start: error.mark, end: error.mark), message: error.message)
        } catch let error as KBConfigError {
            throw KBOpenError(file: KBConfig.path, source: bytes, span: error.span, message: error.message)
        } catch {
            throw KBOpenError(file: KBConfig.path, source: bytes, span: nil, message: "\(error)")
        }
    }

    /// A path under the KB root.
    public func path(_ relative: String) -> String { root + "/" + relative }
}

/// The KB could not be opened: its config is unreadable or malformed.
public struct KBOpenError: Error, Sendable {
    public var file: String
    public var source: [UInt8]
    public var span: SourceSpan?
    public var message: String

    public init(file: String, source: [UInt8], span: SourceSpan?, message: String) {
        self.file = file
        self.source = source
        self.span = span
        self.message = message
    }

    /// The error as a compiler-style diagnostic (`.kaleido/config.yaml:3:9: error: …`);
    /// `rendered(source:)` with `source` adds the line and a caret.
    public var diagnostic: Diagnostic {
        Diagnostic(file: file, mark: span?.start ?? SourceSpan.none.start, severity: .error, message: message, rule: "config")
    }
}
