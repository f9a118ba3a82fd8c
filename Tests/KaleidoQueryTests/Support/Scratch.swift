import Foundation
import KaleidoFixtures
import KaleidoQuery
import KaleidoTestSupport

/// A temporary KB folder removed after use: generated records, the project's schemas.
struct ScratchKB {
    let root: String

    init(records: Int, seed: UInt64) throws {
        root = try TestFiles.makeTemporaryFolder(prefix: "kaleido-query-").path
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/.kaleido", withIntermediateDirectories: true)
        try SyntheticKB.config.write(toFile: root + "/.kaleido/config.yaml", atomically: false, encoding: .utf8)
        try manager.copyItem(atPath: SampleKB.root + "/schemas", toPath: root + "/schemas")
        for file in SyntheticKB(records: records, seed: seed).files() {
            let path = root + "/" + file.path
            try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try file.text.write(toFile: path, atomically: false, encoding: .utf8)
        }
    }

    /// A copy of the sample KB (knowledge, schemas, config) to modify freely.
    init(copyingSample: Void) throws {
        let folder = try TestFiles.makeTemporaryFolder(prefix: "kaleido-query-")
        root = folder.path
        try PackageRoot.copySampleKB(to: folder)
        try? FileManager.default.removeItem(atPath: root + "/.kaleido/cache")
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
