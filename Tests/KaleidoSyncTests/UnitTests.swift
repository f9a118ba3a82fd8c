import KaleidoKB
@testable import KaleidoGit
@testable import KaleidoSync
import KaleidoYAML
import Testing

@Suite("Credential selection")
struct CredentialSelectionTests {
    // attempt by attempt: what libgit2 allows → what we answer
    @Test func sshTriesTheKeyFileThenTheAgentThenGivesUp() {
        var selector = CredentialSelector(credentials: Credentials(sshKeyPath: "/k/id_ed25519"), agentAvailable: true)
        let url = "ssh://git@host/kb.git"
        #expect(selector.next(url: url, usernameFromURL: "git", allowed: .sshKey)
                == .sshKeyFile(username: "git", privateKey: "/k/id_ed25519", publicKey: "/k/id_ed25519.pub", passphrase: nil))
        #expect(selector.next(url: url, usernameFromURL: "git", allowed: .sshKey) == .sshAgent(username: "git"))
        guard case .giveUp(let reason) = selector.next(url: url, usernameFromURL: "git", allowed: .sshKey) else {
            Issue.record("expected to give up"); return
        }
        #expect(reason.contains("sync.ssh_key"))
    }

    @Test func sshWithoutAgentSocketDoesNotAskTheAgent() {
        var selector = CredentialSelector(credentials: Credentials(), agentAvailable: false)
        guard case .giveUp = selector.next(url: "ssh://h/x", usernameFromURL: nil, allowed: .sshKey) else {
            Issue.record("no key and no agent: nothing to offer"); return
        }
    }

    @Test func sshWithoutUserNameSendsGitFirst() {
        var selector = CredentialSelector(credentials: Credentials(), agentAvailable: true)
        #expect(selector.next(url: "ssh://h/x", usernameFromURL: nil, allowed: .username) == .username("git"))
        #expect(selector.next(url: "ssh://h/x", usernameFromURL: nil, allowed: .sshKey) == .sshAgent(username: "git"))
    }

    @Test func httpsSendsTheTokenThenAsksTheHelper() {
        var selector = CredentialSelector(credentials: Credentials(token: "s3cret"), agentAvailable: true)
        let url = "https://git.example.org/coop/kb.git"
        #expect(selector.next(url: url, usernameFromURL: nil, allowed: .userPassword)
                == .userPassword(username: "x-access-token", password: "s3cret"))
        #expect(selector.next(url: url, usernameFromURL: nil, allowed: .userPassword) == .credentialHelper(username: nil))
        guard case .giveUp(let reason) = selector.next(url: url, usernameFromURL: nil, allowed: .userPassword) else {
            Issue.record("expected to give up"); return
        }
        #expect(reason.contains("KALEIDO_TOKEN"))
    }

    @Test func httpsUserNameFromTheURLIsKept() {
        var selector = CredentialSelector(credentials: Credentials(token: "t", useCredentialHelper: false), agentAvailable: false)
        #expect(selector.next(url: "https://marie@h/x", usernameFromURL: "marie", allowed: .userPassword)
                == .userPassword(username: "marie", password: "t"))
        guard case .giveUp = selector.next(url: "https://marie@h/x", usernameFromURL: "marie", allowed: .userPassword) else {
            Issue.record("helper disabled: nothing more"); return
        }
    }

    @Test func descriptionNeverShowsTheToken() {
        #expect(!Credentials(token: "s3cret").description.contains("s3cret"))
    }

    @Test func helperAnswerIsParsed() {
        let parsed = GitCredentialHelper.parse("protocol=https\nhost=h\nusername=marie\npassword=p=q\n")
        #expect(parsed?.0 == "marie")
        #expect(parsed?.1 == "p=q")
        #expect(GitCredentialHelper.parse("protocol=https\n") == nil)
    }
}

@Suite("Field changes")
struct FieldChangeTests {
    static let cases: [(old: String, new: String, fields: [String])] = [
        ("phone: '1'\nname: A\n", "phone: '2'\nname: A\n", ["phone"]),
        // quoting, flow vs block style and key order are not edits
        ("phone: '1'\nnames: [a, b]\n", "names:\n  - a\n  - b\nphone: \"1\"\n", []),
        ("a: 1\nb: {x: 1}\n", "a: 1\nb: {x: 2}\nc: new\n", ["b", "c"]),
        ("a: 1\nb: 2\n", "a: 1\n", ["b"]),
        // a number re-spelt is not an edit; a number turned string is
        ("n: 1\n", "n: 1.0\n", []),
        ("amount: 26450.50\n", "amount: 26450.5\n", []),
        ("n: 1\n", "n: '1'\n", ["n"]),
    ]

    @Test(arguments: cases)
    func changedFields(_ example: (old: String, new: String, fields: [String])) throws {
        let old = try YAMLParser().parseDocument(Array(example.old.utf8)).root
        let new = try YAMLParser().parseDocument(Array(example.new.utf8)).root
        #expect(FieldChanges.changedFields(old: old, new: new) == example.fields)
    }

    @Test func commitMessageNamesRecordsAndFields() {
        let isRecord = { (path: String) in path.hasPrefix("knowledge/") }
        let one = ChangeDescription.message(for: [
            .init(path: "knowledge/partners/tn-mun-sfax.yaml", old: Array("phone: '1'\nnames: [a]\nx: 1\n".utf8),
                  new: Array("phone: '2'\nnames: [a, b]\nx: 1\n".utf8)),
        ], isRecord: isRecord)
        #expect(one == "tn-mun-sfax: phone, names\n")
        let several = ChangeDescription.message(for: [
            .init(path: "README.md", old: nil, new: []),
            .init(path: "knowledge/people/amel.yaml", old: Array("a: 1\n".utf8), new: nil),
        ], isRecord: isRecord)
        #expect(several == "README.md: added; amel: deleted\n\nREADME.md: added\namel: deleted\n")
    }
}

/// A shared config is written by whoever can push: timings of zero must not make every
/// teammate's daemon spin.
@Suite("Settings floors")
struct SettingsFloorTests {
    @Test func zeroTimingsAreRaisedToTheirFloors() throws {
        let document = try #require(try YAMLParser().parseDocument(Array("""
            daemon:
              quiet_period: 0
              max_delay: 0
              fetch_interval: 0
              rescan_interval: 0
              max_backoff: 0

            """.utf8)).root)
        let settings = SyncSettings(root: "/kb", config: try KBConfig(document: document))
        #expect(settings.quietPeriod == SyncSettings.minimumQuietPeriod)
        #expect(settings.maxDelay == SyncSettings.minimumQuietPeriod)
        #expect(settings.fetchInterval == 1 && settings.rescanInterval == 1 && settings.maxBackoff == 1)
    }
}
