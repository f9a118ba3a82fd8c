import Foundation
import Testing
import KaleidoTestSupport

/// `kaleido fmt` and `kaleido hooks install` as a consultant runs them: the built binary on a
/// copy of the sample KB and on a scratch KB made by `kaleido init`, with real git commits.
@Suite struct FmtCommandTests {
    static let record = "knowledge/partners/tn/tn-mun-ambigue.yaml"

    /// A partner full of values YAML 1.1 tools misread, with CRLF line ends, four-space
    /// indentation, trailing spaces and comments.
    static let ambiguous = [
        "# Written by a spreadsheet export   ",
        "id: tn-mun-ambigue",
        "type: partner",
        "name: Municipalité NO   # a name with NO inside stays plain",
        "kind: municipalite_etrangere",
        "country: NO",
        "valid_from: 2011",
        "valid_until: 2011-09-22",
        "locality:",
        "    city: Y",
        "    postcode: 01004",
        "names:",
        "    - value: yes",
        "      lang: fr",
        "    - value: 1:30",
        "    - value: 1_000",
        "    - value: \"off\"",
        "notes: |",
        "    Kept as written: NO, 2011-09-22  ",
        "",
    ].joined(separator: "\r\n")

    static let formatted = """
        # Written by a spreadsheet export
        id: tn-mun-ambigue
        type: partner
        name: Municipalité NO   # a name with NO inside stays plain
        kind: municipalite_etrangere
        country: "NO"
        valid_from: "2011"
        valid_until: "2011-09-22"
        locality:
          city: "Y"
          postcode: "01004"
        names:
          - value: "yes"
            lang: fr
          - value: "1:30"
          - value: "1_000"
          - value: "off"
        notes: |
            Kept as written: NO, 2011-09-22 \u{20}

        """

    @Test func theSampleKnowledgeBaseIsFormatted() throws {
        try withScratchDirectory { scratch in
            let run = try Run.kaleido(["fmt", "--check", "--kb", Run.projectRoot.path], in: scratch.path)
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func aFileOfAmbiguousScalarsIsQuotedExactlyThere() throws {
        try Run.withSampleKB { kb in
            let path = kb + "/" + Self.record
            try Run.write(Self.ambiguous, to: path)
            let before = try Data(contentsOf: URL(fileURLWithPath: path))

            let check = try Run.kaleido(["fmt", "--check"], in: kb)
            #expect(check.status == 1)
            #expect(check.stdout == Self.record + "\n", "only this file needs formatting")
            let unchanged = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(unchanged == before, "--check writes nothing")

            let run = try Run.kaleido(["fmt"], in: kb)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout == Self.record + "\n")
            let after = try #require(Run.read(path))
            #expect(after == Self.formatted, "\(after)")

            // validate now has no plain-scalar warning on it, and fmt has nothing left to do.
            let validate = try Run.kaleido(["validate", Self.record], in: kb)
            #expect(validate.status == 0, "\(validate.stdout)")
            #expect(!validate.stdout.contains("[plain-scalar]"), "\(validate.stdout)")
            let recheck = try Run.kaleido(["fmt", "--check"], in: kb)
            #expect(recheck.status == 0)
            #expect(Run.files(under: kb).allSatisfy { !$0.contains(".tmp") }, "no temporary file left")
        }
    }

    @Test func numbersTheSchemaTypesAsNumbersStayPlain() throws {
        try Run.withSampleKB { kb in
            let file = "knowledge/conventions/conv-2010-romans-sfax-cooperation.yaml"
            let text = try #require(Run.read(kb + "/" + file))
            // 042 is the integer 42 for Kaleido and the schema wants an integer: no warning, no quotes.
            let edited = text.replacingOccurrences(of: "duration_months: 42\n", with: "duration_months: 042\n")
            #expect(edited != text)
            try Run.write(edited, to: kb + "/" + file)
            let run = try Run.kaleido(["fmt", "--check", file], in: kb)
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            let validate = try Run.kaleido(["validate", file], in: kb)
            #expect(validate.status == 0 && !validate.stdout.contains("[plain-scalar]"), "\(validate.stdout)")
        }
    }

    @Test func aFileThatDoesNotParseIsReportedAndLeftUntouched() throws {
        try Run.withSampleKB { kb in
            let broken = "knowledge/partners/tn/tn-mun-casse.yaml"
            let text = "id: tn-mun-casse\r\ntype: [partner\r\ncountry: NO   \r\n"
            try Run.write(text, to: kb + "/" + broken)
            try Run.write(Self.ambiguous, to: kb + "/" + Self.record)
            let run = try Run.kaleido(["fmt", "knowledge/partners/tn"], in: kb)
            #expect(run.status == 1)
            #expect(run.stderr.contains("\(broken):3:8: error: "), "\(run.stderr)")
            #expect(Run.read(kb + "/" + broken) == text, "byte for byte")
            #expect(Run.read(kb + "/" + Self.record) == Self.formatted, "the other files are still formatted")
        }
    }

    @Test func usageErrorsExitWithTwo() throws {
        try Run.withSampleKB { kb in
            let missing = try Run.kaleido(["fmt", "nowhere.yaml"], in: kb)
            #expect(missing.status == 2)
            #expect(missing.stderr.contains("nowhere.yaml : ce fichier ou dossier n'existe pas"))
            let unknown = try Run.kaleido(["fmt", "--bogus"], in: kb)
            #expect(unknown.status == 2)
        }
    }
}
