import Foundation
import Testing

/// `kaleido yaml FILE` run as a real process: hostile and broken files fail quickly, with
/// their own message and little memory; a record prints its tree as JSON.
@Suite struct YAMLCommandTests {
    static let memoryBoundKilobytes = 100 * 1024

    static let hostileFiles: [(name: String, bytes: [UInt8], message: String, position: String)] = {
        var laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            laughs += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let brackets = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        return [
            ("billion-laughs", Array(laughs.utf8), "would expand to more than 100000 nodes; this looks like an alias bomb", ":5:"),
            ("nested-brackets", Array(brackets.utf8), "collections nest deeper than 256 levels", ":1:257:"),
            ("invalid-utf8", Array("nom: Municipalit".utf8) + [0xE9] + Array(" de Sfax\n".utf8), "not valid UTF-8 (bad byte 0xE9 at byte offset 16)", ":1:17:"),
            ("duplicate-key", Array("id: tn-mun-sfax\nnom: Sfax\nville: صفاقس\nnom: Tunis\n".utf8), "duplicate key 'nom'", ":4:1:"),
            ("tab-indented", Array("partenaire:\n\tnom: Sfax\n".utf8), "tabs cannot indent YAML; use spaces", ":2:1:"),
        ]
    }()

    @Test(arguments: hostileFiles.indices)
    func rejectsQuicklyWithItsOwnMessage(index: Int) throws {
        let file = Self.hostileFiles[index]
        let kaleido = try #require(MeasuredProcess.kaleido, "build the kaleido product first (swift build)")
        let result = try withScratchDirectory { scratch in
            let path = scratch.appendingPathComponent("\(file.name).yaml")
            try Data(file.bytes).write(to: path)
            return try MeasuredProcess.run(kaleido, ["yaml", path.path], scratch: scratch)
        }
        #expect(result.exitCode == 1)
        #expect(result.stdout.isEmpty)
        let firstLine = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.contains("\(file.name).yaml\(file.position)"), "\(result.stderr)")
        #expect(firstLine.contains(": error: ") && firstLine.contains(file.message), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("^\n"), "a source line and a caret: \(result.stderr)")
        #expect(result.duration < .seconds(5))
        #expect(result.peakMemoryKilobytes > 0 && result.peakMemoryKilobytes < Self.memoryBoundKilobytes,
                "peak memory \(result.peakMemoryKilobytes) KB")
    }

    @Test func printsTheTreeAsJSON() throws {
        let kaleido = try #require(MeasuredProcess.kaleido)
        let record = "id: tn-mun-sfax\nville: \"صفاقس\"\ncode: 01004\nliste: &l [a, 'b']\ncopie: *l\n"
        let result = try withScratchDirectory { scratch in
            let path = scratch.appendingPathComponent("record.yaml")
            try Data(record.utf8).write(to: path)
            return try MeasuredProcess.run(kaleido, ["yaml", path.path], scratch: scratch)
        }
        #expect(result.exitCode == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["kind"] as? String == "mapping")
        let pairs = try #require(json["value"] as? [[String: Any]])
        #expect(pairs.count == 5)
        let ville = try #require(pairs[1]["value"] as? [String: Any])
        #expect(ville["value"] as? String == "صفاقس")
        #expect(ville["style"] as? String == "double-quoted")
        let span = try #require(ville["span"] as? [String: [String: Int]])
        #expect(span["start"] == ["offset": 23, "line": 2, "column": 8])
        #expect(span["end"] == ["offset": 35, "line": 2, "column": 15])
        let code = try #require(pairs[2]["value"] as? [String: Any])
        #expect(code["resolved"] as? [String: String] == ["type": "integer", "value": "1004"])
        let liste = try #require(pairs[3]["value"] as? [String: Any])
        #expect(liste["anchor"] as? String == "l")
        #expect(liste["style"] as? String == "flow")
        let copie = try #require(pairs[4]["value"] as? [String: Any])
        #expect(copie["kind"] as? String == "alias")
        // Keys in a stable order, as written by the hand-made writer.
        #expect(result.stdout.hasPrefix("{\n  \"kind\": \"mapping\",\n  \"value\": [\n    {\n      \"key\": {\n        \"kind\": \"scalar\","))
    }

    @Test func missingFileExitsWithTwo() throws {
        let kaleido = try #require(MeasuredProcess.kaleido)
        let result = try withScratchDirectory { scratch in
            try MeasuredProcess.run(kaleido, ["yaml", scratch.appendingPathComponent("absent.yaml").path], scratch: scratch)
        }
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("cannot read"))
    }
}
