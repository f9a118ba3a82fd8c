public import KaleidoKB

/// `kaleido list TYPE`: records of one type filtered by conditions, optionally within a period,
/// sorted, or grouped and counted or summed.
///
/// When the group-by and sum paths all start in the same list field (`funding.funder`,
/// `funding.amount_granted`), each item of that list is a row of its own, and conditions on
/// that list (`funding.status=accorde`) are checked against the item, not the whole record.
///
/// Without rows per item, conditions on one list hold for one item the same way:
/// `funding.funder=fr-etat-fej` and `funding.status=solde` keep a project with one funding line
/// matching both, not one line from fr-etat-fej and another line solde. A lone condition on a
/// list keeps its meaning (any item for `=`, no item for `!=`). A field given again with `=` or
/// `in` (`parties.partner.country=FR`, `parties.partner.country=TN`) asks for another item: one
/// item cannot hold two different values, so the user means two items.
public struct ListQuery: Sendable {
    public var type: RecordType
    public var conditions: [Condition] = []
    /// Keep records whose interval overlaps this one.
    public var during: DateInterval?
    public var sort: [FieldPath] = []
    public var descending = false
    public var groupBy: [FieldPath] = []
    public var sum: FieldPath?

    public init(type: RecordType) {
        self.type = type
    }

    /// One matching record (or list item, when rows are per item).
    public struct Row: Sendable {
        public var record: Int
        public var value: QValue
        /// The list item this row stands for, when rows are per item.
        public var item: QValue?
    }

    /// One group: its key values (one per group-by path), its row count and its exact sums,
    /// one per currency when the summed field is money (an amount with a sibling `currency`,
    /// like `funding.amount_granted`), else one under the empty currency.
    public struct Group: Hashable, Sendable {
        public var key: [String]
        public var count: Int
        public var sum: MoneyTotals
    }

    /// The list field whose items are rows, if any.
    public var itemField: String? {
        let paths = groupBy + (sum.map { [$0] } ?? [])
        guard let first = paths.first?.keys.first, paths.allSatisfy({ $0.keys.count > 1 && $0.keys.first == first }) else { return nil }
        return first
    }

    /// The values of `path` for a row (relative to the item when the path starts in the item field).
    public func values(_ path: FieldPath, in row: Row, resolver: RecordResolver) -> [QValue] {
        if let item = row.item, let field = itemField, path.keys.first == field, path.keys.count > 1 {
            return FieldPath(keys: Array(path.keys.dropFirst()), function: path.function).values(in: item, resolve: resolver.value)
        }
        return path.values(in: row.value, resolve: resolver.value)
    }

    /// The amounts at `path` for a row, each with the `currency` written beside it in the same
    /// mapping (empty when there is none: a plain number). A path with a function sums no money.
    public func money(_ path: FieldPath, in row: Row, resolver: RecordResolver) -> [Money] {
        func amounts(_ values: [QValue], currency: String) -> [Money] {
            values.compactMap { value in value.text.flatMap(ExactDecimal.init).map { Money(amount: $0, currency: currency) } }
        }
        guard path.function == nil else { return amounts(values(path, in: row, resolver: resolver), currency: "") }
        var base = row.value
        var keys = path.keys
        if let item = row.item, let field = itemField, keys.first == field, keys.count > 1 {
            base = item
            keys.removeFirst()
        }
        let last = keys.removeLast()
        let parents = keys.isEmpty ? [base] : FieldPath(keys: keys).values(in: base, resolve: resolver.value)
        return parents.flatMap { parent -> [Money] in
            guard case .map = parent, let value = parent[last] else { return [] }
            return amounts(value.items ?? [value], currency: parent["currency"]?.text ?? "")
        }
    }

    /// The matching rows, sorted.
    public func rows(in index: KBIndex, resolver: RecordResolver) -> [Row] {
        var rows: [Row] = []
        for record in index.records(of: type) {
            if let during, !index.interval(record).overlaps(during) { continue }
            let value = index.value(record)
            let candidates: [Row]
            if let field = itemField {
                candidates = (value[field]?.items ?? []).map { Row(record: record, value: value, item: $0) }
            } else {
                candidates = [Row(record: record, value: value, item: nil)]
            }
            let separate = separateConditions
            for row in candidates where matches(row, separate: separate, resolver: resolver) {
                rows.append(row)
            }
        }
        guard !sort.isEmpty else { return rows }
        let keys = rows.map { row in sort.map { SortKey(values($0, in: row, resolver: resolver).first) } }
        let order = rows.indices.sorted { left, right in
            for (a, b) in zip(keys[left], keys[right]) where a != b { return descending ? b < a : a < b }
            return rows[left].record < rows[right].record
        }
        return order.map { rows[$0] }
    }

