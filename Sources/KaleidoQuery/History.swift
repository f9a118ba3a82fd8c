public import KaleidoKB

/// One line of a partner's history: a record that refers to the partner, when, and how.
public struct HistoryEntry: Hashable, Sendable {
    public var record: Int
    public var id: String
    public var type: RecordType
    public var title: String
    /// The record's dates as written, or the referring items' own (an affiliation's
    /// `from`–`until`; several items give their hull).
    public var interval: DateSpan
    /// How the record refers to the partner (`party`, `lead`, `client`, `affiliation`…).
    public var relation: String
    /// For `--include-related`: the related partner through which the record comes, else nil.
    public var via: String?

    /// The year the entry is filed under in a timeline (its start), or nil when undated.
    public var year: Int? { interval.year }
}

/// A partner's history: every record that references the partner directly (partners that
/// refer to it are relations, not history), optionally with the histories of its related
/// partners, filtered by interval overlap and sorted by date.
public struct HistoryQuery: Sendable {
    public var partner: Int
    /// Keep records whose interval overlaps `since.first`…`until.last`.
    public var since: PartialDate?
    public var until: PartialDate?
    /// Add the records of the parent, members, predecessors, successors and the other parties
    /// of shared partnerships.
    public var includeRelated: Bool

    public init(partner: Int, since: PartialDate? = nil, until: PartialDate? = nil, includeRelated: Bool = false) {
        self.partner = partner
        self.since = since
        self.until = until
        self.includeRelated = includeRelated
    }

    /// The entries, sorted by their first day (undated last), then id.
    public func run(on index: KBIndex) -> [HistoryEntry] {
        var entries = Self.direct(partner, in: index, via: nil)
        if includeRelated {
            var seen = Set(entries.map(\.record))
            for related in Self.relatedPartners(of: partner, in: index) {
                for entry in Self.direct(related, in: index, via: index.id(related)) where !seen.contains(entry.record) {
                    seen.insert(entry.record)
                    entries.append(entry)
                }
            }
        }
        let window = DateInterval(from: since?.first, to: until?.last)
        return entries.filter { $0.interval.overlaps(window) }.sorted(by: Self.chronological)
    }

    static func chronological(_ lhs: HistoryEntry, _ rhs: HistoryEntry) -> Bool {
        switch (lhs.interval.sortDay, rhs.interval.sortDay) {
        case (let left?, let right?) where left != right: return left < right
        case (nil, _?): return false
        case (_?, nil): return true
        default: return lhs.id < rhs.id
        }
    }

    /// The non-partner records referring to `partner`, one entry per record (its first
    /// relation). A record whose references sit in dated items (a person's affiliations) spans
    /// the hull of those items' dates, each bound as written in the item that gave it.
    static func direct(_ partner: Int, in index: KBIndex, via: String?) -> [HistoryEntry] {
        var entries: [HistoryEntry] = []
        var itemIntervals: [Int: [DateSpan]] = [:]
        var positions: [Int: Int] = [:]
        for link in index.references(to: partner) where index.type(link.source) != .partner {
            if let interval = link.interval { itemIntervals[link.source, default: []].append(interval) }
            guard positions[link.source] == nil else { continue }
            positions[link.source] = entries.count
            entries.append(HistoryEntry(record: link.source, id: index.id(link.source), type: index.type(link.source),
                                        title: index.title(link.source), interval: index.interval(link.source),
                                        relation: link.relation, via: via))
        }
        for (source, intervals) in itemIntervals {
            guard let position = positions[source], let first = intervals.first else { continue }
            entries[position].interval = intervals.dropFirst().reduce(first) { $0.union($1) }
        }
        return entries
    }

    /// Partners related to `partner`: its parent and children, what it is a member of and its
    /// members, its predecessors and successors (either side may record the link), and the
    /// other parties of the partnerships it is a party to.
    public static func relatedPartners(of partner: Int, in index: KBIndex) -> [Int] {
        let lineage: Set<String> = ["parent", "member_of", "predecessor", "successor"]
        var related: [Int] = []
        func add(_ record: Int?) {
            if let record, record != partner, index.type(record) == .partner, !related.contains(record) { related.append(record) }
        }
        for link in index.references(from: partner) where lineage.contains(link.relation) { add(link.target) }
        for link in index.references(to: partner) {
            if index.type(link.source) == .partner, lineage.contains(link.relation) { add(link.source) }
            if index.type(link.source) == .partnership, link.relation == "party" {
                for other in index.references(from: link.source) where other.relation == "party" { add(other.target) }
            }
        }
        return related
    }
}
