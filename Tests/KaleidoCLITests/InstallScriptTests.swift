import Foundation
import Testing
import KaleidoTestSupport
@testable import KaleidoCLI

/// `scripts/install` into a temporary prefix with the debug build's `kaleido` (KALEIDO_BINARY, so
/// nothing is built in release): each installed file is checked by the program that reads it —
/// man, bash, zsh, fish, systemd-analyze. A program missing from the machine skips its check
/// with a printed reason (`scripts/bootstrap --test` installs them all).
@Suite struct InstallScriptTests {
    static var script: String { PackageRoot.path + "/scripts/install" }

    /// The files the script installs, relative to the prefix.
    static let installed = [
        "bin/kaleido", "share/bash-completion/completions/kaleido", "share/zsh/site-functions/_kaleido",
        "share/fish/vendor_completions.d/kaleido.fish", "share/man/man1/kaleido.1",
        "share/systemd/user/kaleido-daemon.service",
    ]

    static func install(into prefix: String, binary: String, home: String) throws -> ProcessOutput {
        // The page follows the installer's language (HelpLanguageTests checks the French one): English here.
        let environment = ChildProcess.environment(adding: ["KALEIDO_BINARY": binary, "HOME": home, "KALEIDO_LANG": "en"])
        return try ChildProcess.run("/bin/bash", [script, prefix], in: home, environment: environment, input: .nullDevice)
    }

    /// Runs `program` (a name on PATH) when the machine has it; nil, with the reason printed, when not.
    static func runIfInstalled(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> ProcessOutput? {
        guard let path = ["/usr/bin", "/bin", "/usr/sbin", "/usr/local/bin"].map({ $0 + "/" + program })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("InstallScriptTests: skipped the \(program) check: \(program) is not installed (scripts/bootstrap --test installs it)")
            return nil
        }
        return try ChildProcess.run(path, arguments, environment: ChildProcess.environment(adding: environment), input: .nullDevice)
    }

    /// The displayed subcommands of `kaleido`, from ArgumentParser's own description of them.
    static func subcommands(of kaleido: String) throws -> [String] {
        let dump = try ChildProcess.run(kaleido, ["--experimental-dump-help"], input: .nullDevice)
        let json = try #require(try JSONSerialization.jsonObject(with: dump.standardOutput) as? [String: Any])
        let command = try #require(json["command"] as? [String: Any])
        let subcommands = try #require(command["subcommands"] as? [[String: Any]])
        return subcommands.filter { $0["shouldDisplay"] as? Bool == true }.compactMap { $0["commandName"] as? String }
    }

