import Foundation
import Synchronization
import Testing
import KaleidoYAML
import KaleidoSchema
import KaleidoTestSupport

/// The JSON-Schema-Test-Suite 2020-12 through the CLI: each group's schema written as a `.json`
/// file and each test's instance as a `.json` file, judged by `kaleido validate --schema` (one
/// process per group, all its instances as arguments), the way a consultant would check files.
/// The suite is read as data from `shared/corpora`, never copied.
@Suite struct SchemaSuiteCLITests {
    struct Group {
        var file: String
        var description: String
        var schema: JSONValue
        var tests: [(description: String, data: JSONValue, valid: Bool)]

        /// Whether the group needs the suite's remote documents (`http://localhost:1234/…`),
        /// which a file-based run has no way to serve.
        var needsRemotes: Bool { file == "refRemote.json" || JSONWriter.text(schema).contains("localhost:1234") }
    }

    static var suite: URL? {
        PackageRoot.sharedCorpora.map { $0.appendingPathComponent("json-schema-test-suite/tests/draft2020-12") }
            .flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
    }

    static func groups(under folder: URL) throws -> [Group] {
        let paths = (FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        var groups: [Group] = []
        for path in paths {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(path)))
            for group in try JSONParser().parse(bytes: bytes).arrayValue ?? [] {
                let tests = (group["tests"]?.arrayValue ?? []).map { test in
                    (test["description"]?.stringValue ?? "?", test["data"] ?? .null, test["valid"] == .bool(true))
                }
                groups.append(Group(file: path, description: group["description"]?.stringValue ?? "?",
                                    schema: group["schema"] ?? .bool(true), tests: tests))
            }
        }
        return groups
    }

    /// Runs one group through the binary; returns the tests whose verdict is wrong.
    static func run(_ group: Group, number: Int, kaleido: String, in scratch: URL, flags: [String] = []) throws -> [String] {
        let folder = scratch.appendingPathComponent("g\(number)")
        let schemaFolder = folder.appendingPathComponent("schema")
        try FileManager.default.createDirectory(at: schemaFolder, withIntermediateDirectories: true)
        try Data(JSONWriter.text(group.schema).utf8).write(to: schemaFolder.appendingPathComponent("schema.json"))
        var names: [String] = []
        for (index, test) in group.tests.enumerated() {
            let name = "\(index).json"
            try Data(JSONWriter.text(test.data).utf8).write(to: folder.appendingPathComponent(name))
            names.append(name)
        }
        let output = try ChildProcess.run(kaleido, ["validate", "--format", "json"] + flags + ["--schema", "schema/schema.json"] + names,
                                          in: folder.path)
        try? FileManager.default.removeItem(at: folder)
        guard output.status == 0 || output.status == 1,
              let report = try? JSONParser().parse(output.stdout), let diagnostics = report["diagnostics"]?.arrayValue
        else {
            return group.tests.map { "\(group.file) | \(group.description) | \($0.description): exit \(output.status): \(output.stderr)" }
        }
        let failed = Set(diagnostics.filter { $0["severity"] == "error" }.compactMap { $0["file"]?.stringValue })
        var wrong: [String] = []
        if failed.contains("schema/schema.json") {
            return group.tests.map { "\(group.file) | \(group.description) | \($0.description): the schema was refused: \(diagnostics.compactMap { $0["message"]?.stringValue })" }
        }
        for (index, test) in group.tests.enumerated() where failed.contains(names[index]) == test.valid {
            let messages = diagnostics.filter { $0["file"]?.stringValue == names[index] }.compactMap { $0["message"]?.stringValue }
            wrong.append("\(group.file) | \(group.description) | \(test.description): expected \(test.valid ? "valid" : "invalid") \(messages)")
        }
        return wrong
    }

    @Test func theSuiteThroughValidateSchema() throws {
        let suite = try #require(Self.suite, "shared/corpora/json-schema-test-suite was not found next to the package")
        let kaleido = try #require(MeasuredProcess.kaleido?.path)
        let groups = try Self.groups(under: suite)
        try withScratchDirectory { scratch in
            // Four groups at a time: each process mostly waits for its start-up, not for a core.
            let lanes = 4
            let results = Mutex<[(kind: String, total: Int, wrong: [String])]>([])
            let errors = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                for (number, group) in groups.enumerated() where number % lanes == lane {
                    let kind = group.file.hasPrefix("optional/format/") ? "format (asserted with --assert-formats)"
                        : group.file.hasPrefix("optional/") ? "optional" : group.needsRemotes ? "required, needing remote documents (not asserted)" : "required"
                    let flags = kind.hasPrefix("format") ? ["--assert-formats"] : []
                    do {
                        let wrong = try Self.run(group, number: number, kaleido: kaleido, in: scratch, flags: flags)
                        results.withLock { $0.append((kind, group.tests.count, wrong)) }
                    } catch {
                        errors.withLock { $0.append("\(group.file) | \(group.description): \(error)") }
                    }
                }
            }
            #expect(errors.withLock { $0 }.isEmpty, "\(errors.withLock { $0 })")
            var counts: [String: (passed: Int, total: Int)] = [:]
            var requiredFailures: [String] = []
            for result in results.withLock({ $0 }) {
                counts[result.kind, default: (0, 0)].passed += result.total - result.wrong.count
                counts[result.kind, default: (0, 0)].total += result.total
                if result.kind == "required" { requiredFailures += result.wrong } else if !result.kind.hasPrefix("required") {
                    for wrong in result.wrong { print("  not passed (\(result.kind)): \(wrong)") }
                }
            }
            for (kind, count) in counts.sorted(by: { $0.key < $1.key }) {
                print("kaleido validate --schema, JSON-Schema-Test-Suite draft2020-12 \(kind): \(count.passed)/\(count.total) passed")
            }
            // The required suite, format tests judged as annotations (2020-12's default).
            #expect(counts["required"]?.total == 1242)
            #expect(requiredFailures.isEmpty, "\(requiredFailures.count) wrong:\n\(requiredFailures.joined(separator: "\n"))")
        }
    }
}

/// JSON text of a `JSONValue`: strings with `"`, `\` and control characters escaped and every
/// other character written as itself (what a JSON file holds), numbers as exact decimals.
enum JSONWriter {
    static func text(_ value: JSONValue) -> String {
        var output = ""
        write(value, to: &output)
        return output
    }

    static func write(_ value: JSONValue, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let bool): output += bool ? "true" : "false"
        case .number(let number): output += number.description
        case .string(let string): quote(string, to: &output)
        case .array(let array):
            output += "["
            for (index, element) in array.enumerated() {
                if index > 0 { output += "," }
                write(element, to: &output)
            }
            output += "]"
        case .object(let object):
            output += "{"
            for (index, member) in object.enumerated() {
                if index > 0 { output += "," }
                quote(member.key, to: &output)
                output += ":"
                write(member.value, to: &output)
            }
            output += "}"
        }
    }

    static func quote(_ string: String, to output: inout String) {
        output += JSONQuoting.string(string)
    }
}
