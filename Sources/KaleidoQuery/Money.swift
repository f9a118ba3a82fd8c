/// An amount and the currency it is written in: the only way the query commands carry money.
///
/// Two amounts add only within one currency (`MoneyTotals`); a KB mixes EUR and TND in one
/// convention, and no exchange rate is ever assumed.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    public var amount: ExactDecimal
    /// An ISO 4217 code as written (`EUR`, `TND`); empty for a plain number with no currency.
    public var currency: String

    public init(amount: ExactDecimal, currency: String) {
        self.amount = amount
        self.currency = currency
    }

    /// `18000 EUR`, or just the amount when there is no currency.
    public var description: String { currency.isEmpty ? amount.description : "\(amount) \(currency)" }

    /// `{"amount": 18000, "currency": "EUR"}`: the amount as a JSON number written with its exact
    /// decimal digits (`44883.00`, never rounded through binary floating point).
    public var json: String {
        JSONText.object([("amount", amount.description), ("currency", JSONText.quote(currency))])
    }
}
