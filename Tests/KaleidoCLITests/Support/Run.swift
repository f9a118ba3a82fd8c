import Foundation
import Testing
import KaleidoTestSupport

/// Runs real processes in a folder (the built `kaleido`, `git`) with a controlled environment:
/// no system or user git config, a fixed clock for conflict entries.
enum Run {
    typealias Output = ProcessOutput

    static var projectRoot: URL { PackageRoot.url }

    static func kaleido() throws -> String {
        try #require(MeasuredProcess.kaleido?.path, "the kaleido executable is not next to the test bundle; run `swift build` first")
    }

    @discardableResult
    static func kaleido(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Output {
        try process(try kaleido(), arguments, in: directory, environment: environment)
    }

    @discardableResult
    static func git(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Output {
        try process("/usr/bin/git", arguments, in: directory, environment: environment)
    }

    /// Runs `executable` in `directory` without the caller's git identity or merge state, nor
    /// the caller's language (messages follow the KB's `language:`, else `LANG=C.UTF-8`: English),
    /// with `environment` added to the fixed variables.
    static func process(_ executable: String, _ arguments: [String], in directory: String, environment: [String: String]) throws -> Output {
        let fixed = [
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "HOME": directory,
            "KALEIDO_NOW": "2026-11-27T10:42:00Z", "KALEIDO_TODAY": "2026-11-27", "GIT_EDITOR": "true", "LANG": "C.UTF-8",
        ]
        let inherited = ChildProcess.environment(
            removing: { $0.hasPrefix("GIT_AUTHOR_") || $0.hasPrefix("GIT_COMMITTER_") || $0.hasPrefix("GITHEAD_")
                || ["KALEIDO_LANG", "LC_ALL", "LC_MESSAGES"].contains($0) },
            adding: fixed.merging(environment) { $1 })
        return try ChildProcess.run(executable, arguments, in: directory, environment: inherited)
    }

    /// A copy of the project's knowledge base (config, schemas, records) in a fresh folder.
    static func withSampleKB<T>(_ body: (String) throws -> T) throws -> T {
        try withScratchDirectory { scratch in
            let kb = scratch.appendingPathComponent("kb")
            try FileManager.default.createDirectory(at: kb, withIntermediateDirectories: true)
            try PackageRoot.copySampleKB(to: kb)
            return try body(kb.path)
        }
    }

    static func read(_ path: String) -> String? { TestFiles.read(path) }

    static func write(_ text: String, to path: String) throws { try TestFiles.write(text, to: path) }

    /// Every file under `folder`, relative to it (to check that a refused command wrote nothing).
    static func files(under folder: String) -> Set<String> { TestFiles.entries(under: folder) }
}
