import Foundation
import Testing
import KaleidoFixtures
import KaleidoSchema
import KaleidoTestSupport
import KaleidoYAML

/// `kaleido validate --schema` against an independent validator, jsonschema-rs (Rust, from
/// PyPI, in a venv the test makes under `.build`), on thousands of mutated sample records
/// written as JSON and checked against the KB's own schemas, formats asserted on both sides.
///
/// Every disagreement must be one of the documented, intended differences (docs/data-model.md,
/// "Validation exactness"):
/// - `kaleido-format`: Kaleido's own formats (partial-date, ISO codes, INSEE, SIREN/SIRET) are
///   unknown to jsonschema-rs, which lets them pass (the schemas back each with a pattern, so
///   only values of the right shape and a wrong meaning differ: `2023-02-29`, a bad check digit).
/// - `exact-decimal`: Kaleido compares numbers as exact decimals, jsonschema-rs as binary floats
///   (Python's `json` reads the files): `multipleOf: 0.01` on `19.99`.
@Suite struct JSONSchemaRsDifferentialTests {
    static let venv = PackageRoot.url.appendingPathComponent(".build/jsonschema-rs-venv")

    /// The venv's python with jsonschema-rs importable, made on first use; nil with the reason
    /// when PyPI (or python3's venv module) is unavailable.
    static func python() -> (path: String?, reason: String) {
        let python = venv.appendingPathComponent("bin/python").path
        let probe = { (try? ChildProcess.run(python, ["-c", "import jsonschema_rs"]))?.status == 0 }
        if FileManager.default.isExecutableFile(atPath: python), probe() { return (python, "") }
        guard let made = try? ChildProcess.run("python3", ["-m", "venv", venv.path]), made.status == 0 else {
            return (nil, "python3 -m venv failed (install python3-venv: scripts/bootstrap --test)")
        }
        guard let installed = try? ChildProcess.run(venv.appendingPathComponent("bin/pip").path,
                                                    ["install", "-q", "--disable-pip-version-check", "--timeout", "20", "jsonschema-rs"]),
              installed.status == 0, probe()
        else { return (nil, "pip install jsonschema-rs failed (PyPI unreachable?)") }
        return (python, "")
    }

    /// The jsonschema-rs side: every schema in one registry, formats asserted (Kaleido's own
    /// accept everything there), each file's error keywords printed as JSON.
    static let script = """
        import json, sys
        import jsonschema_rs
        manifest = json.load(open(sys.argv[1]))
        registry = jsonschema_rs.Registry([(uri, schema) for uri, schema in manifest["schemas"]])
        schemas = dict(manifest["schemas"])
        # Kaleido's own formats, unknown here: accepted (a format-asserting meta-schema makes
        # jsonschema-rs refuse a schema with an unknown format).
        kaleido_formats = {name: (lambda value: True) for name in manifest["kaleidoFormats"]}
        results = {}
        for run in manifest["runs"]:
            validator = jsonschema_rs.Draft202012Validator(schemas[run["schema"]], registry=registry, validate_formats=True,
                                                           formats=kaleido_formats)
            for name in run["files"]:
                instance = json.load(open(name, encoding="utf-8"))
                results[name] = sorted({str(error.schema_path[-1]) if error.schema_path else "?" for error in validator.iter_errors(instance)})
        json.dump(results, sys.stdout)
        """

