import Foundation
import Testing
import KaleidoTestSupport

/// `kaleido validate --schema` on loose files (issue 13): JSON documents typed as JSON, JSON
/// escapes and characters read exactly, `format` asserted as the schema's meta-schema says or
/// as the flags ask.
@Suite struct ValidateSchemaExactnessTests {
    /// Writes `files` (name → content) into a scratch folder and runs `kaleido validate` there.
    static func validate(_ arguments: [String], files: [String: String]) throws -> ProcessOutput {
        let kaleido = try #require(MeasuredProcess.kaleido?.path)
        return try withScratchDirectory { scratch in
            for (name, text) in files {
                try TestFiles.write(text, to: scratch.appendingPathComponent(name).path)
            }
            return try ChildProcess.run(kaleido, ["validate"] + arguments, in: scratch.path)
        }
    }

    @Test func aJSONOneIsNotAString() throws {
        let files = ["s.json": #"{"type": "string"}"#, "one.json": "1\n", "one.yaml": "1\n"]
        let json = try Self.validate(["--schema", "s.json", "one.json"], files: files)
        #expect(json.status == 1)
        #expect(json.stdout.hasPrefix("one.json:1:1: error: the value must be a string, not the number 1 [type]"), "\(json.stdout)")
        // The same text in a YAML file is a plain scalar the schema reads as a string, with a warning.
        let yaml = try Self.validate(["--schema", "s.json", "one.yaml"], files: files)
        #expect(yaml.status == 0)
        #expect(yaml.stdout.contains("one.yaml:1:1: warning: 1 is read as a string here"), "\(yaml.stdout)")
    }

    @Test func aYAMLFileHoldingJSONIsTypedAsJSON() throws {
        let files = ["c.json": #"{"contains": {"type": "string"}}"#, "flow.yaml": "[1, 2]\n", "block.yaml": "- 1\n- 2\n"]
        let flow = try Self.validate(["--schema", "c.json", "flow.yaml"], files: files)
        #expect(flow.status == 1, "\(flow.stdout)")
        #expect(flow.stdout.contains("[contains]"))
        // Block YAML: the items are read as strings, and the warnings say the verdict rests on it.
        let block = try Self.validate(["--schema", "c.json", "block.yaml"], files: files)
        #expect(block.status == 0)
        #expect(block.stdout.hasSuffix("1 file, 0 errors, 2 warnings\n"), "\(block.stdout)")
    }

    @Test func jsonEscapesAndCharactersAreReadExactly() throws {
        let files = [
            "pile.json": #"{"const": "\ud83d\udca9", "maxLength": 1}"#,
            "escaped.json": #""\ud83d\udca9""#,
            "raw.json": "\"\u{1F4A9}\"",
            "s.json": #"{"type": "string", "minLength": 3}"#,
            "ffff.json": "\"a\u{FFFF}b\"",
            "nel.json": #"{"const": "a\u0085b"}"#,
            "space.json": #"{"const": "a b"}"#,
            "nel-raw.json": "\"a\u{85}b\"",
        ]
        let pile = try Self.validate(["--schema", "pile.json", "escaped.json", "raw.json"], files: files)
        #expect(pile.status == 0, "\(pile.stdout)")
        #expect(pile.stdout == "2 files, 0 errors, 0 warnings\n")
        let noncharacter = try Self.validate(["--schema", "s.json", "ffff.json"], files: files)
        #expect(noncharacter.status == 0, "\(noncharacter.stdout)")
        let nextLine = try Self.validate(["--schema", "nel.json", "nel-raw.json"], files: files)
        #expect(nextLine.status == 0, "\(nextLine.stdout)")
        let folded = try Self.validate(["--schema", "space.json", "nel-raw.json"], files: files)
        #expect(folded.status == 1, "U+0085 must not become a space: \(folded.stdout)")
    }

    @Test func aJSONSyntaxErrorPointsAtItsPlace() throws {
        let files = ["s.json": "{}", "bad.json": "{\n  \"a\": 1,\n}\n"]
        let run = try Self.validate(["--schema", "s.json", "bad.json"], files: files)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("bad.json:3:1: error: a member name in double quotes is expected [json]"), "\(run.stdout)")
    }

    @Test func formatIsAnAnnotationUnlessTheMetaSchemaOrAFlagAssertsIt() throws {
        let files = ["d.json": #"{"format": "date"}"#, "bad.json": #""2020-13-45""#]
        let annotated = try Self.validate(["--schema", "d.json", "bad.json"], files: files)
        #expect(annotated.status == 0, "\(annotated.stdout)")
        let asserted = try Self.validate(["--assert-formats", "--schema", "d.json", "bad.json"], files: files)
        #expect(asserted.status == 1)
        #expect(asserted.stdout.contains("is not a date (YYYY-MM-DD) [format]"), "\(asserted.stdout)")
        let refused = try Self.validate(["--assert-formats", "--kb", PackageRoot.path], files: [:])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("vont avec --schema"))
    }

    @Test func theKBSchemasDeclareFormatAssertion() throws {
        let partner = PackageRoot.schemas.appendingPathComponent("partner.yaml").path
        let files = ["p.json": #"{"id": "tn-asso-x", "type": "partner", "name": "X", "kind": "association", "country": "QQ"}"#]
        let asserted = try Self.validate(["--schema", partner, "p.json"], files: files)
        #expect(asserted.status == 1)
        #expect(asserted.stdout.contains("country \"QQ\" is not an ISO 3166-1 alpha-2 code [format]"), "\(asserted.stdout)")
        let annotated = try Self.validate(["--no-assert-formats", "--schema", partner, "p.json"], files: files)
        #expect(annotated.status == 0, "\(annotated.stdout)")
    }
}
