import Foundation
import KaleidoTestSupport

/// The shared test corpora (`../shared/corpora` next to the project; from a git worktree the
/// nearest ancestor folder that has `shared/corpora`), read as data, never copied.
enum Corpora {
    static var root: URL? { PackageRoot.sharedCorpora }

    static var yamlTestSuite: URL? { root?.appendingPathComponent("yaml-test-suite/cases") }
}
