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
        root = try SyntheticKBFolder.make(records: records, seed: seed, prefix: "kaleido-workspace-")
    }

    /// An empty folder, removed by `remove()`.
    init(empty: Void) throws {
        root = try TestFiles.makeTemporaryFolder(prefix: "kaleido-workspace-").path
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
