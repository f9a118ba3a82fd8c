import Foundation
import Testing
import KaleidoTestSupport
import KaleidoYAML

/// `kaleido hooks install` in a scratch KB made by `kaleido init`: real `git commit`s run the
/// hook with the built `kaleido` on PATH.
@Suite struct HooksCommandTests {
    /// git with an identity and the built binary first on PATH, as in a consultant's shell.
    private func environment() throws -> [String: String] {
        let folder = URL(fileURLWithPath: try Run.kaleido()).deletingLastPathComponent().path
        return [
            "PATH": folder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
        ]
    }

    private func partner(country: String) -> String {
        "id: tn-mun-gabes\ntype: partner\nname: Municipalité de Gabès\nkind: municipalite_etrangere\ncountry: \(country)\n"
    }

    @Test func theHookBlocksAnInvalidOrUnformattedRecordAndLetsAValidOneThrough() throws {
        try withScratchDirectory { scratch in
            let env = try environment()
            #expect(try Run.kaleido(["init", "kb"], in: scratch.path).status == 0)
            let kb = scratch.path + "/kb"
            let install = try Run.kaleido(["hooks", "install"], in: kb, environment: env)
            #expect(install.status == 0, "\(install.stderr)")
            let hook = kb + "/.git/hooks/pre-commit"
            let attributes = try FileManager.default.attributesOfItem(atPath: hook)
            let mode = try #require(attributes[.posixPermissions] as? Int)
            #expect(mode & 0o111 == 0o111, "the hook is executable")
            #expect(Run.read(hook)?.contains("# kaleido-pre-commit-hook") == true)
            #expect(try Run.git(["add", "-A"], in: kb, environment: env).status == 0)
            let first = try Run.git(["commit", "-m", "init"], in: kb, environment: env)
            #expect(first.status == 0, "no record staged: the hook lets it through\n\(first.stderr)")

            let file = "knowledge/partners/tn/tn-mun-gabes.yaml"
            try Run.write(partner(country: "TNX"), to: kb + "/" + file)
            try Run.git(["add", file], in: kb, environment: env)
            let invalid = try Run.git(["commit", "-m", "invalid"], in: kb, environment: env)
            #expect(invalid.status != 0)
            #expect(invalid.stderr.contains("\(file):5:10: error: country \"TNX\""), "\(invalid.stderr)")

            try Run.write(partner(country: "NO"), to: kb + "/" + file)
            try Run.git(["add", file], in: kb, environment: env)
            let unformatted = try Run.git(["commit", "-m", "unformatted"], in: kb, environment: env)
            #expect(unformatted.status != 0, "valid, but NO is misread by YAML 1.1 tools: fmt --check stops it")
            #expect(unformatted.stderr.contains(file), "\(unformatted.stderr)")

            #expect(try Run.kaleido(["fmt", file], in: kb, environment: env).status == 0)
            try Run.git(["add", file], in: kb, environment: env)
            let valid = try Run.git(["commit", "-m", "valid"], in: kb, environment: env)
            #expect(valid.status == 0, "\(valid.stderr)")
            let log = try Run.git(["log", "--format=%s"], in: kb, environment: env)
            #expect(log.stdout == "valid\ninit\n")
        }
    }

    @Test func aForeignHookIsKeptUnlessForced() throws {
        try withScratchDirectory { scratch in
            #expect(try Run.kaleido(["init", "kb"], in: scratch.path).status == 0)
            let kb = scratch.path + "/kb"
            let hook = kb + "/.git/hooks/pre-commit"
            try Run.write("#!/bin/sh\necho theirs\n", to: hook)
            let refused = try Run.kaleido(["hooks", "install"], in: kb)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("--force"), "\(refused.stderr)")
            #expect(Run.read(hook) == "#!/bin/sh\necho theirs\n")
            // Ours is replaced without --force (an update), a foreign one with it.
            let forced = try Run.kaleido(["hooks", "install", "--force"], in: kb)
            #expect(forced.status == 0)
            #expect(Run.read(hook)?.contains("kaleido validate") == true)
            #expect(try Run.kaleido(["hooks", "install"], in: kb).status == 0)
        }
    }
}

/// The repository's `.pre-commit-hooks.yaml`, run as the pre-commit framework runs it: each
/// hook's `entry` with the files its `files` pattern selects, from the KB's root.
@Suite struct PreCommitFrameworkHooksTests {
    @Test func theHooksRunTheirEntryOnTheRecordFilesTheirPatternSelects() throws {
        let text = try #require(Run.read(Run.projectRoot.path + "/.pre-commit-hooks.yaml"))
        let hooks = try #require(try YAMLParser().parseDocument(Array(text.utf8)).root.items)
        #expect(hooks.compactMap { $0["id"]?.stringValue } == ["kaleido-validate", "kaleido-fmt"])
        try Run.withSampleKB { kb in
            // One record to format, as a commit would stage it; the pattern leaves schemas out.
            let record = "knowledge/partners/tn/tn-mun-gabes.yaml"
            try Run.write("id: tn-mun-gabes\ntype: partner\nname: Gabès\nkind: municipalite_etrangere\ncountry: NO\n", to: kb + "/" + record)
            let candidates = [record, "knowledge/partners/tn-mun-sfax.yaml", "schemas/partner.yaml", ".kaleido/config.yaml"]
            var statuses: [String: Int32] = [:]
            for hook in hooks {
                let id = try #require(hook["id"]?.stringValue)
                #expect(hook["language"]?.stringValue == "system")
                let pattern = try Regex(try #require(hook["files"]?.stringValue))
                let files = candidates.filter { $0.firstMatch(of: pattern) != nil }
                #expect(files == [record, "knowledge/partners/tn-mun-sfax.yaml"])
                let entry = try #require(hook["entry"]?.stringValue).split(separator: " ").map(String.init)
                #expect(entry.first == "kaleido")
                statuses[id] = try Run.kaleido(Array(entry.dropFirst()) + files, in: kb).status
            }
            #expect(statuses == ["kaleido-validate": 0, "kaleido-fmt": 1], "valid, but NO needs quotes")
        }
    }
}
