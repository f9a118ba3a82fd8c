import Testing
import KaleidoSync

/// The text edits of daemon.yaml: every layout a user may have written keeps its lines.
@Suite struct DaemonRegistryTextTests {
    @Test func addsToEveryLayout() throws {
        let cases: [(before: String, after: String)] = [
            ("", "# The knowledge bases `kaleido daemon` syncs (kaleido daemon add DIR).\nknowledge_bases:\n  - /kb/new\n"),
            ("log_level: info\n", "log_level: info\n\n# The knowledge bases `kaleido daemon` syncs (kaleido daemon add DIR).\nknowledge_bases:\n  - /kb/new\n"),
            ("knowledge_bases: []\n", "knowledge_bases:\n  - /kb/new\n"),
            ("knowledge_bases: [/kb/a]\n", "knowledge_bases:\n  - /kb/a\n  - /kb/new\n"),
            ("knowledge_bases:\n- /kb/a\nother: 1\n", "knowledge_bases:\n- /kb/a\n- /kb/new\nother: 1\n"),
            ("knowledge_bases:\n    - /kb/a\n\n    # later\nx: y", "knowledge_bases:\n    - /kb/a\n    - /kb/new\n\n    # later\nx: y\n"),
            ("knowledge_bases:   # mine\n", "knowledge_bases:   # mine\n  - /kb/new\n"),
        ]
        for item in cases {
            #expect(try DaemonRegistry.adding("/kb/new", to: item.before) == item.after, "\(item.before)")
        }
    }

    @Test func quotesWhatYAMLWouldReadOtherwise() throws {
        let text = try #require(try DaemonRegistry.adding("/home/marie/Base: équipe #1", to: ""))
        #expect(text.hasSuffix("  - '/home/marie/Base: équipe #1'\n"))
        #expect(try DaemonRegistry.listed(in: text) == ["/home/marie/Base: équipe #1"])
        #expect(try DaemonRegistry.adding("/home/marie/Base: équipe #1/", to: text) == nil, "the same folder")
    }

    @Test func refusesWhatItCannotEditSafely() {
        #expect(throws: DaemonRegistry.Problem.self) { try DaemonRegistry.adding("/kb", to: "knowledge_bases: {a: b}\n") }
        #expect(throws: DaemonRegistry.Problem.self) { try DaemonRegistry.adding("/kb", to: "knowledge_bases: [\n") }
    }

    @Test func removesOnlyThatEntry() throws {
        let text = "# mine\nknowledge_bases:\n  - /kb/a  # office\n  - '/kb/b c'\n  - /kb/d\n"
        #expect(try DaemonRegistry.removing("/kb/b c", from: text) == "# mine\nknowledge_bases:\n  - /kb/a  # office\n  - /kb/d\n")
        #expect(try DaemonRegistry.removing("/kb/zz", from: text) == nil)
    }
}
