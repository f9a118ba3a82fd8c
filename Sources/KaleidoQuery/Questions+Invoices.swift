public import KaleidoKB

/// The cooperative's invoicing: each engagement's invoices, what is left to invoice on its
/// contract and the invoices not paid (docs/data-model.md, "The cooperative's business").
/// Amounts stay per currency; `today` decides what is overdue.
extension Questions {
    /// One invoice of an engagement, as written in its `invoices` list.
    public struct Invoice: Hashable, Sendable {
        public enum State: String, Hashable, Sendable {
            /// `paid_on` is recorded.
            case paid
            /// Not paid and its due date is before today.
            case overdue
            /// Not paid and not due yet (due today counts as not due).
            case unpaid
        }

        public var engagement: Int
        public var number: String
        public var date: CalendarDay?
        public var amountHT: Money
        public var vatRate: ExactDecimal?
        public var amountTTC: Money
        public var due: CalendarDay?
        public var paidOn: CalendarDay?
        public var milestone: String?
        public var state: State
        /// Days past the due date for an overdue invoice, else 0.
        public var daysLate: Int
    }

    /// The engagement's invoices in the record's order.
    public func invoices(of engagement: Int) -> [Invoice] {
        (index.value(engagement)["invoices"]?.items ?? []).map { item in
            let currency = item["currency"]?.text ?? ""
            let due = date(item["due"])?.first, paidOn = date(item["paid_on"])?.first
            let state: Invoice.State = paidOn != nil ? .paid : (due.map { $0 < today } ?? false) ? .overdue : .unpaid
            return Invoice(
                engagement: engagement, number: item["number"]?.text ?? "", date: date(item["date"])?.first,
                amountHT: Money(amount: decimal(item["amount_ht"]), currency: currency), vatRate: item["vat_rate"]?.text.flatMap(ExactDecimal.init),
                amountTTC: Money(amount: decimal(item["amount_ttc"]), currency: currency), due: due, paidOn: paidOn,
                milestone: item["milestone"]?.text, state: state,
                daysLate: state == .overdue ? (today.ordinal - (due?.ordinal ?? today.ordinal)) : 0)
        }
    }

    /// Every engagement's invoices that are not paid (overdue ones and ones not due yet), or
    /// only the overdue ones, by due date then number; `client` keeps one client's.
    public func unpaidInvoices(overdueOnly: Bool = false, client: Int? = nil) -> [Invoice] {
        engagements(of: client).flatMap(invoices(of:))
            .filter { overdueOnly ? $0.state == .overdue : $0.state != .paid }
            .sorted { ($0.due?.ordinal ?? .max, $0.number) < ($1.due?.ordinal ?? .max, $1.number) }
    }

    /// The engagement statuses under which invoicing is still expected: signed, running or
    /// delivered. A closed or fully invoiced mission (`cloturee`, `facturee`) is settled even
    /// when its invoices were never recorded (the missions before Kaleido).
    public static let invoicingStatuses: Set<String> = ["signee", "en_cours", "livree"]

    /// Where one engagement's invoicing stands, per currency.
    public struct Billing: Hashable, Sendable {
        public var engagement: Int
        /// `contract.amount_ht` in `contract.currency`.
        public var contract: MoneyTotals
        public var invoiced: MoneyTotals
        public var paid: MoneyTotals
        /// Contract minus invoiced, currency by currency (negative when more was invoiced).
        public var left: MoneyTotals
        /// Schedule milestones whose due date has begun (`2026-12` from 1 December) and that no
        /// invoice names (`milestone`): what should be invoiced now, in schedule order.
        public var milestonesToInvoice: [Milestone]
    }

    /// One line of an engagement's payment schedule.
    public struct Milestone: Hashable, Sendable {
        public var milestone: String
        public var due: PartialDate?
        /// The line's amount in its `currency`, else the contract's.
        public var amount: Money
    }

    /// Left to invoice on each engagement still being invoiced (`invoicingStatuses`) that has
    /// a contract amount, by id; `client` keeps one client's.
    public func billing(client: Int? = nil) -> [Billing] {
        engagements(of: client).compactMap { engagement in
            let value = index.value(engagement)
            guard Self.invoicingStatuses.contains(value["status"]?.text ?? ""), let contract = value["contract"],
                let amount = contract["amount_ht"]?.text.flatMap(ExactDecimal.init)
            else { return nil }
            let contractTotals = MoneyTotals([Money(amount: amount, currency: contract["currency"]?.text ?? "")])
            let all = invoices(of: engagement)
            let invoiced = MoneyTotals(all.map(\.amountHT)), paid = MoneyTotals(all.filter { $0.state == .paid }.map(\.amountHT))
            var left = MoneyTotals()
            for currency in Set(contractTotals.currencies + invoiced.currencies).sorted() {
                left.add(Money(amount: (contractTotals[currency] ?? .zero) - (invoiced[currency] ?? .zero), currency: currency))
            }
            let billed = Set(all.compactMap(\.milestone))
            let due = (value["schedule"]?.items ?? []).compactMap { item -> Milestone? in
                let name = item["milestone"]?.text ?? "", date = date(item["due"])
                guard !billed.contains(name), let date, date.first <= today else { return nil }
                return Milestone(milestone: name, due: date,
                                 amount: Money(amount: decimal(item["amount_ht"]), currency: item["currency"]?.text ?? contract["currency"]?.text ?? ""))
            }
            return Billing(engagement: engagement, contract: contractTotals, invoiced: invoiced, paid: paid, left: left, milestonesToInvoice: due)
        }
    }

    /// A proposal in the pipeline, weighted by its probability.
    public struct Proposal: Hashable, Sendable {
        public var engagement: Int
        public var amount: Money
        public var probability: ExactDecimal
        /// amount × probability, in the amount's currency.
        public var weighted: Money
        public var sentOn: PartialDate?
        public var decisionDue: PartialDate?
    }

    /// The engagements in status `proposition` with a `proposal`, by decision date (undated
    /// last) then id. Sum `weighted` per currency (`MoneyTotals`) for the weighted pipeline.
    public func pipeline(client: Int? = nil) -> [Proposal] {
        engagements(of: client).compactMap { engagement in
            let value = index.value(engagement)
            guard value["status"]?.text == "proposition", let proposal = value["proposal"],
                let amount = proposal["amount_ht"]?.text.flatMap(ExactDecimal.init),
                let probability = proposal["probability"]?.text.flatMap(ExactDecimal.init)
            else { return nil }
            let currency = proposal["currency"]?.text ?? ""
            return Proposal(engagement: engagement, amount: Money(amount: amount, currency: currency), probability: probability,
                            weighted: Money(amount: (amount * probability).trimmed(to: amount.scale), currency: currency),
                            sentOn: date(proposal["sent_on"]), decisionDue: date(proposal["decision_due"]))
        }.sorted { ($0.decisionDue?.last.ordinal ?? .max, index.id($0.engagement)) < ($1.decisionDue?.last.ordinal ?? .max, index.id($1.engagement)) }
    }

    /// The engagements, sorted by id; only those of `client` when given.
    public func engagements(of client: Int?) -> [Int] {
        let clientID = client.map(index.id)
        return index.records(of: .engagement).filter { clientID == nil || index.value($0)["client"]?.text == clientID }
            .sorted { index.id($0) < index.id($1) }
    }

    func decimal(_ value: QValue?) -> ExactDecimal { value?.text.flatMap(ExactDecimal.init) ?? .zero }
}
