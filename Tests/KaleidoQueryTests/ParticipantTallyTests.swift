import Testing
import KaleidoQuery

/// `ParticipantTally` on record values written here: registrations count one unless absent or
/// cancelled, counts their number, a birth year gives the band of the age reached in the
/// event's year, and events add up.
@Suite struct ParticipantTallyTests {
    static func event(start: String, registrations: [[(String, String)]], counts: [[(String, String)]]) -> QValue {
        func item(_ pairs: [(String, String)]) -> QValue {
            .map(pairs.map { (key: $0.0, value: $0.0 == "number" || $0.0 == "birth_year" ? .number($0.1) : .string($0.1)) })
        }
        return .map([(key: "start", value: .string(start)), (key: "registrations", value: .list(registrations.map(item))),
                     (key: "counts", value: .list(counts.map(item)))])
    }

    @Test func sumsByCountryAndAgeBand() {
        let first = Self.event(start: "2012-07-02", registrations: [
            [("country", "FR"), ("birth_year", "1990"), ("status", "present")],  // 22 in 2012
            [("country", "FR"), ("birth_year", "1982"), ("status", "confirme")],  // 30
            [("country", "DE"), ("age_band", "plus_30"), ("status", "absent")],  // left out
            [("country", "DE"), ("status", "annule")],  // left out
            [("country", "DE"), ("status", "inscrit")],  // no age: empty band
        ], counts: [[("country", "DE"), ("age_band", "age_13_17"), ("number", "7")]])
        let second = Self.event(start: "2013", registrations: [], counts: [[("country", "FR"), ("age_band", "age_18_25"), ("number", "3")]])
        let tally = ParticipantTally(events: [first, second], by: [.country, .ageBand])
        #expect(tally.groups.map { "\($0.values.joined(separator: " ")) \($0.number)" } == [
            "DE age_13_17 7", "DE  1", "FR age_18_25 4", "FR age_26_30 1",
        ])
        #expect(tally.total == 13)
        #expect(tally.leftOut == 2)
    }

    @Test func ageBandsAtTheirLimits() {
        #expect([12, 13, 17, 18, 25, 26, 30, 31].map(ParticipantTally.ageBand) == [
            "moins_13", "age_13_17", "age_13_17", "age_18_25", "age_18_25", "age_26_30", "age_26_30", "plus_30",
        ])
    }
}
