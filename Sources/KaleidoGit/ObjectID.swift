internal import CGit2

/// The SHA-1 name of a git object: 20 bytes, shown as 40 lowercase hex digits.
///
/// A plain value, independent of any repository. Ordering is the byte order of the id, so
/// sorting ids gives the same order as sorting their hex strings.
public struct ObjectID: Hashable, Comparable, Sendable, LosslessStringConvertible {
    /// The number of bytes in an id.
    public static let byteCount = 20

    // Three big-endian words rather than an array: no allocation, and word-wise comparison
    // equals byte-wise comparison.
    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    /// The id made of 20 zero bytes, which git uses for "no object" (e.g. in reflogs).
    public static let zero = ObjectID(words: 0, 0, 0)

    private init(words high: UInt64, _ middle: UInt64, _ low: UInt32) {
        self.high = high
        self.middle = middle
        self.low = low
    }

    /// Creates an id from its raw bytes, or returns `nil` unless there are exactly 20.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        var high: UInt64 = 0, middle: UInt64 = 0, low: UInt32 = 0
        for (index, byte) in bytes.enumerated() {
            switch index {
            case 0..<8: high = high << 8 | UInt64(byte)
            case 8..<16: middle = middle << 8 | UInt64(byte)
            default: low = low << 8 | UInt32(byte)
            }
        }
        self.init(words: high, middle, low)
    }

    /// Parses 40 hex digits (either case); returns `nil` for anything else, including short ids.
    public init?(hex: some StringProtocol) {
        let digits = Array(hex.utf8)
        guard digits.count == 2 * Self.byteCount else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.byteCount)
        for pair in stride(from: 0, to: digits.count, by: 2) {
            guard let high = Self.nibble(digits[pair]), let low = Self.nibble(digits[pair + 1])
            else { return nil }
            bytes.append(high << 4 | low)
        }
        self.init(bytes: bytes)
    }

    /// Parses 40 hex digits, as `init?(hex:)`.
    public init?(_ description: String) { self.init(hex: description) }

    /// The 20 raw bytes.
    public var bytes: [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(Self.byteCount)
        for shift in stride(from: 56, through: 0, by: -8) { result.append(UInt8(truncatingIfNeeded: high >> UInt64(shift))) }
        for shift in stride(from: 56, through: 0, by: -8) { result.append(UInt8(truncatingIfNeeded: middle >> UInt64(shift))) }
        for shift in stride(from: 24, through: 0, by: -8) { result.append(UInt8(truncatingIfNeeded: low >> UInt32(shift))) }
        return result
    }

    /// The 40 lowercase hex digits, as git prints them.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(2 * Self.byteCount)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The 40 lowercase hex digits.
    public var description: String { hex }

    /// Whether this is the all-zero id.
    public var isZero: Bool { self == .zero }

    /// Byte order, the same as the order of the hex strings.
    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

// Conversions to and from libgit2's `git_oid`; internal so no C type leaks.
extension ObjectID {
    /// Copies a `git_oid` that libgit2 lends us.
    init(_ oid: UnsafePointer<git_oid>) {
        let bytes = withUnsafeBytes(of: oid.pointee.id) { Array($0) }
        // A git_oid is 20 bytes by definition (GIT_OID_RAWSZ), so this cannot fail.
        self = ObjectID(bytes: bytes) ?? .zero
    }

    /// A `git_oid` holding this id, for passing to libgit2.
    var oid: git_oid {
        var oid = git_oid()
        let bytes = self.bytes
        withUnsafeMutableBytes(of: &oid.id) { raw in
            for index in 0..<Self.byteCount { raw[index] = bytes[index] }
        }
        return oid
    }
}
