import KaleidoFixtures
import Testing
import KaleidoTestSupport
@testable import KaleidoSchema

/// The ASCII fast paths of `email` / `idn-email` / `hostname` / `idn-hostname` give exactly the
/// general path's verdicts: over tricky cases and over random strings built from the characters
/// those rules look at.
@Suite struct NetworkFastPathTests {
    static let hostnames = [
        "", ".", "a", "a.", ".a", "a..b", "example.com", "EXAMPLE.COM", "ex-ample.com", "-ex.com", "ex-.com", "ab--cd.com",
        "xn--nxasmq6b.com", "XN--nxasmq6b", "xn--", "xn--a", "xn--X", "a_b.com", "a b", "1.2.3.4", "0123",
        String(repeating: "a", count: 63), String(repeating: "a", count: 64),
        Array(repeating: String(repeating: "a", count: 63), count: 4).joined(separator: "."),
        Array(repeating: String(repeating: "a", count: 62), count: 4).joined(separator: "."),
        "a\r\nb", "héllo.com", "例え.jp", "a。b", "a\u{FF0E}b",
    ]

    static let emails = [
        "", "@", "a@", "@b", "a@b", "joe.bloggs@example.com", "a@@b.com", "a@b@c.com", ".a@b.com", "a.@b.com", "a..b@c.com",
        "\"a b\"@c.com", "\"@c.com", "\"\"@c.com", "a@[127.0.0.1]", "a@[IPv6:::1]", "a@[x]", "a@xn--nxasmq6b.com", "a@-b.com",
        "!#$%&'*+-/=?^_`{|}~@b.com", "a(b)@c.com", "a\"b@c.com", "a\r\n@b.com", "\r\n@b.com", "é@b.com", "a@é.com",
        String(repeating: "a", count: 64) + "@b.com", String(repeating: "a", count: 65) + "@b.com", "a@b.com.", "A@B.C",
    ]

    static func fastHostname(_ text: String) -> Bool? {
        Array(text.utf8).withUnsafeBufferPointer { IDNA.asciiHostname($0) }
    }

    static func fastEmail(_ text: String) -> Bool? {
        Array(text.utf8).withUnsafeBufferPointer { NetworkFormats.asciiEmail($0) }
    }

    static func checkHostname(_ text: String) {
        for international in [false, true] {
            let general = IDNA.generalHostname(text, international: international)
            if let fast = fastHostname(text) { #expect(fast == general, "\(text.debugDescription) international: \(international)") }
            #expect(IDNA.isHostname(text, international: international) == general, "\(text.debugDescription)")
        }
    }

    static func checkEmail(_ text: String) {
        for international in [false, true] {
            let general = NetworkFormats.generalEmail(text, international: international)
            if let fast = fastEmail(text) { #expect(fast == general, "\(text.debugDescription) international: \(international)") }
            #expect(NetworkFormats.isEmail(text, international: international) == general, "\(text.debugDescription)")
        }
    }

    @Test(arguments: hostnames)
    func trickyHostnames(_ text: String) {
        Self.checkHostname(text)
    }

    @Test(arguments: emails)
    func trickyEmails(_ text: String) {
        Self.checkEmail(text)
    }

    /// The fast path answers for the plain names it is there for (else it would be useless).
    @Test func answersForPlainASCII() {
        #expect(Self.fastHostname("mail.example.fr") == true)
        #expect(Self.fastHostname("bad_host.fr") == false)
        #expect(Self.fastEmail("jeanne.dupont@cooperative.fr") == true)
        #expect(Self.fastEmail("jeanne..dupont@cooperative.fr") == false)
        #expect(Self.fastEmail("jeanne@xn--nxasmq6b.fr") == nil)
    }

    @Test func randomHostnames() {
        let alphabet = Array("aZx9n-.-.-_ é")
        var generator = SplitMix64(seed: 7)
        for round in 0..<30_000 {
            let length = Int(generator.next() % (round % 10 == 0 ? 300 : 24))
            var text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            if generator.next() % 4 == 0 { text = "xn--" + text }
            Self.checkHostname(text)
        }
    }

    @Test func randomEmails() {
        let alphabet = Array("aB9.-_+@@\"[]!~ (é\r\n.xn--")
        var generator = SplitMix64(seed: 11)
        for round in 0..<30_000 {
            let length = Int(generator.next() % (round % 10 == 0 ? 120 : 20))
            var text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            if generator.next() % 3 == 0 { text += "@example.com" }
            Self.checkEmail(text)
        }
    }
}
