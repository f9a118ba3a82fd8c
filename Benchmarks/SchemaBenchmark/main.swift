// Validation speed of a record-sized instance against a ~100-line schema (a KB partner).
// Run: swift run -c release SchemaBenchmark [iterations]
//      swift run -c release SchemaBenchmark --compact KB [rounds]   (the accept-only fast path)
import KaleidoSchema
import KaleidoYAML
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

let schemaText = """
{
  "$id": "https://kaleido.example/schemas/partner.json",
  "type": "object",
  "required": ["id", "name", "kind", "country"],
  "additionalProperties": false,
  "properties": {
    "id": {"type": "string", "pattern": "^[a-z]{2}-[a-z]+(-[0-9a-z]+)*$"},
    "name": {"type": "string", "minLength": 1, "maxLength": 200},
    "kind": {"$ref": "#/$defs/partner_kind"},
    "country": {"type": "string", "format": "iso3166-alpha2"},
    "subdivision": {"type": "string"},
    "names": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["value"],
        "additionalProperties": false,
        "properties": {
          "value": {"type": "string", "minLength": 1},
          "lang": {"type": "string", "pattern": "^[a-z]{2}$"},
          "kind": {"enum": ["officiel", "court", "alias", "translitteration"]}
        }
      }
    },
    "codes": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "insee": {"type": "string", "format": "insee-commune"},
        "siren": {"type": "string", "format": "siren"},
        "siret": {"type": "string", "format": "siret"},
        "rna": {"type": "string", "pattern": "^W[0-9]{9}$"},
        "wikidata": {"type": "string", "pattern": "^Q[1-9][0-9]*$"},
        "geonames": {"type": "integer", "minimum": 1}
      }
    },
    "parent": {"$ref": "#/$defs/ref"},
    "member_of": {"type": "array", "items": {"$ref": "#/$defs/ref"}, "uniqueItems": true},
    "valid_from": {"$ref": "#/$defs/date"},
    "valid_until": {"$ref": "#/$defs/date"},
    "predecessors": {"type": "array", "items": {"$ref": "#/$defs/lineage"}},
    "successors": {"type": "array", "items": {"$ref": "#/$defs/lineage"}},
    "website": {"type": "string", "format": "uri"},
    "locality": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "city": {"type": "string"},
        "postcode": {"type": "string", "pattern": "^[0-9A-Z -]{3,10}$"}
      }
    },
    "budget": {
      "type": "object",
      "required": ["amount", "currency"],
      "properties": {
        "amount": {"type": "number", "minimum": 0, "multipleOf": 0.01},
        "currency": {"type": "string", "format": "iso4217"}
      }
    },
    "themes": {"type": "array", "items": {"$ref": "#/$defs/theme"}, "minItems": 1, "uniqueItems": true},
    "notes": {"type": "string"}
  },
  "$defs": {
    "ref": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
    "date": {"type": "string", "format": "partial-date"},
    "partner_kind": {
      "enum": ["commune", "departement", "region", "ctu", "metropole", "cu", "ca", "cc", "ept",
               "syndicat_mixte", "etat", "municipalite", "gouvernorat", "association", "entreprise"]
    },
    "theme": {
      "enum": ["eau", "dechets", "mobilite", "culture", "jeunesse", "gouvernance", "climat",
               "agriculture", "sante", "education", "economie", "tourisme", "patrimoine"]
    },
    "lineage": {
      "type": "object",
      "required": ["partner", "date", "event"],
      "additionalProperties": false,
      "properties": {
        "partner": {"$ref": "#/$defs/ref"},
        "date": {"$ref": "#/$defs/date"},
        "event": {"enum": ["fusion", "scission", "renommage", "absorption"]}
      }
    }
  }
}
"""

let recordText = """
{
  "id": "fr-com-26281-romans-sur-isere",
  "name": "Romans-sur-Isère",
  "kind": "commune",
  "country": "FR",
  "subdivision": "Drôme",
  "names": [
    {"value": "Romans-sur-Isère", "lang": "fr", "kind": "officiel"},
    {"value": "Romans", "lang": "fr", "kind": "court"}
  ],
  "codes": {"insee": "26281", "siren": "212602817", "wikidata": "Q208474", "geonames": 2982681},
  "member_of": ["fr-ca-valence-romans-agglo", "fr-dep-26-drome"],
  "valid_from": "1790",
  "predecessors": [{"partner": "fr-com-26282-bourg-de-peage", "date": "1790-03-04", "event": "fusion"}],
  "website": "https://www.ville-romans.fr/",
  "locality": {"city": "Romans-sur-Isère", "postcode": "26100"},
  "budget": {"amount": 15000.50, "currency": "EUR"},
  "themes": ["eau", "culture", "jeunesse"],
  "notes": "Jumelage avec Taroudant depuis 1987; coopération décentralisée sur l'eau."
}
"""