    @Test func installsWhatManBashZshFishAndSystemdAccept() throws {
        let kaleido = try Run.kaleido()
        try withScratchDirectory { scratch in
            // A space in the prefix: the unit's ExecStart must quote the path.
            let prefix = scratch.path + "/my prefix"
            let first = try Self.install(into: prefix, binary: kaleido, home: scratch.path)
            try #require(first.status == 0, "\(first.stdout)\(first.stderr)")
            for file in Self.installed {
                #expect(first.stdout.contains(prefix + "/" + file), "\(file) not listed: \(first.stdout)")
                let size = (try? FileManager.default.attributesOfItem(atPath: prefix + "/" + file)[.size] as? Int) ?? 0
                #expect(size > 0, "\(file) missing or empty")
            }
            #expect(first.stdout.contains("systemctl --user enable --now kaleido-daemon"), "\(first.stdout)")
            #expect(first.stdout.contains("knowledge_bases:"), "\(first.stdout)")

            let version = try ChildProcess.run(prefix + "/bin/kaleido", ["--version"], input: .nullDevice)
            let built = try ChildProcess.run(kaleido, ["--version"], input: .nullDevice)
            #expect(version.status == 0 && version.stdout == built.stdout)

            let page = prefix + "/share/man/man1/kaleido.1"
            if let man = try Self.runIfInstalled("man", ["--warnings", "-l", page], environment: ["MANPAGER": "cat", "MANWIDTH": "100", "LANG": "C.UTF-8"]) {
                #expect(man.status == 0, "\(man.stderr)")
                #expect(man.stderr.isEmpty, "groff warnings: \(man.stderr)")
                let subcommands = try Self.subcommands(of: kaleido)
                for name in ["validate", "sync", "daemon", "history"] { #expect(subcommands.contains(name)) }
                for name in subcommands { #expect(man.stdout.contains("kaleido \(name)"), "no section for \(name)") }
                for heading in ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "EXIT STATUS", "FILES", "ENVIRONMENT"] {
                    #expect(man.stdout.contains("\n" + heading + "\n"), "no \(heading) section")
                }
                #expect(man.stdout.contains("--kb dir"), "options lost their hyphens")
                #expect(man.stdout.contains("--assert-formats, --no-assert-formats\n"), "an inverted flag's two names are not one entry")
                #expect(!man.stdout.contains("__man"), "the hidden command is shown")
            }

            let bashScript = prefix + "/share/bash-completion/completions/kaleido"
            // Loads the script and asks it to complete `kaleido val`, as bash does on Tab.
            let complete = """
                source "$1" && complete -p kaleido && COMP_WORDS=(kaleido val) COMP_CWORD=1 COMP_LINE='kaleido val' \
                COMP_POINT=11 && "$(complete -p kaleido | sed -n 's/.*-F \\([^ ]*\\).*/\\1/p')" kaleido val kaleido \
                && printf 'reply: %s\\n' "${COMPREPLY[@]}"
                """
            if let bash = try Self.runIfInstalled("bash", ["-c", complete, "bash", bashScript]) {
                #expect(bash.status == 0, "\(bash.stderr)")
                #expect(bash.stdout.hasPrefix("complete ") && bash.stdout.contains(" kaleido\n"), "\(bash.stdout)")
                #expect(bash.stdout.contains("reply: validate"), "\(bash.stdout)\(bash.stderr)")
            }
            if let zsh = try Self.runIfInstalled("zsh", ["-n", prefix + "/share/zsh/site-functions/_kaleido"]) {
                #expect(zsh.status == 0, "\(zsh.stderr)")
            }
            let fishScript = prefix + "/share/fish/vendor_completions.d/kaleido.fish"
            if let fish = try Self.runIfInstalled("fish", ["--no-config", "-c", "source $argv[1]; and complete -C 'kaleido val'", fishScript]) {
                #expect(fish.status == 0, "\(fish.stderr)")
                #expect(fish.stdout.hasPrefix("validate"), "\(fish.stdout)\(fish.stderr)")
            }

            let unit = prefix + "/share/systemd/user/kaleido-daemon.service"
            #expect(Run.read(unit)?.contains("ExecStart=\"\(prefix)/bin/kaleido\" daemon\n") == true, "\(Run.read(unit) ?? "")")
            // Without a user manager running, systemd-analyze --user needs a runtime folder of its own.
            let runtime = scratch.path + "/runtime"
            try FileManager.default.createDirectory(atPath: runtime, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            if let verify = try Self.runIfInstalled("systemd-analyze", ["verify", "--user", unit], environment: ["XDG_RUNTIME_DIR": runtime]) {
                #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
                #expect(verify.stderr.isEmpty, "\(verify.stderr)")
            }

            // Again: the same files, replaced, and no temporary file left beside them.
            let before = Run.files(under: prefix)
            let second = try Self.install(into: prefix, binary: kaleido, home: scratch.path)
            #expect(second.status == 0, "\(second.stderr)")
            #expect(Run.files(under: prefix) == before)
            #expect(!before.contains { $0.contains(".kaleido-install.") }, "\(before)")
        }
    }

    /// Text from help strings cannot become roff requests or escapes.
    @Test func manPageTextIsEscaped() {
        #expect(ManPage.escaped(".kaleido/cache is git-ignored") == "\\&.kaleido/cache is git\\-ignored")
        #expect(ManPage.escaped("'quoted' C:\\dir --kb") == "\\&'quoted' C:\\edir \\-\\-kb")
    }

    @Test func aBinaryThatIsNotThereInstallsNothing() throws {
        try withScratchDirectory { scratch in
            let prefix = scratch.path + "/prefix"
            let run = try Self.install(into: prefix, binary: scratch.path + "/no-kaleido", home: scratch.path)
            #expect(run.status == 2)
            #expect(run.stderr == "install: error: KALEIDO_BINARY=\(scratch.path)/no-kaleido is not an executable file\n", "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: prefix))
        }
    }
}