    @Test func kaleidoAgreesWithJSONSchemaRsOnMutatedRecords() throws {
        let (python, reason) = Self.python()
        guard let python else {
            print("JSONSchemaRsDifferentialTests skipped: \(reason)")
            return
        }
        let kaleido = try #require(MeasuredProcess.kaleido?.path)
        let schemas = PackageRoot.schemas
        // The schemas as JSON for jsonschema-rs, keyed by their `$id`.
        var schemaDocuments: [(String, JSONValue)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: schemas.path).sorted() where name.hasSuffix(".yaml") {
            let value = try YAMLConversion(try YAMLParser().parseDocument([UInt8](Data(contentsOf: schemas.appendingPathComponent(name)))).root).value
            if let id = value["$id"]?.stringValue { schemaDocuments.append((id, value)) }
        }
        try withScratchDirectory { scratch in
            var generator = SplitMix64(seed: 13)
            var byType: [String: [String]] = [:]
            var count = 0
            for path in PackageRoot.sampleRecordPaths {
                let bytes = try [UInt8](Data(contentsOf: PackageRoot.knowledge.appendingPathComponent(path)))
                let record = try YAMLConversion(try YAMLParser().parseDocument(bytes).root).value
                guard let type = record["type"]?.stringValue else { continue }
                var variants = [record]
                for _ in 0..<40 {
                    var mutated = record
                    for _ in 0..<Int.random(in: 1...2, using: &generator) { RecordMutator.mutate(&mutated, using: &generator) }
                    variants.append(mutated)
                }
                for variant in variants {
                    let name = "\(count).json"
                    count += 1
                    try Data(JSONWriter.text(variant).utf8).write(to: scratch.appendingPathComponent(name))
                    byType[type, default: []].append(name)
                }
            }
            // Kaleido: one process per type, the type's YAML schema as it is (its meta-schema
            // declares format assertion).
            var kaleidoErrors: [String: [(rule: String, message: String)]] = [:]
            for (type, files) in byType {
                let output = try ChildProcess.run(kaleido, ["validate", "--format", "json", "--schema", schemas.appendingPathComponent("\(type).yaml").path] + files,
                                                  in: scratch.path)
                #expect(output.status == 0 || output.status == 1, "\(output.stderr)")
                let report = try JSONParser().parse(output.stdout)
                for file in files { kaleidoErrors[file] = [] }
                for diagnostic in report["diagnostics"]?.arrayValue ?? [] where diagnostic["severity"] == "error" {
                    guard let file = diagnostic["file"]?.stringValue else { continue }
                    kaleidoErrors[file, default: []].append((diagnostic["rule"]?.stringValue ?? "", diagnostic["message"]?.stringValue ?? ""))
                }
            }
            // jsonschema-rs: one process for everything.
            let manifest: JSONValue = .object(JSONObject([
                ("kaleidoFormats", ["partial-date", "iso3166-alpha2", "iso4217", "insee-commune", "siren", "siret"]),
                ("schemas", .array(schemaDocuments.map { .array([.string($0.0), $0.1]) })),
                ("runs", .array(byType.sorted { $0.key < $1.key }.map { type, files in
                    .object(JSONObject([("schema", .string("https://kaleido.example/schemas/\(type).yaml")), ("files", .array(files.map { .string($0) }))]))
                })),
            ]))
            try Data(JSONWriter.text(manifest).utf8).write(to: scratch.appendingPathComponent("manifest.json"))
            try Data(Self.script.utf8).write(to: scratch.appendingPathComponent("check.py"))
            let rs = try ChildProcess.run(python, ["check.py", "manifest.json"], in: scratch.path)
            #expect(rs.status == 0, "\(rs.stderr)")
            let rsErrors = try JSONParser().parse(rs.stdout)

            var differences: [String: Int] = [:]
            var unexplained: [String] = []
            var invalid = 0
            for (file, errors) in kaleidoErrors.sorted(by: { $0.key < $1.key }) {
                let theirs = rsErrors[file]?.arrayValue?.compactMap(\.stringValue) ?? ["(no answer)"]
                if !errors.isEmpty { invalid += 1 }
                guard errors.isEmpty != theirs.isEmpty else { continue }
                if let kind = Self.documentedDifference(kaleido: errors, rs: theirs) {
                    differences[kind, default: 0] += 1
                    print("  documented difference (\(kind)) \(file): kaleido \(errors.map(\.message)), jsonschema-rs \(theirs)")
                } else {
                    unexplained.append("\(file): kaleido \(errors.map { "\($0.rule): \($0.message)" }), jsonschema-rs \(theirs)")
                }
            }
            print("kaleido vs jsonschema-rs: \(count) records (\(invalid) invalid for kaleido), documented differences \(differences.sorted { $0.key < $1.key }), unexplained \(unexplained.count)")
            #expect(count > 3000)
            #expect(invalid > count / 2, "the mutations should break most records")
            #expect(unexplained.isEmpty, "\(unexplained.prefix(20).joined(separator: "\n"))")
        }
    }

