import Foundation
import Testing
import KaleidoTestSupport

/// The merge commands as a user runs them: the built `kaleido` in scratch folders.
@Suite struct MergeCommandTests {
    static func kaleido() throws -> String {
        try #require(Shell.kaleido, "the kaleido executable is not next to the test bundle; run `swift build` first")
    }

    @Test func driverLeavesOursUntouchedWhenASideDoesNotParse() throws {
        let kaleido = try Self.kaleido()
        try Shell.scratch { folder in
            let ours = "id: p   # ours\nname: A\n"
            try Shell.write("id: p\nname: A\n", to: folder + "/base")
            try Shell.write(ours, to: folder + "/ours")
            try Shell.write("id: p\nname: [B\n", to: folder + "/theirs")
            let result = try Shell.run(kaleido, ["merge-driver", "base", "ours", "theirs", "knowledge/people/p.yaml"], in: folder)
            #expect(result.status == 2)
            #expect(Shell.read(folder + "/ours") == ours)
            #expect(result.stderr.hasPrefix("knowledge/people/p.yaml (theirs):"), "\(result.stderr)")
            #expect(result.stderr.contains("error:"))
            #expect(result.stderr.contains("left as ours"))
        }
    }

    @Test func driverExitCodesAndOutput() throws {
        let kaleido = try Self.kaleido()
        try Shell.scratch { folder in
            try Shell.write("id: p\na: 1\nb: 1\n", to: folder + "/base")
            try Shell.write("id: p\na: 2\nb: 1\n", to: folder + "/ours")
            try Shell.write("id: p\na: 1\nb: 2\n", to: folder + "/theirs")
            let clean = try Shell.run(kaleido, ["merge-driver", "base", "ours", "theirs", "p.yaml"], in: folder)
            #expect(clean.status == 0)
            #expect(Shell.read(folder + "/ours") == "id: p\na: 2\nb: 2\n")
            try Shell.write("id: p\na: 3\nb: 1\n", to: folder + "/theirs")
            let conflicted = try Shell.run(kaleido, ["merge-driver", "base", "ours", "theirs", "p.yaml"], in: folder)
            #expect(conflicted.status == 1)
            #expect(Shell.read(folder + "/ours") == "id: p\na: 2\nb: 2\n_conflicts:\n  - path: a\n    base: 1\n    ours: 2\n    theirs: 3\n    at: '2026-11-27T10:42:00Z'\n")
            let missing = try Shell.run(kaleido, ["merge-driver", "nope", "ours", "theirs", "p.yaml"], in: folder)
            #expect(missing.status == 2)
        }
    }

    @Test func initCreatesAKnowledgeBaseThatValidates() throws {
        let kaleido = try Self.kaleido()
        try Shell.scratch { folder in
            let created = try Shell.run(kaleido, ["init", "kb", "--name", "Test"], in: folder)
            #expect(created.status == 0, "\(created.stderr)")
            let kb = folder + "/kb"
            for path in [".git", ".kaleido/config.yaml", "schemas/partner.yaml", "schemas/defs.yaml", "knowledge/partners", "knowledge/people", ".gitattributes"] {
                #expect(FileManager.default.fileExists(atPath: kb + "/" + path), "\(path)")
            }
            #expect(Shell.read(kb + "/.gitattributes")?.contains("*.yaml merge=kaleido") == true)
            let driver = try Shell.git(["config", "merge.kaleido.driver"], in: kb)
            #expect(driver.stdout.contains("merge-driver %O %A %B %P"))
            // The installed schemas are the project's.
            for name in try FileManager.default.contentsOfDirectory(atPath: PackageRoot.path + "/schemas") {
                #expect(Shell.read(kb + "/schemas/" + name) == Shell.read(PackageRoot.path + "/schemas/" + name), "\(name): run scripts/embed-schemas")
            }
            // A second init (as after a clone) keeps the knowledge base as it is.
            let config = Shell.read(kb + "/.kaleido/config.yaml")
            let again = try Shell.run(kaleido, ["init", "kb", "--name", "Other"], in: folder)
            #expect(again.status == 0 && again.stdout.contains("already a knowledge base"), "\(again.stdout)\(again.stderr)")
            #expect(Shell.read(kb + "/.kaleido/config.yaml") == config)
            let installed = try Shell.run(kaleido, ["install-merge-driver"], in: kb)
            #expect(installed.stdout.contains("already registered"))
            try Shell.write(Shell.read(PackageRoot.path + "/knowledge/people/p-amel-jaziri.yaml") ?? "", to: kb + "/knowledge/people/p-amel-jaziri.yaml")
            let validate = try Shell.run(kaleido, ["validate"], in: kb)
            #expect(validate.status != 2, "\(validate.stdout)\(validate.stderr)")
        }
    }

