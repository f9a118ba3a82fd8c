internal import Foundation
internal import KaleidoGit
internal import KaleidoKB

/// What `kaleido init` writes in a new knowledge base (`InitCommand` parses the arguments and
/// prints; `EditorSettings` and `GitMergeDriverSetup` add the rest, also in an existing KB).
public enum KBInitializer {
    /// Writes the files of a new knowledge base at `root` (existing files are kept): a git
    /// repository unless one is there, `.kaleido/config.yaml` named `name`, `.gitignore`, the
    /// embedded schemas and a folder per record type. `note` receives what the user is told
    /// as it happens ("created a git repository (branch main)").
    /// - Throws: `WorkspaceError` naming what could not be written.
    public static func create(root: String, name: String, note: (String) -> Void) throws {
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(atPath: root, withIntermediateDirectories: true)
            if !fileManager.fileExists(atPath: root + "/.git") {
                _ = try Repository.create(at: root)
                note("created a git repository (branch main)")
            }
            try fileManager.createDirectory(atPath: root + "/.kaleido", withIntermediateDirectories: true)
            try write(config(name: name), to: root + "/" + KBConfig.path)
            try ensureIgnored(in: root + "/.gitignore")
            try fileManager.createDirectory(atPath: root + "/schemas", withIntermediateDirectories: true)
            for file in EmbeddedSchemas.files {
                try write(file.text, to: root + "/schemas/" + file.name, keepExisting: true)
            }
            for type in RecordType.allCases {
                let folder = root + "/knowledge/" + type.folder
                try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try write("", to: folder + "/.gitkeep", keepExisting: true)
            }
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError.io("cannot create the knowledge base in \(root): \(error)")
        }
    }

    /// The remote branch of an existing KB the repository holding `root` was cloned from
    /// (`origin/main`), or nil. A `git clone` whose remote HEAD names an unborn branch
    /// (`master`, while the team's KB is on `main`) checks out nothing: `kaleido init` there
    /// would make a second KB with no history in common with the team's, which the sync then
    /// refuses. Only fetched references are read: no network.
    public static func clonedKB(around root: String) -> String? {
        guard let top = GitMergeDriverSetup.repositoryRoot(from: root),
              let repository = try? Repository.open(at: top),
              let branches = try? repository.references(matching: "refs/remotes/*") else { return nil }
        for branch in branches where ((try? repository.entry(at: KBConfig.path, in: branch.id)) ?? nil) != nil {
            return String(branch.name.dropFirst("refs/remotes/".count))
        }
        return nil
    }

    /// `url` as `origin` will hold it: a folder made absolute (git reads a relative remote
    /// path from the repository's root). A folder remote that already holds a KB is refused:
    /// the team's KB is joined with `kaleido clone`, not made again beside it.
    /// - Throws: `WorkspaceError.invalid`.
    public static func checkedRemote(_ url: String, cwd: String) throws -> String {
        guard !url.isEmpty, !url.contains(where: { $0.isNewline }) else { throw WorkspaceError.invalid("--remote needs a URL or a folder") }
        let isNetwork = url.contains("://") && !url.hasPrefix("file://")
        let isSCP = url.firstIndex(of: ":").map { $0 != url.startIndex && !url[..<$0].contains("/") } ?? false
        guard !isNetwork, !isSCP else { return url }
        var path = url.hasPrefix("file://") ? String(url.dropFirst(7)) : url
        if !path.hasPrefix("/") { path = cwd + "/" + path }
        path = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let remote = try? Repository.open(at: path) else {
            throw WorkspaceError.invalid("--remote \(url): \(path) is not a git repository; create it with `git init --bare \(path)`")
        }
        let heads = (try? remote.references(matching: "refs/heads/*")) ?? []
        if let kb = heads.first(where: { ((try? remote.entry(at: KBConfig.path, in: $0.id)) ?? nil) != nil }) {
            throw WorkspaceError.invalid(
                "--remote \(url): its branch '\(kb.name.dropFirst("refs/heads/".count))' already holds a knowledge base; "
                    + "join it with `kaleido clone \(url)` instead of making a second one")
        }
        return path
    }

    /// Adds `url` as the remote `origin` of the repository at `root`; false when origin is
    /// already that URL.
    /// - Throws: `WorkspaceError.invalid` when origin names another URL.
    public static func addRemote(_ url: String, root: String) throws -> Bool {
        do {
            let repository = try Repository.open(at: root)
            if let current = try repository.remoteURL("origin") {
                guard current == url else {
                    throw WorkspaceError.invalid("the remote origin is already \(current); change it with `git remote set-url origin \(url)`")
                }
                return false
            }
            try repository.addRemote("origin", url: url)
            return true
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError.io("cannot add the remote origin in \(root): \(error)")
        }
    }

    /// What a KB's `.gitignore` holds: the query cache, and the files operating systems,
    /// office suites and editors leave beside the records, which must never be committed and
    /// pushed to the whole team (a Finder's `.DS_Store`, Excel's `~$budget.xlsx` lock file, a
    /// vim swap file).
    public static let ignoredPatterns = [
        ".kaleido/cache/",
        ".DS_Store", "._*", "Thumbs.db", "desktop.ini",
        "~$*", ".~lock.*#",
        "*.swp", "*.swo", "*~", ".#*", "4913",
    ]

    /// Adds to the `.gitignore` at `path` the patterns of `ignoredPatterns` it lacks (all of
    /// them to a new file), keeping what is there.
    static func ensureIgnored(in path: String) throws {
        let existing = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let present = Set(existing.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = ignoredPatterns.filter { !present.contains($0) }
        guard !missing.isEmpty else { return }
        var text = existing
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        if !text.isEmpty { text += "\n" }
        text += "# Added by kaleido init: the query cache, and what systems and editors leave beside records.\n"
        text += missing.joined(separator: "\n") + "\n"
        try AtomicFile.write(Array(text.utf8), to: path)
    }

    private static func write(_ text: String, to path: String, keepExisting: Bool = false) throws {
        if keepExisting && FileManager.default.fileExists(atPath: path) { return }
        try AtomicFile.write(Array(text.utf8), to: path)
    }

    /// The config of a new knowledge base named `name`.
    public static func config(name: String) -> String {
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
