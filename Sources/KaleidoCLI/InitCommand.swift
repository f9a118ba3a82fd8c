import ArgumentParser
import Foundation
import KaleidoGit
import KaleidoKB

/// `kaleido init [DIR]`: a new knowledge base.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a knowledge base: git repository, config, schemas, type folders, merge driver.",
        discussion: """
            Creates DIR (default: the current folder) as a git repository (or uses the one \
            there), writes .kaleido/config.yaml, the schemas this kaleido was built with \
            (schemas/), a folder per record type under knowledge/, editor schema associations \
            (.vscode/settings.json yaml.schemas, merged into an existing file, which is never \
            overwritten when it is not plain JSON), and registers the field-level merge driver \
            (.gitattributes and the repository's git config). Files that already exist are kept. \
            In an existing knowledge base (after a clone) it only adds the editor associations and \
            registers the merge driver.
            """)

    @Argument(help: "The folder of the new knowledge base (default: the current folder).")
    var directory: String?

    @Option(help: "The knowledge base's name, written in its config.")
    var name = "Kaleido knowledge base"

    @Option(help: ArgumentHelp("The merge driver command git runs (default: `kaleido merge-driver %O %A %B %P`, kaleido found on PATH).", valueName: "command"))
    var driver: String?

    func run() async throws {
        try await reportingCLIErrors {
            let cwd = FileManager.default.currentDirectoryPath
            let root = URL(fileURLWithPath: directory.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? cwd).standardizedFileURL.path
            let fileManager = FileManager.default
            // In an existing knowledge base (a clone, say) nothing of it is touched: only the
            // editor associations and the merge driver, which live outside git, are added.
            let existing = fileManager.fileExists(atPath: root + "/" + KBConfig.path)
            if !existing { try create(root: root) }
            let editor: (message: String, wrote: Bool)
            do { editor = try EditorSettings.install(root: root) } catch {
                throw CLIError.io("cannot write \(EditorSettings.path) in \(root): \(error)")
            }
            let changes = try GitMergeDriverSetup.install(root: root, driver: driver ?? GitMergeDriverSetup.defaultDriver())
            if editor.wrote { print("editor settings: \(editor.message)") } else { StandardError.write("kaleido: note: \(editor.message)\n") }
            if existing {
                print("\(root) is already a knowledge base: its files are kept as they are")
            } else {
                print("created a knowledge base in \(root): .kaleido/config.yaml, \(EmbeddedSchemas.files.count) schemas, \(RecordType.allCases.count) type folders under knowledge/")
            }
            for change in changes { print("registered the merge driver: \(change)") }
        }
    }

    /// The files of a new knowledge base (existing files are kept).
    private func create(root: String) throws {
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(atPath: root, withIntermediateDirectories: true)
            if !fileManager.fileExists(atPath: root + "/.git") {
                _ = try Repository.create(at: root)
                print("created a git repository (branch main)")
            }
            try fileManager.createDirectory(atPath: root + "/.kaleido", withIntermediateDirectories: true)
            try write(Self.config(name: name), to: root + "/" + KBConfig.path)
            try write(".kaleido/cache/\n", to: root + "/.gitignore", keepExisting: true)
            try fileManager.createDirectory(atPath: root + "/schemas", withIntermediateDirectories: true)
            for file in EmbeddedSchemas.files {
                try write(file.text, to: root + "/schemas/" + file.name, keepExisting: true)
            }
            for type in RecordType.allCases {
                let folder = root + "/knowledge/" + type.folder
                try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try write("", to: folder + "/.gitkeep", keepExisting: true)
            }
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError.io("cannot create the knowledge base in \(root): \(error)")
        }
    }

    private func write(_ text: String, to path: String, keepExisting: Bool = false) throws {
        if keepExisting && FileManager.default.fileExists(atPath: path) { return }
        try AtomicFile.write(Array(text.utf8), to: path)
    }

    static func config(name: String) -> String {
        let quoted = "\"" + name.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        return """
            # Kaleido knowledge-base settings, shared by the team. Machine-local state lives
            # outside git: the query cache in .kaleido/cache/ (git-ignored), the sync status in
            # .git/kaleido/.
            name: \(quoted)
            branch: main             # the shared branch the daemon syncs
            knowledge: knowledge     # records folder, relative to the KB root
            schemas: schemas         # JSON Schema folder, relative to the KB root

            daemon:                  # seconds
              quiet_period: 2
              max_delay: 30
              fetch_interval: 60

            editor:
              # true: `kaleido new` starts each record with `# yaml-language-server: $schema=…`,
              # for editors without the workspace's associations (.vscode/settings.json).
              schema_modeline: false

            """
    }
}

/// `kaleido install-merge-driver`: registers the merge driver in an existing repository.
struct InstallMergeDriverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-merge-driver",
        abstract: "Register Kaleido's field-level merge driver in the current git repository.",
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
                throw CLIError.usage("no git repository at \(start) or above it; run `git init` or `kaleido init`")
            }
            let changes = try GitMergeDriverSetup.install(root: root, driver: driver ?? GitMergeDriverSetup.defaultDriver())
            if changes.isEmpty { print("the merge driver was already registered in \(root)") }
            for change in changes { print("registered the merge driver in \(root): \(change)") }
        }
    }
}
