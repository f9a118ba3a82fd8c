import Foundation
import KaleidoFixtures
import Testing
import KaleidoTestSupport
@testable import KaleidoYAML

/// `RecordSubsetReader` reads records without libyaml: whatever it accepts, libyaml's events
/// (`CompactParser.parseWithLibYAML`) give the same document — nodes, styles, texts, counts,
/// key flags and spans. It may decline anything; it must never disagree.
@Suite struct RecordSubsetReaderTests {
    /// Nil when both agree or the reader declined; else what differs.
    static func disagreement(_ bytes: [UInt8]) -> String? {
        guard let fast = RecordSubsetReader.read(bytes, limits: .default) else { return nil }
        guard let slow = CompactParser().parseWithLibYAML(bytes) else { return "accepted, but libyaml's path declines" }
        guard fast.nodeCount == slow.nodeCount else { return "\(fast.nodeCount) nodes vs \(slow.nodeCount)" }
        for node in 0..<fast.nodeCount {
            let same = fast.kind(node) == slow.kind(node) && fast.scalarStyle(node) == slow.scalarStyle(node)
                && fast.collectionStyle(node) == slow.collectionStyle(node) && fast.isKey(node) == slow.isKey(node)
                && fast.count(node) == slow.count(node) && fast.end(node) == slow.end(node)
                && fast.string(node) == slow.string(node)
            guard same else { return "node \(node): \(fast.kind(node)) \(fast.scalarStyle(node)) \(fast.string(node).debugDescription) vs \(slow.kind(node)) \(slow.scalarStyle(node)) \(slow.string(node).debugDescription)" }
            guard fast.span(of: node) == slow.span(of: node) else { return "node \(node) \(fast.string(node).debugDescription): span \(fast.span(of: node)) vs \(slow.span(of: node))" }
        }
        return nil
    }

    @Test(arguments: SuiteCase.all)
    func suiteCase(_ suiteCase: SuiteCase) {
        guard let bytes = suiteCase.file("in.yaml") else { return }
        let problem = Self.disagreement(bytes)
        #expect(problem == nil, "\(suiteCase.id): \(problem ?? "")")
    }

    /// The differential test above means something only if the reader takes part of the suite.
    @Test func readsAShareOfTheSuite() {
        let read = SuiteCase.all.filter { $0.file("in.yaml").flatMap { RecordSubsetReader.read($0, limits: .default) } != nil }
        print("record subset reader: \(read.count) of \(SuiteCase.all.count) yaml-test-suite cases read without libyaml")
        #expect(read.count >= 20)
    }

    /// The record with CRLF line breaks, as Windows editors and git's autocrlf write it.
    static func crlf(_ bytes: [UInt8]) -> [UInt8] {
        bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
    }

    @Test func everySampleRecordIsReadWithoutLibYAML() throws {
        try #require(CompactParserTests.sampleRecords.count >= 40)
        var declined: [String] = []
        for path in CompactParserTests.sampleRecords {
            let lf = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            for bytes in [lf, Self.crlf(lf)] {
                if RecordSubsetReader.read(bytes, limits: .default) == nil { declined.append((path as NSString).lastPathComponent) }
                let problem = Self.disagreement(bytes)
                #expect(problem == nil, "\(path): \(problem ?? "")")
            }
        }
        #expect(declined.isEmpty, "declined: \(declined)")
    }

    /// Every sample record, broken one line at a time in the ways editing goes wrong (a line
    /// removed, indented or dedented, an indicator typed at the start, middle or end of a line):
    /// each result is declined or read exactly as libyaml reads it.
    @Test func mutatedRecordsAreDeclinedOrReadAsLibYAMLReadsThem() throws {
        let insertions: [String] = [" ", ":", ": ", "-", "- ", "#", " #", "'", "\"", "[", "]", "{", "}", ",", "|", ">", "&a ", "*a", "!", "?", "\\", "\\u00e9", "\n", "\n  ", "  ", "é", "''", "---\n"]
        var cases = 0, accepted = 0
        var failures: [String] = []
        // Every eighth record (one of each kind of record, a few of most) keeps the debug run short.
        for (index, path) in CompactParserTests.sampleRecords.enumerated() where index % 8 == 0 {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (number, line) in lines.enumerated() {
                var variants: [String] = [""] + [" " + line, "  " + line, String(line.dropFirst())]
                let positions = Set([0, line.count / 2, line.count, (line.firstIndex(of: ":").map { line.distance(from: line.startIndex, to: $0) + 1 }) ?? 0])
                for position in positions.sorted() {
                    let cut = line.index(line.startIndex, offsetBy: min(position, line.count))
                    for insertion in insertions { variants.append(String(line[..<cut]) + insertion + String(line[cut...])) }
                }
                for variant in variants {
                    var mutated = lines
                    mutated[number] = variant
                    let bytes = Array(mutated.joined(separator: "\n").utf8)
                    cases += 1
                    if RecordSubsetReader.read(bytes, limits: .default) != nil { accepted += 1 }
                    if let problem = Self.disagreement(bytes), failures.count < 10 {
                        failures.append("\((path as NSString).lastPathComponent) line \(number + 1) as \(variant.debugDescription): \(problem)")
                    }
                }
            }
        }
        print("record subset reader: \(cases) mutated records, \(accepted) read without libyaml, \(failures.count) disagreements")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(accepted > cases / 4, "the reader should still read most harmless edits")
    }

