// Merge throughput: 10,000 record pairs that diverged from a sample record (both sides changed
// something), merged with `RecordMerger` (the three parses and the proof re-parse included).
// Run: `swift run -c release merge-benchmark [PAIRS]` from the package root.
import Foundation
import KaleidoFixtures
import KaleidoMerge
import KaleidoYAML

func records() -> [[UInt8]] {
    let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("knowledge")
    guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
    var result: [[UInt8]] = []
    for case let relative as String in walker where relative.hasSuffix(".yaml") {
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) { result.append(Array(data)) }
    }
    return result
}

/// The record with the value of one of its top-level one-line scalars replaced.
func edited(_ bytes: [UInt8], pick: Int, value: String) -> [UInt8]? {
    guard let root = try? YAMLParser().parseDocument(bytes).root, let pairs = root.pairs else { return nil }
    let scalars = pairs.filter { pair in
        guard case .scalar(_, let style) = pair.value.content, style != .literal, style != .folded else { return false }
        return pair.key.scalarText != "id" && pair.key.scalarText != "type" && !pair.value.span.byteRange.isEmpty
    }
    guard !scalars.isEmpty else { return nil }
    let range = scalars[pick % scalars.count].value.span.byteRange
    return Array(bytes[..<range.lowerBound]) + Array("\"\(value)\"".utf8) + Array(bytes[range.upperBound...])
}

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 10_000 : 10_000
/// `--jobs N`: merge on N threads (the sync engine may merge several files at once).
let jobs = CommandLine.arguments.firstIndex(of: "--jobs").flatMap { index in
    index + 1 < CommandLine.arguments.count ? Int(CommandLine.arguments[index + 1]) : nil
} ?? 1
let samples = records()
guard !samples.isEmpty else { fatalError("run from the package root: knowledge/ holds the sample records") }
var random = SplitMix64(seed: 2026)  // every run merges the same pairs
var pairs: [(base: [UInt8], ours: [UInt8], theirs: [UInt8])] = []
while pairs.count < count {
    let base = samples[Int.random(in: 0..<samples.count, using: &random)]
    let pick = Int.random(in: 0..<1000, using: &random)
    // Different fields most of the time, the same field now and then (a conflict).
    let other = Int.random(in: 0..<10, using: &random) == 0 ? pick : pick + 1 + Int.random(in: 0..<3, using: &random)
    guard let ours = edited(base, pick: pick, value: "ours \(pairs.count)"),
          let theirs = edited(base, pick: other, value: "theirs \(pairs.count)") else { continue }
    pairs.append((base, ours, theirs))
}
let merger = RecordMerger()
let clock = ContinuousClock()
/// Processor time of this process in seconds: other work on a shared machine does not count.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}
let cpuStart = cpuSeconds()
let start = clock.now
/// Per-job totals, written by one job each.
final class Totals: @unchecked Sendable {
    var conflicts: [Int]
    var bytes: [Int]
    init(_ jobs: Int) { conflicts = Array(repeating: 0, count: jobs); bytes = Array(repeating: 0, count: jobs) }
}
let totals = Totals(jobs)
let allPairs = pairs
DispatchQueue.concurrentPerform(iterations: jobs) { job in
    for index in stride(from: job, to: allPairs.count, by: jobs) {
        let pair = allPairs[index]
        guard let result = try? merger.merge(base: MergeSide(bytes: pair.base), ours: MergeSide(bytes: pair.ours),
                                             theirs: MergeSide(bytes: pair.theirs), rule: .ours, now: "2026-11-27T10:00:00Z")
        else { fatalError("a generated pair does not merge") }
        totals.conflicts[job] += result.conflicts.count
        totals.bytes[job] += result.bytes.count
    }
}
let conflicts = totals.conflicts.reduce(0, +), bytes = totals.bytes.reduce(0, +)
let elapsed = clock.now - start
let cpu = cpuSeconds() - cpuStart
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print("merged \(count) diverged record pairs on \(jobs) thread\(jobs == 1 ? "" : "s"): \(String(format: "%.3f", seconds)) s wall (\(Int(Double(count) / seconds)) records/s), \(String(format: "%.3f", cpu)) s CPU (\(Int(Double(count) / cpu)) records/s); \(conflicts) conflicts, \(bytes / max(count, 1)) bytes per record")

if CommandLine.arguments.contains("--parse-only") {
    let parseStart = cpuSeconds()
    for pair in pairs {
        _ = try YAMLParser().parseDocument(pair.base)
        _ = try YAMLParser().parseDocument(pair.ours)
        _ = try YAMLParser().parseDocument(pair.theirs)
        _ = try YAMLParser().parseDocument(pair.ours)
    }
    print("the four parses alone (base, ours, theirs, result): \(String(format: "%.3f", cpuSeconds() - parseStart)) s CPU for \(count) pairs")
}
