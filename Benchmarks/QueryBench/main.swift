// kaleido-query-bench: times the release `kaleido` on a generated knowledge base.
//
//   swift build -c release && swift run -c release kaleido-query-bench [--records 100000] [--seed 1]
//
// Generates the KB once under Benchmarks/.work/kb-<records>-<seed> (git-ignored), then runs the
// real executable as a user would and reports wall-clock times: `history` cold (no cache,
// index build included) and warm, `find` and `list` warm, and a command right after one
// edited file (incremental cache refresh). Exits 1 when a time exceeds its budget.
import Foundation
import KaleidoQuery

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, _ fallback: String) -> String {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    return arguments[index + 1]
}
let records = Int(option("--records", "100000")) ?? 100_000
let seed = UInt64(option("--seed", "1")) ?? 1
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let kaleido = option("--kaleido", root + "/.build/release/kaleido")
let kb = root + "/Benchmarks/.work/kb-\(records)-\(seed)"
let manager = FileManager.default

guard manager.isExecutableFile(atPath: kaleido) else {
    print("kaleido-query-bench: \(kaleido) not found; run `swift build -c release` first")
    exit(2)
}

if !manager.fileExists(atPath: kb + "/.kaleido/config.yaml") {
    print("generating \(records) records (seed \(seed)) in \(kb)…")
    try? manager.removeItem(atPath: kb)
    try manager.createDirectory(atPath: kb + "/.kaleido", withIntermediateDirectories: true)
    try manager.copyItem(atPath: root + "/schemas", toPath: kb + "/schemas")
    for file in SyntheticKB(records: records, seed: seed).files() {
        let path = kb + "/" + file.path
        try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try file.text.write(toFile: path, atomically: false, encoding: .utf8)
    }
    // Written last: its presence marks a complete KB.
    try SyntheticKB.config.write(toFile: kb + "/.kaleido/config.yaml", atomically: false, encoding: .utf8)
}

/// CPU time (user + system) used by finished children so far, in ms: unlike wall-clock time
/// it hardly depends on what else the machine runs.
func childrenCPU() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
}
var cpuLog: [String: [Double]] = [:]

/// Runs kaleido and answers the wall-clock milliseconds (output discarded, status checked).
@MainActor func run(_ command: [String]) -> Double {
    let cpuBefore = childrenCPU()
    defer { cpuLog[command[0], default: []].append(childrenCPU() - cpuBefore) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: kaleido)
    process.arguments = command + ["--kb", kb, "--format", "json"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let start = DispatchTime.now().uptimeNanoseconds
    do { try process.run() } catch {
        print("kaleido-query-bench: cannot run \(kaleido): \(error)")
        exit(2)
    }
    process.waitUntilExit()
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    if process.terminationStatus != 0 {
        print("kaleido-query-bench: `kaleido \(command.joined(separator: " "))` exited \(process.terminationStatus)")
        exit(2)
    }
    return elapsed
}

func median(_ times: [Double]) -> Double { times.sorted()[times.count / 2] }

let partner = "tn-mun-sfax-1"
let cache = kb + "/.kaleido/cache/index.bin"
var results: [(String, Double, Double, Double)] = []
@MainActor func measure(_ name: String, _ budget: Double, times: Int, _ command: [String]) {
    cpuLog = [:]
    let wall = median((0..<times).map { _ in run(command) })
    results.append((name, wall, median(cpuLog[command[0]] ?? [0]), budget))
}

try? manager.removeItem(atPath: cache)
try? manager.removeItem(atPath: kb + "/.kaleido/cache/overlay.bin")
measure("history, cold (index build + cache write)", 5000, times: 1, ["history", partner])
measure("history, warm", 200, times: 7, ["history", partner])
measure("find, warm", 300, times: 7, ["find", "festivals", "sfax"])
measure("list, warm", 300, times: 7, ["list", "partner", "--where", "country=TN"])

// One edited file, then one command: the stamps show the change, only that file is parsed
// again, the index is patched and saved.
let edited = kb + "/knowledge/interactions"
let interaction = (try manager.contentsOfDirectory(atPath: edited)).sorted()[0]
let original = try String(contentsOfFile: edited + "/" + interaction, encoding: .utf8)
var refreshes: [Double] = []
cpuLog = [:]
for round in 0..<5 {
    try (original + "notes: edit \(round)\n").write(toFile: edited + "/" + interaction, atomically: false, encoding: .utf8)
    // Leave the racy window (files changed in the last 2 s are re-read on the next run too).
    Thread.sleep(forTimeInterval: 2.1)
    refreshes.append(run(["history", partner]))
}
try original.write(toFile: edited + "/" + interaction, atomically: false, encoding: .utf8)
let refreshCPU = median(cpuLog["history"] ?? [0])
results.append(("history after one edited file", median(refreshes), refreshCPU, 100 + results[1].1))
results.append(("  of which the cache refresh (minus warm)", median(refreshes) - results[1].1, refreshCPU - results[1].2, 100))

let cacheSize = ((try? manager.attributesOfItem(atPath: cache)[.size]) as? Int) ?? 0
let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
print("kaleido-query-bench: \(records) records, cache \(cacheSize / 1_000_000) MB, \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(load)")
print("  " + "what".padding(toLength: 44, withPad: " ", startingAt: 0) + "      wall       cpu     budget")
var failed = false
for (name, time, cpu, budget) in results {
    let verdict = time <= budget ? "ok" : "OVER"
    if time > budget { failed = true }
    print(String(format: "  %@ %8.1f ms %8.1f ms  %6.0f ms  %@", name.padding(toLength: 44, withPad: " ", startingAt: 0), time, cpu, budget, verdict))
}
exit(failed ? 1 : 0)
