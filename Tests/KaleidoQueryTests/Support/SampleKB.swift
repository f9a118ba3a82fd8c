import Foundation
import KaleidoKB
import KaleidoQuery
import KaleidoYAML
import KaleidoTestSupport

/// The project's own sample KB (`knowledge/`), indexed once for all tests, and helpers to run
/// the `kaleido` executable the build placed next to the test bundle.
enum SampleKB {
    /// The package root.
    static var root: String { PackageRoot.path }

    static let today = CalendarDay(year: 2026, month: 11, day: 27)

    /// The index of a KB folder, built synchronously from its files with the KB's schema hints.
    static func buildIndex(root: String) throws -> KBIndex {
        let kb = try KnowledgeBase.open(root: root, fileSystem: LocalFileSystem())
        let hints = try KBSchemas.load(kb).hints
        let validator = KBValidator(kb: kb, today: today, schemaChecker: nil, hints: hints, parallelism: 1)
        var entries: [IndexEntry] = []
        for file in try validator.recordFiles() {
            let document = try YAMLParser().parseDocument(try kb.fileSystem.readFile(kb.path(file)))
            if let entry = IndexEntry(record: Record(file: file, root: document.root), knowledgeFolder: kb.config.knowledgeFolder, hints: hints) {
                entries.append(entry)
            }
        }
        return KBIndex(entries: entries)
    }

    static let index: KBIndex = {
        do { return try buildIndex(root: root) } catch { fatalError("cannot index the sample KB: \(error)") }
    }()

    static func position(_ id: String) -> Int {
        guard let position = index.position(of: id) else { fatalError("no record \(id) in the sample") }
        return position
    }

    static func ids(_ records: [Int]) -> [String] { records.map { index.id($0) } }
}

/// Runs the built `kaleido` executable.
enum Kaleido {
    static var executable: String {
        ChildProcess.builtExecutable("kaleido", levels: 1)?.path ?? SampleKB.root + "/.build/debug/kaleido"
    }

    typealias Result = ProcessOutput

    /// Runs `kaleido ARGS` in `directory` with KALEIDO_TODAY fixed.
    static func run(_ arguments: [String], in directory: String = SampleKB.root, today: String = "2026-11-27") throws -> Result {
        // The KB's `language:` decides, not the caller's KALEIDO_LANG or locale.
        let environment = ChildProcess.environment(removing: { ["KALEIDO_LANG", "LC_ALL", "LC_MESSAGES"].contains($0) },
                                                   adding: ["KALEIDO_TODAY": today, "COLUMNS": "200", "LANG": "C.UTF-8"])
        return try ChildProcess.run(executable, arguments, in: directory, environment: environment)
    }

    /// Runs a command with `--format json` and decodes its output.
    static func json(_ arguments: [String], in directory: String = SampleKB.root) throws -> Any {
        let result = try run(arguments + ["--format", "json"], in: directory)
        guard result.status == 0 else { throw Failure(message: "kaleido \(arguments) exited \(result.status): \(result.stderr)") }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    struct Failure: Error { var message: String }
}
