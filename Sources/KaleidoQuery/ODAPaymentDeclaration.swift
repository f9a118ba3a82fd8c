public import KaleidoKB

/// A local authority's e-APD declaration for one year, from what it paid (art. L1115-6 CGCT):
/// the payments of the year by this payer to a country on the OECD DAC list of that year
/// (`DACList`), or development awareness in France (CRS 99820, declared unallocated), summed per
/// currency by country, channel and sector; every other payment found on the client's records
/// is listed as left out with its reason. Amounts in different currencies are never added.
public struct ODAPaymentDeclaration: Sendable {
    /// Why a payment is not declared, in the order the reasons are tested.
    public enum Exclusion: String, Sendable, CaseIterable {
        /// Paid by another party (or by nobody the record names).
        case otherPayer = "other_payer"
        /// Dated outside the declared year (or undated).
        case otherYear = "other_year"
        /// No country written, none on the recipient's record, and not development awareness.
        case noCountry = "no_country"
        /// The country is not on the DAC list in force for the year.
        case notOnDACList = "not_on_dac_list"
    }

    /// One sum of the declaration: a key (a country, a channel or a sector) in one currency.
    public struct Sum: Hashable, Sendable {
        public var key: String
        public var money: Money
        public var payments: Int
    }

    public var client: String
    public var year: Int
    /// The declared payments, by date.
    public var payments: [Questions.Disbursement]
    public var excluded: [(payment: Questions.Disbursement, reason: Exclusion)]

    /// Sorts the client's payments into declared and left out.
    public init(client: String, year: Int, payments all: [Questions.Disbursement]) {
        self.client = client
        self.year = year
        payments = []
        excluded = []
        for payment in all {
            if let reason = Self.exclusion(of: payment, client: client, year: year) {
                excluded.append((payment, reason))
            } else {
                payments.append(payment)
            }
        }
    }

    /// Why `payment` is left out of `client`'s declaration for `year`, or nil when it is declared.
    public static func exclusion(of payment: Questions.Disbursement, client: String, year: Int) -> Exclusion? {
        if payment.payer != client { return .otherPayer }
        guard let date = payment.date, date.year == year else { return .otherYear }
        if isUnallocated(payment) { return nil }
        guard let country = payment.country else { return .noCountry }
        return DACList.isEligible(country, year: year) ? nil : .notOnDACList
    }

    /// Development awareness in France or with no country: ODA not allocated by country.
    public static func isUnallocated(_ payment: Questions.Disbursement) -> Bool {
        payment.sector == Questions.developmentAwarenessSector && (payment.country == nil || payment.country == "FR")
    }

    /// The country a declared payment is counted under; empty for unallocated.
    public static func declaredCountry(_ payment: Questions.Disbursement) -> String {
        isUnallocated(payment) ? "" : payment.country ?? ""
    }

    public var byCountry: [Sum] { sums { Self.declaredCountry($0) } }
    public var byChannel: [Sum] { sums(\.channel) }
    public var bySector: [Sum] { sums(\.sector) }

    /// One total per currency.
    public var totals: MoneyTotals { MoneyTotals(payments.map(\.money)) }

    /// The declared payments summed by `key` and currency, sorted by key then currency (an
    /// empty key, unallocated or unwritten, last).
    func sums(_ key: (Questions.Disbursement) -> String) -> [Sum] {
        var result: [String: Sum] = [:]
        for payment in payments {
            let name = key(payment)
            let slot = name + "\u{1F}" + payment.money.currency
            var sum = result[slot] ?? Sum(key: name, money: Money(amount: .zero, currency: payment.money.currency), payments: 0)
            sum.money.amount = sum.money.amount + payment.money.amount
            sum.payments += 1
            result[slot] = sum
        }
        return result.values.sorted { ($0.key.isEmpty ? 1 : 0, $0.key, $0.money.currency) < ($1.key.isEmpty ? 1 : 0, $1.key, $1.money.currency) }
    }
}
