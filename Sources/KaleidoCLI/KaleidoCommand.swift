import ArgumentParser
import Foundation
import KaleidoSync
import KaleidoWorkspace

/// Runs the `kaleido` command line with the process's arguments and exits with its code.
public enum KaleidoMain {
    public static func main() async {
        // The language first: help, abstracts and the parser's own errors come after it.
        let (arguments, lang, missing) = Lang.extractOption(from: Array(CommandLine.arguments.dropFirst()))
        Lang.current = Lang.fallback(arguments: arguments, environment: ProcessInfo.processInfo.environment,
                                     currentDirectory: FileManager.default.currentDirectoryPath)
        if let lang {
            guard !missing, let chosen = Lang(tag: lang), lang.count == 2 else {
                StandardError.write(Messages.errorPrefix + Messages.badLang(lang) + "\n")
                Foundation.exit(usageFailure)
            }
            Lang.current = chosen
        } else if missing {
            StandardError.write(Messages.errorPrefix + Messages.badLang("") + "\n")
            Foundation.exit(usageFailure)
        }
        do {
            var command = try await KaleidoCommand.asyncParseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }

    /// Exits as ArgumentParser would for `error`, except that its usage errors (unknown option,
    /// missing or invalid argument, `ValidationError`), which it exits with EX_USAGE (64), exit
    /// with 2 like every usage error of Kaleido. A help screen's framing is in the run's language
    /// (`Help.framed`); `--version` and `ExitCode`s are unchanged.
    static func exit(withError error: any Error) -> Never {
        if KaleidoCommand.exitCode(for: error) == .success, !(error is ExitCode), Lang.current == .fr {
            // A help screen: ArgumentParser's own framing words in French too.
            let message = KaleidoCommand.fullMessage(for: error)
            if !message.isEmpty { print(Help.framed(message)) }
            Foundation.exit(0)
        }
        guard KaleidoCommand.exitCode(for: error) == .validationFailure, !(error is ExitCode) else {
            KaleidoCommand.exit(withError: error)
        }
        StandardError.write(Messages.usageError(KaleidoCommand.fullMessage(for: error)) + "\n")
        Foundation.exit(usageFailure)
    }

    /// The exit code of every usage error.
    static let usageFailure: Int32 = 2

    /// The hidden first argument of a sync's transfer child (`ChildTransfer`), never typed by users.
    public static let transferCommand = "__transfer"

    /// Runs a transfer child (the request on standard input) and returns its exit status.
    public static func transferChild() -> Int32 {
        TransferChild.main()
    }
}

/// The `kaleido` command: the root of every subcommand.
struct KaleidoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaleido",
        abstract: Help.rootAbstract,
        discussion: Help.rootDiscussion,
        version: KaleidoVersion.current,
        subcommands: [
            ValidateCommand.self, HistoryCommand.self, ShowCommand.self, FindCommand.self, ListCommand.self,
            ConventionsCommand.self, PeopleCommand.self, FundingCommand.self, CallsCommand.self, ContactsCommand.self, FollowUpsCommand.self, ForgetCommand.self,
            DeliverablesCommand.self, ODACommand.self, AtlasCommand.self, ReportCommand.self, ParticipantsCommand.self, ProgrammeCommand.self,
            DaysCommand.self, BillingCommand.self, InvoicesCommand.self, PipelineCommand.self, DueCommand.self,
            SyncCommand.self, DaemonCommand.self, StatusCommand.self, TrustHostCommand.self, LogCommand.self,
            ConflictsCommand.self, ResolveCommand.self, InitCommand.self, CloneCommand.self, NewCommand.self, ImportCommand.self, InstallMergeDriverCommand.self,
            MergeDriverCommand.self, YAMLCommand.self, ManCommand.self,
            FmtCommand.self, HooksCommand.self, VocabCommand.self,
        ]
    )

}
