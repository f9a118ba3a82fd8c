import Foundation
import Testing
@testable import KaleidoSchema

/// The built-in meta-schemas against the official ones of the test suite.
@Suite struct MetaSchemaTests {
    /// Drops string-valued `title`, `description` and `$comment` (annotations that change no verdict).
    static func stripped(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var result = JSONObject()
            for (key, member) in object {
                if ["title", "description", "$comment"].contains(key), case .string = member { continue }
                result[key] = stripped(member)
            }
            return .object(result)
        case .array(let elements): return .array(elements.map(stripped))
        default: return value
        }
    }

    static let official: [JSONValue] = {
        guard let root = SuiteCorpus.root else { return [] }
        return SuiteCorpus.files(under: root.appendingPathComponent("metaschemas/draft202012")).compactMap(SuiteCorpus.parse)
    }()

    @Test func builtInDocumentsMatchTheOfficialOnes() {
        #expect(Self.official.count == 9)
        #expect(MetaSchemas.all.count == 9)
        for document in Self.official {
            let id = document["$id"]?.stringValue ?? "?"
            let builtIn = MetaSchemas.all.first { $0["$id"]?.stringValue == id }
            #expect(builtIn.map(Self.stripped) == Self.stripped(document), "\(id) differs")
        }
    }

    @Test func requiredSuitePassesWithTheBuiltInMetaSchemas() {
        var registry = SchemaRegistry.withMetaSchemas
        for (uri, document) in SuiteCorpus.registry.documents where !uri.hasPrefix("https://json-schema.org/") {
            registry.add(document, at: uri)
        }
        var failures: [String] = []
        var compiled: [String: Validator?] = [:]
        for suiteCase in SuiteCase.all where suiteCase.kind == .required {
            let key = suiteCase.file + suiteCase.group
            if compiled[key] == nil {
                compiled[key] = .some(try? Validator(schema: suiteCase.schema, registry: registry))
            }
            guard let validator = compiled[key] ?? nil else {
                failures.append(suiteCase.id + ": refused")
                continue
            }
            if validator.isValid(suiteCase.data) != suiteCase.valid { failures.append(suiteCase.id) }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func invalidSchemasAreRefusedWithTheMetaSchemaErrors() {
        let schema: JSONValue = ["type": "strin", "minLength": -1]
        do {
            _ = try Validator(schema: schema, registry: .withMetaSchemas)
            Issue.record("an invalid schema was accepted")
        } catch {
            #expect(error.message.hasPrefix("the schema does not conform to its meta-schema"))
            #expect(error.metaSchemaErrors.map(\.instanceLocation).contains("/minLength"))
            #expect(error.metaSchemaErrors.map(\.instanceLocation).contains("/type"))
        }
    }
}
