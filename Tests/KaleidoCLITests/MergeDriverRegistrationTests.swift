import Foundation
import Testing
import KaleidoTestSupport

/// `kaleido init` registers the merge driver as `kaleido merge-driver …`, found on PATH, not as
/// the absolute path of whichever binary ran it (a build folder, a binary replaced since).
@Suite struct MergeDriverRegistrationTests {
    static let driver = "kaleido merge-driver %O %A %B %P"

    @Test func initRegistersTheDriverByName() throws {
        try withScratchDirectory { scratch in
            let created = try Run.kaleido(["init", "kb"], in: scratch.path)
            try #require(created.status == 0, "\(created.stderr)")
            let registered = try Run.git(["config", "merge.kaleido.driver"], in: scratch.path + "/kb")
            #expect(registered.stdout == Self.driver + "\n")
            // The test harness puts the built kaleido on PATH, as scripts/install does.
            #expect(!created.stderr.contains("no kaleido on PATH"), "\(created.stderr)")
        }
    }

    @Test func withoutKaleidoOnPathInitSaysSo() throws {
        try withScratchDirectory { scratch in
            let created = try Run.kaleido(["init", "kb"], in: scratch.path, environment: ["PATH": "/usr/bin:/bin"])
            try #require(created.status == 0, "\(created.stderr)")
            #expect(created.stderr.contains("kaleido: note: no kaleido on PATH: git merges of records will fail until there is one"), "\(created.stderr)")
            let registered = try Run.git(["config", "merge.kaleido.driver"], in: scratch.path + "/kb")
            #expect(registered.stdout == Self.driver + "\n")
        }
    }
}
