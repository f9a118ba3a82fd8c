import Foundation
import KaleidoFixtures
import KaleidoGit
import Testing
import KaleidoTestSupport

/// The known_hosts parser and matcher, table-driven, with OpenSSH's own `ssh-keygen` as the
/// reference for fingerprints and hashed names.
@Suite("Known hosts")
struct KnownHostsTests {
    static let ed25519 = "AAAAC3NzaC1lZDI1NTE5AAAAIJ56X21UJU5Nw4301D4Fi93dc3gCHm1tG9w6VlBkiHYF"
    static let otherEd25519 = "AAAAC3NzaC1lZDI1NTE5AAAAILQJE0CVY5K/+FLpyROHYMHdKwM0MYRyyf7qSXcHnsGC"
    static let ecdsa = "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBKioUU36d0vHZID2ebLXaQprobPy34K5rJy0xR0l03EQmRqakU8n63B4eBVNv11V+q7t0krbpe8w8M5ABUMlskg="
    // |1|salt|HMAC-SHA1(salt, "git.example.org"), computed with `ssh-keygen -H`.
    static let hashedName = "|1|1gifrkj59xF1LzbYOOPN8Y06baM=|5aJAOOj57ne3RTZkyUHi/LGIur8="

    enum Outcome: Equatable, CustomStringConvertible {
        case entry(KnownHostsEntry.Marker)
        case skipped(String)
        case ignored
        var description: String {
            switch self {
            case .entry(let marker): "entry \(marker)"
            case .skipped(let reason): "skipped: \(reason)"
            case .ignored: "ignored"
            }
        }
    }

    // line → what the parser makes of it
    static let lines: [(String, Outcome)] = [
        ("# a comment", .ignored),
        ("", .ignored),
        ("   \t ", .ignored),
        ("git.example.org ssh-ed25519 \(ed25519)", .entry(.none)),
        ("git.example.org,192.0.2.7 ssh-ed25519 \(ed25519) the comment, with spaces", .entry(.none)),
        ("git.example.org\tssh-ed25519\t\(ed25519)\r", .entry(.none)),                 // tabs, CRLF
        ("  [127.0.0.1]:2222 ecdsa-sha2-nistp256 \(ecdsa)", .entry(.none)),               // leading spaces
        ("*.example.org,!evil.example.org ssh-ed25519 \(ed25519)", .entry(.none)),
        ("\(hashedName) ssh-ed25519 \(ed25519)", .entry(.none)),
        ("@revoked * ssh-ed25519 \(ed25519)", .entry(.revoked)),
        ("@cert-authority *.example.org ssh-ed25519 \(ed25519)", .skipped("@cert-authority")),
        ("@trusted git.example.org ssh-ed25519 \(ed25519)", .skipped("unknown marker")),
        ("@revoked", .skipped("expected host names")),
        ("git.example.org ssh-ed25519", .skipped("expected host names")),
        ("garbage line", .skipped("expected host names")),
        ("git.example.org ssh-ed25519 AAAA!!notbase64", .skipped("not a valid base64")),
        ("git.example.org ssh-ed25519 AAAA", .skipped("not a valid base64")),
        ("git.example.org ssh-rsa \(ed25519)", .skipped("does not match the key")),
        ("|1|c2FsdA==|aGFzaA== ssh-ed25519 \(ed25519)", .skipped("malformed host names")),  // salt and hash too short
        ("|2|6Rk/0KXFkQFTO0+j6t6xqC1LXJA=|8r2uTCLu4r6zVqgQ2MSWi4WhfGM= ssh-ed25519 \(ed25519)", .skipped("malformed host names")),
        ("a,,b ssh-ed25519 \(ed25519)", .skipped("malformed host names")),
    ]

    @Test(arguments: lines)
    func parsesEachKindOfLine(_ example: (String, Outcome)) {
        let known = KnownHosts.parse("# first line\n" + example.0 + "\n", file: "kh")
        let outcome: Outcome
        if let entry = known.entries.first {
            outcome = .entry(entry.marker)
            #expect(entry.location == KnownHostsLocation(file: "kh", line: 2))
        } else if let skipped = known.skipped.first {
            outcome = .skipped(skipped.reason)
            #expect(skipped.location.line == 2)
        } else {
            outcome = .ignored
        }
        switch (outcome, example.1) {
        case (.skipped(let reason), .skipped(let expected)): #expect(reason.contains(expected), "\(reason)")
        default: #expect(outcome == example.1)
        }
    }

    static let file = """
        # team servers
        git.example.org,192.0.2.7 ssh-ed25519 \(ed25519)
        [git.example.org]:2222 ecdsa-sha2-nistp256 \(ecdsa)
        *.lab.example.org,!bad.lab.example.org ssh-ed25519 \(ed25519)
        \(hashedName) ecdsa-sha2-nistp256 \(ecdsa)
        @revoked * ssh-ed25519 \(otherEd25519)
        broken line
        """

