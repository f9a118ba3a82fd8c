import Foundation
import Glibc
@testable import KaleidoSync
import Testing

@Suite("Working-tree writes never follow a symlink")
struct WorkingTreeWriterTests {
    /// A KB folder and, beside it, an outside folder holding a secret.
    private func fixture(_ scratch: Scratch) throws -> (root: String, outside: String) {
        let root = scratch.path("kb"), outside = scratch.path("outside")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try scratch.write("secret\n", to: "secret.txt", in: outside)
        return (root, outside)
    }

    @Test func writesCreateFoldersAndRemovalsRemoveTheFoldersLeftEmpty() async throws {
        try await withScratch { scratch in
            let (root, _) = try fixture(scratch)
            let writer = WorkingTreeWriter(root: root)
            try writer.prepare(Array("a\n".utf8), for: "knowledge/partners/a.yaml", mode: 0o644).commit()
            try writer.writeSymlink("a.yaml", at: "knowledge/partners/link")
            #expect(scratch.read("knowledge/partners/a.yaml", in: root) == "a\n")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root + "/knowledge/partners/link") == "a.yaml")
            try writer.remove("knowledge/partners/a.yaml")
            try writer.remove("knowledge/partners/link")
            try writer.remove("knowledge/partners/gone.yaml")  // already gone: fine
            #expect(!FileManager.default.fileExists(atPath: root + "/knowledge"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
        }
    }

    @Test(arguments: [".git/hooks/post-commit", "../outside/x", "knowledge/../../outside/x", "/etc/x", "a//b", "knowledge/.GIT/config", "git~1/config"])
    func unsafePathsAreRefusedBeforeAnyWrite(path: String) async throws {
        try await withScratch { scratch in
            let (root, outside) = try fixture(scratch)
            let writer = WorkingTreeWriter(root: root)
            #expect(throws: SyncError.self) { try writer.prepare(Array("x".utf8), for: path, mode: 0o644) }
            #expect(throws: SyncError.self) { try writer.writeSymlink("/etc/passwd", at: path) }
            #expect(throws: SyncError.self) { try writer.remove(path) }
            #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: outside) == ["secret.txt"])
        }
    }

    @Test func aSymlinkInTheMiddleIsRefusedAndNeverFollowed() async throws {
        try await withScratch { scratch in
            let (root, outside) = try fixture(scratch)
            try FileManager.default.createDirectory(atPath: root + "/knowledge", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: root + "/knowledge/partners", withDestinationPath: outside)
            let writer = WorkingTreeWriter(root: root)
            let error = try #require(throws: SyncError.self) { try writer.prepare(Array("x".utf8), for: "knowledge/partners/secret.txt", mode: 0o644) }
            #expect("\(error)".contains("knowledge/partners is a symlink, and Kaleido never writes through a symlink"))
            #expect(throws: SyncError.self) { try writer.writeSymlink("x", at: "knowledge/partners/new") }
            try? writer.remove("knowledge/partners/secret.txt")
            #expect(scratch.read("secret.txt", in: outside) == "secret\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: outside) == ["secret.txt"])
            // The scanner does not read through it either.
            let scanner = WorkingTreeScanner(root: root)
            #expect(scanner.read("knowledge/partners/secret.txt") == nil)
            #expect(scanner.file(at: "knowledge/partners/secret.txt") == nil)
        }
    }

    /// A symlink as the last component is replaced, as git replaces it: its target is untouched.
    @Test func aSymlinkAtTheTargetIsReplacedNotWrittenThrough() async throws {
        try await withScratch { scratch in
            let (root, outside) = try fixture(scratch)
            try FileManager.default.createSymbolicLink(atPath: root + "/a.yaml", withDestinationPath: outside + "/secret.txt")
            let scanner = WorkingTreeScanner(root: root)
            #expect(scanner.read("a.yaml") == Array((outside + "/secret.txt").utf8), "a link is read as its target path")
            try WorkingTreeWriter(root: root).prepare(Array("mine\n".utf8), for: "a.yaml", mode: 0o644).commit()
            #expect(scratch.read("a.yaml", in: root) == "mine\n")
            #expect(scratch.read("secret.txt", in: outside) == "secret\n")
        }
    }
}
