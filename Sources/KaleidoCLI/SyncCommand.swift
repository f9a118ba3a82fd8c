import ArgumentParser
import Foundation
import KaleidoSync
import Logging

/// `kaleido sync`: one sync cycle, as the daemon runs it.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: Help.abstract("sync"),
        discussion: """
            Files that do not parse are not committed; they are listed and kept on \
            refs/kaleido/wip/BRANCH. Exit codes: 0 synced (the branch and the remote hold the same commits), 1 the sync \
            failed or left the branch and the remote apart (a remote commit whose tree holds a path \
            that must not be written, such as .git/ or .., is refused whole: see `kaleido status`), \
            2 usage or configuration error, 3 offline: the remote could not be reached, or made no \
            progress for sync.timeout seconds (default 30), and the local commits wait in the queue, 4 another Kaleido process (the daemon) is syncing \
            this knowledge base. An ssh server whose host key is not in known_hosts is refused \
            (exit 1): check its fingerprint, then `kaleido trust-host`. A refused password, \
            token or key, and an https certificate that is not trusted, exit 1 too (not 3). \
            When the shared config \
            (.kaleido/config.yaml) does not load or has an unsafe value, the sync still runs with \
            the last config that loaded on this machine (local edits keep being committed and \
            pushed), prints the problem and the commit that brought it, and exits 1: someone \
            must fix the file, and the first sync after the fix uses it.
            """)

    @OptionGroup var kb: KBOptions

    /// The exit code when the remote is unreachable (commits queued locally).
    static let offlineExitCode: Int32 = 3
    /// The exit code when another process holds the KB's sync lock.
    static let lockedExitCode: Int32 = 4

    func run() async throws {
        try await reportingCLIErrors {
            // Not kb.open(): a bad shared config must not stop the sync (see SharedConfig).
            let root = try kb.locateRoot()
            var settings: SyncSettings
            do { settings = try SharedConfig.load(root: root, remember: false).settings } catch { throw CLIError.usage("\(error)") }
            // A child process: a remote that stops answering is abandoned after sync.timeout.
            settings.transfer = .childProcess(executable: TransferMode.currentExecutable)
            let report: CycleReport
            do {
                let engine = try SyncEngine(settings: settings, merger: DefaultMerger.make(for: settings),
                                            logger: Logger(label: "kaleido.sync", factory: { _ in SwiftLogNoOpLogHandler() }))
                engine.configLoader = { try SharedConfig.load(root: root) }
                let lock = try SyncLock.acquire(gitDirectory: engine.gitDirectory, timeout: 5)
                report = try withExtendedLifetime(lock) { try engine.runCycle() }
            } catch SyncError.locked(let message) {
                StandardError.write("kaleido: \(message)\n")
                throw ExitCode(Self.lockedExitCode)
            } catch let error as SyncError {
                StandardError.write(Messages.errorPrefix + "\(error)\n")
                throw ExitCode.failure
            }
            print(SyncText.cycle(report), terminator: "")
            if let problem = report.configProblem {
                // Exit 1 even when everything else went well: the team's config is broken, and a
                // script's "offline, retry later" (3) would hide it.
                StandardError.write(Messages.warningPrefix + SyncText.configUnusable(problem.origin) + "\n\(problem.rendered)\n")
            }
            if let refusal = report.hostKeyRefusal {
                StandardError.write(Messages.errorPrefix + "\(refusal)\n")
                throw ExitCode.failure
            }
            if let refusal = report.accessRefusal {
                StandardError.write(Messages.errorPrefix + "\(refusal)\n")
                throw ExitCode.failure
            }
            if report.configProblem != nil { throw ExitCode.failure }
            if report.offline != nil { throw ExitCode(Self.offlineExitCode) }
            if let refused = report.refused {
                StandardError.write(Messages.errorPrefix + "\(refused)\n")
                throw ExitCode.failure
            }
            // Exit 0 means the branch and the remote hold the same commits, nothing less.
            if report.behind > 0 || report.ahead > 0 {
                StandardError.write(Messages.errorPrefix + SyncText.branchesDiffer + "\n")
                throw ExitCode.failure
            }
        }
    }
}
