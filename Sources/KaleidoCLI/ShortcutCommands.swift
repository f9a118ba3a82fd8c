import ArgumentParser
import KaleidoKB
import KaleidoQuery

/// `kaleido people --review-due`: GDPR reviews.
struct PeopleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people", abstract: Help.abstract("people"))

    @OptionGroup var options: QueryOptions

    @Flag(name: .customLong("review-due"), help: ArgumentHelp(Help.option("people", "reviewDue")))
    var reviewDue = false

    @Option(name: .customLong("inactive-for"), help: ArgumentHelp(Help.option("people", "inactiveFor")))
    var inactiveFor: String?

    func run() async throws {
        try await reportingCLIErrors {
            let context = try await options.context()
            let index = context.index
            guard reviewDue || inactiveFor != nil else { throw CLIError.usage(Messages.peopleNeedsCriterion) }
            let since = try inactiveFor.map { try Duration.add($0, to: context.today, backwards: true) }
            let found = Questions(index: index, today: context.today).peopleToReview(inactiveSince: since)
                .filter { (reviewDue && $0.reviewDue) || (since != nil && $0.inactive) }
            if found.isEmpty {
                StandardError.write(Messages.noPersonToReview(reviewDue: reviewDue, inactiveFor: inactiveFor) + "\n")
            }
            var table = ResultTable(columns: ["Id", Headers.name, Headers.reviewAfter,
                                              Headers.lastInteraction, Headers.reason])
            func reasons(_ person: Questions.PersonReview) -> [String] {
                (person.reviewDue && reviewDue ? ["review_due"] : []) + (person.inactive && since != nil ? ["inactive"] : [])
            }
            table.rows = found.map { [index.id($0.record), index.title($0.record), $0.reviewAfter?.written ?? "",
                                      $0.lastInteraction?.written ?? "", reasons($0).joined(separator: ", ")] }
            context.emit(table, json: JSONText.array(found.map { person in
                JSONText.object([("id", JSONText.quote(index.id(person.record))), ("review_after", DateOption.json(person.reviewAfter)),
                                 ("last_interaction", DateOption.json(person.lastInteraction)),
                                 ("reasons", "[" + reasons(person).map(JSONText.quote).joined(separator: ", ") + "]")])
            }))
        }
    }
}

/// `kaleido funding --by funder,year`: granted co-funding summed.
struct FundingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "funding", abstract: Help.abstract("funding"),
        discussion: Help.discussion("funding"))

    @OptionGroup var options: QueryOptions

    @Option(help: ArgumentHelp(Help.option("funding", "by")))
    var by = "funder,year"

    @Option(help: ArgumentHelp(Help.option("funding", "since")))
    var since: Int?

    @Option(help: ArgumentHelp(Help.option("funding", "client")))
    var client: String?

    func run() async throws {
        try await reportingCLIErrors {
            let context = try await options.context()
            let keys = by.split(separator: ",").map(String.init)
            guard !keys.isEmpty, keys.allSatisfy({ $0 == "funder" || $0 == "year" }) else {
                throw CLIError.usage(Messages.byOption(by))
            }
            // The currency is the last part of every key: EUR and TND are never one figure.
            var totals: [[String]: MoneyTotals] = [:]
            var overall = MoneyTotals()
            let clientID = try client.map { context.index.id(try context.partner($0)) }
            for line in Questions(index: context.index, today: context.today).grantedFunding(sinceYear: since, client: clientID) {
                totals[keys.map { $0 == "funder" ? line.funder : String(line.year) }, default: MoneyTotals()].add(line.total)
                overall.add(line.total)
            }
            let rows = totals.sorted { $0.key.lexicographicallyPrecedes($1.key) }.flatMap { key, sums in sums.totals.map { (key, $0) } }
            if overall.isEmpty { StandardError.write(Messages.noFunding(since: since) + "\n") }
            var table = ResultTable(columns: keys.map { $0 == "funder" ? Headers.funder : Headers.year } + [Headers.amountLower, Headers.currencyLower])
            table.rows = rows.map { $0.0 + [$0.1.amount.description, $0.1.currency] }
            if !overall.isEmpty {
                table.sections[table.rows.count] = Headers.totalPerCurrency
                table.rows += overall.totals.map { ["Total"] + Array(repeating: "", count: keys.count - 1) + [$0.amount.description, $0.currency] }
            }
            context.emit(table, json: JSONText.array(rows.map { key, money in
                JSONText.object(zip(keys, key).map { ($0, $0 == "year" ? $1 : JSONText.quote($1)) }
                                + [("amount", money.amount.description), ("currency", JSONText.quote(money.currency))])
            }))
        }
    }
}

/// `kaleido calls --closing-within 60d [--client PARTNER]`: calls closing soon and who could
/// answer them, or whether one client can and why.
struct CallsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls", abstract: Help.abstract("calls"),
        discussion: Help.discussion("calls"))

    @OptionGroup var options: QueryOptions

    @Option(name: .customLong("closing-within"), help: ArgumentHelp(Help.option("calls", "closingWithin")))
    var closingWithin = "60d"

    @Option(help: ArgumentHelp(Help.option("calls", "client"), valueName: "partner"))
    var client: String?

    func run() async throws {
        try await reportingCLIErrors {
            let context = try await options.context()
            let index = context.index
            let questions = Questions(index: index, today: context.today)
            let calls = questions.callsClosing(by: try Duration.add(closingWithin, to: context.today))
            if calls.isEmpty { StandardError.write(Messages.noCallClosing(within: closingWithin) + "\n") }
            if let client {
                let record = try context.partner(client)
                context.announcePartner(record, query: client)
                let rows = calls.map { ($0, questions.eligibility(of: record, for: $0.record)) }
                context.emit(CallEligibilityTable.table(rows, context: context), json: CallEligibilityTable.json(rows, index: index))
                return
            }
            var table = ResultTable(columns: ["Id", Headers.programme, Headers.closes,
                                              Headers.eligibleClients])
            table.rows = calls.map { [index.id($0.record), index.title($0.record), $0.closes.written,
                                      $0.clients.map { index.title($0) }.joined(separator: ", ")] }
            context.emit(table, json: JSONText.array(calls.map { call in
                JSONText.object([("id", JSONText.quote(index.id(call.record))), ("closes_on", JSONText.quote(call.closes.written)),
                                 ("clients", "[" + call.clients.map { JSONText.quote(index.id($0)) }.joined(separator: ", ") + "]")])
            }))
        }
    }
}
