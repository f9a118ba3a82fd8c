import Foundation

// kaleido-bench: helpers for the benchmarks in Benchmarks/*.sh (release builds).
//   kaleido-bench generate N OUTPUT [SAMPLE_KB]   synthetic KB of N records from the sample
//   kaleido-bench parse-only KB                    libyaml events only, every core; prints seconds
//   kaleido-bench parse-tree KB                    the same, building Kaleido's document trees
//   kaleido-bench parse-compact KB                 the same, building compact documents (the fast path)
let arguments = CommandLine.arguments
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("kaleido-bench: \(message)\n".utf8))
    exit(2)
}
guard arguments.count >= 3 else { fail("usage: kaleido-bench generate N OUTPUT [SAMPLE_KB] | parse-only KB") }
switch arguments[1] {
case "generate":
    guard arguments.count >= 4, let count = Int(arguments[2]) else { fail("usage: kaleido-bench generate N OUTPUT [SAMPLE_KB]") }
    let sample = arguments.count > 4 ? arguments[4] : FileManager.default.currentDirectoryPath
    do {
        let written = try SampleReplicator(sampleRoot: sample).generate(records: count, into: arguments[3])
        print("generated \(written) records in \(arguments[3])")
    } catch {
        fail("\(error)")
    }
case "parse-only", "parse-tree", "parse-compact":
    let start = DispatchTime.now()
    do {
        let events = try ParseOnly.run(knowledgeFolder: arguments[2] + "/knowledge", parallelism: ProcessInfo.processInfo.activeProcessorCount, mode: ParseOnly.Mode(rawValue: arguments[1]) ?? .events)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        print(String(format: "%.3f", seconds), events)
    } catch {
        fail("\(error)")
    }
default:
    fail("unknown subcommand \(arguments[1])")
}