// `--compact KB [rounds]`: CompactAcceptor against the slow path over a KB's records.
if CommandLine.arguments.dropFirst().first == "--compact" {
    let arguments = Array(CommandLine.arguments.dropFirst(2))
    do {
        try CompactBenchmark.run(root: arguments.first ?? ".", rounds: arguments.dropFirst().first.flatMap { Int($0) } ?? 1)
    } catch {
        print("benchmark failed: \(error)")
        exit(1)
    }
    exit(0)
}

let iterations = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000
do {
    let schema = try JSONParser().parse(schemaText)
    let record = try JSONParser().parse(recordText)
    let clock = ContinuousClock()
    var validator: Validator?
    let compileTime = try clock.measure {
        validator = try Validator(schema: schema, options: ValidatorOptions(formatAssertion: true, formats: .kaleido))
    }
    guard let validator else { fatalError("no validator") }
    let check = validator.validate(record)
    guard check.isValid else {
        print("the benchmark record must be valid: \(check.findings)")
        exit(1)
    }
    var valid = 0
    let cpuStart = cpuSeconds()
    let validateTime = clock.measure {
        for _ in 0..<iterations where validator.validate(record).isValid { valid += 1 }
    }
    let cpu = cpuSeconds() - cpuStart
    let quickStart = cpuSeconds()
    var quick = 0
    for _ in 0..<iterations where validator.isValid(record) { quick += 1 }
    let quickCPU = cpuSeconds() - quickStart
    print("isValid (no messages): \(Int(Double(iterations) / quickCPU)) records/s of CPU time (\(String(format1: 1e6 * quickCPU / Double(iterations))) µs/record), \(quick) valid")
    var parsed = 0
    let parseTime = clock.measure {
        for _ in 0..<min(iterations, 20_000) { if (try? JSONParser().parse(recordText)) != nil { parsed += 1 } }
    }
    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
    // CPU time, not wall time: the machine is shared, and CPU time is what 2 cores can give.
    let perSecond = Double(iterations) / cpu
    print("schema: \(schemaText.split(separator: "\n").count) lines, compiled in \(compileTime)")
    print("validate: \(iterations) records in \(validateTime): \(Int(perSecond)) records/s of CPU time (\(String(format1: 1e6 / perSecond)) µs/record), \(valid) valid")
    print("JSON parse of the record: \(Int(Double(parsed) / seconds(parseTime))) records/s")

    // YAML node → JSON value (spans, plain texts) → validation, as the KB will run it.
    let node = yamlNode(record)
    let convertStart = cpuSeconds()
    var converted = 0
    for _ in 0..<iterations {
        if let conversion = try? YAMLConversion(node),
           validator.validate(conversion).isValid { converted += 1 }
    }
    let convertCPU = cpuSeconds() - convertStart
    print("YAML conversion + validation: \(Int(Double(iterations) / convertCPU)) records/s of CPU time (\(String(format1: 1e6 * convertCPU / Double(iterations))) µs/record), \(converted) valid")

    // 10,000 records on 2 threads, wall time (the machine is shared: this is an upper bound).
    let wall = clock.measure {
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            for _ in 0..<5_000 {
                if let conversion = try? YAMLConversion(node) {
                    _ = validator.validate(conversion)
                }
            }
        }
    }
    print("10,000 records (conversion + validation) on 2 threads: \(wall) wall")
} catch {
    print("benchmark failed: \(error)")
}

extension String {
    init(format1 value: Double) {
        let tenths = Int(value * 10 + 0.5)
        self = "\(tenths / 10).\(tenths % 10)"
    }
}

/// This process's CPU time in seconds.
func cpuSeconds() -> Double {
    var usage = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &usage)
    return Double(usage.tv_sec) + Double(usage.tv_nsec) / 1e9
}

/// The YAML tree a parser would give for a JSON value (plain scalars for numbers and booleans).
func yamlNode(_ value: JSONValue) -> YAMLNode {
    switch value {
    case .null: return YAMLNode(.scalar("null", .plain))
    case .bool(let bool): return YAMLNode(.scalar(bool ? "true" : "false", .plain))
    case .number(let number): return YAMLNode(.scalar(number.description, .plain))
    // Plain where YAML would read it back as the same string, as a consultant writes it.
    case .string(let string):
        let plain = ScalarResolver.resolvePlain(string) == .string(string) && !string.contains(": ") && !string.contains(" #")
        return YAMLNode(.scalar(string, plain ? .plain : .doubleQuoted))
    case .array(let elements): return YAMLNode(.sequence(elements.map(yamlNode), .block))
    case .object(let object):
        return YAMLNode(.mapping(object.map { YAMLPair(key: YAMLNode(.scalar($0.key, .plain)), value: yamlNode($0.value)) }, .block))
    }
}
