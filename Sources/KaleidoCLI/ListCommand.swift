import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido list TYPE`: records filtered, sorted, or grouped and counted or summed.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: Help.abstract("list"),
        discussion: Help.discussion("list"))

    @OptionGroup var options: QueryOptions

    @Argument(help: ArgumentHelp(Help.option("list", "type")))
    var type: String

    @Option(name: .customLong("where"), help: ArgumentHelp(Help.option("list", "conditions")))
    var conditions: [String] = []

    @Option(help: ArgumentHelp(Help.option("list", "fields")))
    var fields: String?

    // Unconditional: `--sort -end` is a descending sort, not an unknown option `-end`.
    @Option(parsing: .unconditional, help: ArgumentHelp(Help.option("list", "sort")))
    var sort: String?

    @Option(help: ArgumentHelp(Help.option("list", "during")))
    var during: String?

    @Option(name: .customLong("group-by"), help: ArgumentHelp(Help.option("list", "groupBy")))
    var groupBy: String?

    @Flag(help: ArgumentHelp(Help.option("list", "count")))
    var count = false

    @Option(help: ArgumentHelp(Help.option("list", "sum")))
    var sum: String?

    func run() async throws {
        try await reportingCLIErrors {
            let context = try await options.context()
            let query = try makeQuery(check: QueryFieldCheck.load(context.kb, vocabulary: context.vocabulary), index: context.index)
            let resolver = RecordResolver(index: context.index)
            if !query.groupBy.isEmpty || query.sum != nil {
                guard count || query.sum != nil else { throw CLIError.usage(Messages.groupByNeedsAggregate) }
                let groups = query.groups(in: context.index, resolver: resolver)
                if groups.allSatisfy({ $0.count == 0 }) { sayNothingMatches(query.type) }
                emitGroups(groups, query: query, context: context)
            } else {
                let rows = query.rows(in: context.index, resolver: resolver)
                if rows.isEmpty { sayNothingMatches(query.type) }
                emitRows(rows, query: query, resolver: resolver, context: context)
            }
        }
    }

    /// The query the options describe, its fields and values checked by `check` (nil: unchecked).
    func makeQuery(check: QueryFieldCheck?, index: KBIndex? = nil) throws -> ListQuery {
        guard let recordType = RecordType(rawValue: type) ?? RecordType(folder: type) else {
            let names = RecordType.allCases.map(\.rawValue)
            throw CLIError.usage(Messages.unknownType(type, suggestion: Suggestion.closest(to: type, among: names), types: names))
        }
        var query = ListQuery(type: recordType)
        do {
            query.conditions = try conditions.map { try Condition(parsing: $0) }
            if let sort {
                let keys = sort.split(separator: ",").map(String.init)
                query.descending = keys.first?.hasPrefix("-") ?? false
                query.sort = try keys.map { try FieldPath(parsing: $0.hasPrefix("-") ? String($0.dropFirst()) : $0) }
            }
            if let groupBy { query.groupBy = try groupBy.split(separator: ",").map { try FieldPath(parsing: String($0)) } }
            if let sum { query.sum = try FieldPath(parsing: sum) }
            let columns = try fields.map { try $0.split(separator: ",").map { try FieldPath(parsing: String($0)) } } ?? []
            if let check {
                for condition in query.conditions { try check.check(condition, in: recordType, index: index) }
                for path in query.sort + query.groupBy + columns { try check.check(path, in: recordType) }
                if let sum = query.sum, let types = try check.check(sum, in: recordType).shape?.types, !types.isEmpty,
                    !types.contains("number"), !types.contains("integer")
                {
                    throw QueryError(Messages.sumNotNumber("\(sum)", types: types))
                }
            }
        } catch let error as QueryError {
            throw CLIError.usage(error.message)
        }
        if let during {
            let parts = during.components(separatedBy: "..")
            guard (1...2).contains(parts.count), let first = PartialDate(parts[0]), let last = PartialDate(parts.last ?? "") else {
                throw CLIError.usage(Messages.badPeriod(option: "--during", during))
            }
            query.during = KaleidoKB.DateInterval(from: first.first, to: last.last)
        }
        return query
    }

    /// Says on stderr that the query found nothing, with the options that selected.
    private func sayNothingMatches(_ type: RecordType) {
        var selection = conditions.map { "--where \($0)" }
        if let during { selection.append("--during \(during)") }
        StandardError.write(Messages.noneOfType(type.rawValue, selection: selection) + "\n")
    }

    static func defaultFields(_ type: RecordType) -> [String] {
        switch type {
        case .partner: ["id", "name", "kind", "country"]
        case .person: ["id", "full_name", "affiliations.partner", "review_after"]
        case .partnership: ["id", "title", "kind", "status", "since", "until"]
        case .convention: ["id", "title", "status", "effective_from", "effective_until"]
        case .project: ["id", "title", "status", "start", "end"]
        case .engagement: ["id", "title", "client", "status", "start", "end"]
        case .event: ["id", "title", "kind", "start", "location.country"]
        case .interaction: ["id", "date", "kind", "status", "summary"]
        case .call: ["id", "programme", "funder", "status", "closes_on"]
        }
    }

    private func emitRows(_ rows: [ListQuery.Row], query: ListQuery, resolver: RecordResolver, context: QueryContext) {
        let columns = (fields?.split(separator: ",").map(String.init) ?? Self.defaultFields(query.type))
        let paths = columns.compactMap { try? FieldPath(parsing: $0) }
        func table() -> ResultTable {
            var table = ResultTable(columns: columns)
            table.rows = rows.map { row in
                paths.map { path in
                    query.values(path, in: row, resolver: resolver).map { value in
                        if context.isExcelFR, case .number(let digits) = value { return digits.replacing(".", with: ",") }
                        guard case .string(let text) = value, let field = path.keys.last else { return value.displayText }
                        return context.label(text, field: field, type: query.type)
                    }.joined(separator: context.isExcelFR ? " | " : ", ")
                }
            }
            return table
        }
        func json() -> String {
            var seen = Set<Int>()
            let records = rows.filter { seen.insert($0.record).inserted }
            return JSONText.array(records.map { JSONText.encode($0.value) })
        }
        context.emit(table(), json: json())
    }

    /// One row per group, or per group and currency when the summed field is money: amounts in
    /// different currencies are never added together. JSON: `sum` is a number for a plain
    /// field, a list of `{"amount", "currency"}` (one per currency) for money.
    private func emitGroups(_ groups: [ListQuery.Group], query: ListQuery, context: QueryContext) {
        let keyColumns = query.groupBy.map(\.description)
        let isMoney = groups.contains { $0.sum.currencies.contains { !$0.isEmpty } }
        var table = ResultTable(columns: keyColumns + (query.sum.map { [Headers.sum("\($0)")] } ?? [Headers.count])
                                    + (isMoney ? [Headers.currencyLower] : []))
        for group in groups {
            guard query.sum != nil else {
                table.rows.append(group.key + [String(group.count)])
                continue
            }
            let totals = group.sum.isEmpty ? [Money(amount: .zero, currency: "")] : group.sum.totals
            table.rows += totals.map { group.key + [$0.amount.description] + (isMoney ? [$0.currency] : []) }
        }
        context.emit(table, json: JSONText.array(groups.map { group in
            var pairs = zip(keyColumns, group.key).map { ($0, JSONText.quote($1)) }
            pairs.append(("count", String(group.count)))
            if query.sum != nil {
                pairs.append(("sum", isMoney ? "[" + group.sum.totals.map(\.json).joined(separator: ", ") + "]"
                                             : (group.sum[""] ?? .zero).description))
            }
            return JSONText.object(pairs)
        }))
    }
}
