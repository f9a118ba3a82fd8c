import Foundation
import KaleidoFixtures
import Testing
import KaleidoTestSupport
@testable import KaleidoSchema

/// The acceptor's byte automaton answers what `ECMARegex` answers, on the KB schemas' patterns
/// and tricky anchoring cases, over seeded random ASCII strings.
@Suite struct AcceptorDFATests {
    /// Every `pattern:` of schemas/*.yaml.
    static let schemaPatterns: [String] = {
        let folder = PackageRoot.schemas
        var patterns: [String] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".yaml") {
            let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                guard let range = line.range(of: "pattern: '") else { continue }
                let rest = line[range.upperBound...]
                guard let end = rest.firstIndex(of: "'") else { continue }
                patterns.append(String(rest[..<end]))
            }
        }
        return patterns
    }()

    static let tricky = [
        "", "^", "$", "^$", "a", "^a", "a$", "^a$", "a*", "^a*$", "a+b", "(a|b)*c$", "x{2,3}", "^x{2,3}$", "^[^a-z]+$",
        "\\d+", "^\\w+$", "\\s", "a$|^b", "(^a|b$)", "^(a|ab)(c|bcd)(d*)$", "[a-c]?b+$", "^\\+[1-9][0-9]{6,14}$",
        "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "^https?://", "(?:ab)+", "a.c", "^.{2}$", "[-a]", "^[a-z0-9]+(--?[a-z0-9]+)*$",
    ]

    @Test func schemaPatternsAreFound() {
        #expect(Self.schemaPatterns.count >= 15)
    }

    @Test(arguments: schemaPatterns + tricky)
    func automatonAgreesWithECMARegex(_ pattern: String) throws {
        let regex = try ECMARegex(pattern)
        let compiled = AcceptorProgram.Pattern(pattern, regex)
        guard let dfa = compiled.dfa else {
            // Outside SimpleRegex's subset: the acceptor runs ECMARegex itself.
            #expect(SimpleRegex(pattern) == nil || Self.schemaPatterns.contains(pattern) == false, "no automaton for \(pattern)")
            return
        }
        var alphabet = Set(pattern.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 }.map(Character.init))
        alphabet.formUnion("a0Z9-_ @.+/:\n\t")
        let characters = Array(alphabet).sorted()
        var generator = SplitMix64(seed: UInt64(truncatingIfNeeded: pattern.utf8.reduce(5381) { $0 &* 33 &+ Int($1) }))
        var samples = ["", "fr", "FR", "2011-09-22", "2011-02", "p-nadia-cherif", "fr-com-26281-romans-sur-isere", "https://x.fr",
                       "a@b.fr", "+33612345678", "Q90", "W123456789", "26281", "2A004", "prj-2024-x", "ptn-fr-com-a--tn-mun-b"]
        for _ in 0..<400 {
            let length = Int.random(in: 0...14, using: &generator)
            samples.append(String((0..<length).map { _ in characters.randomElement(using: &generator) ?? "a" }))
        }
        for sample in samples {
            let bytes = Array(sample.utf8)
            let fast = bytes.withUnsafeBufferPointer { dfa.matches($0) }
            #expect(fast == regex.matches(sample), "\(pattern) on \"\(sample)\"")
        }
        // Non-ASCII text goes to ECMARegex, unless the answer is known before its first byte.
        for sample in ["é", "aé", "2011-09-2é", "fr-com-é"] {
            let fast = Array(sample.utf8).withUnsafeBufferPointer { dfa.matches($0) }
            #expect(fast == nil || fast == regex.matches(sample), "\(pattern) on \"\(sample)\"")
        }
    }
}
