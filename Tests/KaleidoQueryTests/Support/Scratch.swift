import Foundation
import KaleidoFixtures
import KaleidoQuery
import KaleidoTestSupport

/// A temporary KB folder removed after use: generated records, the project's schemas.
struct ScratchKB {
    let root: String

    init(records: Int, seed: UInt64) throws {
        root = try SyntheticKBFolder.make(records: records, seed: seed, prefix: "kaleido-query-")
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
