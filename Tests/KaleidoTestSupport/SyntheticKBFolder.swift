import Foundation
import KaleidoFixtures

/// A generated KB written to a new temporary folder: `SyntheticKB`'s records, its config and
/// the project's schemas, for the tests that need many records on disk.
public enum SyntheticKBFolder {
    /// Writes a KB of `records` generated records (the same files for the same seed) into a new
    /// folder named after `prefix`, and returns its path; the caller removes it.
    public static func make(records: Int, seed: UInt64, prefix: String) throws -> String {
        let root = try TestFiles.makeTemporaryFolder(prefix: prefix).path
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/.kaleido", withIntermediateDirectories: true)
        try SyntheticKB.config.write(toFile: root + "/.kaleido/config.yaml", atomically: false, encoding: .utf8)
        try manager.copyItem(atPath: PackageRoot.path + "/schemas", toPath: root + "/schemas")
        for file in SyntheticKB(records: records, seed: seed).files() {
            let path = root + "/" + file.path
            try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try file.text.write(toFile: path, atomically: false, encoding: .utf8)
        }
        return root
    }
}
