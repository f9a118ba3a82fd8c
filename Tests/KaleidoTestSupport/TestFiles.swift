public import Foundation

/// Scratch folders and small text files for tests: created fresh, removed afterwards.
///
/// A closure rather than an object with a `deinit`, because Swift may release an object after
/// its last use, before the test is done with the folder.
public enum TestFiles {
    /// Creates `parent/prefix + unique` (with missing parents) and returns it. The caller
    /// removes it; `withTemporaryFolder` does that itself.
    ///
    /// `unique` is a fresh UUID by default; pass a shorter one where paths must stay short (a
    /// Unix socket's path is limited to 108 bytes).
    public static func makeTemporaryFolder(prefix: String, in parent: URL = FileManager.default.temporaryDirectory,
                                           unique: String = UUID().uuidString) throws -> URL {
        let folder = parent.appendingPathComponent(prefix + unique, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs `body` with a fresh folder (see `makeTemporaryFolder`), removed afterwards whether
    /// `body` returns or throws.
    public static func withTemporaryFolder<T>(prefix: String, in parent: URL = FileManager.default.temporaryDirectory,
                                              unique: String = UUID().uuidString, _ body: (URL) throws -> T) throws -> T {
        let folder = try makeTemporaryFolder(prefix: prefix, in: parent, unique: unique)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    /// The same, for async tests.
    public static func withTemporaryFolder<T>(prefix: String, in parent: URL = FileManager.default.temporaryDirectory,
                                              unique: String = UUID().uuidString,
                                              _ body: (URL) async throws -> T) async throws -> T {
        let folder = try makeTemporaryFolder(prefix: prefix, in: parent, unique: unique)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }

    /// Writes `text` as UTF-8 to `path`, creating the folders it needs; replaces any file there.
    public static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// The file at `path` decoded as UTF-8 (invalid bytes replaced), or nil when it cannot be read.
    public static func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every file and folder under `folder`, relative to it (empty when it cannot be listed).
    public static func entries(under folder: String) -> Set<String> {
        Set((FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? [])
    }
}
