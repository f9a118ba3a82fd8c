public import Foundation
internal import KaleidoGit
internal import KaleidoKB
internal import KaleidoWorkspace
internal import Logging

/// `kaleido clone`: a consultant's replica of the team's KB, made with the sync's own machinery
/// so that joining is exactly as safe as a fetch: the same transfer (a child process with
/// `sync.timeout`, credentials, known_hosts and certificate checks), and the files written by a
/// sync cycle, which refuses a tree holding `.git/`, `..` or a symlinked record
/// (`IncomingCheck`) before anything reaches the disk. Whatever fails, the folder is removed
/// (or emptied, when it existed empty before).
public enum KBClone {
    /// What to clone where, and as whom.
    public struct Request: Sendable {
        /// The remote: an ssh, https, git or file URL, `user@host:path`, or a local folder.
        public var url: String
        /// The new replica's folder, absolute.
        public var directory: String
        /// The consultant's identity for the replica's commits; nil: git's user config.
        public var name: String?
        public var email: String?
        /// The branch to check out; nil: the remote's HEAD, else the config's, else the only one.
        public var branch: String?
        /// The merge driver command to register.
        public var driver: String
        public var environment: [String: String]
        /// Where the fetches and pushes run (`kaleido` passes its child-process transfer).
        public var transfer: TransferMode
        /// Checked during transfers and between steps: `true` stops the clone, which is removed.
        public var isCancelled: @Sendable () -> Bool = { false }

        public init(url: String, directory: String, name: String? = nil, email: String? = nil, branch: String? = nil,
                    driver: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                    transfer: TransferMode = .inProcess) {
            self.url = url
            self.directory = directory
            self.name = name
            self.email = email
            self.branch = branch
            self.driver = driver
            self.environment = environment
            self.transfer = transfer
        }
    }

    /// What was made.
    public struct Result: Sendable {
        public var root: String
        public var branch: String
        public var name: String
        public var email: String
        /// The commit checked out (hex).
        public var head: String
        /// The merge-driver and editor-settings changes, for the user.
        public var setupNotes: [String]
        /// The records' folder, relative to the root.
        public var knowledgeFolder: String
    }

    /// Clones `request.url` into `request.directory`; `note` receives progress lines.
    ///
    /// - Throws: `CloneError`, whose `exitCode` says which kind; nothing is left on disk then.
    public static func clone(_ request: Request, note: (CloneMessage) -> Void = { _ in }) throws(CloneError) -> Result {
        let url = try checkedURL(request.url)
        let root = request.directory
        let identity = try identity(request)
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        let existed = fileManager.fileExists(atPath: root, isDirectory: &isFolder)
        if existed {
            guard isFolder.boolValue else { throw .usage(.notAFolder(root)) }
            let entries = (try? fileManager.contentsOfDirectory(atPath: root)) ?? ["?"]
            guard entries.isEmpty else { throw .usage(.folderNotEmpty(root)) }
        }
        // The outermost folder this clone creates (DIR, or a missing parent of it).
        var created = root
        while case let parent = (created as NSString).deletingLastPathComponent, parent != created, !fileManager.fileExists(atPath: parent) {
            created = parent
        }
        // A replica inside another KB's working tree would be synced into it as files.
        let above = (created as NSString).deletingLastPathComponent
        if let outer = KnowledgeBase.locate(from: above, fileSystem: LocalFileSystem()) { throw .usage(.insideKB(outer)) }
        do {
            return try build(request, url: url, identity: identity, note: note)
        } catch {
            // No half-made replica: a later `kaleido clone` or `kaleido init` there starts clean.
            if existed {
                for entry in (try? fileManager.contentsOfDirectory(atPath: root)) ?? [] {
                    try? fileManager.removeItem(atPath: root + "/" + entry)
                }
            } else {
                try? fileManager.removeItem(atPath: created)
            }
            throw error
        }
    }

    private static func build(_ request: Request, url: String, identity: (name: String, email: String),
                              note: (CloneMessage) -> Void) throws(CloneError) -> Result {
        let root = request.directory
        let repository: Repository
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            repository = try Repository.create(at: root)
            try repository.addRemote("origin", url: url)
            try repository.setConfigString("user.name", identity.name)
            try repository.setConfigString("user.email", identity.email)
        } catch { throw .failed(.cannotCreate(root, "\(error)")) }

