import ArgumentParser
import Foundation
import KaleidoKB

/// `kaleido hooks install`: a git pre-commit hook that checks the staged record files.
struct HooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: Help.abstract("hooks"),
        subcommands: [HooksInstallCommand.self])
}

/// Writes `pre-commit` in the repository's hooks folder: `kaleido validate` then
/// `kaleido fmt --check` on the staged record files (added, copied, modified or renamed), so that a
/// commit of an invalid or unformatted record stops with the diagnostics.
struct HooksInstallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: Help.abstract("hooks install"),
        discussion: Help.discussion("hooks install"))

    @OptionGroup var kbOptions: KBOptions

    @Flag(help: ArgumentHelp(Help.option("hooks install", "force")))
    var force = false

    /// The line that marks a hook as kaleido's (so that reinstalling may replace it).
    static let marker = "# kaleido-pre-commit-hook"

    func run() async throws {
        var refused = false
        try await reportingCLIErrors {
            let kb = try kbOptions.open()
            let topLevel = try git(["rev-parse", "--show-toplevel"], in: kb.root)
            let hooks = try git(["rev-parse", "--path-format=absolute", "--git-path", "hooks"], in: kb.root)
            let path = hooks + "/pre-commit"
            if let existing = FileManager.default.contents(atPath: path),
                !String(decoding: existing, as: UTF8.self).contains(Self.marker), !force {
                StandardError.write(Messages.errorPrefix + Messages.foreignHook(path) + "\n")
                refused = true
                return
            }
            let resolvedRoot = URL(fileURLWithPath: kb.root).resolvingSymlinksInPath().path
            let prefix = resolvedRoot == topLevel ? "" : String(resolvedRoot.dropFirst(topLevel.count + 1)) + "/"
            try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
            let script = Self.script(kbFolder: String(prefix.dropLast()), recordFolder: prefix + kb.config.knowledgeFolder)
            try writeExecutable(Array(script.utf8), to: path)
            print(Messages.installed(path))
        }
        if refused { throw ExitCode(1) }
    }

    /// The hook: POSIX sh, run by git at the repository's top level.
    static func script(kbFolder: String, recordFolder: String) -> String {
        """
        #!/bin/sh
        \(marker): written by `kaleido hooks install`; run it again to update, delete this file to remove it.
        # Checks the record files this commit adds or changes: kaleido validate, then kaleido fmt --check.
        # `git commit --no-verify` skips it.
        cd "$(git rev-parse --show-toplevel)" || exit 1
        kb="$PWD"\(kbFolder.isEmpty ? "" : "/'" + quoted(kbFolder) + "'")
        folder='\(quoted(recordFolder))'
        staged() {
            git diff --cached --name-only --diff-filter=ACMR -z -- ":(glob)$folder/**/*.yaml" ":(glob)$folder/**/*.yml"
        }
        [ -n "$(staged | tr -d '\\0')" ] || exit 0
        if ! command -v kaleido >/dev/null 2>&1; then
            echo "pre-commit: kaleido is not on PATH; install it (scripts/install) or commit with --no-verify" >&2
            exit 1
        fi
        staged | xargs -0 kaleido validate --kb "$kb" || exit 1
        staged | xargs -0 kaleido fmt --check --kb "$kb" || {
            echo "pre-commit: run \\`kaleido fmt\\` on the files above, add them and commit again" >&2
            exit 1
        }

        """
    }

    /// `text` for inside single quotes in sh.
    private static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "'", with: "'\\''")
    }

    /// Runs git in `folder` and returns its output's first line, or throws an I/O error.
    private func git(_ arguments: [String], in folder: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw CLIError.io("cannot run git: \(error)") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first else {
            throw CLIError.usage(Messages.hookNeedsGit(folder))
        }
        return String(line)
    }

    /// Writes `bytes` as an executable file at `path`, whole or not at all: git never runs a
    /// half-written or not yet executable hook.
    private func writeExecutable(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".kaleido-\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes), attributes: [.posixPermissions: 0o755]) else {
            throw CLIError.io("cannot write \(temporary)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CLIError.io("cannot replace \(path): \(reason)")
        }
    }
}
