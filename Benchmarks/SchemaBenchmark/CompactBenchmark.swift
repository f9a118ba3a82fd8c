// `SchemaBenchmark --compact KB [rounds]`: the accept-only fast path against the slow path over a
// KB's records (the sample KB, or one from `kaleido-bench generate 10000 /tmp/kb10k $PWD`).
import Foundation
import KaleidoSchema
import KaleidoYAML

enum CompactBenchmark {
    /// Folder under knowledge/ → schema file (KaleidoKB's RecordType table).
    static let schemaOfFolder = [
        "partners": "partner.yaml", "people": "person.yaml", "partnerships": "partnership.yaml",
        "conventions": "convention.yaml", "projects": "project.yaml", "engagements": "engagement.yaml",
        "events": "event.yaml", "interactions": "interaction.yaml", "calls": "call.yaml",
    ]

    static func run(root: String, rounds: Int) throws {
        let validators = try compileSchemas(root + "/schemas")
        let compileStart = cpuSeconds()
        let acceptors = validators.mapValues { CompactAcceptor($0) }
        print("CompactAcceptor for \(acceptors.count) type schemas compiled in \(String(format1: 1e3 * (cpuSeconds() - compileStart))) ms of CPU time")
        let knowledge = root + "/knowledge"
        let paths = FileManager.default.enumerator(atPath: knowledge)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") } ?? []
        var records: [(folder: String, bytes: [UInt8])] = []
        for path in paths.sorted() {
            guard let folder = path.split(separator: "/").first.map(String.init), validators[folder] != nil,
                  let data = FileManager.default.contents(atPath: knowledge + "/" + path) else { continue }
            records.append((folder, [UInt8](data)))
        }
        let count = records.count * rounds
        print("\(records.count) records (\(records.reduce(0) { $0 + $1.bytes.count } / max(records.count, 1)) bytes on average) × \(rounds) rounds")

        // Parse once, outside the timings of the checks.
        var documents: [(String, CompactDocument)] = []
        var start = cpuSeconds()
        for _ in 0..<rounds {
            documents.removeAll(keepingCapacity: true)
            for record in records { if let document = CompactParser().parse(record.bytes) { documents.append((record.folder, document)) } }
        }
        report("CompactParser.parse", cpuSeconds() - start, count)

        var accepted = 0
        start = cpuSeconds()
        for _ in 0..<rounds {
            for (folder, document) in documents where acceptors[folder]?.accepts(document) == true { accepted += 1 }
        }
        report("CompactAcceptor.accepts (\(accepted / rounds)/\(records.count) accepted)", cpuSeconds() - start, count)

        // For profiling the fast path alone.
        if ProcessInfo.processInfo.environment["COMPACT_ONLY"] != nil { return }

        var trees: [(String, YAMLNode)] = []
        start = cpuSeconds()
        for _ in 0..<rounds {
            trees.removeAll(keepingCapacity: true)
            for record in records { if let document = try? YAMLParser().parseDocument(record.bytes) { trees.append((record.folder, document.root)) } }
        }
        report("YAMLParser.parseDocument", cpuSeconds() - start, count)

        var clean = 0
        start = cpuSeconds()
        for _ in 0..<rounds {
            for (folder, root) in trees {
                guard let validator = validators[folder], let conversion = try? YAMLConversion(root) else { continue }
                if validator.validate(conversion).findings.isEmpty { clean += 1 }
            }
        }
        report("YAMLConversion + validate (\(clean / rounds)/\(records.count) without findings)", cpuSeconds() - start, count)
    }

    static func report(_ label: String, _ seconds: Double, _ count: Int) {
        print("\(label): \(String(format1: 1e6 * seconds / Double(max(count, 1)))) µs/record of CPU time")
    }

    /// The type schemas, compiled as `SchemaRecordChecker.compile` does.
    static func compileSchemas(_ folder: String) throws -> [String: Validator] {
        var registry = SchemaRegistry()
        var schemas: [String: (JSONValue, String)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".yaml") {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            let value = try YAMLConversion(try YAMLParser().parseDocument([UInt8](data)).root).value
            let uri = value["$id"]?.stringValue ?? "file:///kaleido/schemas/\(name)"
            registry.add(value, at: uri)
            schemas[name] = (value, uri)
        }
        var validators: [String: Validator] = [:]
        for (folder, file) in schemaOfFolder {
            guard let (schema, uri) = schemas[file] else { continue }
            validators[folder] = try Validator(schema: schema, uri: uri, registry: registry,
                                               options: ValidatorOptions(formatAssertion: true, formats: .kaleido))
        }
        return validators
    }
}
