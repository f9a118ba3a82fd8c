import KaleidoKB
import KaleidoQuery
import KaleidoYAML

/// The rows of a registrations spreadsheet read into what an event may hold: a named
/// registration (an adult with their consent), or one more in an anonymous count (a minor, or
/// an adult without consent, whose name is dropped). Cells are read as French spreadsheets
/// write them (dates 12/09/2011, oui/non, labels or keys, F/H for the sex). Pure.
struct RegistrationRows {
    /// The fields a column may give, and the column names (folded) that mean them.
    static let columns: [(field: String, names: [String])] = [
        ("person", ["person", "personne", "id personne"]),
        ("name", ["name", "nom", "nom complet", "participant", "nom et prenom", "prenom nom"]),
        ("organisation", ["organisation", "structure", "organisme", "collectivite"]),
        ("role", ["role"]),
        ("status", ["status", "statut"]),
        ("country", ["country", "pays"]),
        ("sex", ["sex", "sexe", "genre"]),
        ("birth_year", ["birth_year", "annee de naissance", "annee naissance"]),
        ("age", ["age"]),
        ("age_band", ["age_band", "tranche d'age", "tranche age"]),
        ("minor", ["minor", "mineur", "mineure", "mineur(e)"]),
        ("fewer_opportunities", ["fewer_opportunities", "moins d'opportunites", "jamo"]),
        ("consent.given_on", ["consent.given_on", "consent", "consentement", "consentement le", "date du consentement"]),
        ("consent.scope", ["consent.scope", "objet du consentement", "portee du consentement"]),
    ]

    /// What one row becomes.
    enum Outcome {
        case registration(YAMLNode, line: Int)
        /// The key of the count it adds one to: country, sex, age band, role, fewer opportunities.
        case counted(CountKey, line: Int, reason: String)
    }

    struct CountKey: Hashable {
        var country: String?
        var sex: String?
        var ageBand: String?
        var role: String?
        var fewerOpportunities: Bool
    }

    struct Problem: Error {
        var line: Int
        var column: Int
        var message: String
    }

    let fields: [String?]
    let eventYear: Int?
    let vocabulary: Vocabulary
    let index: KBIndex

    /// Maps the header to fields. - Throws: the unknown columns, each at its cell.
    init(header: [CSVReader.Cell], maps: [String: String], eventYear: Int?, vocabulary: Vocabulary, index: KBIndex) throws(Problem) {
        var fields: [String?] = []
        for cell in header {
            let name = cell.text.trimmingCharacters(in: .whitespaces)
            let wanted = TextFold.fold(maps[name] ?? name)
            guard let field = Self.columns.first(where: { $0.field == wanted || $0.names.contains(wanted) })?.field else {
                let known = Self.columns.map(\.field).joined(separator: ", ")
                throw Problem(line: cell.line, column: cell.column,
                              message: Messages.registrationColumn(name, known: known))
            }
            fields.append(field)
        }
        (self.fields, self.eventYear, self.vocabulary, self.index) = (fields, eventYear, vocabulary, index)
    }

    /// A row read: its outcome, or the problems of its cells.
    enum Reading {
        case success(Outcome)
        case failure([Problem])
    }