    /// Descriptions of Kaleido's own formats in its messages (`FormatRegistry.kaleido`).
    static let kaleidoFormats = [
        "a date, a month or a year", "an ISO 3166-1 alpha-2 code", "an ISO 4217 currency code",
        "an INSEE commune code", "a SIREN number", "a SIRET number",
    ]

    /// The documented difference that explains a disagreement, or nil.
    static func documentedDifference(kaleido: [(rule: String, message: String)], rs: [String]) -> String? {
        if rs.isEmpty, kaleido.allSatisfy({ error in error.rule == "format" && kaleidoFormats.contains { error.message.hasSuffix("is not " + $0) || error.message.contains("is not " + $0 + " (") } }) {
            return "kaleido-format"
        }
        // One side finds nothing, the other only `multipleOf`: a float rounding.
        if kaleido.allSatisfy({ $0.rule == "multipleOf" }), rs.allSatisfy({ $0 == "multipleOf" }) { return "exact-decimal" }
        return nil
    }
}

/// Seeded mutations of a record: what a consultant's typo or a wrong tool does to a file.
enum RecordMutator {
    static let replacements: [JSONValue] = [
        1, -3, .number(JSONNumber("19.99")!), .number(JSONNumber("0.125")!), "text", "", true, false, nil, [], [:], ["x"], ["k": 1],
        "2024-13-01", "2024-02-30", "2023-02-29", "2024-02-29", "2024-1-5", "24-01-01", "2024-00", "1999", "2024-06-31T10:00:00Z",
        "QQ", "EUX", "fr", "F", "12345", "2A004", "20004", "732829320", "732829321", "73282932000074", "356000000",
        "not an email", "a@b", "http//x", "https://example.com/a", "zzz_not_allowed", "fr-com-26281-romans-sur-isere",
        .number(JSONNumber("100000000000000000000000")!), .number(JSONNumber("1.10")!), -1,
    ]

    static func mutate(_ value: inout JSONValue, using generator: inout SplitMix64) {
        var paths: [[JSONPointer.Token]] = []
        collect(value, [], &paths)
        guard let path = paths.randomElement(using: &generator) else { return }
        let action = Int.random(in: 0..<6, using: &generator)
        update(&value, path[...]) { target in
            switch (action, target) {
            case (0, .object(var object)):
                // Drop a key (required or not).
                if let key = object.keys.randomElement(using: &generator) { object[key] = nil }
                target = .object(object)
            case (1, .object(var object)):
                // An extra key.
                object["extra_\(Int.random(in: 0..<3, using: &generator))"] = replacements.randomElement(using: &generator)!
                target = .object(object)
            case (2, .array(var array)):
                // A wrong item, or a duplicate.
                if Bool.random(using: &generator), let first = array.first { array.append(first) } else {
                    array.append(replacements.randomElement(using: &generator)!)
                }
                target = .array(array)
            case (3, .array(var array)) where !array.isEmpty:
                array.remove(at: Int.random(in: 0..<array.count, using: &generator))
                target = .array(array)
            default:
                target = replacements.randomElement(using: &generator)!
            }
        }
    }

    static func collect(_ value: JSONValue, _ path: [JSONPointer.Token], _ paths: inout [[JSONPointer.Token]]) {
        paths.append(path)
        switch value {
        case .object(let object): for (key, child) in object { collect(child, path + [.key(key)], &paths) }
        case .array(let array): for (index, child) in array.enumerated() { collect(child, path + [.index(index)], &paths) }
        default: break
        }
    }

    static func update(_ value: inout JSONValue, _ path: ArraySlice<JSONPointer.Token>, _ change: (inout JSONValue) -> Void) {
        guard let first = path.first else { return change(&value) }
        switch (first, value) {
        case (.key(let key), .object(var object)):
            guard var child = object[key] else { return }
            update(&child, path.dropFirst(), change)
            object[key] = child
            value = .object(object)
        case (.index(let index), .array(var array)) where index < array.count:
            update(&array[index], path.dropFirst(), change)
            value = .array(array)
        default:
            return
        }
    }
}
