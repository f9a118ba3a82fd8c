public import KaleidoYAML

/// A decimal number read from a YAML scalar as an integer and a count of decimals
/// (`8640.50` = 864050 × 10⁻²), for the rules that compare amounts exactly without Foundation.
/// Arithmetic that would overflow 64 bits answers nil (the rule then says nothing).
struct DecimalText: Hashable, CustomStringConvertible {
    var mantissa: Int
    var scale: Int

    init(mantissa: Int, scale: Int) {
        self.mantissa = mantissa
        self.scale = scale
    }


    /// A plain decimal scalar (`7200`, `0.2`, `-3.5`); nil for exponents and anything else.
    init?<Node: ReadableNode>(_ node: Node) {
        let text: String
        switch node.resolvedScalar {
        case .integer(let digits)?: text = digits
        case .float(let digits)?: text = digits
        default: return nil
        }
        let negative = text.hasPrefix("-")
        let body = negative ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            body.count <= 18, let value = Int(parts.joined())
        else { return nil }
        mantissa = negative ? -value : value
        scale = parts.count == 2 ? parts[1].count : 0
    }

    static func == (lhs: DecimalText, rhs: DecimalText) -> Bool {
        guard let left = lhs.scaled(to: max(lhs.scale, rhs.scale)), let right = rhs.scaled(to: max(lhs.scale, rhs.scale)) else { return false }
        return left == right
    }

    func hash(into hasher: inout Hasher) { hasher.combine(mantissa); hasher.combine(scale) }

    /// The mantissa at `target` decimals (target ≥ scale), nil on overflow.
    func scaled(to target: Int) -> Int? {
        var value = mantissa
        for _ in scale..<max(scale, target) {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = product
        }
        return value
    }

    func adding(_ other: DecimalText) -> DecimalText? {
        let target = max(scale, other.scale)
        guard let left = scaled(to: target), let right = other.scaled(to: target) else { return nil }
        let (sum, overflow) = left.addingReportingOverflow(right)
        return overflow ? nil : DecimalText(mantissa: sum, scale: target)
    }

    /// self × (1 + rate), exactly.
    func timesOnePlus(_ rate: DecimalText) -> DecimalText? {
        guard let one = DecimalText(mantissa: 1, scale: 0).scaled(to: rate.scale) else { return nil }
        let (factor, overflowA) = one.addingReportingOverflow(rate.mantissa)
        let (product, overflowB) = mantissa.multipliedReportingOverflow(by: factor)
        return overflowA || overflowB ? nil : DecimalText(mantissa: product, scale: scale + rate.scale)
    }

    /// The value in units of 10^-places (cents for 2), rounded half away from zero.
    func rounded(to places: Int) -> Int? {
        if scale <= places { return scaled(to: places) }
        var divisor = 1
        for _ in places..<scale {
            let (next, overflow) = divisor.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            divisor = next
        }
        let quotient = mantissa / divisor, remainder = mantissa % divisor
        if 2 * abs(remainder) >= divisor { return quotient + (mantissa < 0 ? -1 : 1) }
        return quotient
    }

    /// ISO 4217 minor units where they are not 2: the dinars of Tunisia and its neighbours
    /// count millimes (3), the yen or the CFA franc no subunit (0).
    static func minorUnits(of currency: String?) -> Int {
        switch currency {
        case "TND", "BHD", "IQD", "JOD", "KWD", "LYD", "OMR": 3
        case "JPY", "KRW", "XOF", "XAF", "XPF", "ISK", "CLP", "VND", "UGX", "RWF", "GNF", "DJF", "KMF", "PYG", "VUV": 0
        default: 2
        }
    }

    var description: String {
        guard scale > 0 else { return String(mantissa) }
        let sign = mantissa < 0 ? "-" : ""
        var digits = String(abs(mantissa))
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        return sign + digits.dropLast(scale) + "." + digits.suffix(scale)
    }
}
