import Foundation
import Testing
import KaleidoTestSupport
import KaleidoSchema

/// The JSON-Schema-Test-Suite, read as data from `shared/corpora` next to the package (or next
/// to a parent folder, for git worktrees), never copied into the project.
enum SuiteCorpus {
    /// `…/shared/corpora/json-schema-test-suite` (see `PackageRoot.sharedCorpora`), or nil.
    static let root: URL? = PackageRoot.sharedCorpora.map { $0.appendingPathComponent("json-schema-test-suite") }
        .flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }

    static func parse(_ url: URL) -> JSONValue? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONParser().parse(bytes: [UInt8](data))
    }

    static func files(under folder: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }
            .filter { !$0.hasDirectoryPath }
            .sorted { $0.path < $1.path }
    }

    /// The meta-schemas (by their `$id`) and the remotes (at `http://localhost:1234/…`).
    static let registry: SchemaRegistry = {
        var registry = SchemaRegistry()
        guard let root else { return registry }
        for url in files(under: root.appendingPathComponent("metaschemas/draft202012")) {
            if let document = parse(url) { registry.add(document) }
        }
        let remotes = root.appendingPathComponent("remotes")
        for url in files(under: remotes) where url.pathExtension == "json" {
            let relative = String(url.standardizedFileURL.path.dropFirst(remotes.standardizedFileURL.path.count + 1))
            if let document = parse(url) { registry.add(document, at: "http://localhost:1234/" + relative) }
        }
        return registry
    }()

    /// A registry with only the meta-schemas, for unit tests.
    static let metaSchemas: SchemaRegistry = {
        var registry = SchemaRegistry()
        guard let root else { return registry }
        for url in files(under: root.appendingPathComponent("metaschemas/draft202012")) {
            if let document = parse(url) { registry.add(document) }
        }
        return registry
    }()
}

/// One test of the suite: a schema, an instance and the expected verdict.
struct SuiteCase: Sendable, CustomTestStringConvertible {
    enum Kind: String, Sendable { case required, optional, format }

    var kind: Kind
    var file: String
    var group: String
    var test: String
    var schema: JSONValue
    var data: JSONValue
    var valid: Bool

    var id: String { "\(file) | \(group) | \(test)" }
    var testDescription: String { id }

    /// Every test of `tests/draft2020-12`, flattened.
    static let all: [SuiteCase] = {
        guard let root = SuiteCorpus.root else { return [] }
        let tests = root.appendingPathComponent("tests/draft2020-12")
        var cases: [SuiteCase] = []
        for url in SuiteCorpus.files(under: tests) where url.pathExtension == "json" {
            let relative = String(url.standardizedFileURL.path.dropFirst(tests.standardizedFileURL.path.count + 1))
            let kind: Kind = relative.hasPrefix("optional/format/") ? .format : relative.hasPrefix("optional/") ? .optional : .required
            guard let groups = SuiteCorpus.parse(url)?.arrayValue else { continue }
            for group in groups {
                let groupName = group["description"]?.stringValue ?? "?"
                for test in group["tests"]?.arrayValue ?? [] {
                    cases.append(SuiteCase(
                        kind: kind, file: relative, group: groupName,
                        test: test["description"]?.stringValue ?? "?",
                        schema: group["schema"] ?? .bool(true), data: test["data"] ?? .null,
                        valid: test["valid"] == .bool(true)))
                }
            }
        }
        return cases
    }()

    /// Validators compiled once per suite group (the summary and the cases share them).
    nonisolated(unsafe) private static var cache: [String: Result<Validator, SchemaError>] = [:]
    private static let lock = NSLock()

    func validator() -> Result<Validator, SchemaError> {
        let key = "\(file) | \(group)"
        Self.lock.lock()
        defer { Self.lock.unlock() }
        if let cached = Self.cache[key] { return cached }
        let options = ValidatorOptions(formatAssertion: kind == .format)
        let result = Result { () throws(SchemaError) in
            try Validator(schema: schema, registry: SuiteCorpus.registry, options: options)
        }
        Self.cache[key] = result
        return result
    }

    /// Runs the case: nil when the verdict is right, else what went wrong.
    func run() -> String? {
        do {
            let validator = try validator().get()
            let result = validator.validate(data)
            if result.isValid == valid, validator.isValid(data) == valid { return nil }
            return "expected \(valid ? "valid" : "invalid"), got \(result.isValid ? "valid" : "invalid"): \(result.errors.map(\.description))"
        } catch {
            return "the schema was refused: \(error)"
        }
    }
}
