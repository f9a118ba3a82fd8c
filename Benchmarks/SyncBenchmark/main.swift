// The sync benchmarks of issue 5, run in release mode (see docs/benchmarks.md):
//   1. a cycle with nothing to do on a 10,000-record KB (goal < 100 ms), in process and as
//      `kaleido sync`;
//   2. save → pushed latency of a real `kaleido daemon` on a local bare remote (goal < quiet
//      period + 1 s);
//   3. the daemon's CPU while idle for a minute (goal ~0);
//   4. the daemon's memory with 100,000 records (goal < 150 MB).
// Usage: kaleido-sync-benchmark [--records N] [--big-records N] [--idle-seconds S] [--skip-big]
import Foundation
import Glibc
import KaleidoSync
import Logging

// Results are printed with `report`, which writes each line at once, also when redirected.
func report(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    return Int(arguments[index + 1]) ?? fallback
}
let records = option("--records", 10_000)
let bigRecords = option("--big-records", 100_000)
let idleSeconds = option("--idle-seconds", 60)
let skipBig = arguments.contains("--skip-big")

let binaryFolder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
let kaleido = binaryFolder + "/kaleido"
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let work = packageRoot + "/Benchmarks/.work"
try? FileManager.default.removeItem(atPath: work)
try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)

let environment: [String: String] = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
    .merging(["GIT_CONFIG_NOSYSTEM": "1", "HOME": work]) { $1 }

@discardableResult
func run(_ executable: String, _ args: [String], in folder: String) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = args
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.standardError
    try? process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
func git(_ args: String..., in folder: String) { run("/usr/bin/git", args, in: folder) }

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func record(_ index: Int) -> String {
    """
    id: partner-\(index)
    type: association
    name: Partenaire \(index)
    phone: "+33 4 75 \(String(format: "%02d %02d %02d", index % 100, index / 100 % 100, index / 10_000))"
    names: [Partenaire \(index), P\(index)]
    notes: |
      Rencontré à Romans en 2011, projet d'échange avec Sfax.

    """
}

/// A bare remote and a clone holding `count` records, committed and pushed with git.
func makeKB(_ name: String, count: Int, quietPeriod: Double) -> (remote: String, clone: String) {
    let remote = work + "/\(name).git", clone = work + "/\(name)"
    try? FileManager.default.createDirectory(atPath: remote, withIntermediateDirectories: true)
    git("init", "--quiet", "--bare", "-b", "main", in: remote)
    git("clone", "--quiet", remote, clone, in: work)
    git("config", "user.name", "Bench", in: clone)
    git("config", "user.email", "bench@example.org", in: clone)
    // No background `git gc` holding our pipe open (and our CPU) while we measure.
    git("config", "gc.auto", "0", in: clone)
    let config = "branch: main\ndaemon:\n  quiet_period: \(quietPeriod)\n  max_delay: 30\n  fetch_interval: 60\n"
    FileManager.default.createFile(atPath: clone + "/.kaleido/config.yaml", contents: nil)
    try? FileManager.default.createDirectory(atPath: clone + "/.kaleido", withIntermediateDirectories: true)
    try? config.write(toFile: clone + "/.kaleido/config.yaml", atomically: true, encoding: .utf8)
    for index in 0..<count {
        let folder = clone + "/knowledge/partners/\(index % 100)"
        if index < 100 { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try? record(index).write(toFile: folder + "/partner-\(index).yaml", atomically: false, encoding: .utf8)
    }
    git("add", "--all", in: clone)
    git("commit", "--quiet", "-m", "\(count) records", in: clone)
    git("push", "--quiet", "origin", "main", in: clone)
    return (remote, clone)
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }

/// The daemon's CPU time (user + system, seconds) and memory (RSS and peak, MB) from /proc.
func usage(of pid: Int32) -> (cpu: Double, rss: Double, peak: Double) {
    let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
    let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
    let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
    let cpu = fields.count > 12 ? ((Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)) / ticks : 0
    let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
    func kilobytes(_ key: String) -> Double {
        let line = status.split(separator: "\n").first { $0.hasPrefix(key) } ?? ""
        return Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
    return (cpu, kilobytes("VmRSS:") / 1024, kilobytes("VmHWM:") / 1024)
}

func startDaemon(_ clone: String) -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: kaleido)
    process.arguments = ["daemon", "--kb", clone]
    process.environment = environment
    process.standardError = FileHandle(forWritingAtPath: "/dev/null")
    try? process.run()
    return process
}

