import Testing
import KaleidoKB
import KaleidoYAML

/// The GDPR rules of an event's registrations and the date rules of its programme, on records
/// written here: each case expects exactly its findings, at their line and column.
@Suite struct EventRulesTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 27)

    /// The findings (rule, line, column) of the event record `body` (after the common head).
    static func findings(_ body: String) throws -> [String] {
        let text = """
            id: evt-2011-09-arricod-test
            type: event
            kind: atelier
            title: Test
            start: "2011-09"
            location: {city: Dijon, country: FR}

            """ + body
        let root = try YAMLParser().parseDocument(Array(text.utf8)).root
        let record = Record(file: "knowledge/events/evt-2011-09-arricod-test.yaml", root: root)
        return RecordRules(today: today).check(record).map { "\($0.rule) \($0.span.start.line):\($0.span.start.column)" }
    }

    @Test func anAdultNamedWithConsentIsClean() throws {
        #expect(try Self.findings("""
            registrations:
              - name: Marc Vidal
                role: intervenant
                status: present
                age_band: plus_30
                consent: {given_on: "2011-09-05", scope: Programme et actes}
              - {person: p-sylvie-perrin, role: participant, status: inscrit, consent: {given_on: "2011-09-01"}}
              - {role: participant, status: present, country: FR, age_band: age_18_25}
            counts:
              - {country: FR, sex: femme, age_band: age_13_17, number: 8}
            """) == [])
    }

    @Test func anAdultNamedWithoutConsentIsAnError() throws {
        #expect(try Self.findings("""
            registrations:
              - name: Marc Vidal
                role: intervenant
                status: present
              - {person: p-sylvie-perrin, role: participant, status: inscrit, consent: {scope: actes}}
            """) == ["gdpr-consent 8:11", "gdpr-consent 11:14"])
    }

    @Test func aNamedMinorIsAnErrorWhateverSaysSo() throws {
        #expect(try Self.findings("""
            registrations:
              - {name: Léa, role: participant, status: present, minor: true, consent: {given_on: "2011-09-01"}}
              - {person: p-lea-dubois, role: participant, status: present, age_band: age_13_17, consent: {given_on: "2011-09-01"}}
              - {name: Tom, role: participant, status: present, birth_year: 1995, consent: {given_on: "2011-09-01"}}
              - {name: Ana, role: participant, status: present, birth_year: 1993, consent: {given_on: "2011-09-01"}}
            """) == ["gdpr-minor 8:12", "gdpr-minor 9:14", "gdpr-minor 10:12"])
    }

    @Test func anAnonymousMinorIsStillNotRecordedOneByOne() throws {
        #expect(try Self.findings("""
            registrations:
              - {role: participant, status: present, country: TN, age_band: moins_13}
            """) == ["gdpr-minor 8:5"])
    }

    @Test func sessionsEndAfterTheyStartWithinTheEvent() throws {
        #expect(try Self.findings("""
            programme:
              - {start: "2011-09-22T09:30", end: "2011-09-22T10:30", title: Ouverture}
              - {start: "2011-09-22T11:00", end: "2011-09-22T10:00", title: À l'envers}
              - {start: "2011-10-01T09:00", title: Trop tard}
            """) == ["date-order 9:38", "session-date 10:13"])
    }
}
