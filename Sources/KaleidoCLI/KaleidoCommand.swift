import ArgumentParser
import KaleidoSync
import KaleidoWorkspace

/// Runs the `kaleido` command line with the process's arguments and exits with its code.
public enum KaleidoMain {
    public static func main() async {
        await KaleidoCommand.main()
    }

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
        abstract: "A file-based, offline-first knowledge base for international cooperation.",
        discussion: """
            Records are YAML files in a git repository, checked against the JSON Schemas in \
            schemas/. See README.md for the commands and their options.
            """,
        version: KaleidoVersion.current,
        subcommands: [
            ValidateCommand.self, HistoryCommand.self, ShowCommand.self, FindCommand.self, ListCommand.self,
            ConventionsCommand.self, PeopleCommand.self, FundingCommand.self, CallsCommand.self, ContactsCommand.self,
            DeliverablesCommand.self, ODACommand.self, ReportCommand.self,
            SyncCommand.self, DaemonCommand.self, StatusCommand.self, TrustHostCommand.self, LogCommand.self,
            ConflictsCommand.self, ResolveCommand.self, InitCommand.self, NewCommand.self, InstallMergeDriverCommand.self,
            MergeDriverCommand.self, YAMLCommand.self,
        ]
    )

}
