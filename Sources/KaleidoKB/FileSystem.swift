/// The file operations the knowledge base needs, behind a protocol so that tests can run the
/// same code over an in-memory tree and over real files.
public protocol FileSystem: Sendable {
    /// The whole content of a file. Throws `FileSystemError` when it cannot be read.
    func readFile(_ path: String) throws -> [UInt8]
    /// Paths of the regular files below `directory` (recursively), relative to it, sorted.
    /// Hidden entries (names starting with `.`) are skipped.
    func listFiles(under directory: String) throws -> [String]
    /// Whether `path` names a directory.
    func isDirectory(_ path: String) -> Bool
    /// Whether `path` names an existing file or directory.
    func exists(_ path: String) -> Bool
    /// Reads the files of `paths` in order, calling `body` with each one's index and content or
    /// error. Paths that share a folder should be next to each other: an implementation may
    /// keep the folder open between them.
    func readFiles(_ paths: [String], _ body: (Int, Result<[UInt8], FileSystemError>) throws -> Void) rethrows
}

extension FileSystem {
    public func readFiles(_ paths: [String], _ body: (Int, Result<[UInt8], FileSystemError>) throws -> Void) rethrows {
        for (index, path) in paths.enumerated() {
            try body(index, FileSystemError.result(path) { try readFile(path) })
        }
    }
}

/// A file system failure, with the path and the system's reason.
public struct FileSystemError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }

    /// The reason given for a symlink, which `LocalFileSystem` never reads through.
    public static let symlinkReason = "a symlink, which Kaleido never reads through"

    /// Whether the file is a symlink (a record must be a regular file).
    public var isSymlink: Bool { reason == Self.symlinkReason }

    /// What `read` gives, or its error as a `FileSystemError` about `path`.
    static func result(_ path: String, _ read: () throws -> [UInt8]) -> Result<[UInt8], FileSystemError> {
        do { return .success(try read()) } catch let error as FileSystemError {
            return .failure(error)
        } catch {
            return .failure(FileSystemError(path: path, reason: "\(error)"))
        }
    }
}

/// A file system held in memory, for unit tests: paths map to contents; directories are implied.
public struct InMemoryFileSystem: FileSystem {
    public var files: [String: [UInt8]]

    public init(files: [String: String] = [:]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    public func readFile(_ path: String) throws -> [UInt8] {
        guard let content = files[Self.normalize(path)] else {
            throw FileSystemError(path: path, reason: "No such file or directory")
        }
        return content
    }

    public func listFiles(under directory: String) throws -> [String] {
        let prefix = Self.normalize(directory).isEmpty ? "" : Self.normalize(directory) + "/"
        guard isDirectory(directory) else { throw FileSystemError(path: directory, reason: "Not a directory") }
        return files.keys.filter { $0.hasPrefix(prefix) }
            .map { String($0.dropFirst(prefix.count)) }
            .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
            .sorted()
    }

    public func isDirectory(_ path: String) -> Bool {
        let normalized = Self.normalize(path)
        return normalized.isEmpty || files.keys.contains { $0.hasPrefix(normalized + "/") }
    }

    public func exists(_ path: String) -> Bool {
        files[Self.normalize(path)] != nil || isDirectory(path)
    }

    static func normalize(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }
}
