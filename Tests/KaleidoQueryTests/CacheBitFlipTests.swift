import Foundation
import KaleidoFixtures
import KaleidoQuery
import KaleidoTestSupport
import Testing

/// A damaged cache is never trusted: random bit flips anywhere in `index.bin` or `overlay.bin`
/// (a bad block, a torn copy) must give the answers of a cold run, never a wrong one.
@Suite(.serialized) struct CacheBitFlipTests {
    /// XXH64 test vectors, computed with the reference implementation (python-xxhash).
    @Test(arguments: [
        ("", 0xEF46_DB37_51D8_E999 as UInt64), ("a", 0xD24E_C4F1_A98C_6E5B), ("abc", 0x44BC_2CF5_AD77_0999),
        ("Kaleido", 0x54E9_4E95_2676_EBC1),
    ])
    func xxHash64Vectors(_ vector: (String, UInt64)) {
        #expect(XXHash64.hash(Array(vector.0.utf8)) == vector.1)
    }

    @Test func xxHash64OfALongInputCoversEveryTail() {
        let bytes = Array((0..<3).flatMap { _ in (0..<256).map { UInt8($0) } }) + Array("xyz".utf8)
        #expect(XXHash64.hash(bytes) == 0xE921_A1B4_5BD7_79F8)
    }

    static let queries: [[String]] = [
        ["history", "sfax", "--format", "json"],
        ["list", "interaction", "--format", "json"],
        ["list", "partner", "--format", "json"],
        ["history", "romans", "--format", "json", "--include-related"],
    ]

    @Test func twoHundredRandomBitFlipsNeverGiveAWrongAnswer() throws {
        let scratch = try IndexCacheTests.settledCopy()
        defer { scratch.remove() }
        let cacheFolder = scratch.root + "/.kaleido/cache"
        _ = try Kaleido.run(Self.queries[0], in: scratch.root)
        // An edit after the snapshot: the next run keeps it in the overlay.
        let file = scratch.root + "/knowledge/interactions/int-2026-10-22-sfax-atelier-coredaction.yaml"
        let original = try String(contentsOfFile: file, encoding: .utf8)
        try original.replacingOccurrences(of: "tn-mun-sfax", with: "tn-mun-kairouan").write(toFile: file, atomically: false, encoding: .utf8)
        Thread.sleep(forTimeInterval: 2.2)  // past the racy window, so the overlay's stamps are trusted
        _ = try Kaleido.run(Self.queries[0], in: scratch.root)
        let names = ["index.bin", "overlay.bin"]
        let pristine = try names.map { try Data(contentsOf: URL(fileURLWithPath: cacheFolder + "/" + $0)) }
        // The answers of a cold run (no cache at all), then the pristine cache put back.
        try FileManager.default.removeItem(atPath: cacheFolder)
        let expected = try Self.queries.map { query -> String in
            let result = try Kaleido.run(query, in: scratch.root)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        var random = SplitMix64(seed: 0xF11F)
        var wrong: [String] = []
        for round in 0..<200 {
            let target = Int(random.next() % 2)
            var damaged = [UInt8](pristine[target])
            let bit = Int(random.next() % UInt64(damaged.count * 8))
            damaged[bit / 8] ^= UInt8(1) << UInt8(bit % 8)
            for (index, name) in names.enumerated() {
                try (index == target ? Data(damaged) : pristine[index]).write(to: URL(fileURLWithPath: cacheFolder + "/" + name))
            }
            let query = round % Self.queries.count
            let result = try Kaleido.run(Self.queries[query], in: scratch.root)
            if result.status != 0 || result.stdout != expected[query] {
                wrong.append("round \(round): \(names[target]) bit \(bit), \(Self.queries[query].joined(separator: " ")) exited \(result.status)")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) wrong answers:\n\(wrong.prefix(10).joined(separator: "\n"))")
    }
}
