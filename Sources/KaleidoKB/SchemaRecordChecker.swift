import Dispatch
import KaleidoSchema
public import KaleidoYAML

/// Checks records against their type's JSON Schema with KaleidoSchema's validator: schemas are
/// compiled once (every `$ref` resolved across the schemas folder), then shared by every task.
public struct SchemaRecordChecker: RecordSchemaChecker {
    private let validators: [RecordType: Validator]
    /// Each type's accept-only fast check, compiled from its validator (see `accepts`).
    private let acceptors: [RecordType: CompactAcceptor]
    /// Property names each type's schema declares, by path (see `SchemaHintCollector`).
    private let knownProperties: [RecordType: [String: Set<String>]]

    /// Compiles the schema of every type found among `documents` (parsed schema files keyed by
    /// file name). Documents are registered under their `$id`, and under a `file:` URI in the
    /// schemas folder when they have none, so relative `$ref`s resolve either way.
    /// Returns the checker and findings for schema files that do not compile.
    public static func compile(documents: [String: YAMLNode], schemasFolder: String) -> (SchemaRecordChecker, [Finding]) {
        let collector = SchemaHintCollector(documents: documents)
        var known: [RecordType: [String: Set<String>]] = [:]
        for type in RecordType.allCases { known[type] = collector.knownProperties(forDocument: type.schemaFile) }
        return compile(documents: documents, schemasFolder: schemasFolder, knownProperties: known)
    }

    /// `compile(documents:schemasFolder:)` with each type's known properties already collected
    /// (`SchemaHintCollector.summary`), for a caller that walks the schemas for hints anyway.
    public static func compile(documents: [String: YAMLNode], schemasFolder: String,
                               knownProperties known: [RecordType: [String: Set<String>]]) -> (SchemaRecordChecker, [Finding]) {
        var registry = SchemaRegistry()
        var uris: [String: String] = [:]
        var findings: [Finding] = []
        for (name, root) in documents.sorted(by: { $0.key < $1.key }) {
            do {
                let value = try YAMLConversion(root).value
                let uri = value["$id"]?.stringValue ?? "file:///kaleido/\(schemasFolder)/\(name)"
                registry.add(value, at: uri)
                uris[name] = uri
            } catch {
                findings.append(Finding(file: schemasFolder + "/" + name, span: error.span, severity: .error,
                                        rule: "schema", pointer: "", message: error.message))
            }
        }
        // All types together: the files they share (defs.yaml) compile once.
        let typed = RecordType.allCases.compactMap { type in uris[type.schemaFile].map { (type, $0) } }
        let results = Validator.compile(typed.map(\.1), registry: registry,
                                        options: ValidatorOptions(formatAssertion: true, formats: .kaleido))
        var validators: [RecordType: Validator] = [:]
        for (type, uri) in typed {
            switch results[uri] {
            case .success(let validator)?:
                validators[type] = validator
            case .failure(let error)?:
                let finding = Self.finding(for: error, type: type, documents: documents, uris: uris, schemasFolder: schemasFolder)
                // A broken shared file (defs.yaml) fails every type using it: say so once.
                if !findings.contains(finding) { findings.append(finding) }
            case nil:
                break
            }
        }
        let acceptors = compileAcceptors(validators)
        return (SchemaRecordChecker(validators: validators, acceptors: acceptors, knownProperties: known), findings)
    }

