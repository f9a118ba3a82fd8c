import Foundation
import KaleidoGit
import Testing
import KaleidoTestSupport

/// SHA-1 and HMAC-SHA1 against their RFCs' vectors, SHA-256 against FIPS 180-2's examples, and
/// all three against coreutils and openssl at the padding boundaries.
@Suite("Digests")
struct DigestTests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
    static func bytes(_ hex: String) -> [UInt8] {
        stride(from: 0, to: hex.count, by: 2).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16) ?? 0
        }
    }

    // RFC 3174, section 7.3: TEST1 to TEST4 (message, repeat count, digest).
    static let sha1Vectors: [(String, Int, String)] = [
        ("abc", 1, "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1, "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
        ("a", 1_000_000, "34aa973cd4c4daa4f61eeb2bdbad27316534016f"),
        ("01234567012345670123456701234567" + "01234567012345670123456701234567", 10, "dea356a2cddd90c7a7ecedc5ebb563934f460452"),
    ]

    @Test(arguments: sha1Vectors)
    func sha1MatchesRFC3174(_ vector: (String, Int, String)) {
        let message = Array(String(repeating: vector.0, count: vector.1).utf8)
        #expect(Self.hex(SHA1.hash(message)) == vector.2)
    }

    // RFC 2202, section 3: test cases 1 to 7 (key, data, HMAC-SHA1).
    static let hmacVectors: [([UInt8], [UInt8], String)] = [
        ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8), "b617318655057264e28bc0b6fb378c8ef146be00"),
        (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
        ([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50), "125d7342b9ac11cd91a39af48aa17b4f63f175d3"),
        (Array(1...25), [UInt8](repeating: 0xcd, count: 50), "4c9007f4026250c6bc8414f9bf50c86c2d7235da"),
        ([UInt8](repeating: 0x0c, count: 20), Array("Test With Truncation".utf8), "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04"),
        ([UInt8](repeating: 0xaa, count: 80), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
         "aa4ae5e15272d00e95705637ce8a3b55ed402112"),
        ([UInt8](repeating: 0xaa, count: 80),
         Array("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data".utf8),
         "e8e99d0f45237d786d6bbaa7965c7808bbff1a91"),
    ]

    @Test(arguments: hmacVectors)
    func hmacSHA1MatchesRFC2202(_ vector: ([UInt8], [UInt8], String)) {
        #expect(Self.hex(SHA1.hmac(key: vector.0, message: vector.1)) == vector.2)
    }

    // FIPS 180-2, appendix B, and the empty message.
    static let sha256Vectors: [(String, Int, String)] = [
        ("", 1, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("a", 1_000_000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ]

    @Test(arguments: sha256Vectors)
    func sha256MatchesFIPS180(_ vector: (String, Int, String)) {
        let message = Array(String(repeating: vector.0, count: vector.1).utf8)
        #expect(Self.hex(SHA256.hash(message)) == vector.2)
    }

    static let lengths = [0, 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000]
    static func message(_ length: Int) -> [UInt8] { (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) % 94 + 33 } }

    /// Lengths around the 55/56/64-byte padding boundaries, checked against coreutils.
    @Test(arguments: lengths)
    func digestsAgreeWithCoreutils(_ length: Int) throws {
        let message = Self.message(length)
        func tool(_ arguments: [String]) throws -> String {
            let output = try runTool(arguments, input: message)
            return String(output.split(separator: " ").first { $0.count >= 40 } ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(Self.hex(SHA1.hash(message)) == (try tool(["sha1sum"])))
        #expect(Self.hex(SHA256.hash(message)) == (try tool(["sha256sum"])))
    }

    /// HMAC-SHA1 with keys shorter and longer than a block, against `openssl dgst -hmac`.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")), arguments: lengths)
    func hmacAgreesWithOpenSSL(_ length: Int) throws {
        let message = Self.message(length)
        let key = (0..<(length % 90 + 1)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ length) }
        let openssl = try runTool(["openssl", "dgst", "-sha1", "-mac", "HMAC", "-macopt", "hexkey:" + Self.hex(key)], input: message)
        #expect(openssl.hasSuffix(Self.hex(SHA1.hmac(key: key, message: message)) + "\n"), "\(openssl)")
    }
}

/// Runs a tool found on PATH with `input` on stdin and returns its standard output.
func runTool(_ arguments: [String], input: [UInt8] = [], in folder: String? = nil) throws -> String {
    let result = try ChildProcess.run("/usr/bin/env", arguments, in: folder, input: .bytes(Data(input)))
    guard result.status == 0 else {
        throw GitCommandFailed(arguments: arguments, status: result.status, stderr: result.stderr)
    }
    return result.stdout
}
