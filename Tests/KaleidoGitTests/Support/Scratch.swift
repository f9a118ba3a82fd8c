import Foundation

/// Runs `body` with a fresh, unique folder under the system temp directory, removed afterwards
/// whether `body` returns or throws. A closure rather than an object with a `deinit`, because
/// Swift may release an object after its last use, before the test is done with the folder.
func withScratchDirectory<T>(_ body: (Scratch) throws -> T) throws -> T {
    let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("kaleido-git-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    return try body(Scratch(root: root.path))
}

/// The same, for async tests.
func withScratchDirectory<T>(_ body: (Scratch) async throws -> T) async throws -> T {
    let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("kaleido-git-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    return try await body(Scratch(root: root.path))
}

/// A scratch folder and a `git` command line confined to it.
struct Scratch {
    /// The folder's absolute path.
    let root: String

    /// `root/name`.
    func path(_ name: String) -> String { root + "/" + name }

    /// Writes a file (creating folders) with the given UTF-8 text.
    func write(_ text: String, to relativePath: String, in folder: String) throws {
        let url = URL(fileURLWithPath: folder + "/" + relativePath)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Runs `git args…` in `folder` and returns its standard output as text.
    @discardableResult
    func git(_ args: String..., in folder: String, input: [UInt8]? = nil) throws -> String {
        String(decoding: try gitBytes(args, in: folder, input: input), as: UTF8.self)
    }

    /// Runs `git args…` in `folder` and returns its standard output as bytes.
    ///
    /// The machine's and the user's git configuration stay out (`GIT_CONFIG_NOSYSTEM`, an empty
    /// `HOME`), and author and committer are fixed, so results do not depend on who runs them.
    func gitBytes(_ args: [String], in folder: String, input: [UInt8]? = nil) throws -> [UInt8] {
        let home = path(".home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + args
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["HOME"] = home
        environment["XDG_CONFIG_HOME"] = home
        environment["GIT_AUTHOR_NAME"] = "Amina Trabelsi"
        environment["GIT_AUTHOR_EMAIL"] = "amina@example.org"
        environment["GIT_AUTHOR_DATE"] = "2026-01-15T10:00:00+01:00"
        environment["GIT_COMMITTER_NAME"] = "Amina Trabelsi"
        environment["GIT_COMMITTER_EMAIL"] = "amina@example.org"
        environment["GIT_COMMITTER_DATE"] = "2026-01-15T10:00:00+01:00"
        process.environment = environment
        let output = Pipe(), errors = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input)) }
        try stdin.fileHandleForWriting.close()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitCommandFailed(
                arguments: args, status: process.terminationStatus,
                stderr: String(decoding: stderr, as: UTF8.self))
        }
        return Array(stdout)
    }

    /// Makes a non-bare repository with git itself, on branch main, and returns its path.
    func gitInit(_ name: String) throws -> String {
        let folder = path(name)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try git("init", "--quiet", "-b", "main", in: folder)
        return folder
    }

    /// Writes `files` into the working tree of `folder` and commits them all with git.
    @discardableResult
    func gitCommit(_ files: [String: String], message: String, in folder: String) throws -> String {
        for (file, text) in files { try write(text, to: file, in: folder) }
        try git("add", "--all", in: folder)
        try git("commit", "--quiet", "--allow-empty", "-m", message, in: folder)
        return try git("rev-parse", "HEAD", in: folder).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A `git` command exited with a non-zero status.
struct GitCommandFailed: Error, CustomStringConvertible {
    let arguments: [String]
    let status: Int32
    let stderr: String
    var description: String { "git \(arguments.joined(separator: " ")) exited with \(status): \(stderr)" }
}
