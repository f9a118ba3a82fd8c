import Foundation
import Testing
import KaleidoYAML
import KaleidoSchema

/// `CompactAcceptor` against the slow path (YAMLParser → YAMLConversion → Validator.validate),
/// which is the oracle: an accepted document must have no finding at all there.
@Suite struct CompactAcceptorTests {
    /// The slow path's findings for `bytes` (a conversion error counts as one), or nil when
    /// YAMLParser refuses the text.
    static func slowFindings(_ bytes: [UInt8], _ validator: Validator) -> [String]? {
        guard let document = try? YAMLParser().parseDocument(bytes) else { return nil }
        do {
            let conversion = try YAMLConversion(document.root)
            return validator.validate(conversion).findings.map { "\($0.severity) \($0.instanceLocation): \($0.message)" }
        } catch {
            return ["conversion: \(error.message)"]
        }
    }

    // MARK: JSON-Schema-Test-Suite

    /// Every suite case, written as JSON text (valid YAML): whatever the acceptor accepts, the
    /// slow path finds nothing in; and it accepts most valid instances.
    @Test func suiteCasesAgreeWithTheSlowPath() throws {
        try #require(SuiteCase.all.count > 1000, "the JSON-Schema-Test-Suite corpus is missing")
        var acceptors: [String: CompactAcceptor] = [:]
        var parsed = 0, unparsed = 0, validAccepted = 0, validDeclined = 0, invalidRejected = 0
        var declinedByFile: [String: Int] = [:]
        var declinedCases: [String] = []
        for suiteCase in SuiteCase.all {
            guard let validator = try? suiteCase.validator().get() else { continue }
            let key = "\(suiteCase.file) | \(suiteCase.group)"
            let acceptor = acceptors[key] ?? CompactAcceptor(validator)
            acceptors[key] = acceptor
            let bytes = Array(JSONText.render(suiteCase.data).utf8)
            guard let document = CompactParser().parse(bytes) else {
                unparsed += 1
                continue
            }
            parsed += 1
            let accepted = acceptor.accepts(document)
            let findings = try #require(Self.slowFindings(bytes, validator), "\(suiteCase.id): CompactParser accepted what YAMLParser refuses")
            if accepted {
                #expect(findings.isEmpty, "\(suiteCase.id): accepted, but the slow path finds \(findings)")
                if findings.isEmpty { validAccepted += 1 }
            } else if findings.isEmpty {
                validDeclined += 1
                declinedByFile[suiteCase.file, default: 0] += 1
                declinedCases.append(suiteCase.id)
            } else {
                invalidRejected += 1
            }
        }
        print("CompactAcceptor over the JSON-Schema-Test-Suite: \(parsed) instances parsed (\(unparsed) left to YAMLParser); "
            + "valid: \(validAccepted) accepted, \(validDeclined) declined; invalid: \(invalidRejected) rejected")
        print("declined valid instances by file: \(declinedByFile.sorted { $0.value > $1.value }.map { "\($0.key): \($0.value)" })")
        print("declined valid instances: \(declinedCases.filter { !$0.contains("dynamicRef") })")
        #expect(validAccepted > 3 * validDeclined, "the acceptor declines too many valid instances")
    }

    /// The keywords our schemas use are handled, not declined, on the suite's valid instances.
    @Test(arguments: ["type.json", "ref.json", "properties.json", "items.json", "required.json", "enum.json", "const.json",
                      "additionalProperties.json", "unevaluatedProperties.json", "pattern.json", "uniqueItems.json",
                      "minLength.json", "minItems.json", "minimum.json", "allOf.json", "if-then-else.json",
                      "dependentRequired.json", "anyOf.json", "oneOf.json", "not.json", "maxLength.json"])
    func usedKeywordsAreHandled(_ file: String) throws {
        var accepted = 0, declined = 0
        for suiteCase in SuiteCase.all where suiteCase.file == file && suiteCase.valid {
            guard let validator = try? suiteCase.validator().get() else { continue }
            let bytes = Array(JSONText.render(suiteCase.data).utf8)
            guard let document = CompactParser().parse(bytes), Self.slowFindings(bytes, validator)?.isEmpty == true else { continue }
            if CompactAcceptor(validator).accepts(document) { accepted += 1 } else { declined += 1 }
        }
        #expect(accepted > 0)
        #expect(declined * 4 <= accepted, "\(file): \(declined) valid instances declined, \(accepted) accepted")
    }

    // MARK: Targeted cases

    static let recordSchema: JSONValue = [
        "type": "object",
        "required": ["id", "country"],
        "properties": [
            "id": ["type": "string", "pattern": "^[a-z]+$"],
            "country": ["type": "string", "format": "iso3166-alpha2"],
            "commune": ["type": "string"],
            "year": ["type": "integer", "minimum": 1900],
            "tags": ["type": "array", "uniqueItems": true],
            "label": ["enum": ["a", "b", 1]],
        ],
        "unevaluatedProperties": false,
    ]

