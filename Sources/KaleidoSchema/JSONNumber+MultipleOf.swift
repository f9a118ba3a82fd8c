extension JSONNumber {
    /// Whether `self` is an integer multiple of `divisor`, computed exactly (`19.99` is a multiple
    /// of `0.01`; `1e308` of `0.5`). Returns false when `divisor` is zero.
    ///
    /// Write a = A·10^p and b = B·10^q with A and B free of trailing zeros. The quotient a/b is
    /// A·10^(p−q)/B. When p < q it is never an integer (10 divides the denominator but not A).
    /// Otherwise split B = 2^s·5^t·M with M coprime to 10: a/b is an integer exactly when M
    /// divides A, and 2^s and 5^t divide A·10^(p−q). The exponent only enters through the
    /// comparisons k ≥ s − v₂(A) and k ≥ t − v₅(A), so huge exponents cost nothing: the work is
    /// O(len(A) · len(B)) digit operations whatever the exponents are.
    public func isMultiple(of divisor: JSONNumber) -> Bool {
        if divisor.isZero { return false }
        if isZero { return true }
        let shift = exponent - divisor.exponent
        if shift < 0 { return false }
        var coprime = divisor.digits
        let twos = Self.stripFactor(2, from: &coprime)
        let fives = Self.stripFactor(5, from: &coprime)
        var value = digits
        let valueTwos = Self.stripFactor(2, from: &value, limit: twos)
        let valueFives = Self.stripFactor(5, from: &value, limit: fives)
        if valueTwos + shift < twos || valueFives + shift < fives { return false }
        return Self.remainder(digits, modulo: coprime).allSatisfy { $0 == 0 }
    }

    /// Divides `digits` by `factor` while it divides evenly (at most `limit` times); returns the count.
    static func stripFactor(_ factor: UInt8, from digits: inout [UInt8], limit: Int = .max) -> Int {
        var count = 0
        while count < limit {
            var quotient: [UInt8] = []
            quotient.reserveCapacity(digits.count)
            var remainder = 0
            for digit in digits {
                let current = remainder * 10 + Int(digit)
                let q = current / Int(factor)
                remainder = current % Int(factor)
                if !(quotient.isEmpty && q == 0) { quotient.append(UInt8(q)) }
            }
            guard remainder == 0 else { break }
            digits = quotient
            count += 1
        }
        return count
    }

    /// `value mod modulus` by schoolbook long division on decimal digit arrays.
    static func remainder(_ value: [UInt8], modulo modulus: [UInt8]) -> [UInt8] {
        var modulus = modulus[...].drop(while: { $0 == 0 })
        if modulus.isEmpty { modulus = [1] }
        if modulus.count == 1, modulus.first == 1 { return [0] }
        var rest: [UInt8] = []
        for digit in value {
            rest.append(digit)
            while let first = rest.first, first == 0, rest.count > 1 { rest.removeFirst() }
            while compare(rest, modulus) >= 0 { subtract(&rest, modulus) }
        }
        return rest.isEmpty ? [0] : rest
    }

    private static func compare(_ lhs: [UInt8], _ rhs: ArraySlice<UInt8>) -> Int {
        let left = lhs.drop(while: { $0 == 0 })
        if left.count != rhs.count { return left.count < rhs.count ? -1 : 1 }
        for (a, b) in zip(left, rhs) where a != b { return a < b ? -1 : 1 }
        return 0
    }

    private static func subtract(_ lhs: inout [UInt8], _ rhs: ArraySlice<UInt8>) {
        var borrow = 0
        var i = lhs.count - 1
        var j = rhs.endIndex - 1
        while i >= 0 {
            var value = Int(lhs[i]) - borrow - (j >= rhs.startIndex ? Int(rhs[j]) : 0)
            borrow = value < 0 ? 1 : 0
            if value < 0 { value += 10 }
            lhs[i] = UInt8(value)
            i -= 1
            j -= 1
        }
        while let first = lhs.first, first == 0, lhs.count > 1 { lhs.removeFirst() }
    }
}
