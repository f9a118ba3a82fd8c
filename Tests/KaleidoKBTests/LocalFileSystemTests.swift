import Foundation
import Testing
import KaleidoKB

/// `LocalFileSystem.readFile` reads into the array's own storage sized by `fstat`: every size
/// must come back byte for byte, and errors must name the file.
@Suite struct LocalFileSystemTests {
    @Test(arguments: [0, 1, 4095, 4096, 4097, 70_000, 1 << 20])
    func readsFilesOfEverySizeExactly(_ size: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaleido-fs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let path = folder.appendingPathComponent("f.yaml").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try LocalFileSystem().readFile(path) == bytes)
    }

    @Test func aMissingFileAndAFolderAreErrorsNamingThePath() throws {
        let missing = "/nonexistent-kaleido/x.yaml"
        #expect(throws: FileSystemError.self) { try LocalFileSystem().readFile(missing) }
        do { _ = try LocalFileSystem().readFile(missing) } catch let error as FileSystemError { #expect(error.path == missing) }
        #expect(throws: FileSystemError.self) { try LocalFileSystem().readFile(FileManager.default.temporaryDirectory.path) }
    }
}
