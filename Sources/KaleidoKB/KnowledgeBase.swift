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
        do {
            let document = try YAMLParser().parseDocument(bytes)
            return KnowledgeBase(root: root, config: try KBConfig(document: document.root), fileSystem: fileSystem)
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
}
