import Foundation
import Testing

/// Runs real processes in a folder (the built `kaleido`, `git`) with a controlled environment:
/// no system or user git config, a fixed clock for conflict entries.
enum Run {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

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

    static func process(_ executable: String, _ arguments: [String], in directory: String, environment: [String: String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["HOME"] = directory
        env["KALEIDO_NOW"] = "2026-11-27T10:42:00Z"
        env["KALEIDO_TODAY"] = "2026-11-27"
        env["GIT_EDITOR"] = "true"
        for key in env.keys where key.hasPrefix("GIT_AUTHOR_") || key.hasPrefix("GIT_COMMITTER_") || key.hasPrefix("GITHEAD_") {
            env[key] = nil
        }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so that a full pipe never blocks the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A copy of the project's knowledge base (config, schemas, records) in a fresh folder.
    static func withSampleKB<T>(_ body: (String) throws -> T) throws -> T {
        try withScratchDirectory { scratch in
            let kb = scratch.appendingPathComponent("kb")
            try FileManager.default.createDirectory(at: kb, withIntermediateDirectories: true)
            for folder in [".kaleido", "schemas", "knowledge"] {
                try FileManager.default.copyItem(at: projectRoot.appendingPathComponent(folder), to: kb.appendingPathComponent(folder))
            }
            return try body(kb.path)
        }
    }

    static func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Every file under `folder`, relative to it (to check that a refused command wrote nothing).
    static func files(under folder: String) -> Set<String> {
        Set((FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? [])
    }
}
