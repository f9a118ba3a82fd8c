import KaleidoKB
import KaleidoWorkspace
import Testing

/// `PersonForgetting` on a small in-memory KB: each way a record can hold the person (flow and
/// block lists, a key, plain, quoted and block text, a comment, an escaped name) and the exact
/// bytes each edit leaves, the rest of the file untouched.
struct PersonForgettingTests {
    static let person = """
        id: p-helene-garnier
        type: person
        full_name: Hélène Garnier
        aliases: [H. Garnier]
        affiliations:
          - {partner: fr-com-38544-vienne, role: charge_mission_ri, title: Chargée de mission}
          - {partner: fr-com-38544-vienne, role: contact_projet}
        legal_basis: interet_legitime
        review_after: "2027-09-30"
        emails: [h.garnier@mairie.example]
        phones: ["+33474000001"]

        """

    static let interaction = """
        id: int-2026-01-05-vienne-point
        type: interaction
        date: "2026-01-05"
        kind: appel
        # Rappeler H. Garnier au 04 74 00 00 01.
        summary: Point avec Hélène
          Garnier sur le bilan.
        notes: |
          Compte rendu envoyé à h.garnier@mairie.example ;
          copie à Hélène Garnierová (homonyme, pas elle).
        title: "H\\u00e9l\\u00e8ne Garnier, Vienne"
        persons: [p-lea-dubois, p-helene-garnier, p-karim-benali]
        others: [p-karim-benali, p-helene-garnier]
        assignee: p-helene-garnier
        list:
          - p-helene-garnier
          - p-lea-dubois

        """

    static func plan(_ mode: ForgetPlan.Mode) throws -> ForgetPlan {
        let files = ["kb/knowledge/people/p-helene-garnier.yaml": person, "kb/knowledge/interactions/int-2026-01-05-vienne-point.yaml": interaction]
        let kb = KnowledgeBase(root: "/kb", config: KBConfig(), fileSystem: InMemoryFileSystem(files: files))
        let forgetting = PersonForgetting(kb: kb, mode: mode, token: "[X]", idToken: "x", anonymisedID: "p-anonyme-1", today: CalendarDay(year: 2026, month: 11, day: 27))
        return try forgetting.plan(personID: "p-helene-garnier")
    }

    @Test func anonymiseEditsEachPlaceInTheSource() throws {
        let plan = try Self.plan(.anonymise)
        let edited = String(decoding: try #require(plan.writes["knowledge/interactions/int-2026-01-05-vienne-point.yaml"]), as: UTF8.self)
        #expect(edited == """
            id: int-2026-01-05-vienne-point
            type: interaction
            date: "2026-01-05"
            kind: appel
            # Rappeler [X] au [X].
            summary: Point avec [X] sur le bilan.
            notes: |
              Compte rendu envoyé à [X] ;
              copie à Hélène Garnierová (homonyme, pas elle).
            title: '[X], Vienne'
            persons: [p-lea-dubois, p-anonyme-1, p-karim-benali]
            others: [p-karim-benali, p-anonyme-1]
            assignee: p-anonyme-1
            list:
              - p-anonyme-1
              - p-lea-dubois

            """)
        #expect(plan.writes["knowledge/people/p-anonyme-1.yaml"].map { String(decoding: $0, as: UTF8.self) } == """
            id: p-anonyme-1
            type: person
            full_name: "[X]"
            affiliations:
              - {partner: fr-com-38544-vienne, role: charge_mission_ri}
              - {partner: fr-com-38544-vienne, role: contact_projet}
            legal_basis: interet_legitime
            review_after: "2027-09-30"
            anonymised_on: "2026-11-27"

            """)
        #expect(plan.removals == ["knowledge/people/p-helene-garnier.yaml"])
        // Places: line:col of each, by hand (the escaped title is found at its start).
        #expect(plan.places.map { "\($0.file.hasPrefix("knowledge/people") ? "person" : "int"):\($0.line):\($0.column) \($0.field)" } == [
            "int:5:12 ", "int:5:26 ", "int:6:21 summary", "int:9:25 notes", "int:11:8 title",
            "int:12:25 persons[1]", "int:13:26 others[1]", "int:14:11 assignee", "int:16:5 list[0]",
            "person:1:1 ",
        ])
    }

    @Test func removeTakesTheItemOrKeyWithIt() throws {
        let plan = try Self.plan(.remove)
        let edited = String(decoding: try #require(plan.writes["knowledge/interactions/int-2026-01-05-vienne-point.yaml"]), as: UTF8.self)
        #expect(edited.hasSuffix("""
            title: '[X], Vienne'
            persons: [p-lea-dubois, p-karim-benali]
            others: [p-karim-benali]
            list:
              - p-lea-dubois

            """))
        #expect(plan.writes.count == 1 && plan.anonymisedID == nil)
    }

    /// A homonym: the shared full name is left in free text (it may be about the other one);
    /// the alias, e-mail, phone and id still go, and the other person's record is untouched.
    @Test func aNameAnotherPersonBearsIsLeftAlone() throws {
        let files = [
            "kb/knowledge/people/p-helene-garnier.yaml": Self.person,
            "kb/knowledge/people/p-helene-garnier-2.yaml": "id: p-helene-garnier-2\ntype: person\nfull_name: HELENE GARNIER\n",
            "kb/knowledge/interactions/int-2026-01-05-vienne-point.yaml": Self.interaction,
        ]
        let kb = KnowledgeBase(root: "/kb", config: KBConfig(), fileSystem: InMemoryFileSystem(files: files))
        let forgetting = PersonForgetting(kb: kb, mode: .anonymise, token: "[X]", idToken: "x", anonymisedID: "p-anonyme-1", today: CalendarDay(year: 2026, month: 11, day: 27))
        let plan = try forgetting.plan(personID: "p-helene-garnier")
        #expect(plan.sharedNames == ["Hélène Garnier"])
        #expect(plan.writes["knowledge/people/p-helene-garnier-2.yaml"] == nil)
        let edited = String(decoding: try #require(plan.writes["knowledge/interactions/int-2026-01-05-vienne-point.yaml"]), as: UTF8.self)
        #expect(edited.contains("# Rappeler [X] au [X].\nsummary: Point avec Hélène\n  Garnier sur le bilan.\n"))
        #expect(edited.contains("persons: [p-lea-dubois, p-anonyme-1, p-karim-benali]"))
    }

    @Test func unknownPersonIsRefused() throws {
        let kb = KnowledgeBase(root: "/kb", config: KBConfig(), fileSystem: InMemoryFileSystem(files: ["kb/knowledge/people/p-helene-garnier.yaml": Self.person]))
        let forgetting = PersonForgetting(kb: kb, mode: .anonymise, token: "[X]", idToken: "x", anonymisedID: "p-anonyme-1", today: CalendarDay(year: 2026, month: 11, day: 27))
        #expect(throws: WorkspaceError.invalid("no person record has the id p-lea-dubois")) { try forgetting.plan(personID: "p-lea-dubois") }
    }
}
