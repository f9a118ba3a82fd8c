import Foundation
import Testing
import KaleidoTestSupport

/// `kaleido validate` as a consultant runs it: the real binary on the project's own KB and on
/// a broken copy of it.
@Suite struct ValidateCommandTests {
    static var projectRoot: URL { PackageRoot.url }

    @Test func theProjectRootIsAValidKnowledgeBase() throws {
        let kaleido = try #require(MeasuredProcess.kaleido)
        try withScratchDirectory { scratch in
            let run = try MeasuredProcess.run(kaleido, ["validate", "--kb", Self.projectRoot.path, "--today", "2026-11-27"], scratch: scratch)
            #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
            let summary = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
            #expect(summary.hasSuffix(" fiches, 0 erreur, 3 avertissements"), "\(summary)")  // the sample KB is `language: fr`
            // --strict turns the three intended warnings into a failure.
            let strict = try MeasuredProcess.run(kaleido, ["validate", "--strict", "--kb", Self.projectRoot.path, "--today", "2026-11-27"], scratch: scratch)
            #expect(strict.exitCode == 1)
        }
    }

    @Test func aBrokenCopyReportsEveryFileInJSONAndExitsWithOne() throws {
        let kaleido = try #require(MeasuredProcess.kaleido)
        try withScratchDirectory { scratch in
            let kb = scratch.appendingPathComponent("kb")
            let manager = FileManager.default
            try manager.createDirectory(at: kb, withIntermediateDirectories: true)
            for folder in [".kaleido", "schemas", "knowledge"] {
                try manager.copyItem(at: Self.projectRoot.appendingPathComponent(folder), to: kb.appendingPathComponent(folder))
            }
            let sfax = kb.appendingPathComponent("knowledge/partners/tn-mun-sfax.yaml")
            let text = try String(contentsOf: sfax, encoding: .utf8)
            try text.replacingOccurrences(of: "country: TN", with: "country: TNX").write(to: sfax, atomically: true, encoding: .utf8)
            try "id: broken\ntype: [partner\n".write(to: kb.appendingPathComponent("knowledge/partners/broken.yaml"), atomically: true, encoding: .utf8)

            let run = try MeasuredProcess.run(kaleido, ["validate", "--kb", kb.path, "--today", "2026-11-27", "--format", "json"], scratch: scratch)
            #expect(run.exitCode == 1)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            #expect(json["valid"] as? Bool == false)
            #expect(json["errors"] as? Int == 2)
            #expect(json["warnings"] as? Int == 3)
            let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
            let errors = diagnostics.filter { $0["severity"] as? String == "error" }
            let country = try #require(errors.first { ($0["file"] as? String)?.hasSuffix("tn-mun-sfax.yaml") == true })
            #expect(country["rule"] as? String == "format")
            #expect(country["path"] as? String == "/country")
            #expect(country["message"] as? String == "country \"TNX\" n'est pas un code pays ISO 3166-1 alpha-2 (TN, FR…)")
            #expect(country["column"] as? Int == 10)
            let broken = try #require(errors.first { ($0["file"] as? String)?.hasSuffix("broken.yaml") == true })
            #expect(broken["rule"] as? String == "yaml")
            #expect(broken["line"] as? Int == 2)
            #expect(broken["column"] as? Int == 7)
            #expect((broken["message"] as? String)?.contains("never closed") == true)

            // The text form points at the same place, with the source line and a caret.
            let textRun = try MeasuredProcess.run(kaleido, ["validate", "--kb", kb.path, "--today", "2026-11-27", kb.appendingPathComponent("knowledge/partners/tn-mun-sfax.yaml").path], scratch: scratch)
            #expect(textRun.exitCode == 1)
            let lines = textRun.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            let line = try #require(lines.firstIndex { $0.contains("error: country \"TNX\"") })
            #expect(lines[line].hasSuffix("knowledge/partners/tn-mun-sfax.yaml:5:10: error: country \"TNX\" n'est pas un code pays ISO 3166-1 alpha-2 (TN, FR…) [format]"))
            #expect(lines[line + 1] == "country: TNX")
            #expect(lines[line + 2] == "         ^")
            #expect(lines.last { !$0.isEmpty } == "1 fiche, 1 erreur, 0 avertissement")
        }
    }

    @Test func looseFilesAgainstOneSchemaLikeCheckJSONSchema() throws {
        let kaleido = try #require(MeasuredProcess.kaleido)
        try withScratchDirectory { scratch in
            let schema = scratch.appendingPathComponent("price.yaml")
            try "type: object\nproperties:\n  price: {type: number, multipleOf: 0.01}\n  currency: {$ref: money.yaml#/$defs/currency}\nrequired: [price]\n"
                .write(to: schema, atomically: true, encoding: .utf8)
            try "$defs:\n  currency: {type: string, format: iso4217}\n".write(to: scratch.appendingPathComponent("money.yaml"), atomically: true, encoding: .utf8)
            let data = scratch.appendingPathComponent("data")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            // 19.99 is a multiple of 0.01 when numbers are compared exactly (floats say no).
            try "{\"price\": 19.99, \"currency\": \"EUR\"}\n".write(to: data.appendingPathComponent("good.json"), atomically: true, encoding: .utf8)
            try "price: 0.125\ncurrency: EUX\n".write(to: data.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)

            // This schema declares no meta-schema with format assertion: --assert-formats asks for it.
            // English (`--lang en`), as check-jsonschema words it; the French is checked in MessageLanguageTests.
            let run = try MeasuredProcess.run(kaleido, ["validate", "--lang", "en", "--assert-formats", "--schema", schema.path, data.path], scratch: scratch)
            #expect(run.exitCode == 1)
            let errors = run.stdout.split(separator: "\n").filter { $0.contains(": error: ") }.map { String($0.drop { $0 != ":" }) }
            #expect(errors == [
                ":1:8: error: price 0.125 must be a multiple of 0.01 [multipleOf]",
                ":2:11: error: currency \"EUX\" is not an ISO 4217 currency code [format]",
            ])
            #expect(run.stdout.hasSuffix("2 files, 2 errors, 0 warnings\n"))
            // By default `format` is an annotation, as 2020-12 says.
            let annotated = try MeasuredProcess.run(kaleido, ["validate", "--lang", "en", "--schema", schema.path, data.path], scratch: scratch)
            #expect(annotated.stdout.hasSuffix("2 files, 1 error, 0 warnings\n"), "\(annotated.stdout)")
            let good = try MeasuredProcess.run(kaleido, ["validate", "--schema", schema.path, data.appendingPathComponent("good.json").path], scratch: scratch)
            #expect(good.exitCode == 0, "\(good.stdout)")
        }
    }

    @Test func usageAndIOErrorsExitWithTwo() throws {
        let kaleido = try #require(MeasuredProcess.kaleido)
        try withScratchDirectory { scratch in
            let missing = try MeasuredProcess.run(kaleido, ["validate", "--kb", scratch.appendingPathComponent("nowhere").path], scratch: scratch)
            #expect(missing.exitCode == 2)
            #expect(missing.stderr.contains("no such folder"))
            let outside = try MeasuredProcess.run(kaleido, ["validate", "--kb", Self.projectRoot.path, "/etc/hostname"], scratch: scratch)
            #expect(outside.exitCode == 2)
            #expect(outside.stderr.contains("hors de la base"))
        }
    }
}
