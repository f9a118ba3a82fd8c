import ArgumentParser
import Foundation
import KaleidoKB
import KaleidoWorkspace

/// `kaleido init [DIR]`: a new knowledge base.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: Help.abstract("init"),
        discussion: Help.discussion("init"))

    @Argument(help: ArgumentHelp(Help.option("init", "directory")))
    var directory: String?

    @Option(help: ArgumentHelp(Help.option("init", "name")))
    var name = "Kaleido knowledge base"

    @Option(help: ArgumentHelp(Help.option("init", "remote"), valueName: "url"))
    var remote: String?

    @Option(help: ArgumentHelp(Help.option("init", "driver"), valueName: "command"))
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
        discussion: Help.discussion("install-merge-driver"))

    @Option(help: ArgumentHelp(Help.option("install-merge-driver", "repository"), valueName: "dir"))
    var repository: String?

    @Option(help: ArgumentHelp(Help.option("install-merge-driver", "driver"), valueName: "command"))
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
