public import Foundation
internal import Glibc
internal import KaleidoGit
public import KaleidoKB
internal import KaleidoYAML
internal import KaleidoWorkspace

/// The sync's settings from a config file anyone with push access can change: a version that
/// does not parse or has an unsafe value must not stop the replica (every later cycle would
/// fail, and local edits would stop being committed), nor be used.
///
/// Each config that loads is saved, machine-local, in `.git/kaleido/config.good.yaml`; when the
/// file in the working tree does not load, the settings come from that copy and the problem is
/// reported (`ConfigProblem`: the diagnostic, and the commit and author that brought the bad
/// version). The first cycle after the team's fix loads the file again and the report clears.
public enum SharedConfig {
    /// The settings to sync with, and why they are not those of the working tree's file.
    public struct Loaded: Sendable {
        public var settings: SyncSettings
        /// Nil when the settings are the file's own.
        public var problem: ConfigProblem?
    }

    /// The last config that loaded, in the git folder `gitDirectory` (never committed).
    public static func goodCopyPath(gitDirectory: String) -> String {
        (gitDirectory.hasSuffix("/") ? gitDirectory : gitDirectory + "/") + "kaleido/config.good.yaml"
    }

    /// The settings of the KB at `root`, or of its last config that loaded.
    ///
    /// - Parameter remember: save the file as the last good config when it loads (the sync, which
    ///   holds the KB's lock, does; `kaleido status` only reads).
    /// - Throws: `SyncError.configuration` when the file does not load and no config ever loaded
    ///   on this machine (nothing to fall back on).
    public static func load(root: String, remember: Bool = true,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Loaded {
        let repository = try? Repository.open(at: root)
        let goodCopy = repository.map { goodCopyPath(gitDirectory: $0.gitDirectory) }
        let path = root + "/" + KBConfig.path
        let failure: KBOpenError
        var bytes: [UInt8]?
        // git checks out a committed link as a link: its target could be any file here, and is
        // not even read.
        let isLink = isSymbolicLink(path)
        if !isLink {
            // An absent file is the empty config: every default.
            bytes = FileManager.default.fileExists(atPath: path) ? FileManager.default.contents(atPath: path).map(Array.init) : []
        }
        if isLink {
            failure = KBOpenError(file: KBConfig.path, source: [], span: nil,
                                  message: "the config is a symbolic link; it must be a regular file of the knowledge base")
        } else if let bytes {
            do throws(KBOpenError) {
                let config = try KnowledgeBase.config(from: bytes)
                if let repository, let mismatch = branchMismatch(config, bytes: bytes, in: repository)
                    ?? remoteMismatch(config, bytes: bytes, in: repository, goodCopy: goodCopy) { throw mismatch }
                if remember, let goodCopy, FileManager.default.contents(atPath: goodCopy).map(Array.init) != bytes {
                    try? AtomicFile.write(bytes, to: goodCopy, mode: 0o644, durable: false)
                }
                return Loaded(settings: SyncSettings(root: root, config: config, environment: environment), problem: nil)
            } catch {
                failure = error
            }
        } else {
            failure = KBOpenError(file: KBConfig.path, source: [], span: nil, message: "cannot read the config")
        }
        guard let repository, let goodCopy, let saved = FileManager.default.contents(atPath: goodCopy),
              let config = try? KnowledgeBase.config(from: Array(saved)) else {
            throw SyncError.configuration(failure.diagnostic.description + " (and no earlier config of this knowledge base loaded on this machine: fix the file)")
        }
        let brought = failure.source.isEmpty ? nil : bytes.flatMap { Self.origin(of: $0, in: repository, branch: config.branch) }
        let problem = ConfigProblem(diagnostic: failure.diagnostic.description, rendered: failure.diagnostic.rendered(source: failure.source),
                                    commit: brought?.commit, author: brought?.author)
        return Loaded(settings: SyncSettings(root: root, config: config, environment: environment), problem: problem)
    }

    /// The KB at `root` with its last config that loaded on this machine, or nil.
    static func lastGood(root: String) -> KnowledgeBase? {
        guard let repository = try? Repository.open(at: root),
              let saved = FileManager.default.contents(atPath: goodCopyPath(gitDirectory: repository.gitDirectory)),
              let config = try? KnowledgeBase.config(from: Array(saved)) else { return nil }
        return KnowledgeBase(root: root, config: config, fileSystem: LocalFileSystem())
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// A valid `branch` that is not the branch checked out: every cycle would stop at it (the
    /// sync commits on HEAD's branch only), so it is reported and the last config kept until the
    /// user checks the new branch out. A detached or unborn HEAD is the engine's business.
    static func branchMismatch(_ config: KBConfig, bytes: [UInt8], in repository: Repository) -> KBOpenError? {
        guard case .branch? = try? repository.head(), let current = try? repository.head().branchName,
              current != config.branch else { return nil }
        let span = (try? YAMLParser().parseDocument(bytes).root)?["branch"]?.span
        return KBOpenError(file: KBConfig.path, source: bytes, span: span,
                           message: "branch must be the branch checked out here ('\(current)'); to follow '\(config.branch)', run `git checkout \(config.branch)`")
    }

    /// A `remote` this repository does not have, when the last good config's remote exists:
    /// every cycle would be "offline". (A KB with no remote at all is offline by design.)
    static func remoteMismatch(_ config: KBConfig, bytes: [UInt8], in repository: Repository, goodCopy: String?) -> KBOpenError? {
        func exists(_ remote: String) -> Bool { ((try? repository.remoteURL(remote)) ?? nil) != nil }
        guard !exists(config.remote), let goodCopy, let saved = FileManager.default.contents(atPath: goodCopy),
              let previous = try? KnowledgeBase.config(from: Array(saved)), previous.remote != config.remote,
              exists(previous.remote) else { return nil }
        let span = (try? YAMLParser().parseDocument(bytes).root)?["remote"]?.span
        return KBOpenError(file: KBConfig.path, source: bytes, span: span,
                           message: "remote must be a remote of this repository ('\(config.remote)' is not; add it with `git remote add \(config.remote) URL`)")
    }

    /// The newest commit of `branch` that brought the config file with exactly `bytes` (its
    /// version differs from every parent's), or nil when the branch tip holds another version
    /// (the file is a local edit) or the history is longer than `limit`.
    static func origin(of bytes: [UInt8], in repository: Repository, branch: String, limit: Int = 100_000) -> (commit: String, author: String)? {
        guard let tip = try? repository.resolveReference("refs/heads/" + branch),
              let blob = try? repository.entry(at: KBConfig.path, in: tip)?.id,
              (try? repository.readBlob(blob)) == bytes,
              let history = try? repository.commits(from: tip, limit: limit) else { return nil }
        for id in history {
            guard let here = try? repository.entry(at: KBConfig.path, in: id)?.id, here == blob,
                  let commit = try? repository.commit(id) else { continue }
            let parents = commit.parents.map { try? repository.entry(at: KBConfig.path, in: $0)?.id }
            if parents.contains(blob) { continue }  // an older commit brought it; the walk gets there
            return (id.hex, "\(commit.author.name) <\(commit.author.email)>")
        }
        return nil
    }
}