    /// Edits combined at random byte positions (seeded, so a failure reproduces): deletions
    /// and insertions of YAML's significant characters.
    @Test func randomlyEditedRecordsAreDeclinedOrReadAsLibYAMLReadsThem() throws {
        let alphabet = Array(" \n\r:-#'\"[]{},|>&*!?\\aé0".utf8)
        var generator = SplitMix64(seed: 0x4B41_4C45_4944_4F00)
        func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &generator) }
        var accepted = 0
        var failures: [String] = []
        // LF and CRLF records alike.
        let records = try CompactParserTests.sampleRecords.flatMap { path -> [[UInt8]] in
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            return [bytes, Self.crlf(bytes)]
        }
        let cases = 6_000
        for _ in 0..<cases {
            var bytes = records[next(records.count)]
            for _ in 0...next(3) {
                let position = next(bytes.count)
                if next(3) == 0 { bytes.remove(at: position) } else { bytes.insert(alphabet[next(alphabet.count)], at: position) }
            }
            if RecordSubsetReader.read(bytes, limits: .default) != nil { accepted += 1 }
            if let problem = Self.disagreement(bytes), failures.count < 5 {
                failures.append("\(String(decoding: bytes, as: UTF8.self).debugDescription): \(problem)")
            }
        }
        print("record subset reader: \(cases) randomly edited records, \(accepted) read without libyaml, \(failures.count) disagreements")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(accepted > 1_000)
    }

    @Test(arguments: [
        ("a:\tb\n", "tab"),
        ("a: b\rc: d\n", "a CR alone"),
        ("a: b\r\r\n", "a CR before CRLF"),
        ("a: b\n--- \nc: d\n", "second document"),
        ("a: b\n...\n", "document end marker"),
        ("--- a: b\n", "node on the document start line"),
        ("a: &x b\n", "anchor"),
        ("a: !t b\n", "tag"),
        ("a: b\n  c\n", "multi-line plain"),
        ("a: 'b\n  c'\n", "multi-line quote"),
        ("a: [b,\n  c]\n", "multi-line flow"),
        ("a: |+\n  b\n", "keep chomping"),
        ("a: |2\n  b\n", "indentation indicator"),
        ("a: >\n  b\n   c\n", "more-indented folded line"),
        ("a: \"\\x41\"\n", "rare escape"),
        ("a: [b, c,]\n", "trailing comma"),
        ("a: {b: http://x}\n", "colon in a flow scalar"),
        ("- a\n", "root sequence"),
        ("a: \u{1F600}\n", "four-byte character"),
        ("a: b\u{2028}c\n", "line separator"),
    ])
    func declines(_ text: String, _ why: String) {
        #expect(RecordSubsetReader.read(Array(text.utf8), limits: .default) == nil, "\(why)")
        // And libyaml's path still reads what is valid.
        _ = CompactParser().parse(Array(text.utf8))
    }

    @Test(arguments: [
        ("a: b\n", "a", "b"),
        ("# a record\n---\na: b\n", "a", "b"),
        ("k: 'it''s'\n", "k", "it's"),
        ("k: \"caf\\u00e9 \\\"x\\\"\"\n", "k", "café \"x\""),
        ("k: |\n  one\n\n  two\n", "k", "one\n\ntwo\n"),
        ("k: >-\n  one\n  two\n\n  three\n", "k", "one two\nthree"),
        ("k:   صفاقس   # Sfax\n", "k", "صفاقس"),
    ])
    func readsScalars(_ text: String, _ key: String, _ value: String) throws {
        let document = try #require(RecordSubsetReader.read(Array(text.utf8), limits: .default))
        let node = try #require(document.value(in: document.root, forKey: key))
        #expect(document.string(node) == value)
        #expect(Self.disagreement(Array(text.utf8)) == nil)
    }
}
