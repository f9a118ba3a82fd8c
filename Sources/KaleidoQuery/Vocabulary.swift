public import KaleidoKB
public import KaleidoYAML

/// Display labels of enumeration keys, from `schemas/vocab.yaml`
/// (`<enumeration>: {<key>: {fr: …, en: …}}`).
public struct Vocabulary: Sendable {
    public enum Language: String, Sendable, CaseIterable { case fr, en }

    private var labels: [String: [String: [Language: String]]] = [:]
    /// The enumeration names in order, sorted once (not on every label: `list` asks thousands).
    private var sortedNames: [String] = []

    public init() {}

    /// Reads the parsed vocab document; entries of another shape are skipped.
    public init(document: YAMLNode) {
        for enumeration in document.pairs ?? [] {
            guard let name = enumeration.key.scalarText else { continue }
            var keys: [String: [Language: String]] = [:]
            for entry in enumeration.value.pairs ?? [] {
                guard let key = entry.key.scalarText else { continue }
                var byLanguage: [Language: String] = [:]
                for language in Language.allCases { byLanguage[language] = entry.value[language.rawValue]?.scalarText }
                keys[key] = byLanguage
            }
            labels[name] = keys
        }
        sortedNames = labels.keys.sorted()
    }

    /// The label of `key` for a field of a record type: the enumeration named
    /// `<type>_<field>` first (`project_status`), then `<field>` (`theme` for `themes`), then
    /// any enumeration holding the key (unless `anyEnumeration` is false: an export read back
    /// by `kaleido import` labels only the field's own values, never free text that happens to
    /// be a key elsewhere); the key itself when none has a label.
    public func label(_ key: String, field: String, type: RecordType?, language: Language, anyEnumeration: Bool = true) -> String {
        let singular = field.hasSuffix("s") ? String(field.dropLast()) : field
        var candidates: [String] = []
        if let type { candidates += ["\(type.rawValue)_\(field)", "\(type.rawValue)_\(singular)"] }
        candidates += [field, singular]
        for name in candidates {
            if let label = labels[name]?[key]?[language] { return label }
        }
        for name in sortedNames where anyEnumeration {
            if let label = labels[name]?[key]?[language] { return label }
        }
        return key
    }

    /// The keys of one enumeration (`person_role`), sorted; empty when vocab.yaml has none,
    /// so a caller that validates a key against it should accept any key then.
    public func keys(of enumeration: String) -> [String] {
        (labels[enumeration] ?? [:]).keys.sorted()
    }

    /// The enumeration names of vocab.yaml, sorted (`kaleido vocab`).
    public var enumerations: [String] { sortedNames }

    /// The label vocab.yaml gives `key` of `enumeration` in `language`, nil when it gives none.
    public func label(of key: String, in enumeration: String, language: Language) -> String? {
        labels[enumeration]?[key]?[language]
    }

    /// The label of a record type's name.
    public static func typeLabel(_ type: RecordType, language: Language) -> String {
        switch (type, language) {
        case (.partner, .fr): "partenaire"
        case (.person, .fr): "personne"
        case (.partnership, .fr): "partenariat"
        case (.convention, .fr): "convention"
        case (.project, .fr): "projet"
        case (.engagement, .fr): "mission"
        case (.event, .fr): "événement"
        case (.interaction, .fr): "échange"
        case (.call, .fr): "appel à projets"
        case (_, .en): type.rawValue
        }
    }

    /// The label of a relation to a partner (`party`, `lead`, `funder`…; named after the
    /// reference field) in tables and reports: French words for French readers, the names
    /// themselves in English and in JSON. A relation without a French word keeps its name.
    public static func relationLabel(_ relation: String, language: Language) -> String {
        guard language == .fr else { return relation }
        switch relation {
        case "party": return "partie"
        case "partner": return "partenaire"
        case "lead": return "chef de file"
        case "client": return "client"
        case "funder": return "financeur"
        case "organiser": return "organisateur"
        case "affiliation": return "affiliation"
        case "commitment": return "engagement financier"
        case "member_of": return "membre de"
        case "parent": return "rattachement"
        case "predecessor": return "prédécesseur"
        case "successor": return "successeur"
        default: return relation
        }
    }
}
