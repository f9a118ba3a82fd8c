public import KaleidoKB

/// A convention as it stands after its avenants: the original's commitments and end date with
/// each signed avenant applied in signature order, and which avenant changed what.
///
/// An avenant's commitment is added to the line of the same party, year, nature and currency
/// (a negative amount reduces it), or, with `replaces: true`, replaces every line of the same
/// party, year and nature. Its `new_end_date` replaces the end date. Avenants not yet signed
/// (no `signed_on`, or status `projet`/`abandonnee`) are listed as pending and not applied.
public struct ConsolidatedConvention: Hashable, Sendable {
    /// How one convention or avenant set a commitment line.
    public enum Operation: String, Hashable, Sendable {
        case original, added, replaced
    }

    /// One step of a commitment line's history.
    public struct Change: Hashable, Sendable {
        /// The id of the convention (`original`) or avenant that wrote this amount.
        public var source: String
        public var operation: Operation
        /// The amount as that record writes it (added, or the new amount when replaced).
        public var amount: ExactDecimal
    }

    /// A commitment line after consolidation.
    public struct Commitment: Hashable, Sendable {
        public var party: String
        public var year: Int
        public var nature: String
        public var currency: String
        public var amount: ExactDecimal
        /// Every record that set or changed this line, in the order applied.
        public var history: [Change]
        /// True when an avenant changed the line the original wrote (or added it).
        public var amended: Bool { history.contains { $0.operation != .original } }
    }

    /// An avenant as given to consolidation: its id and record value.
    public struct Avenant: Sendable {
        public var id: String
        public var value: QValue
        public init(id: String, value: QValue) {
            self.id = id
            self.value = value
        }
    }

    public var id: String
    /// The avenants applied, in signature order (then id).
    public var applied: [String]
    /// Avenants recorded but not signed: not applied.
    public var pending: [String]
    public var commitments: [Commitment]
    /// The original's `effective_until`.
    public var originalEnd: PartialDate?
    /// The end date after the avenants' `new_end_date`s.
    public var end: PartialDate?
    /// The avenant that set `end`, nil when the original's date stands.
    public var endChangedBy: String?

    static let unsignedStatuses: Set<String> = ["projet", "deliberee", "abandonnee"]

    /// Consolidates `original` (id `id`) with `avenants` (in any order: they are sorted by
    /// `signed_on`, then id).
    public init(id: String, original: QValue, avenants: [Avenant]) {
        self.id = id
        var signed: [(day: CalendarDay, avenant: Avenant)] = []
        var pending: [String] = []
        for avenant in avenants {
            let status = avenant.value["status"]?.text ?? ""
            if let day = avenant.value["signed_on"]?.text.flatMap(PartialDate.init)?.first, !Self.unsignedStatuses.contains(status) {
                signed.append((day, avenant))
            } else {
                pending.append(avenant.id)
            }
        }
        signed.sort { ($0.day, $0.avenant.id) < ($1.day, $1.avenant.id) }
        self.pending = pending.sorted()
        applied = signed.map(\.avenant.id)
        originalEnd = original["effective_until"]?.text.flatMap(PartialDate.init)
        end = originalEnd
        var lines: [Commitment] = []
        Self.apply(original, source: id, isAvenant: false, to: &lines)
        for (_, avenant) in signed {
            Self.apply(avenant.value, source: avenant.id, isAvenant: true, to: &lines)
            if let newEnd = avenant.value["new_end_date"]?.text.flatMap(PartialDate.init) {
                end = newEnd
                endChangedBy = avenant.id
            }
        }
        commitments = lines.sorted { ($0.year, $0.party, $0.nature, $0.currency) < ($1.year, $1.party, $1.nature, $1.currency) }
    }

    private static func apply(_ value: QValue, source: String, isAvenant: Bool, to lines: inout [Commitment]) {
        for item in value["financial_commitments"]?.items ?? [] {
            guard let party = item["party"]?.text, let year = item["year"]?.text.flatMap({ Int($0) }),
                let amount = item["amount"]?.text.flatMap(ExactDecimal.init)
            else { continue }
            let nature = item["nature"]?.text ?? "", currency = item["currency"]?.text ?? ""
            if isAvenant, item["replaces"] == .bool(true) {
                // The replaced lines' history is kept on the new line, so that `show` tells
                // what was there before.
                let old = lines.filter { $0.party == party && $0.year == year && $0.nature == nature }
                lines.removeAll { $0.party == party && $0.year == year && $0.nature == nature }
                lines.append(Commitment(party: party, year: year, nature: nature, currency: currency, amount: amount,
                                        history: old.flatMap(\.history) + [Change(source: source, operation: .replaced, amount: amount)]))
                continue
            }
            let change = Change(source: source, operation: isAvenant ? .added : .original, amount: amount)
            if let at = lines.firstIndex(where: { $0.party == party && $0.year == year && $0.nature == nature && $0.currency == currency }) {
                lines[at].amount = lines[at].amount + amount
                lines[at].history.append(change)
            } else {
                lines.append(Commitment(party: party, year: year, nature: nature, currency: currency, amount: amount, history: [change]))
            }
        }
    }
}

extension ConsolidatedConvention {
    /// The convention at `record` with the avenants that name it in `amends`; nil when the
    /// record is not a convention.
    public init?(record: Int, in index: KBIndex) {
        guard index.type(record) == .convention else { return nil }
        var seen = Set<Int>()
        let avenants = index.references(to: record)
            .filter { $0.relation == "amends" && index.type($0.source) == .convention && seen.insert($0.source).inserted }
            .map { Avenant(id: index.id($0.source), value: index.value($0.source)) }
        self.init(id: index.id(record), original: index.value(record), avenants: avenants)
    }
}
