// kaleido-query-bench: times the release `kaleido` on a generated knowledge base.
//
//   swift build -c release && swift run -c release kaleido-query-bench [--records 100000] [--seed 1]
//
// Generates the KB once under Benchmarks/.work/kb-<records>-<seed> (git-ignored), then runs the
// real executable as a user would and reports wall-clock times: `history` cold (no cache,
// index build included) and warm, `find` and `list` warm, and a command right after one
// edited file (incremental cache refresh). Exits 1 when a time exceeds its budget.
import Foundation
import KaleidoFixtures
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

var cpuLog: [String: [Double]] = [:]

/// Runs kaleido and answers the wall-clock milliseconds (output discarded, status checked);
/// logs the child's own CPU time (user + system), which hardly depends on what else the
/// machine runs. posix_spawn and wait4 rather than Foundation's Process, whose
/// waitUntilExit polls every 50 ms and so rounds every time up to the next 50 ms.
@MainActor func run(_ command: [String]) -> Double {
    let arguments = [kaleido] + command + ["--kb", kb, "--format", "json"]
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var argv = arguments.map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    var pid = pid_t()
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, kaleido, &actions, nil, &argv, environ) == 0 else {
        print("kaleido-query-bench: cannot run \(kaleido)")
        exit(2)
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    cpuLog[command[0], default: []].append(Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000)
    // Exited normally (low 7 bits 0) with status 0.
    if status & 0x7F != 0 || (status >> 8) & 0xFF != 0 {
        print("kaleido-query-bench: `kaleido \(command.joined(separator: " "))` failed (wait status \(status))")
        exit(2)
    }
    return elapsed
}

/// Reads every file of the KB once, as `Benchmarks/validate.sh` does: "cold" means no index
/// cache, not a disk read per file (a run right after the VM reclaimed its page cache measures
/// the disk, 3–4× slower and very variable).
func warmPageCache(_ folder: String) {
    guard let walker = manager.enumerator(atPath: folder) else { return }
    for case let path as String in walker where path.hasSuffix(".yaml") {
        _ = manager.contents(atPath: folder + "/" + path)
    }
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

warmPageCache(kb + "/knowledge")
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
