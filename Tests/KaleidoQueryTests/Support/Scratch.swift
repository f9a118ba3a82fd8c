import Foundation
import KaleidoQuery

/// A temporary KB folder removed after use: generated records, the project's schemas.
struct ScratchKB {
    let root: String

    init(records: Int, seed: UInt64) throws {
        root = NSTemporaryDirectory() + "kaleido-query-\(UUID().uuidString)"
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
        root = NSTemporaryDirectory() + "kaleido-query-\(UUID().uuidString)"
        let manager = FileManager.default
        try manager.createDirectory(atPath: root, withIntermediateDirectories: true)
        for item in ["knowledge", "schemas", ".kaleido"] {
            try manager.copyItem(atPath: SampleKB.root + "/" + item, toPath: root + "/" + item)
        }
        try? manager.removeItem(atPath: root + "/.kaleido/cache")
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
