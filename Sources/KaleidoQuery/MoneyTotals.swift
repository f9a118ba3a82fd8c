/// Sums of money kept apart by currency: adding 18000 EUR and 15000 TND gives two totals,
/// never 33000. A plain number (no currency) is its own bucket, under the empty currency.
public struct MoneyTotals: Hashable, Sendable, CustomStringConvertible {
    private var amounts: [String: ExactDecimal] = [:]

    public init() {}

    /// Totals of these amounts, each added to its own currency.
    public init(_ items: some Sequence<Money>) {
        for item in items { add(item) }
    }

    public mutating func add(_ money: Money) {
        amounts[money.currency] = (amounts[money.currency] ?? .zero) + money.amount
    }

    public mutating func add(_ other: MoneyTotals) {
        for item in other.totals { add(item) }
    }

    /// One total per currency, sorted by currency code (the no-currency total first).
    public var totals: [Money] {
        amounts.keys.sorted().map { Money(amount: amounts[$0] ?? .zero, currency: $0) }
    }

    public var isEmpty: Bool { amounts.isEmpty }

    /// The currencies present, sorted.
    public var currencies: [String] { amounts.keys.sorted() }

    /// The total in one currency, or nil when nothing was added in it.
    public subscript(currency: String) -> ExactDecimal? { amounts[currency] }

    /// `18000 EUR; 15000 TND` (each currency on its own, never one figure).
    public var description: String { totals.map(\.description).joined(separator: "; ") }
}
