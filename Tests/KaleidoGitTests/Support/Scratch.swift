import Foundation
import KaleidoTestSupport

/// Runs `body` with a fresh, unique folder under the system temp directory, removed afterwards
/// whether `body` returns or throws. A closure rather than an object with a `deinit`, because
/// Swift may release an object after its last use, before the test is done with the folder.
func withScratchDirectory<T>(_ body: (Scratch) throws -> T) throws -> T {
    try TestFiles.withTemporaryFolder(prefix: "kaleido-git-") { try body(Scratch(root: $0.path)) }
}

/// The same, for async tests.
func withScratchDirectory<T>(_ body: (Scratch) async throws -> T) async throws -> T {
    try await TestFiles.withTemporaryFolder(prefix: "kaleido-git-") { try await body(Scratch(root: $0.path)) }
}

/// A scratch folder and a `git` command line confined to it.
struct Scratch {
    /// The folder's absolute path.
    let root: String

    /// `root/name`.
    func path(_ name: String) -> String { root + "/" + name }

    /// Writes a file (creating folders) with the given UTF-8 text.
    func write(_ text: String, to relativePath: String, in folder: String) throws {
        try TestFiles.write(text, to: folder + "/" + relativePath)
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
        let identity = [
            "GIT_AUTHOR_NAME": "Amina Trabelsi", "GIT_AUTHOR_EMAIL": "amina@example.org", "GIT_AUTHOR_DATE": "2026-01-15T10:00:00+01:00",
            "GIT_COMMITTER_NAME": "Amina Trabelsi", "GIT_COMMITTER_EMAIL": "amina@example.org", "GIT_COMMITTER_DATE": "2026-01-15T10:00:00+01:00",
        ]
        let fixed = identity.merging(["GIT_CONFIG_NOSYSTEM": "1", "HOME": home, "XDG_CONFIG_HOME": home]) { $1 }
        let environment = ChildProcess.environment(removing: { $0.hasPrefix("GIT_") }, adding: fixed)
        let result = try ChildProcess.run("git", args, in: folder, environment: environment, input: .bytes(Data(input ?? [])))
        guard result.status == 0 else {
            throw GitCommandFailed(arguments: args, status: result.status, stderr: result.stderr)
        }
        return Array(result.standardOutput)
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
