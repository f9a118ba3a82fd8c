/// How widely a record may be shown (`confidentiality` in every record, docs/data-model.md),
/// ordered from the widest audience to the narrowest.
public enum Confidentiality: Int, Comparable, CaseIterable, Sendable {
    /// Anyone, a client included.
    case `public`
    /// The consultancy's team: the schema's default for a record that says nothing.
    case interne
    /// Named people only (contract amounts, political arbitrations).
    case restreint

    /// The key as written in records and vocab.yaml.
    public var key: String {
        switch self {
        case .public: "public"
        case .interne: "interne"
        case .restreint: "restreint"
        }
    }

    public init?(key: String) {
        guard let level = Self.allCases.first(where: { $0.key == key }) else { return nil }
        self = level
    }

    /// A record's level: its `confidentiality`, `interne` when absent (the schema's default),
    /// and `restreint` for a value the schema does not know, so that a typo hides rather than
    /// shows.
    public init(of record: QValue) {
        guard let text = record["confidentiality"]?.text else {
            self = .interne
            return
        }
        self = Confidentiality(key: text) ?? .restreint
    }

    public static func < (lhs: Confidentiality, rhs: Confidentiality) -> Bool { lhs.rawValue < rhs.rawValue }
}
