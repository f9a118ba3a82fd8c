import ArgumentParser
import Foundation
import KaleidoSync
import Logging

/// `kaleido sync`: one sync cycle, as the daemon runs it.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: Help.abstract("sync"),
        discussion: Help.discussion("sync"))

    @OptionGroup var kb: KBOptions

    @Option(help: ArgumentHelp(Help.option("sync", "wait"), valueName: "seconds"))
    var wait: Double?

    /// The exit code when the remote is unreachable (commits queued locally).
    static let offlineExitCode: Int32 = 3
    /// The exit code when another process holds the KB's sync lock, or the daemon did not answer.
    static let lockedExitCode: Int32 = 4

    func validate() throws {
        if let wait, !(wait >= 0 && wait <= 86_400) {
            throw ValidationError("--wait must be a number of seconds between 0 and 86400, not \(wait)")
        }
    }

    func run() async throws {
        try await reportingCLIErrors {
            // Not kb.open(): a bad shared config must not stop the sync (see SharedConfig).
            let root = try kb.locateRoot()
            var settings: SyncSettings
            do { settings = try SharedConfig.load(root: root, remember: false).settings } catch { throw CLIError.usage(SyncProblems.text("\(error)")) }
            // A child process: a remote that stops answering is abandoned after sync.timeout.
            settings.transfer = .childProcess(executable: TransferMode.currentExecutable)
            let answer: SyncAnswer
            do {
                let engine = try SyncEngine(settings: settings, merger: DefaultMerger.make(for: settings),
                                            logger: Logger(label: "kaleido.sync", factory: { _ in SwiftLogNoOpLogHandler() }))
                engine.configLoader = { try SharedConfig.load(root: root) }
                if let answered = try askTheDaemon(gitDirectory: engine.gitDirectory, settings: settings) {
                    answer = answered
                } else {
                    let lock = try SyncLock.acquire(gitDirectory: engine.gitDirectory, timeout: 5)
                    answer = Self.answer(withExtendedLifetime(lock) { Result { try engine.runCycle() } })
                }
            } catch SyncError.locked(let message) {
                StandardError.write("kaleido: \(SyncProblems.text(message))\n")
                throw ExitCode(Self.lockedExitCode)
            } catch let error as SyncError {
                StandardError.write(Messages.errorPrefix + SyncProblems.text("\(error)") + "\n")
                throw ExitCode.failure
            }
            print(answer.output, terminator: "")
            StandardError.write(answer.errors)
            if answer.status != 0 { throw ExitCode(answer.status) }
        }
    }

    /// While the daemon holds the KB: its answer to a request to sync now; `nil` when no daemon
    /// holds it (or it went away while we waited): the command syncs by itself.
    ///
    /// - Throws: `SyncError.locked` when the daemon does not answer in time.
    private func askTheDaemon(gitDirectory: String, settings: SyncSettings) throws -> SyncAnswer? {
        guard SyncLock.isHeld(gitDirectory: gitDirectory), let holder = SyncLock.holder(gitDirectory: gitDirectory),
              holder.isDaemon else { return nil }
        // Long enough for a cycle in progress and ours, each with a fetch and a push that may
        // each go `sync.timeout` seconds without progress.
        let seconds = wait ?? 30 + 4 * settings.timeout
        switch try SyncRequests.ask(gitDirectory: gitDirectory, timeout: seconds,
                                    isDaemonRunning: { SyncLock.isHeld(gitDirectory: gitDirectory) }) {
        case .answered(let answer):
            return answer
        case .daemonGone:
            return nil
        case .timedOut:
            throw SyncError.locked(SyncText.daemonDidNotAnswer(pid: holder.pid, seconds: Self.seconds(seconds)))
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// What the command prints and exits with after a cycle, whoever ran it (this process or
    /// the daemon, at its request: see `DaemonCommand`).
    static func answer(_ result: Result<CycleReport, any Error>) -> SyncAnswer {
        let report: CycleReport
        switch result {
        case .success(let value): report = value
        case .failure(let error): return SyncAnswer(output: "", errors: Messages.errorPrefix + "\(error)\n", status: 1)
        }
        var errors = ""
        var status: Int32 = 0
        if let problem = report.configProblem {
            // Exit 1 even when everything else went well: the team's config is broken, and a
            // script's "offline, retry later" (3) would hide it.
            errors += Messages.warningPrefix + SyncText.configUnusable(problem.origin) + "\n\(problem.rendered)\n"
        }
        if let refusal = report.hostKeyRefusal {
            errors += Messages.errorPrefix + "\(refusal)\n"
            status = 1
        } else if let refusal = report.accessRefusal {
            errors += Messages.errorPrefix + "\(refusal)\n"
            status = 1
        } else if report.configProblem != nil {
            status = 1
        } else if report.offline != nil {
            status = offlineExitCode
        } else if let refused = report.refused {
            errors += Messages.errorPrefix + "\(refused)\n"
            status = 1
        } else if report.behind > 0 || report.ahead > 0 {
            // Exit 0 means the branch and the remote hold the same commits, nothing less.
            errors += Messages.errorPrefix + SyncText.branchesDiffer + "\n"
            status = 1
        }
        return SyncAnswer(output: render(report), errors: errors, status: status)
    }

    static func render(_ report: CycleReport) -> String {
        SyncText.cycle(report)
    }
}
