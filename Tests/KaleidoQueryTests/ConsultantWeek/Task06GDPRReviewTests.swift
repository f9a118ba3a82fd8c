import Foundation
import Testing

/// Task 6 of the consultant's week (issue 16): the GDPR review. One command lists the external
/// persons whose review date has passed or who were not met for three years, on the sample
/// (today 2026-11-27, so inactive means no interaction since 2026-11-27 minus 3 years = 2023-11-27).
/// By hand from knowledge/people and knowledge/interactions, members of the cooperative
/// (internal: true) left out:
/// - Bernard Faure: review_after 2025-06-30 has passed; last met 2024-02-10 (recent enough);
/// - Julien Rey: last interaction 2016-04-12; Michel Arnaud: 2013-06-27; Sylvie Perrin:
///   2011-09-23; their review dates (2027-03-31, 2027-06-30, 2027-01-31) are ahead.
/// Everyone else external was met after 2023-11-27 and is due for review after today.
struct Task06GDPRReviewTests {
    @Test func reviewDueAndInactivePersons() throws {
        let people = try #require(try Kaleido.json(["people", "--review-due", "--inactive-for", "3y"]) as? [[String: Any]])
        let rows = people.map { person in
            [person["id"], person["review_after"], person["last_interaction"]].map { $0 as? String ?? "-" }.joined(separator: " ")
                + " " + ((person["reasons"] as? [String]) ?? []).joined(separator: ",")
        }
        #expect(rows == [
            "p-bernard-faure 2025-06-30 2024-02-10 review_due",
            "p-julien-rey 2027-03-31 2016-04-12 inactive",
            "p-michel-arnaud 2027-06-30 2013-06-27 inactive",
            "p-sylvie-perrin 2027-01-31 2011-09-23 inactive",
        ])
    }

    /// The table a consultant reads, in French: the same four persons, with their names.
    @Test func frenchTable() throws {
        let result = try Kaleido.run(["people", "--review-due", "--inactive-for", "3y"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Id") == true && lines.first?.contains("Revue après") == true)
        #expect(lines.dropFirst(2).map { $0.split(separator: " ").prefix(3).joined(separator: " ") } == [
            "p-bernard-faure Bernard Faure", "p-julien-rey Julien Rey", "p-michel-arnaud Michel Arnaud", "p-sylvie-perrin Sylvie Perrin",
        ])
    }
}
