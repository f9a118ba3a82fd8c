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
                throw CLIError.usage(
                    "\(root) is in a clone of an existing knowledge base ('\(branch)' holds \(KBConfig.path)): "
                        + "kaleido init would make a second KB that shares no history with the team's. "
                        + "To join it, remove this folder and run `kaleido clone URL \(root)`.")
            }
            if !existing {
                try KBInitializer.create(root: root, name: name) { print($0) }
            }
            let editor: (message: String, wrote: Bool)
            do { editor = try EditorSettings.install(root: root) } catch {
                throw CLIError.io("cannot write \(EditorSettings.path) in \(root): \(error)")
            }
            let changes = try GitMergeDriverSetup.install(root: root, driver: driver ?? GitMergeDriverSetup.defaultDriver(note: StandardError.write))
            if editor.wrote { print("editor settings: \(editor.message)") } else { StandardError.write("kaleido: note: \(editor.message)\n") }
            if existing {
                print("\(root) is already a knowledge base: its files are kept as they are")
            } else {
                print("created a knowledge base in \(root): .kaleido/config.yaml, \(EmbeddedSchemas.files.count) schemas, \(RecordType.allCases.count) type folders under knowledge/")
            }
            for change in changes { print("registered the merge driver: \(change)") }
            if let remoteURL {
                if try KBInitializer.addRemote(remoteURL, root: root) {
                    print("added the remote origin: \(remoteURL); `kaleido sync` pushes the knowledge base there")
                } else {
                    print("the remote origin is already \(remoteURL)")
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
                throw CLIError.usage("no git repository at \(start) or above it; run `git init` or `kaleido init`")
            }
            let changes = try GitMergeDriverSetup.install(root: root, driver: driver ?? GitMergeDriverSetup.defaultDriver(note: StandardError.write))
            if changes.isEmpty { print("the merge driver was already registered in \(root)") }
            for change in changes { print("registered the merge driver in \(root): \(change)") }
        }
    }
}
