import Foundation
import Testing
@testable import KaleidoMerge
import KaleidoYAML
import KaleidoTestSupport

/// The merge proves its text by reading it back; the compact reading must answer exactly what
/// the tree reading answers whenever it answers yes.
@Suite struct CompactProofTests {
    static let records: [String] = {
        PackageRoot.sampleRecordPaths.prefix(30).compactMap {
            try? String(contentsOf: PackageRoot.knowledge.appendingPathComponent($0), encoding: .utf8)
        }
    }()

    /// Texts that read as the same data as `text`, or nearly: requoted, renumbered, reordered.
    static func variants(of text: String) -> [String] {
        var result = [text]
        result.append(text.replacingOccurrences(of: ": EUR", with: ": \"EUR\""))
        result.append(text.replacingOccurrences(of: "amount: 1000", with: "amount: 1000.0"))
        result.append(text.replacingOccurrences(of: "amount: 1000", with: "amount: \"1000\""))
        result.append(text.replacingOccurrences(of: "country: FR", with: "country: 'FR'"))
        result.append(text.replacingOccurrences(of: "country: FR", with: "country: FX"))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count > 3, !lines[1].hasPrefix(" "), !lines[2].hasPrefix(" ") {
            lines.swapAt(1, 2)
            result.append(lines.joined(separator: "\n"))
        }
        result.append(text + "extra: ~\n")
        return result
    }

    @Test func compactProofAgreesWithTheTreeProof() throws {
        try #require(Self.records.count >= 20)
        var compared = 0, equalPairs = 0
        for (index, record) in Self.records.enumerated() {
            let neighbour = Self.records[(index + 1) % Self.records.count]
            for expectedText in Self.variants(of: record) {
                guard let expected = try? YAMLParser().parseDocument(Array(expectedText.utf8)).root else { continue }
                for candidate in Self.variants(of: record) + [neighbour] {
                    let bytes = Array(candidate.utf8)
                    guard let tree = try? YAMLParser().parseDocument(bytes).root, let compact = CompactParser().parse(bytes) else { continue }
                    let byTree = Values.equal(tree, expected)
                    let byCompact = Values.equal(expected, compact, compact.root)
                    // A compact "yes" must be a tree "yes"; a compact "no" only costs a tree parse.
                    #expect(!byCompact || byTree, "compact proof accepted what the tree proof rejects")
                    #expect(byCompact == byTree, "compact proof and tree proof differ")
                    compared += 1
                    if byTree { equalPairs += 1 }
                }
            }
        }
        #expect(compared > 500)
        #expect(equalPairs > 100)
    }
}
