import Foundation
import Glibc
@testable import KaleidoSync
import Testing

extension ProcessTests {
    /// The daemon runs the same engine: a Finder copy waits, the original's edit goes out.
    @Test func theDaemonHoldsBackAFinderCopyAndPushesTheOriginalsEdit() async throws {
        try await withScratch { scratch in
            let original = DuplicateIDTests.original, copy = DuplicateIDTests.copy
            let remote = try scratch.makeRemote(files: [original: sfaxRecord], quietPeriod: 0.05)
            let a = try scratch.clone(remote, as: "a", person: "Amina")
            let daemon = try DaemonProcess(kb: a, scratch: scratch)
            #expect(eventually(timeout: 10) { daemon.log.contains("watching") })
            try scratch.write(sfaxRecord, to: copy, in: a)
            try scratch.write(sfaxRecord.replacingOccurrences(of: "+216 74 000 000", with: "+216 74 333 333"), to: original, in: a)
            let pushed = try eventually(timeout: 20) {
                try scratch.gitOutput("show", "main:" + original, in: remote).contains("+216 74 333 333")
                    && scratch.kaleido("status", "--lang", "fr", in: a).output.contains(DuplicateIDTests.heldLine)
            }
            #expect(daemon.stop() == 0)
            #expect(pushed, "\(daemon.log)")
            #expect(try !scratch.git("ls-tree", "-r", "--name-only", "main", in: remote).contains("copie"))
        }
    }
}