    /// Which conditions look for their own item: a path already given with `=` or `in` given
    /// again with `=` or `in` (one item cannot have two different values there).
    var separateConditions: [Bool] {
        var equalities: Set<FieldPath> = []
        return conditions.map { condition in
            guard condition.op == .equal || condition.op == .isIn else { return false }
            return !equalities.insert(condition.path).inserted
        }
    }

    /// Whether a row satisfies every condition, those on one list on one item of it.
    func matches(_ row: Row, separate: [Bool], resolver: RecordResolver) -> Bool {
        var itemConditions: [String: [Condition]] = [:]
        var order: [String] = []
        for (position, condition) in conditions.enumerated() {
            let first = condition.path.keys[0]
            if separate[position] {
                // Any item of the record, even when rows are items.
                guard condition.matches(condition.path.values(in: row.value, resolve: resolver.value)) else { return false }
            } else if condition.path.keys.count > 1, row.item == nil || first != itemField, case .list(let items)? = row.value[first],
                items.contains(where: { if case .map = $0 { true } else { false } })
            {
                if itemConditions[first] == nil { order.append(first) }
                itemConditions[first, default: []].append(condition)
            } else {
                guard condition.matches(values(condition.path, in: row, resolver: resolver)) else { return false }
            }
        }
        for field in order {
            let group = itemConditions[field] ?? []
            if group.count == 1, let condition = group.first {
                guard condition.matches(condition.path.values(in: row.value, resolve: resolver.value)) else { return false }
                continue
            }
            let inner = group.map { ($0, FieldPath(keys: Array($0.path.keys.dropFirst()), function: $0.path.function)) }
            let items = row.value[field]?.items ?? []
            guard items.contains(where: { item in inner.allSatisfy { $0.0.matches($0.1.values(in: item, resolve: resolver.value)) } }) else {
                return false
            }
        }
        return true
    }

    /// The groups of the matching rows, sorted by key; with no group-by path, one group (key
    /// `[]`) holding every row: the grand total of `sum`.
    public func groups(in index: KBIndex, resolver: RecordResolver) -> [Group] {
        var groups: [[String]: Group] = [:]
        if groupBy.isEmpty { groups[[]] = Group(key: [], count: 0, sum: MoneyTotals()) }
        for row in rows(in: index, resolver: resolver) {
            let keyLists = groupBy.map { path in values(path, in: row, resolver: resolver).map(\.displayText) }
            let amount = MoneyTotals(sum.map { money($0, in: row, resolver: resolver) } ?? [])
            // A row with several values for a key (a list) counts in each of its groups.
            var combinations: [[String]] = [[]]
            for list in keyLists {
                let choices = list.isEmpty ? [""] : list
                combinations = combinations.flatMap { prefix in choices.map { prefix + [$0] } }
            }
            for key in combinations {
                var group = groups[key] ?? Group(key: key, count: 0, sum: MoneyTotals())
                group.count += 1
                group.sum.add(amount)
                groups[key] = group
            }
        }
        return groups.values.sorted { $0.key.lexicographicallyPrecedes($1.key) }
    }
}

/// Looks records up by id for paths that follow references (built once per query).
public final class RecordResolver: @unchecked Sendable {
    private let index: KBIndex
    private var lookup: [String: Int]?
    private var cache: [Int: QValue] = [:]

    public init(index: KBIndex) {
        self.index = index
    }

    /// The typed value of the record with this id, or nil.
    public func value(_ id: String) -> QValue? {
        guard let position = position(id) else { return nil }
        if let cached = cache[position] { return cached }
        let value = index.value(position)
        cache[position] = value
        return value
    }

    public func position(_ id: String) -> Int? {
        if lookup == nil { lookup = index.idLookup() }
        return lookup?[id]
    }
}

/// A sort key: dates by their first day, numbers as decimals, text folded; missing last.
struct SortKey: Comparable {
    let rank: Int
    let day: Int
    let number: ExactDecimal
    let text: String

    init(_ value: QValue?) {
        guard let value, let text = value.text else {
            (rank, day, number, self.text) = (3, 0, .zero, "")
            return
        }
        if let date = PartialDate(text) {
            (rank, day, number, self.text) = (0, date.first.ordinal, .zero, text)
        } else if case .number = value, let decimal = ExactDecimal(text) {
            (rank, day, number, self.text) = (1, 0, decimal, text)
        } else {
            (rank, day, number, self.text) = (2, 0, .zero, TextFold.fold(text))
        }
    }

    static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
        if lhs.day != rhs.day { return lhs.day < rhs.day }
        if lhs.number != rhs.number { return lhs.number < rhs.number }
        return lhs.text < rhs.text
    }
}
