public import Foundation

/// Registers Kaleido's merge driver in a git repository: `.gitattributes` routes `*.yaml` to the
/// `kaleido` driver and the repository's config says how to run it. Idempotent.
public enum GitMergeDriverSetup {
    public static let attributesLine = "*.yaml merge=kaleido"

    /// The repository root holding `directory` (the folder with `.git`, found upward), or nil.
    public static func repositoryRoot(from directory: String) -> String? {
        var current = directory
        while true {
            if FileManager.default.fileExists(atPath: current + "/.git") { return current }
            guard current != "/", let slash = current.lastIndex(of: "/") else { return nil }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
    }

    /// The config file of the repository at `root`: `.git/config`, or for a linked worktree
    /// (`.git` is a file naming the git dir) the common dir's config.
    public static func configPath(root: String) throws -> String {
        let dotGit = root + "/.git"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dotGit, isDirectory: &isDirectory) else {
            throw WorkspaceError.io("\(root) is not a git repository; run `git init` or `kaleido init` there")
        }
        if isDirectory.boolValue { return dotGit + "/config" }
        let pointer = (try? String(contentsOfFile: dotGit, encoding: .utf8)) ?? ""
        guard let line = pointer.split(separator: "\n").first(where: { $0.hasPrefix("gitdir:") }) else {
            throw WorkspaceError.io("\(dotGit) names no git directory")
        }
        var gitDir = line.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespaces)
        if !gitDir.hasPrefix("/") { gitDir = root + "/" + gitDir }
        if let common = try? String(contentsOfFile: gitDir + "/commondir", encoding: .utf8) {
            let trimmed = common.trimmingCharacters(in: .whitespacesAndNewlines)
            return (trimmed.hasPrefix("/") ? trimmed : gitDir + "/" + trimmed) + "/config"
        }
        return gitDir + "/config"
    }

    /// The command git runs: `kaleido` found on PATH (scripts/install puts it there), so that
    /// the registration survives a reinstall or a move of the binary and works the same on every
    /// teammate's machine. `note` receives what to tell the user when no `kaleido` is on PATH
    /// now, since git's merges of records fail until there is one.
    public static func defaultDriver(note: (String) -> Void) -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let found = path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: $0 + "/kaleido") }
        if !found {
            note("kaleido: note: no kaleido on PATH: git merges of records will fail until there is one (run scripts/install, or pass --driver 'PATH/kaleido merge-driver %O %A %B %P')\n")
        }
        return "kaleido merge-driver %O %A %B %P"
    }

    /// Writes the attributes line and the config section; returns what changed, for the user.
    @discardableResult
    public static func install(root: String, driver: String) throws -> [String] {
        var changes: [String] = []
        let attributesPath = root + "/.gitattributes"
        var attributes = (try? String(contentsOfFile: attributesPath, encoding: .utf8)) ?? ""
        if !attributes.split(separator: "\n").contains(where: { $0.trimmingCharacters(in: .whitespaces) == attributesLine }) {
            if !attributes.isEmpty && !attributes.hasSuffix("\n") { attributes += "\n" }
            attributes += "# Record files merge field by field (kaleido merge-driver); conflicts go to _conflicts.\n\(attributesLine)\n"
            try AtomicFile.write(Array(attributes.utf8), to: attributesPath)
            changes.append(".gitattributes: \(attributesLine)")
        }
        let configPath = try configPath(root: root)
        let config = (try? String(contentsOfFile: configPath, encoding: .utf8)) ?? ""
        let section = "[merge \"kaleido\"]\n\tname = Kaleido field-level record merge\n\tdriver = \(driver)\n"
        let updated = replacingSection(in: config, with: section)
        if updated != config {
            try AtomicFile.write(Array(updated.utf8), to: configPath)
            changes.append("git config merge.kaleido.driver = \(driver)")
        }
        return changes
    }

    /// `config` with its `[merge "kaleido"]` section (if any) replaced by `section`, appended
    /// at the end.
    public static func replacingSection(in config: String, with section: String) -> String {
        var kept: [Substring] = []
        var skipping = false
        for line in config.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") { skipping = trimmed.replacing(" ", with: "") == "[merge\"kaleido\"]" }
            if !skipping { kept.append(line) }
        }
        var text = kept.joined(separator: "\n")
        while text.hasSuffix("\n\n") { text.removeLast() }
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        return text + section
    }
}