    @Test func conflictsAndResolveAfterAGitMerge() throws {
        let kaleido = try Self.kaleido()
        try Shell.scratch { folder in
            #expect(try Shell.run(kaleido, ["init", "kb"], in: folder).status == 0)
            let kb = folder + "/kb"
            try Shell.git(["config", "user.name", "Test"], in: kb)
            try Shell.git(["config", "user.email", "t@example.org"], in: kb)
            let file = kb + "/knowledge/partners/tn-mun-sfax.yaml"
            let original = Shell.read(PackageRoot.path + "/knowledge/partners/tn-mun-sfax.yaml") ?? ""
            try Shell.write(original, to: file)
            try Shell.git(["add", "-A"], in: kb)
            try Shell.git(["commit", "-qm", "base"], in: kb)
            try Shell.git(["checkout", "-qb", "other"], in: kb)
            try Shell.write(original.replacing("website: https://www.commune-sfax.gov.tn", with: "website: https://sfax.tn")
                .replacing("subdivision: TN-61", with: "subdivision: TN-62"), to: file)
            try Shell.git(["commit", "-qam", "theirs"], in: kb)
            try Shell.git(["checkout", "-q", "main"], in: kb)
            try Shell.write(original.replacing("website: https://www.commune-sfax.gov.tn", with: "website: https://www.sfax.gov.tn")
                .replacing("name: Municipalité de Sfax", with: "name: Commune de Sfax"), to: file)
            try Shell.git(["commit", "-qam", "ours"], in: kb)
            let merge = try Shell.git(["merge", "-q", "other"], in: kb)
            #expect(merge.status == 1)
            let merged = Shell.read(file) ?? ""
            #expect(merged.contains("name: Commune de Sfax\n") && merged.contains("subdivision: TN-62\n") && merged.contains("website: https://www.sfax.gov.tn\n"))
            #expect(merged.contains("    - {value: \"بلدية صفاقس\", lang: ar}") == false)
            #expect(merged.contains("  - value: \"بلدية صفاقس\"   # « Baladiyat Safaqis », the municipality itself\n"))

            let listed = try Shell.run(kaleido, ["conflicts", "--format", "json"], in: kb)
            #expect(listed.status == 1)
            let json = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
            #expect(json?.count == 1)
            #expect(json?.first?["path"] as? String == "website")
            #expect(json?.first?["theirs"] as? String == "https://sfax.tn")
            #expect(json?.first?["record"] as? String == "tn-mun-sfax")

            let resolved = try Shell.run(kaleido, ["resolve", "tn-mun-sfax", "website", "--theirs"], in: kb)
            #expect(resolved.status == 0, "\(resolved.stderr)")
            let expected = original.replacing("website: https://www.commune-sfax.gov.tn", with: "website: https://sfax.tn")
                .replacing("subdivision: TN-61", with: "subdivision: TN-62").replacing("name: Municipalité de Sfax", with: "name: Commune de Sfax")
            #expect(Shell.read(file) == expected)
            let none = try Shell.run(kaleido, ["conflicts"], in: kb)
            #expect(none.status == 0)
            #expect(none.stdout == "no open conflict\n")
            let wrong = try Shell.run(kaleido, ["resolve", "tn-mun-sfax", "website", "--ours", "--theirs"], in: kb)
            #expect(wrong.status != 0)
        }
    }
}
