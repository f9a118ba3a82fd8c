import Foundation

/// The arithmetic the business figures need beyond sums: what is left (a difference), what a
/// proposal is worth weighted by its probability (a product) and a VAT amount to the cent.
/// Still exact base-10 arithmetic: 3600 × 1.2 is 4320.0 exactly, never 4319.999….
extension ExactDecimal {
    /// The exact difference, printed with the larger number of decimals.
    public static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        ExactDecimal(value: lhs.value - rhs.value, scale: max(lhs.scale, rhs.scale))
    }

    /// The exact product, printed with as many decimals as the two operands together
    /// (14400 × 0.6 = 8640.0), as a hand computation would write it.
    public static func * (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        ExactDecimal(value: lhs.value * rhs.value, scale: lhs.scale + rhs.scale)
    }

    /// The value rounded half away from zero to `decimals` places (VAT to the cent:
    /// `rounded(to: 2)`), printed with exactly that many decimals.
    public func rounded(to decimals: Int) -> ExactDecimal {
        var source = value
        var result = Decimal()
        NSDecimalRound(&result, &source, decimals, .plain)
        return ExactDecimal(value: result, scale: decimals)
    }

    /// The same value printed with `decimals` places when it has no more significant ones
    /// (`8640.0` → `8640`, `333.333` stays): for display only (equality ignores the scale).
    public func trimmed(to decimals: Int) -> ExactDecimal {
        guard decimals < scale, rounded(to: decimals) == self else { return self }
        return ExactDecimal(value: value, scale: decimals)
    }

    /// True for a value below zero (more invoiced than the contract says, for instance).
    public var isNegative: Bool { value < 0 }
}
