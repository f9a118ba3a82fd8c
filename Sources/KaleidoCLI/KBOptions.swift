import ArgumentParser
import Foundation
import KaleidoKB
import KaleidoWorkspace
import KaleidoYAML

/// Options every command that works on a knowledge base shares.
struct KBOptions: ParsableArguments {
    @Option(name: .customLong("kb"), help: ArgumentHelp(Help.kbOption, valueName: "dir"))
    var kbRoot: String?

    @Option(name: .customLong("today"), help: .hidden)
    var todayText: String?

    /// Opens the KB, or exits with code 2 and a message saying what to do.
    func open() throws -> KnowledgeBase {
        try workspace().kb
    }

    /// Opens the KB's workspace (its config read and checked once), or exits with code 2 and a
    /// message saying what to do.
    func workspace() throws -> Workspace {
        let root = try locateRoot()
        do {
            return try Workspace.open(at: root)
        } catch {
            throw CLIError.diagnostic(error.diagnostic.rendered(source: error.source))
        }
    }

    /// The KB's root folder, without reading its config (the sync reads it its own way: a bad
    /// shared config must not stop it), or exits with code 2.
    func locateRoot() throws -> String {
        let fileSystem = LocalFileSystem()
        let cwd = FileManager.default.currentDirectoryPath
        let root: String
        if let kbRoot {
            let absolute = kbRoot.hasPrefix("/") ? kbRoot : cwd + "/" + kbRoot
            guard fileSystem.isDirectory(absolute) else {
                throw CLIError.usage(Messages.noSuchKBFolder(kbRoot))
            }
            root = absolute
        } else {
            guard let found = KnowledgeBase.locate(from: cwd, fileSystem: fileSystem) else {
                throw CLIError.usage(Messages.noKnowledgeBase(from: cwd))
            }
            root = found
        }
        return root
    }

    /// Today's date: `--today` or `KALEIDO_TODAY` when given (tests fix it), else the system clock.
    func today() throws -> CalendarDay {
        if let text = todayText ?? ProcessInfo.processInfo.environment["KALEIDO_TODAY"] {
            guard let date = PartialDate(text), date.day != nil else {
                throw CLIError.usage(Messages.badDay(option: "--today", text))
            }
            return date.first
        }
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return CalendarDay(year: components.year ?? 1970, month: components.month ?? 1, day: components.day ?? 1)
    }
}

/// Failures of the command line itself: they print to stderr and exit with code 2.
enum CLIError: Error, CustomStringConvertible {
    case usage(String)
    case io(String)
    case diagnostic(String)

    var description: String {
        switch self {
        case .usage(let message), .io(let message): Messages.errorPrefix + message
        case .diagnostic(let rendered): rendered
        }
    }
}

/// Writes to standard error.
enum StandardError {
    static func write(_ text: String) {
        // A closed standard error (EPIPE: SIGPIPE is ignored) must not trap, as the non-throwing write does.
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }
}

/// Runs a command's body, turning `CLIError`s into their message on stderr and exit code 2.
func reportingCLIErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as CLIError {
        StandardError.write(error.description + "\n")
        throw ExitCode(2)
    } catch let error as WorkspaceError {
        StandardError.write(Messages.errorPrefix + WorkspaceWording.message(error) + "\n")
        throw ExitCode(2)
    }
}
