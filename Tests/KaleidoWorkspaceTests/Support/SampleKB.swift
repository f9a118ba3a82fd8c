import Foundation
import KaleidoKB
import KaleidoFixtures
import KaleidoQuery
import KaleidoTestSupport

/// The project's own sample KB (`knowledge/`, `schemas/`, `.kaleido/config.yaml`).
enum SampleKB {
    /// The package root.
    static var root: String { PackageRoot.path }

    static let today = CalendarDay(year: 2026, month: 11, day: 27)
}

/// A temporary KB folder removed after use: generated records, the project's schemas.
struct ScratchKB {
    let root: String

    init(records: Int, seed: UInt64) throws {
        root = try TestFiles.makeTemporaryFolder(prefix: "kaleido-workspace-").path
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

    /// An empty folder, removed by `remove()`.
    init(empty: Void) throws {
        root = try TestFiles.makeTemporaryFolder(prefix: "kaleido-workspace-").path
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
