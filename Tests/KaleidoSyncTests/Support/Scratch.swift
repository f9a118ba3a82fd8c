import Foundation
import Glibc
import KaleidoTestSupport

/// Runs `body` with a fresh folder, removed afterwards whether `body` returns or throws.
func withScratch<T>(_ body: (Scratch) async throws -> T) async throws -> T {
    // Short paths under /tmp: ssh's and the daemon's sockets live in the folder.
    try await TestFiles.withTemporaryFolder(prefix: "kaleido-sync-", in: URL(fileURLWithPath: "/tmp"), unique: String(UUID().uuidString.prefix(8))) {
        try await body(Scratch(root: $0.path))
    }
}

/// A scratch folder with helpers to build KBs, clones and bare remotes with real git.
struct Scratch {
    let root: String
    /// Added to every process's environment (a key for ssh, say).
    var extraEnvironment: [String: String] = [:]

    func path(_ name: String) -> String { root + "/" + name }

    /// The environment of every git and kaleido process the tests start: no user or system
    /// configuration, a fixed home.
    var environment: [String: String] {
        let fixed = ["GIT_CONFIG_NOSYSTEM": "1", "HOME": path(".home"), "XDG_CONFIG_HOME": path(".home/.config")]
        return ChildProcess.environment(removing: { $0.hasPrefix("GIT_") || $0 == "SSH_AUTH_SOCK" }, adding: fixed.merging(extraEnvironment) { $1 })
    }

    func write(_ text: String, to relative: String, in folder: String) throws {
        try TestFiles.write(text, to: folder + "/" + relative)
    }

    func read(_ relative: String, in folder: String) -> String? {
        TestFiles.read(folder + "/" + relative)
    }

    /// Runs a program and returns its standard output; throws when it exits non-zero.
    @discardableResult
    func run(_ executable: String, _ args: [String], in folder: String? = nil, allowFailure: Bool = false) throws -> (status: Int32, output: String, errors: String) {
        let finished = try ChildProcess.run(executable, args, in: folder ?? root, environment: environment, input: .nullDevice)
        let result = (finished.status, finished.stdout, finished.stderr)
        if !allowFailure && result.0 != 0 {
            throw CommandFailed(description: "\(executable) \(args.joined(separator: " ")) exited with \(result.0): \(result.2)\(result.1)")
        }
        return result
    }

    @discardableResult
    func git(_ args: String..., in folder: String) throws -> String {
        try run("/usr/bin/git", args, in: folder).output
    }

    func gitOutput(_ args: String..., in folder: String) throws -> String {
        try run("/usr/bin/git", args, in: folder).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `kaleido args…` (the binary built with the tests).
    @discardableResult
    func kaleido(_ args: String..., in folder: String) throws -> (status: Int32, output: String, errors: String) {
        try run(KaleidoBinary.path, args, in: folder, allowFailure: true)
    }

    /// A bare remote on `main` seeded with a KB: config with the given daemon timings and `files`.
    func makeRemote(_ name: String = "remote.git", files: [String: String], quietPeriod: Double = 0.2) throws -> String {
        let remote = path(name)
        try FileManager.default.createDirectory(atPath: remote, withIntermediateDirectories: true)
        try git("init", "--quiet", "--bare", "-b", "main", in: remote)
        let seed = path("seed-\(name)")
        try git("clone", "--quiet", remote, seed, in: root)
        try identify(seed, name: "Seed", email: "seed@example.org")
        try write("""
            name: test KB
            branch: main
            daemon:
              quiet_period: \(quietPeriod)
              max_delay: 3
              fetch_interval: 1
              max_backoff: 1
              rescan_interval: 30

            """, to: ".kaleido/config.yaml", in: seed)
        for (file, text) in files { try write(text, to: file, in: seed) }
        try git("add", "--all", in: seed)
        try git("commit", "--quiet", "-m", "seed", in: seed)
        try git("push", "--quiet", "origin", "main", in: seed)
        return remote
    }

    /// A clone of `remote` with its own identity.
    func clone(_ remote: String, as name: String, person: String) throws -> String {
        let folder = path(name)
        try git("clone", "--quiet", remote, folder, in: root)
        try identify(folder, name: person, email: person.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.org")
        return folder
    }

    func identify(_ folder: String, name: String, email: String) throws {
        try git("config", "user.name", name, in: folder)
        try git("config", "user.email", email, in: folder)
    }

    /// `git fsck --strict`, failing the test if git objects.
    func fsck(_ folder: String) throws {
        try git("fsck", "--strict", "--no-progress", in: folder)
    }

    /// The working tree's files (without .git), path → content.
    func files(in folder: String) throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            if path == ".git" || path.hasPrefix(".git/") { enumerator?.skipDescendants(); continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = read(path, in: folder)
            }
        }
        return files
    }
}

struct CommandFailed: Error, CustomStringConvertible { let description: String }

/// The `kaleido` executable built next to the test bundle.
enum KaleidoBinary {
    static let path: String = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path + "/kaleido",
            Bundle.main.bundleURL.deletingLastPathComponent().path + "/kaleido",
            PackageRoot.path + "/.build/debug/kaleido",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[2]
    }()
}

/// Polls `condition` every 50 ms until it holds or `timeout` passes; returns whether it held.
func eventually(timeout: Double = 20, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try condition() { return true }
        usleep(50_000)
    }
    return try condition()
}
