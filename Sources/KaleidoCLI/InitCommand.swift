import ArgumentParser
import Foundation
import KaleidoKB
import KaleidoWorkspace

/// `kaleido init [DIR]`: a new knowledge base.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: Help.abstract("init"),
        discussion: """
            Creates DIR (default: the current folder) as a git repository (or uses the one \
            there), writes .kaleido/config.yaml, the schemas this kaleido was built with \
            (schemas/), a folder per record type under knowledge/, editor schema associations \
            (.vscode/settings.json yaml.schemas, merged into an existing file, which is never \
            overwritten when it is not plain JSON), and registers the field-level merge driver \
            (.gitattributes and the repository's git config). Files that already exist are kept. \
            In an existing knowledge base it only adds the editor associations and registers the \
            merge driver. In a git clone of a KB whose checkout is empty (the remote's HEAD names a \
            branch that does not exist) it refuses, exit 2: join a team's KB with `kaleido clone`. \
            --remote URL adds the team's new, empty remote as origin (a folder remote that already \
            holds a KB is refused, exit 2); the first `kaleido sync` pushes, and on a folder remote \
            makes its HEAD name the KB's branch.
            """)

    @Argument(help: "The folder of the new knowledge base (default: the current folder).")
    var directory: String?

    @Option(help: "The knowledge base's name, written in its config.")
    var name = "Kaleido knowledge base"

    @Option(help: ArgumentHelp("The team's shared remote, added as origin (an empty bare repository: a folder, or an ssh or https URL); the first `kaleido sync` pushes the KB there.", valueName: "url"))
    var remote: String?

    @Option(help: ArgumentHelp("The merge driver command git runs (default: `kaleido merge-driver %O %A %B %P`, kaleido found on PATH).", valueName: "command"))
    var driver: String?

    func run() async throws {
        try await reportingCLIErrors {
            let remoteURL = try remote.map { try KBInitializer.checkedRemote($0, cwd: FileManager.default.currentDirectoryPath) }
            let cwd = FileManager.default.currentDirectoryPath
            let root = URL(fileURLWithPath: directory.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? cwd).standardizedFileURL.path
            let fileManager = FileManager.default
            // In an existing knowledge base (a clone, say) nothing of it is touched: only the
            // editor associations and the merge driver, which live outside git, are added.
            let existing = fileManager.fileExists(atPath: root + "/" + KBConfig.path)
            if !existing, let branch = KBInitializer.clonedKB(around: root) {
                throw CLIError.usage(Messages.initInsideClone(root, branch: branch))
            }
            if !existing {
                try KBInitializer.create(root: root, name: name) { print(Messages.workspaceNote($0)) }
            }
            let editor: (message: String, wrote: Bool)
            do { editor = try EditorSettings.install(root: root) } catch {
                throw CLIError.io(Messages.cannotWriteEditorSettings(root, error))
            }
            let changes = try GitMergeDriverSetup.install(root: root, driver: driver ?? GitMergeDriverSetup.defaultDriver(note: Messages.writeDriverNote))
            if editor.wrote { print(Messages.editorSettings(editor.message)) } else { StandardError.write(Messages.notePrefix + Messages.workspaceNote(editor.message) + "\n") }
            if existing {
                print(Messages.alreadyAKB(root))
            } else {
                print(Messages.createdKB(root, schemas: EmbeddedSchemas.files.count, folders: RecordType.allCases.count))
            }
            for change in changes { print(Messages.registeredDriver(change)) }
            if let remoteURL {
                if try KBInitializer.addRemote(remoteURL, root: root) {
                    print(Messages.addedRemote(remoteURL))
                } else {
                    print(Messages.remoteAlready(remoteURL))
                }
            }
        }
    }
}

/// `kaleido install-merge-driver`: registers the merge driver in an existing repository.
struct InstallMergeDriverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-merge-driver",
        abstract: Help.abstract("install-merge-driver"),
        discussion: """
            Adds `*.yaml merge=kaleido` to .gitattributes and the merge.kaleido section to the \
            repository's git config (for a linked worktree, the shared config). Running it again \
            changes nothing.
            """)

    @Option(help: ArgumentHelp("The repository (default: the one holding the current folder).", valueName: "dir"))
    var repository: String?

    @Option(help: ArgumentHelp("The merge driver command git runs (default: `kaleido merge-driver %O %A %B %P`, kaleido found on PATH).", valueName: "command"))
    var driver: String?

    func run() async throws {
        try await reportingCLIErrors {
            let cwd = FileManager.default.currentDirectoryPath
            let start = repository.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? cwd
            guard let root = GitMergeDriverSetup.repositoryRoot(from: start) else {
                throw CLIError.usage(Messages.noRepository(start))
            }
            let changes = try GitMergeDriverSetup.install(root: root, driver: driver ?? GitMergeDriverSetup.defaultDriver(note: Messages.writeDriverNote))
            if changes.isEmpty { print(Messages.driverAlreadyRegistered(root)) }
            for change in changes { print(Messages.registeredDriver(change, in: root)) }
        }
    }
}
