import Testing
import KaleidoYAML
@testable import KaleidoSchema

/// `CompactAcceptor.convertsCleanly` reads keys by their key flag in one pass over the scalars:
/// it must answer as the walk over every mapping's keys it replaced (kept here as the reference).
@Suite struct AcceptorConvertsCleanlyTests {
    static func reference(_ document: CompactDocument) -> Bool {
        let count = document.nodeCount
        guard count > 0, count <= YAMLConversion.maxNodes else { return false }
        for node in 0..<count {
            switch document.kind(node) {
            case .scalar:
                guard document.scalarStyle(node) == .plain else { continue }
                let clean = document.withScalarBytes(node) { bytes -> Bool in
                    guard let first = bytes.first else { return true }
                    switch first {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
                        return AcceptorScalar.classifyPlain(bytes) != .invalid
                    default:
                        return true
                    }
                }
                if !clean { return false }
            case .mapping:
                var key = node + 1
                let end = document.end(node)
                while key < end {
                    if !document.withScalarBytes(key, { bytes in bytes.allSatisfy { $0 < 0x80 } }) { return false }
                    key = document.end(document.end(key))
                }
            case .sequence:
                continue
            }
        }
        return true
    }

    static let documents = [
        "a: 1\n", "é: 1\n", "a: é\n", "\"é\": 1\n", "a:\n  b:\n    ç: 1\n", "- é\n- {é: 1}\n", "[a, {b: {c: é}}]\n",
        "{a: 1, é: 2}\n", "\"é\": .inf\n", "a: .inf\n", "a: \".inf\"\n", "a: [1, 2, .nan]\n", "a: 1e99999999999\n",
        "'1e99999999999': x\n", "x\n", "é\n", ".inf\n", "a: |\n  é\n", "a: [{b: c}, {d: [e, {ü: 1}]}]\n",
        "? a\n: b\n", "a: 1\nb: +.inf\n", "\"a\": 1\n'b': {\"é\": 2}\n", "a:\n- b: 1\n  c: +.INF\n",
    ]

    @Test(arguments: documents)
    func agreesWithTheKeyWalk(_ text: String) throws {
        let document = try #require(CompactParser().parse(Array(text.utf8)), "\(text.debugDescription)")
        #expect(CompactAcceptor.convertsCleanly(document) == Self.reference(document), "\(text.debugDescription)")
    }

    @Test func refusesWhatCannotConvert() throws {
        for (text, clean) in [("a: 1\n", true), ("é: 1\n", false), ("a: .inf\n", false), ("a: {b: {ü: 1}}\n", false)] {
            let document = try #require(CompactParser().parse(Array(text.utf8)))
            #expect(CompactAcceptor.convertsCleanly(document) == clean, "\(text.debugDescription)")
        }
    }
}
