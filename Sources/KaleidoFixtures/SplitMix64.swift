/// A small deterministic random generator (Steele, Lea and Flood's SplitMix64, as in
/// `java.util.SplittableRandom`): the same seed gives the same sequence on every run and
/// platform, so a failing randomized test reproduces.
///
/// Pass it as `using: &generator` to `Int.random(in:using:)`, `randomElement(using:)` and the
/// like. Not for anything that must be unpredictable.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The current state; each call to `next()` advances it by the golden-ratio increment.
    public private(set) var state: UInt64

    /// A generator whose first output is the mix of `seed + 0x9E3779B97F4A7C15`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (0 when `bound` ≤ 1): the next bits modulo `bound`, slightly
    /// biased, which the generated KBs accept for the sake of being the same on every machine.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }

    /// One of the items (which must not be empty).
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
