import Foundation
import Glibc
import Testing

/// `kaleido clone` stopped by Ctrl-C while the remote keeps it waiting: the transfer child is
/// killed, the half-made folder removed, and the exit is prompt (130), not after sync.timeout.
@Suite struct CloneInterruptTests {
    @Test func ctrlCDuringTheFetchLeavesNothing() async throws {
        try await withScratch { scratch in
            let server = try SilentServer()
            defer { server.stop() }
            let target = scratch.path("copie")
            let clone = try TimedKaleido(["clone", "http://127.0.0.1:\(server.port)/kb.git", target, "--name", "Bruno", "--email", "bruno@example.org", "--lang", "en"],
                                         in: scratch.root, scratch: scratch)
            // Wait until the transfer is under way (the folder exists and the server was reached).
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline, !(server.accepted > 0 && FileManager.default.fileExists(atPath: target)) { usleep(20_000) }
            #expect(server.accepted > 0, "the clone reached the silent server")
            kill(clone.process.processIdentifier, SIGINT)
            let result = clone.wait(limit: 15)
            #expect(result.exitCode == 130, "\(result)")
            #expect(result.seconds < 10, "\(result.seconds) s: stopped at once, not after sync.timeout (30 s)")
            // Asked in English (outside a KB the locale would decide).
            #expect(result.errors.contains("kaleido: error: interrupted: nothing was kept"), "\(result.errors)")
            #expect(!FileManager.default.fileExists(atPath: target), "the half-made copy is removed")
            #expect(transferChildren(labelled: target).isEmpty)
        }
    }
}
