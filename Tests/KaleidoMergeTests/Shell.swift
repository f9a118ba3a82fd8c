import Foundation
import KaleidoTestSupport

/// Runs real processes for the tests: git, and the built `kaleido`, with no system git
/// configuration, the scratch folder as `HOME` and a fixed clock for conflict entries.
enum Shell {
    typealias Output = ProcessOutput

    /// The `kaleido` executable next to the test bundle (both are build products).
    static var kaleido: String? { ChildProcess.builtExecutable("kaleido")?.path }

    /// Runs `executable` (a path, or a name on PATH) in `directory`; `environment` is added
    /// to the fixed one.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Output {
        let fixed = ["GIT_CONFIG_NOSYSTEM": "1", "HOME": directory, "KALEIDO_NOW": "2026-11-27T10:42:00Z"]
        return try ChildProcess.run(executable, arguments, in: directory,
                                    environment: ChildProcess.environment(adding: fixed.merging(environment) { $1 }))
    }

    @discardableResult
    static func git(_ arguments: [String], in directory: String) throws -> Output {
        try run("git", arguments, in: directory)
    }

    /// A fresh folder for one test, removed afterwards.
    static func scratch<T>(_ body: (String) throws -> T) throws -> T {
        try TestFiles.withTemporaryFolder(prefix: "kaleido-merge-") { try body($0.path) }
    }

    static func write(_ text: String, to path: String) throws { try TestFiles.write(text, to: path) }

    static func read(_ path: String) -> String? { TestFiles.read(path) }
}