    /// The row's outcome, or the problems of its cells.
    func read(_ cells: [CSVReader.Cell]) -> Reading {
        var values: [String: (text: String, cell: CSVReader.Cell)] = [:]
        var problems: [Problem] = []
        if cells.count > fields.count, let extra = cells[fields.count...].first(where: { !$0.text.isEmpty }) {
            problems.append(Problem(line: extra.line, column: extra.column, message: Messages.extraCells))
        }
        for (cell, field) in zip(cells, fields) {
            let text = cell.text.trimmingCharacters(in: .whitespaces)
            guard let field, !text.isEmpty else { continue }
            values[field] = (text, cell)
        }
        let line = cells.first?.line ?? 0
        func fail(_ field: String, _ message: String) {
            if let cell = values[field]?.cell { problems.append(Problem(line: cell.line, column: cell.column, message: "\(field): \(message)")) }
        }
        func key(_ field: String, enumeration: String, extra: [String: String] = [:]) -> String? {
            guard let text = values[field]?.text else { return nil }
            let folded = TextFold.fold(text)
            if let mapped = extra[folded] { return mapped }
            let keys = vocabulary.keys(of: enumeration)
            if let match = keys.first(where: { key in
                TextFold.fold(key) == folded || Vocabulary.Language.allCases.contains {
                    TextFold.fold(vocabulary.label(key, field: enumeration, type: nil, language: $0, anyEnumeration: false)) == folded
                        || TextFold.fold(vocabulary.label(key, field: enumeration, type: nil, language: $0, anyEnumeration: false)).replacingOccurrences(of: "·e", with: "") == folded
                }
            }) { return match }
            fail(field, Messages.notOneOf(text, keys.joined(separator: ", ")))
            return nil
        }
        let feminine = ["participante": "participant", "intervenante": "intervenant", "organisatrice": "organisateur",
                        "accompagnatrice": "accompagnateur", "animatrice": "animateur"]
        let role = key("role", enumeration: "registration_role", extra: feminine) ?? (values["role"] == nil ? "participant" : nil)
        let status = key("status", enumeration: "registration_status", extra: ["inscrite": "inscrit", "confirmee": "confirme", "presente": "present", "absente": "absent", "annulee": "annule"])
            ?? (values["status"] == nil ? "inscrit" : nil)
        let sex = key("sex", enumeration: "sex", extra: ["f": "femme", "h": "homme", "m": "homme", "x": "non_precise", "autre": "non_precise"])
        var country: String?
        if let text = values["country"]?.text {
            if text.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) { country = text.uppercased() } else {
                fail("country", Messages.notCountryCode(text))
            }
        }
        func integer(_ field: String) -> Int? {
            guard let text = values[field]?.text else { return nil }
            guard let value = Int(text), value >= 0 else { fail(field, Messages.notWholeNumber(text)); return nil }
            return value
        }
        func boolean(_ field: String) -> Bool? {
            guard let text = values[field]?.text else { return nil }
            guard let value = FrenchValues.boolean(text) else { fail(field, Messages.notYesNo(text)); return nil }
            return value
        }
        let birthYear = integer("birth_year")
        if let birthYear, !(1900...2100).contains(birthYear) { fail("birth_year", Messages.notAYear(birthYear)) }
        let age = integer("age")
        var band = key("age_band", enumeration: "age_band")
        if band == nil, let age { band = ParticipantTally.ageBand(age: age) }
        if band == nil, let birthYear, let eventYear { band = ParticipantTally.ageBand(age: eventYear - birthYear) }
        let minorFlag = boolean("minor")
        let fewer = boolean("fewer_opportunities") ?? false
        var consentOn: String?
        if let text = values["consent.given_on"]?.text, !["non", "no", "faux"].contains(TextFold.fold(text)) {
            if let date = FrenchValues.date(text), date.count == 10 { consentOn = date } else {
                fail("consent.given_on", Messages.consentNotADate(text))
            }
        }
        var person: String?
        if let text = values["person"]?.text {
            if let position = index.position(of: text), index.type(position) == .person { person = text } else {
                let named = index.records(named: TextFold.fold(text)).filter { index.type($0) == .person }
                if named.count == 1 { person = index.id(named[0]) } else if named.isEmpty {
                    fail("person", Messages.noPersonNamed(text))
                } else {
                    fail("person", Messages.severalPeople(text, named.map(index.id).sorted().joined(separator: ", ")))
                }
            }
        }
        if !problems.isEmpty { return .failure(problems) }
        let minor = minorFlag == true || band.map(EventRules.minorAgeBands.contains) == true
            || (age.map { $0 < 18 } ?? false) || (birthYear.flatMap { born in eventYear.map { $0 - born < 18 } } ?? false)
        let named = person != nil || values["name"] != nil
        if minor || consentOn == nil {
            let reason = Messages.countReason(minor: minor, named: named)
            return .success(.counted(CountKey(country: country, sex: sex, ageBand: band, role: role, fewerOpportunities: fewer), line: line, reason: reason))
        }
        var pairs: [(String, YAMLNode)] = []
        // .plain: written as is (keys and ids); .singleQuoted: free text, quoted when needed.
        func add(_ key: String, _ text: String?, style: ScalarStyle = .plain) {
            guard let text else { return }
            pairs.append((key, YAMLNode(.scalar(text, style))))
        }
        add("person", person)
        add("name", person == nil ? values["name"]?.text : nil, style: .singleQuoted)
        add("organisation", values["organisation"]?.text, style: .singleQuoted)
        add("role", role)
        add("status", status)
        add("country", country, style: .singleQuoted)
        add("sex", sex)
        add("age_band", band)
        if fewer { pairs.append(("fewer_opportunities", YAMLNode(.scalar("true", .plain)))) }
        var consent: [(String, YAMLNode)] = [("given_on", YAMLNode(.scalar(consentOn ?? "", .doubleQuoted)))]
        if let scope = values["consent.scope"]?.text { consent.append(("scope", YAMLNode(.scalar(scope, .singleQuoted)))) }
        pairs.append(("consent", Self.mapping(consent, style: .flow)))
        return .success(.registration(Self.mapping(pairs, style: .block), line: line))
    }

    static func mapping(_ pairs: [(String, YAMLNode)], style: CollectionStyle) -> YAMLNode {
        YAMLNode(.mapping(pairs.map { YAMLPair(key: YAMLNode(.scalar($0.0, .plain)), value: $0.1) }, style))
    }
}
