import Foundation
import Testing
import KaleidoTestSupport

/// `kaleido daemon add/list/remove/--install`: the user's daemon.yaml under XDG_CONFIG_HOME,
/// edited without losing anything, and the systemd user unit.
@Suite struct DaemonRegistryTests {
    /// A KB and an isolated config folder.
    static func withKB(_ body: (_ scratch: String, _ kb: String, _ environment: [String: String]) throws -> Void) throws {
        try withScratchDirectory { scratchURL in
            let scratch = scratchURL.path
            #expect(try Run.kaleido(["init", "kb"], in: scratch).status == 0)
            // French, as the team speaks (outside a KB the test locale, C, would choose English).
            try body(scratch, scratch + "/kb", ["XDG_CONFIG_HOME": scratch + "/config", "KALEIDO_LANG": "fr"])
        }
    }

    @Test func addIsIdempotentAndKeepsTheUsersLines() throws {
        try Self.withKB { scratch, kb, environment in
            let file = scratch + "/config/kaleido/daemon.yaml"
            let existing = """
                # Mes bases (commentaire à garder)
                knowledge_bases:
                  - /srv/autre-base   # celle du bureau
                log_level: info

                """
            try Run.write(existing, to: file)
            // From a subfolder of the KB, given relatively: the KB's root is registered, absolute.
            let added = try Run.kaleido(["daemon", "add", "kb/knowledge"], in: scratch, environment: environment)
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stdout.contains("base ajoutée à \(file) : \(kb)"), "\(added.stdout)")
            let expected = """
                # Mes bases (commentaire à garder)
                knowledge_bases:
                  - /srv/autre-base   # celle du bureau
                  - \(kb)
                log_level: info

                """
            #expect(Run.read(file) == expected)
            let again = try Run.kaleido(["daemon", "add"], in: kb, environment: environment)
            #expect(again.status == 0 && again.stdout.contains("est déjà dans"), "\(again.stdout)")
            #expect(Run.read(file) == expected, "no duplicate")

            let listed = try Run.kaleido(["daemon", "list"], in: scratch, environment: environment)
            #expect(listed.stdout == "/srv/autre-base  (introuvable)\n\(kb)\n", "\(listed.stdout)")

            let removed = try Run.kaleido(["daemon", "remove", kb], in: scratch, environment: environment)
            #expect(removed.status == 0, "\(removed.stderr)")
            #expect(Run.read(file) == existing)
            #expect(try Run.kaleido(["daemon", "remove", kb], in: scratch, environment: environment).status == 1)
        }
    }

    @Test func addCreatesTheFileUnderXDGConfigHome() throws {
        try Self.withKB { scratch, kb, environment in
            let added = try Run.kaleido(["daemon", "add", "kb"], in: scratch, environment: environment)
            #expect(added.status == 0, "\(added.stderr)")
            let text = try #require(Run.read(scratch + "/config/kaleido/daemon.yaml"))
            #expect(text.hasSuffix("knowledge_bases:\n  - \(kb)\n"), "\(text)")
            // Not under HOME's .config (HOME is the scratch folder in these runs).
            #expect(!FileManager.default.fileExists(atPath: scratch + "/.config/kaleido/daemon.yaml"))
        }
    }

    @Test func addRefusesAFolderOutsideAnyKB() throws {
        try Self.withKB { scratch, _, environment in
            try FileManager.default.createDirectory(atPath: scratch + "/ailleurs", withIntermediateDirectories: true)
            let run = try Run.kaleido(["daemon", "add", "ailleurs"], in: scratch, environment: environment)
            #expect(run.status == 2)
            #expect(run.stderr.contains("n'est pas dans une base Kaleido"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: scratch + "/config/kaleido/daemon.yaml"))
        }
    }

    @Test func installRegistersAndWritesTheUnitOnce() throws {
        try Self.withKB { scratch, kb, environment in
            let run = try Run.kaleido(["daemon", "--install"], in: kb, environment: environment)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("systemctl --user enable --now kaleido-daemon"), "\(run.stdout)")
            #expect(Run.read(scratch + "/config/kaleido/daemon.yaml")?.contains("  - \(kb)\n") == true)
            let unitPath = scratch + "/config/systemd/user/kaleido-daemon.service"
            let unit = try #require(Run.read(unitPath))
            let contrib = try #require(Run.read(Run.projectRoot.path + "/contrib/kaleido-daemon.service"))
            // The unit is contrib's, its ExecStart naming the binary that ran.
            let binary = try Run.kaleido()
            let execStart = unit.split(separator: "\n").first { $0.hasPrefix("ExecStart=") }
            #expect(execStart.map(String.init) == "ExecStart=\(URL(fileURLWithPath: binary).resolvingSymlinksInPath().path) daemon", "\(unit)")
            #expect(unit.replacing(/ExecStart=.*\n/, with: "") == contrib.replacing(/ExecStart=.*\n/, with: ""))
            // A unit already there (the user's own) is kept.
            try Run.write("# mine\n", to: unitPath)
            let again = try Run.kaleido(["daemon", "--install"], in: kb, environment: environment)
            #expect(again.status == 0 && again.stdout.contains("laissé tel quel"), "\(again.stdout)")
            #expect(Run.read(unitPath) == "# mine\n")
        }
    }
}