        var settings = SyncSettings(root: root, config: KBConfig(), environment: request.environment)
        settings.transfer = request.transfer
        note(.fetching(url))
        do {
            try settings.makeTransfer().fetch(repository, remote: "origin", options: transferOptions(settings, request))
        } catch _ where request.isCancelled() {
            throw .interrupted
        } catch let refusal as HostKeyRefusal {
            throw .failed(.refused(refusal.description))
        } catch {
            if let refusal = AccessRefusal(error) { throw .failed(.refused(refusal.description)) }
            throw .unreachable(.unreachable(url, "\(error)"))
        }
        let branch = try chooseBranch(request, repository: repository, url: url)
        settings = SyncSettings(root: root, config: branch.config, environment: request.environment)
        settings.transfer = request.transfer
        if settings.remote != "origin" {
            // The team's config names its remote otherwise: the sync looks it up by that name.
            do { try repository.addRemote(settings.remote, url: url) } catch { throw .failed(.cannotCreate(root, "\(error)")) }
        }
        do { try repository.pointHead(at: settings.branchReference) } catch { throw .failed(.cannotCreate(root, "\(error)")) }

        // The files arrive through a sync cycle: the incoming-tree checks, then the writes.
        note(.checkingOut(branch.name))
        let report = try cycle(settings: settings, loadShared: false, request: request)
        if let refused = report.refused { throw .failed(.unsafeTree(refused.description)) }
        guard let head = try? repository.resolveReference(settings.branchReference),
              FileManager.default.fileExists(atPath: root + "/" + KBConfig.path) else {
            throw .failed(.notCheckedOut(branch.name, report.offline ?? "no file was written"))
        }

        var setupNotes: [String] = []
        do {
            let editor = try EditorSettings.install(root: root, knowledgeFolder: branch.config.knowledgeFolder)
            setupNotes.append(editor.message)
            setupNotes += try GitMergeDriverSetup.install(root: root, driver: request.driver)
        } catch { throw .failed(.cannotCreate(root, "\(error)")) }

        // The check a consultant would make next: one `kaleido sync` cycle, shared config and all.
        note(.checkingSync)
        let check = try cycle(settings: settings, loadShared: true, request: request)
        if let problem = check.configProblem { throw .failed(.syncCheck(problem.rendered)) }
        if let offline = check.offline { throw .unreachable(.unreachable(url, offline)) }
        if let refusal = check.hostKeyRefusal { throw .failed(.refused(refusal.description)) }
        if let refusal = check.accessRefusal { throw .failed(.refused(refusal.description)) }
        if check.ahead > 0 || check.behind > 0 {
            throw .failed(.syncCheck("the branch and the remote still differ (\(check.ahead) to push, \(check.behind) to bring in)"))
        }
        let tip = ((try? repository.resolveReference(settings.branchReference)) ?? nil) ?? head
        return Result(root: root, branch: branch.name, name: identity.name, email: identity.email,
                      head: tip.hex, setupNotes: setupNotes, knowledgeFolder: branch.config.knowledgeFolder)
    }

    private static func transferOptions(_ settings: SyncSettings, _ request: Request) -> TransferOptions {
        TransferOptions(credentials: settings.credentials, isCancelled: request.isCancelled, knownHosts: settings.knownHosts)
    }

    /// One sync cycle under the KB's lock; with `loadShared`, as `kaleido sync` runs it (the
    /// working tree's config, remembered as the last good one).
    private static func cycle(settings: SyncSettings, loadShared: Bool, request: Request) throws(CloneError) -> CycleReport {
        let environment = request.environment
        guard !request.isCancelled() else { throw .interrupted }
        let report: CycleReport
        do {
            var settings = settings
            if loadShared {
                let transfer = settings.transfer
                settings = try SharedConfig.load(root: settings.root, remember: false, environment: environment).settings
                settings.transfer = transfer
            }
            let engine = try SyncEngine(settings: settings, merger: DefaultMerger.make(for: settings),
                                        logger: Logger(label: "kaleido.clone", factory: { _ in SwiftLogNoOpLogHandler() }))
            if loadShared {
                let root = settings.root
                engine.configLoader = { try SharedConfig.load(root: root, environment: environment) }
            }
            engine.isCancelled = request.isCancelled
            let lock = try SyncLock.acquire(gitDirectory: engine.gitDirectory, timeout: 5)
            report = try withExtendedLifetime(lock) { try engine.runCycle() }
        } catch {
            throw request.isCancelled() ? CloneError.interrupted : CloneError.failed(.syncCheck("\(error)"))
        }
        // A cancelled cycle returns early, leaving the copy half made.
        guard !request.isCancelled() else { throw .interrupted }
        return report
    }
}