    // host, port, presented key → verdict (trusted:LINE, changed:LINE, unknown:OTHER-TYPE-LINES, revoked:LINE)
    static let verdicts: [(String, Int, String, String)] = [
        ("git.example.org", 22, ed25519, "trusted:2"),
        ("GIT.Example.ORG", 22, ed25519, "trusted:2"),           // names compare without case
        ("192.0.2.7", 22, ed25519, "trusted:2"),
        ("git.example.org", 2222, ecdsa, "trusted:3"),            // [host]:port
        ("git.example.org", 2222, ed25519, "unknown:3"),          // known on that port with another type only
        ("git.example.org", 22, ecdsa, "trusted:5"),              // the hashed line
        ("git.example.org", 2200, ed25519, "unknown:"),           // another port is another server
        ("ci.lab.example.org", 22, ed25519, "trusted:4"),         // wildcard
        ("bad.lab.example.org", 22, ed25519, "unknown:"),         // negated pattern
        ("unknown.example.net", 22, ed25519, "unknown:"),
        ("git.example.org", 22, otherEd25519, "revoked:6"),       // revoked wins, for every host
        ("unknown.example.net", 22, otherEd25519, "revoked:6"),
    ]

    @Test(arguments: verdicts)
    func verifiesAsOpenSSHDoes(_ example: (String, Int, String, String)) throws {
        let known = KnownHosts.parse(Self.file, file: "kh")
        #expect(known.entries.count == 5)
        #expect(known.skipped.map(\.location.line) == [7])
        let key = try #require(SSHHostKey(base64: example.2))
        let verdict = known.verify(key, at: SSHEndpoint(host: example.0, port: example.1))
        let summary = switch verdict {
        case .trusted(let location): "trusted:\(location.line)"
        case .revoked(let location): "revoked:\(location.line)"
        case .changed(let stored): "changed:" + stored.map { "\($0.location.line)" }.joined(separator: ",")
        case .unknown(let others): "unknown:" + others.map { "\($0.location.line)" }.joined(separator: ",")
        }
        #expect(summary == example.3)
    }

    @Test func aDifferentKeyOfTheSameTypeIsAChange() throws {
        let known = KnownHosts.parse("[127.0.0.1]:2222 ssh-ed25519 \(Self.otherEd25519)\n", file: "/home/a/.ssh/known_hosts")
        let key = try #require(SSHHostKey(base64: Self.ed25519))
        let endpoint = SSHEndpoint(host: "127.0.0.1", port: 2222)
        let verdict = known.verify(key, at: endpoint)
        guard case .changed(let stored) = verdict else { Issue.record("\(verdict)"); return }
        #expect(stored.map(\.location.description) == ["/home/a/.ssh/known_hosts:1"])
        let message = HostKeyRefusal(endpoint: endpoint, key: key, verdict: verdict, files: KnownHostsFiles(user: ["/home/a/.ssh/known_hosts"])).description
        for part in ["127.0.0.1 port 2222", "ssh-ed25519", key.fingerprint, "/home/a/.ssh/known_hosts:1", "CHANGED",
                     "ssh-keygen -R '[127.0.0.1]:2222'", "kaleido trust-host 127.0.0.1:2222"] {
            #expect(message.contains(part), "\(part) missing from: \(message)")
        }
    }

    static let endpoints: [(String, String?)] = [
        ("ssh://git@git.example.org/team/kb.git", "git.example.org"),
        ("ssh://git@git.example.org:2222/team/kb.git", "[git.example.org]:2222"),
        ("ssh://127.0.0.1:2222/srv/kb.git", "[127.0.0.1]:2222"),
        ("git+ssh://git@Git.Example.org/kb", "git.example.org"),
        ("ssh://[::1]:2222/kb", "[::1]:2222"),
        ("git@github.com:team/kb.git", "github.com"),
        ("github.com:team/kb.git", "github.com"),
        ("https://github.com/team/kb.git", nil),
        ("/srv/kb.git", nil),
        ("file:///srv/kb.git", nil),
    ]

    @Test(arguments: endpoints)
    func readsTheServerOfARemoteURL(_ example: (String, String?)) {
        #expect(SSHEndpoint(remoteURL: example.0)?.knownHostsName == example.1)
    }

    static let arguments: [(String, String?)] = [
        ("git.example.org", "git.example.org"),
        ("git.example.org:22", "git.example.org"),
        ("127.0.0.1:2222", "[127.0.0.1]:2222"),
        ("[127.0.0.1]:2222", "[127.0.0.1]:2222"),
        ("[::1]:2222", "[::1]:2222"),
        ("ssh://git@git.example.org:2222/kb", "[git.example.org]:2222"),
        ("git.example.org:port", nil),
        ("git.example.org:99999", nil),
        ("[::1", nil),
        ("", nil),
    ]

    @Test(arguments: arguments)
    func readsWhatTheUserTypes(_ example: (String, String?)) {
        #expect(SSHEndpoint(argument: example.0)?.knownHostsName == example.1)
    }

    /// Every line of random text is either used, skipped or ignored: never a crash.
    @Test func randomLinesNeverCrash() {
        var generator = SplitMix64(seed: 0x9E37_79B9_7F4A_7C15)
        func next() -> UInt64 { generator.next() }
        let pieces = ["|1|", "|", "@revoked", "@cert-authority", "[", "]", ":", ",", "!", "*", "?", " ", "\t", "=", "#",
                      "ssh-ed25519", "ecdsa-sha2-nistp256", Self.ed25519, String(Self.ed25519.prefix(30)), "é", "\u{0}", "\r"]
        var lines: [String] = []
        for _ in 0..<3000 {
            let count = Int(next() % 8)
            lines.append((0..<count).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined())
        }
        let known = KnownHosts.parse(lines.joined(separator: "\n"), file: "random")
        #expect(known.entries.count + known.skipped.count <= lines.count)
        let key = SSHHostKey(base64: Self.ed25519)
        for entry in known.entries { _ = entry.matches("[127.0.0.1]:2222"); _ = entry.key == key }
    }
}
