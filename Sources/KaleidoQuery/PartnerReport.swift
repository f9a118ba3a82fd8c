public import KaleidoKB

/// A partner's history as a document for a client: the timeline, the conventions with their
/// financial commitments, the projects with their funding, and the people (name, role, title
/// and period only: no e-mail, phone or note).
///
/// Only what the client may see: records up to `include` (`public` by default; a record without
/// `confidentiality` is `interne`) and never interactions (the consultancy's own exchange
/// notes). Money is per party, nature and currency, and summed per currency only; refused
/// funding is shown as refused and never summed. The document states the period it covers and
/// what it leaves out (`omissions`).
public struct PartnerReport: Sendable {
    /// A titled part: level 2 for the main parts, 3 for a table under the one before (one
    /// convention's commitments, one project's funding). `table` nil prints `—`.
    public struct Section: Sendable {
        public var title: String
        public var level: Int
        public var table: ResultTable?
    }

    public var title: String
    public var subtitle: String
    /// `Période couverte : 2010–2027` (from the dates of the records shown).
    public var coverage: String
    /// What the document leaves out, one sentence each (`3 enregistrements marqués « interne »…`).
    public var omissions: [String]
    public var sections: [Section]
    /// The labels' language, `fr` or `en` (the HTML page's `lang`).
    public var language: String

    /// Builds the report of `partner` from the index, showing records up to `include`.
    /// `label` turns enumeration keys into display labels (`label(key, field, type)`).
    public init(partner: Int, index: KBIndex, today: CalendarDay, french: Bool, include: Confidentiality = .public,
                label: @escaping (String, String, RecordType?) -> String) {
        let words = ReportWords(french: french)
        language = french ? "fr" : "en"
        let value = index.value(partner)
        title = index.title(partner)
        let aliases = (value["names"]?.items ?? []).compactMap { $0["value"]?.text }
        subtitle = [label(value["kind"]?.text ?? "", "kind", .partner), value["country"]?.text ?? "", aliases.joined(separator: " · ")]
            .filter { !$0.isEmpty }.joined(separator: " — ") + " — " + words("au ", "as of ") + today.description

        var hidden: [Confidentiality: Set<Int>] = [:]
        var interactions = Set<Int>()
        let entries = HistoryQuery(partner: partner).run(on: index).filter { entry in
            if entry.type == .interaction {
                interactions.insert(entry.record)
                return false
            }
            let level = Confidentiality(of: index.value(entry.record))
            if level > include { hidden[level, default: []].insert(entry.record) }
            return level <= include
        }
        coverage = words("Période couverte : ", "Period covered: ") + Self.period(of: entries, words: words)
        omissions = Self.omissions(hidden: hidden, interactions: interactions.count, include: include, words: words)

        let tables = ReportTables(index: index, words: words, label: label)
        sections = [Section(title: words("Chronologie", "Timeline"), level: 2, table: tables.timeline(entries))]
        let conventions = entries.filter { $0.type == .convention }
        sections.append(Section(title: words("Conventions", "Agreements"), level: 2, table: tables.summary(conventions, type: .convention)))
        for entry in conventions {
            guard let commitments = tables.commitments(of: entry.record) else { continue }
            sections.append(Section(title: words("Engagements financiers — ", "Financial commitments — ") + entry.title, level: 3,
                                    table: commitments))
        }
        let projects = entries.filter { $0.type == .project }
        sections.append(Section(title: words("Projets et financements", "Projects and funding"), level: 2,
                                table: tables.summary(projects, type: .project)))
        for entry in projects {
            guard let funding = tables.funding(of: entry.record) else { continue }
            sections.append(Section(title: words("Financements — ", "Funding — ") + entry.title, level: 3, table: funding))
        }
        sections.append(Section(title: words("Interlocuteurs", "Contacts"), level: 2,
                                table: tables.people(entries.filter { $0.type == .person }, partner: partner)))
    }

    /// The years from the earliest start to the latest end of the records shown.
    private static func period(of entries: [HistoryEntry], words: ReportWords) -> String {
        let years = entries.flatMap { [$0.interval.start?.year, $0.interval.end?.year].compactMap { $0 } }
        guard let first = years.min(), let last = years.max() else { return words("aucun enregistrement daté", "no dated record") }
        return first == last ? String(first) : "\(first)–\(last)"
    }

    private static func omissions(hidden: [Confidentiality: Set<Int>], interactions: Int, include: Confidentiality,
                                  words: ReportWords) -> [String] {
        var sentences: [String] = []
        for level in Confidentiality.allCases where (hidden[level]?.count ?? 0) > 0 {
            let count = hidden[level]?.count ?? 0
            let plural = count > 1
            let widen = level == .interne ? words(" (--include interne pour les montrer)", " (--include interne to show them)") : ""
            sentences.append(words("\(count) enregistrement\(plural ? "s" : "") marqué\(plural ? "s" : "") « \(level.key) » non montré\(plural ? "s" : "")",
                                   "\(count) record\(plural ? "s" : "") marked \(level.key) not shown") + widen + ".")
        }
        if interactions > 0 {
            sentences.append(words("\(interactions) échange\(interactions > 1 ? "s" : "") (notes internes) non montré\(interactions > 1 ? "s" : "").",
                                   "\(interactions) interaction\(interactions > 1 ? "s" : "") (internal notes) not shown."))
        }
        return sentences
    }
}

/// The report's two languages.
struct ReportWords: Sendable {
    let french: Bool
    func callAsFunction(_ fr: String, _ en: String) -> String { french ? fr : en }
}
