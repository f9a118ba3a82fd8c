import Foundation
import Testing
import KaleidoKB
import KaleidoTestSupport

/// `LocalFileSystem.readFile` reads into the array's own storage sized by `fstat`: every size
/// must come back byte for byte, and errors must name the file.
@Suite struct LocalFileSystemTests {
    @Test(arguments: [0, 1, 4095, 4096, 4097, 70_000, 1 << 20])
    func readsFilesOfEverySizeExactly(_ size: Int) throws {
        try TestFiles.withTemporaryFolder(prefix: "kaleido-fs-") { folder in
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let path = folder.appendingPathComponent("f.yaml").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(try LocalFileSystem().readFile(path) == bytes)
        }
    }

    @Test func aMissingFileAndAFolderAreErrorsNamingThePath() throws {
        let missing = "/nonexistent-kaleido/x.yaml"
        #expect(throws: FileSystemError.self) { try LocalFileSystem().readFile(missing) }
        do { _ = try LocalFileSystem().readFile(missing) } catch let error as FileSystemError { #expect(error.path == missing) }
        #expect(throws: FileSystemError.self) { try LocalFileSystem().readFile(FileManager.default.temporaryDirectory.path) }
    }

    @Test func readFilesKeepsOrderAcrossFoldersAndReportsEachFailure() throws {
        try TestFiles.withTemporaryFolder(prefix: "kaleido-fs-") { folder in
            var paths: [String] = []
            for sub in ["a", "b", "a/c"] {
                try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
                for name in ["1.yaml", "2.yaml"] {
                    let path = folder.appendingPathComponent(sub).appendingPathComponent(name).path
                    try Data("\(sub)/\(name)".utf8).write(to: URL(fileURLWithPath: path))
                    paths.append(path)
                }
            }
            paths.insert(folder.appendingPathComponent("b/missing.yaml").path, at: 3)
            paths.append(folder.appendingPathComponent("nofolder/x.yaml").path)
            var seen: [String] = []
            LocalFileSystem().readFiles(paths) { index, result in
                switch result {
                case .success(let bytes): seen.append("\(index):" + String(decoding: bytes, as: UTF8.self))
                case .failure(let error): seen.append("\(index):error \(error.path == paths[index])")
                }
            }
            #expect(seen == ["0:a/1.yaml", "1:a/2.yaml", "2:b/1.yaml", "3:error true", "4:b/2.yaml", "5:a/c/1.yaml", "6:a/c/2.yaml", "7:error true"])
            // The in-memory file system gives the same through the protocol's default.
            var memory: [String] = []
            InMemoryFileSystem(files: ["k/a.yaml": "A"]).readFiles(["k/a.yaml", "k/b.yaml"]) { index, result in
                memory.append("\(index):" + ((try? String(decoding: result.get(), as: UTF8.self)) ?? "error"))
            }
            #expect(memory == ["0:A", "1:error"])
        }
    }

    @Test func readWholeReadsTheWholeFileWhateverSizeItExpected() throws {
        try TestFiles.withTemporaryFolder(prefix: "kaleido-fs-") { folder in
            let bytes = (0..<100).map { UInt8($0) }
            let path = folder.appendingPathComponent("f.yaml").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(LocalFileSystem.readWhole(at: AT_FDCWD, path, expectedSize: nil) == bytes)
            // A stale size (the file grew or shrank since it was stat'ed) still gives the whole file.
            for size in [0, 10, 99, 100, 101, 1000] {
                #expect(LocalFileSystem.readWhole(at: AT_FDCWD, path, expectedSize: size) == bytes)
            }
            #expect(LocalFileSystem.readWhole(at: AT_FDCWD, folder.appendingPathComponent("missing").path, expectedSize: nil) == nil)
        }
    }
}