    @Test(arguments: [
        ("id: abc\ncountry: FR\n", true),
        ("id: abc\ncountry: \"NO\"\n", true),
        ("id: abc\ncountry: NO\n", true),  // NO is the string "NO" under the core schema
        ("id: abc\ncountry: ZZ\n", false),  // not an ISO country
        ("id: abc\ncountry: FR\ncommune: 01004\n", false),  // read as a string, with a warning
        ("id: abc\ncountry: FR\ncommune: \"01004\"\n", true),
        ("id: abc\ncountry: FR\ncommune: null\n", false),  // warning too
        ("id: abc\ncountry: FR\nyear: 2024\n", true),
        ("id: abc\ncountry: FR\nyear: 2024.0\n", true),
        ("id: abc\ncountry: FR\nyear: 1899\n", false),
        ("id: abc\ncountry: FR\nyear: .inf\n", false),  // no JSON number: a conversion error
        ("id: abc\ncountry: FR\nyear: 1e9999999999\n", false),
        ("id: abc\ncountry: FR\ntags: [a, b, 1, \"1\"]\n", true),
        ("id: abc\ncountry: FR\ntags: [{a: 1, b: 2}, {b: 2, a: 1.0}]\n", false),
        ("id: abc\ncountry: FR\ntags: [1, 1.0]\n", false),
        ("id: abc\ncountry: FR\nlabel: 1\n", true),
        ("id: abc\ncountry: FR\nlabel: 2\n", false),  // an enum of strings reads 2 as "2", with a warning
        ("id: abc\ncountry: FR\nextra: 1\n", false),
        ("id: abc\n", false),
        ("id: Abc\ncountry: FR\n", false),
    ])
    func targetedCases(_ text: String, _ expected: Bool) throws {
        try expectVerdict(Self.recordSchema, text, expected)
    }

    /// In `not`, `if` and `contains` the slow path reads a plain scalar as a string too, and warns
    /// wherever that reading decides the verdict (issue 13): the acceptor declines those, so only
    /// readings that change nothing are accepted.
    static let silentSchema: JSONValue = [
        "properties": [
            "code": ["if": ["type": "string"], "then": ["minLength": 5]],
            "other": ["not": ["type": "string"]],
            "list": ["contains": ["type": "string", "minLength": 2], "maxContains": 1],
        ],
    ]

    /// (text, the slow path finds nothing, the acceptor answers yes).
    @Test(arguments: [
        ("code: 1234\n", true, false),  // the condition reads "1234"; then: minLength ignores a number, as no branch would
        ("code: \"1234\"\n", false, false),
        ("code: abcde\n", true, true),
        ("other: 12\n", false, false),  // not's subschema reads "12" as a string: it matches, so `not` fails
        ("other: [12]\n", true, true),
        ("list: [1, 2]\n", false, false),  // no item of two characters
        ("list: [12, x]\n", false, false),  // 12 is read as "12" by contains, which decides the verdict: a warning
        ("list: [12, \"34\"]\n", false, false),  // two items match: maxContains 1
    ])
    func silentReadings(_ text: String, _ expected: Bool, _ acceptorAnswers: Bool) throws {
        let validator = try Validator(schema: Self.silentSchema, options: ValidatorOptions(formatAssertion: true, formats: .kaleido))
        let bytes = Array(text.utf8)
        let document = try #require(CompactParser().parse(bytes))
        let accepted = CompactAcceptor(validator).accepts(document)
        let findings = try #require(Self.slowFindings(bytes, validator))
        #expect(findings.isEmpty == expected, "the slow path: \(findings)")
        // Where a plain scalar is read as a string the acceptor leaves the answer to the slow path.
        #expect(accepted == acceptorAnswers, "\(findings)")
    }

    func expectVerdict(_ schema: JSONValue, _ text: String, _ expected: Bool) throws {
        let validator = try Validator(schema: schema, options: ValidatorOptions(formatAssertion: true, formats: .kaleido))
        let bytes = Array(text.utf8)
        let document = try #require(CompactParser().parse(bytes))
        let accepted = CompactAcceptor(validator).accepts(document)
        let findings = try #require(Self.slowFindings(bytes, validator))
        #expect(accepted == expected, "\(findings)")
        #expect(findings.isEmpty == expected, "the slow path: \(findings)")
    }
}

/// JSON text of a `JSONValue`, for feeding suite instances through the YAML parsers: strings
/// double-quoted with every non-printable character escaped (YAML's double-quoted escapes are a
/// superset of JSON's).
enum JSONText {
    static func render(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.description
        case .string(let text): return quote(text)
        case .array(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
        case .object(let object): return "{" + object.map { quote($0.key) + ": " + render($0.value) }.joined(separator: ", ") + "}"
        }
    }

    static func quote(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFEFF || value == 0x2028 || value == 0x2029
                    || value == 0xFFFE || value == 0xFFFF
                {
                    output += "\\u" + String(repeating: "0", count: 4 - String(value, radix: 16).count) + String(value, radix: 16)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}