func remoteTip(_ remote: String) -> String {
    (try? String(contentsOfFile: remote + "/refs/heads/main", encoding: .utf8)) ?? ""
}

// 1. No-op cycle.
report("Building a \(records)-record KB…")
let small = makeKB("kb-\(records)", count: records, quietPeriod: 2)
sleep(3)  // past the racy-git window, so the stat cache trusts every file
let engine = try SyncEngine(settings: SyncSettings.load(root: small.clone), merger: DefaultMerger.make(for: SyncSettings.load(root: small.clone)),
                            logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
let cold = now(); _ = try engine.runCycle(); let coldTime = now() - cold
var inProcess: [Double] = []
for _ in 0..<10 { let start = now(); _ = try engine.runCycle(); inProcess.append(now() - start) }
var snapshotOnly: [Double] = []
for _ in 0..<10 { let start = now(); _ = try engine.runCycle(network: false); snapshotOnly.append(now() - start) }
// The daemon's no-op cycle: inotify reported nothing, so a fetch and no scan.
var daemonStyle: [Double] = []
for _ in 0..<10 { let start = now(); _ = try engine.runCycle(network: true, scan: false); daemonStyle.append(now() - start) }
var command: [Double] = []
for _ in 0..<5 { let start = now(); run(kaleido, ["sync"], in: small.clone); command.append(now() - start) }
report("no-op cycle, \(records) records: daemon (no file event, fetch only) \(ms(median(daemonStyle))); full rescan + fetch \(ms(median(inProcess))), full rescan alone \(ms(median(snapshotOnly))), first (cold stat cache) \(ms(coldTime)); `kaleido sync` process \(ms(median(command)))")

// 2. Save → pushed latency, quiet period 2 s.
let daemon = startDaemon(small.clone)
sleep(2)
var latencies: [Double] = []
for round in 0..<3 {
    let before = remoteTip(small.remote)
    let file = small.clone + "/knowledge/partners/7/partner-7.yaml"
    let start = now()
    try record(7).replacingOccurrences(of: "Partenaire 7", with: "Partenaire 7 (\(round))").write(toFile: file, atomically: true, encoding: .utf8)
    while remoteTip(small.remote) == before && now() - start < 10 { usleep(5_000) }
    latencies.append(now() - start)
    sleep(1)
}
report("save → pushed, quiet period 2 s: " + latencies.map { String(format: "%.2f s", $0) }.joined(separator: ", "))

// 3. Idle CPU.
let idleStart = usage(of: daemon.processIdentifier)
sleep(UInt32(idleSeconds))
let idleEnd = usage(of: daemon.processIdentifier)
report(String(format: "idle daemon over %d s: %.3f s of CPU (one scheduled fetch included); RSS %.1f MB with %d records",
             idleSeconds, idleEnd.cpu - idleStart.cpu, idleEnd.rss, records))
kill(daemon.processIdentifier, SIGTERM)
daemon.waitUntilExit()

// 4. Memory with many records.
if !skipBig {
    report("Building a \(bigRecords)-record KB…")
    let big = makeKB("kb-\(bigRecords)", count: bigRecords, quietPeriod: 0.5)
    let bigDaemon = startDaemon(big.clone)
    let start = remoteTip(big.remote)
    sleep(4)
    try record(3).replacingOccurrences(of: "Partenaire 3", with: "Partenaire 3 bis")
        .write(toFile: big.clone + "/knowledge/partners/3/partner-3.yaml", atomically: true, encoding: .utf8)
    let edit = now()
    while remoteTip(big.remote) == start && now() - edit < 60 { usleep(20_000) }
    let memory = usage(of: bigDaemon.processIdentifier)
    report(String(format: "daemon with %d records: RSS %.1f MB, peak %.1f MB (after the first full scan and one commit pushed in %.2f s)",
                 bigRecords, memory.rss, memory.peak, now() - edit))
    kill(bigDaemon.processIdentifier, SIGTERM)
    bigDaemon.waitUntilExit()
}
