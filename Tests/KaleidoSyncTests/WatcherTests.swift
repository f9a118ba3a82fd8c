import Foundation
@testable import KaleidoSync
import Testing

@Suite("Watcher")
struct WatcherTests {
    @Test func newFoldersAreWatchedAndGitAndTemporaryFilesAreNot() async throws {
        try await withScratch { scratch in
            let root = scratch.path("kb")
            try FileManager.default.createDirectory(atPath: root + "/.git/refs", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: root + "/knowledge", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: root + "/build", withIntermediateDirectories: true)
            let watcher = try Watcher(root: root) { $0 == "build" }
            #expect(watcher.count == 2)  // the root and knowledge/: not .git/, not the ignored build/
            try scratch.write("x", to: ".git/refs/x", in: root)
            try scratch.write("x", to: "build/out.o", in: root)
            try scratch.write("x", to: "knowledge/.a.yaml.kaleido-tmp-1", in: root)
            #expect(watcher.drain().isEmpty)

            try FileManager.default.createDirectory(atPath: root + "/knowledge/people", withIntermediateDirectories: true)
            #expect(watcher.drain().compactMap(\.path) == ["knowledge/people"])
            try scratch.write("id: amel\n", to: "knowledge/people/amel.yaml", in: root)
            #expect(Set(watcher.drain().compactMap(\.path)) == ["knowledge/people/amel.yaml"])
        }
    }
}
