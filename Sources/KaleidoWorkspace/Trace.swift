import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Timings on stderr when `KALEIDO_TRACE` is set (for tuning the cache, not for users): wall
/// time and the process's CPU time (all threads), which a busy machine hardly changes.
final class Trace {
    private let enabled = ProcessInfo.processInfo.environment["KALEIDO_TRACE"] != nil
    private var last = DispatchTime.now().uptimeNanoseconds
    private var lastCPU = Trace.cpu()

    func mark(_ label: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.cpu()
        try? FileHandle.standardError.write(contentsOf: Data("trace: \(label): \(Double(now - last) / 1_000_000) ms wall, \(Double(cpu - lastCPU) / 1_000_000) ms cpu\n".utf8))
        (last, lastCPU) = (now, cpu)
    }

    private static func cpu() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
