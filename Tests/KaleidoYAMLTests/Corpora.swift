import Foundation

/// The shared test corpora (`../shared/corpora` next to the project; from a git worktree the
/// nearest ancestor folder that has `shared/corpora`), read as data, never copied.
enum Corpora {
    static let root: URL? = {
        // Tests/KaleidoYAMLTests/Corpora.swift → the package root, then its ancestors.
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        for _ in 0..<4 {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent("shared/corpora")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    static var yamlTestSuite: URL? { root?.appendingPathComponent("yaml-test-suite/cases") }
}
