import KaleidoFixtures
import Testing
import KaleidoTestSupport
import KaleidoYAML
@testable import KaleidoSchema

/// The acceptor's byte-level core-schema reading agrees with `ScalarResolver.resolvePlain` and
/// `YAMLConversion` (which refuses `.inf`, `.nan` and exponents `JSONNumber` cannot hold).
@Suite struct AcceptorScalarTests {
    /// What the slow path makes of a plain scalar, in the acceptor's terms.
    static func expected(_ text: String) -> AcceptorScalar {
        switch ScalarResolver.resolvePlain(text) {
        case .null: return .null
        case .bool(let flag): return flag ? .isTrue : .isFalse
        case .integer(let digits): return JSONNumber(digits) == nil ? .invalid : .integer
        case .float(let digits): return JSONNumber(digits) == nil ? .invalid : .float
        case .infinity, .nan: return .invalid
        case .string: return .string
        }
    }

    static func classify(_ text: String) -> AcceptorScalar {
        Array(text.utf8).withUnsafeBufferPointer { AcceptorScalar.classifyPlain($0) }
    }

    static let tricky = [
        "", "~", "~x", "null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRUE", "false", "False", "FALSE", "no", "NO", "yes",
        "0", "-0", "+0", "007", "12", "-12", "+12", "1_000", "0x", "0x1F", "0x1f", "0X1F", "0xG", "0o17", "0o18", "0o", "-0x1",
        "1.", ".5", "-.5", "+.5", ".", "-.", "1.5e3", "1e3", "1E3", "1e", "1e+", "1e-3", ".e3", "1.e3", "1e1000000000",
        "1e1000000001", "1e0000000000001", "1e99999999999", ".inf", ".Inf", ".INF", "+.inf", "-.inf", "-.Inf", ".iNf", ".nan",
        ".NaN", ".NAN", "+.nan", "-.nan", "2011-09-22", "+33612345678", "1 2", "1,5", "12a", "a12", "0.0.1", "--1",
    ]

    @Test(arguments: tricky)
    func trickyScalars(_ text: String) {
        #expect(Self.classify(text) == Self.expected(text), "\(text)")
    }

    @Test func randomScalars() {
        let alphabet = Array("0123456789+-.eExXoaAfF_~nNtTul ")
        var generator = SplitMix64(seed: 2024)
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...8, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "0" })
            #expect(Self.classify(text) == Self.expected(text), "\(text)")
        }
    }
}