    /// Each validator's `CompactAcceptor`, compiled on every core (a few milliseconds each, paid
    /// by every command that validates).
    static func compileAcceptors(_ validators: [RecordType: Validator]) -> [RecordType: CompactAcceptor] {
        let entries = Array(validators)
        let slots = UnsafeMutableBufferPointer<CompactAcceptor?>.allocate(capacity: entries.count)
        slots.initialize(repeating: nil)
        defer { slots.deallocate() }
        // Each iteration writes its own slot only.
        nonisolated(unsafe) let base = slots.baseAddress
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            base?[index] = entries[index].value.compactAcceptor
        }
        var acceptors: [RecordType: CompactAcceptor] = [:]
        for (index, entry) in entries.enumerated() { acceptors[entry.key] = slots[index] }
        return acceptors
    }

    /// The finding for a schema that does not compile: in the file the error is in (a type's
    /// schema, or a file it references), at the keyword at fault, or for a schema failing its
    /// meta-schema, at the first value the meta-schema refuses.
    static func finding(for error: SchemaError, type: RecordType, documents: [String: YAMLNode], uris: [String: String],
                        schemasFolder: String) -> Finding {
        let hash = error.location.firstIndex(of: "#") ?? error.location.endIndex
        let errorURI = String(error.location[..<hash])
        let name = uris.first { $0.value == errorURI }?.key ?? type.schemaFile
        let pointer = error.metaSchemaErrors.first?.instanceLocation ?? error.location.pointerPart
        let span = documents[name].flatMap { try? YAMLConversion($0) }?.span(at: pointer) ?? .none
        let details = error.metaSchemaErrors.prefix(3).map { "\($0.instanceLocation): \($0.message)" }
        return Finding(file: schemasFolder + "/" + name, span: span, severity: .error, rule: "schema", pointer: pointer,
                       message: ([error.message] + details).joined(separator: "; "))
    }

    /// True only when `check` would find nothing: `CompactAcceptor`'s answer for the type.
    public func accepts(_ document: CompactDocument, type: RecordType) -> Bool {
        acceptors[type]?.accepts(document) ?? false
    }

    /// The types that have a compiled schema.
    public var types: Set<RecordType> { Set(validators.keys) }

    public func check(_ record: Record, type: RecordType) -> [Finding] {
        guard let validator = validators[type] else { return [] }
        let conversion: YAMLConversion
        do {
            conversion = try YAMLConversion(record.root)
        } catch {
            return [Finding(file: record.file, span: error.span, severity: .error, rule: "yaml-json", pointer: "", message: error.message)]
        }
        let result = validator.validate(conversion)
        // A value failing its format usually fails the pattern that backs the format up in the
        // schema too: the format's message says more, so the pattern's is dropped.
        let formatFailures = Set(result.findings.filter { $0.keyword == "format" }.map(\.instanceLocation))
        var findings = result.findings.filter { !($0.keyword == "pattern" && formatFailures.contains($0.instanceLocation)) }
        // When a subschema fails, JSON Schema drops its annotations, so `unevaluatedProperties`
        // then flags properties the schema does declare (`notes`, `sources`…): noise around the
        // real error, which is reported on its own. Only truly unknown names are kept.
        let known = knownProperties[type] ?? [:]
        if findings.contains(where: { $0.severity == .error && $0.keyword != "unevaluatedProperties" }) {
            findings.removeAll { finding in
                guard finding.keyword == "unevaluatedProperties", let name = finding.propertyName else { return false }
                return known[Self.pathKey(ofParentOf: finding.instanceLocation, in: conversion.value)]?.contains(name) ?? false
            }
        }
        return findings.map { finding in
            let span = conversion.span(for: finding)
                ?? record.root.span
            let severity: Finding.Severity = finding.severity == .error ? .error : .warning
            let rule = finding.severity == .error ? finding.keyword : "plain-scalar"
            return Finding(file: record.file, span: span, severity: severity, rule: rule,
                           pointer: finding.instanceLocation, message: finding.message)
        }
    }
}

extension SchemaRecordChecker {
    /// The `knownProperties` key of the object holding the value at `pointer`: array indexes
    /// become `[]` (told apart from numeric keys by walking the value).
    static func pathKey(ofParentOf pointer: String, in value: JSONValue) -> String {
        var tokens = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { JSONPointer.unescape(String($0)) }
        if !tokens.isEmpty { tokens.removeLast() }
        var steps: [FieldStep] = []
        var current: JSONValue? = value
        for token in tokens {
            if let array = current?.arrayValue {
                steps.append(.anyItem)
                current = Int(token).flatMap { array.indices.contains($0) ? array[$0] : nil }
            } else {
                steps.append(.key(token))
                current = current?[token]
            }
        }
        return SchemaHintCollector.key(for: steps)
    }
}

extension String {
    /// The fragment of a schema location URI (`…/partner.yaml#/properties/kind` → `/properties/kind`).
    var pointerPart: String {
        guard let hash = firstIndex(of: "#") else { return "" }
        return String(self[index(after: hash)...])
    }
}
