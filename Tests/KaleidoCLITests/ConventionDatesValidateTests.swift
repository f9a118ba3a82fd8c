import Foundation
import Testing
import KaleidoTestSupport

/// `kaleido validate` on a copy of the sample where one convention is made incoherent in one
/// way: exactly one error, `file:line:col` on the offending field (positions counted by hand
/// on conv-2021-romans-sfax-cooperation.yaml: signed 2021-03-15, transmitted 2021-03-29 on
/// line 18, effective 2021-04-01 to 2027-03-31, the 2026 commitment on line 36).
@Suite struct ConventionDatesValidateTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var find: String
        var replace: String
        /// The expected diagnostic line, after the file name.
        var expected: String
        var testDescription: String { name }
    }

    static let file = "knowledge/conventions/conv-2021-romans-sfax-cooperation.yaml"
    static let commitment2026 = "  - {party: fr-com-26281-romans-sur-isere, year: 2026, amount: 18000, currency: EUR, nature: numeraire}"

    static let cases: [Case] = [
        Case(name: "transmission before the signature (older single field)",
             find: "transmitted_to_prefect_on: \"2021-03-29\"", replace: "transmitted_to_prefect_on: \"2021-03-01\"",
             expected: ":18:28: error: the transmission to the préfet (2021-03-01) is before the signature (signed_on 2021-03-15) [convention-dates]"),
        // "  - {party: fr-com-26281-romans-sur-isere, date: " is 49 characters.
        Case(name: "a party's transmission before the signature",
             find: "transmitted_to_prefect_on: \"2021-03-29\"",
             replace: "transmissions:\n  - {party: fr-com-26281-romans-sur-isere, date: \"2021-03-01\"}",
             expected: ":19:50: error: the transmission to the préfet (2021-03-01) is before the signature (signed_on 2021-03-15) [convention-dates]"),
        Case(name: "entry into force before the transmission",
             find: "effective_from: \"2021-04-01\"", replace: "effective_from: \"2021-03-20\"",
             expected: ":19:17: error: effective_from 2021-03-20 is before the transmission to the préfet (2021-03-29); a convention takes effect once transmitted [convention-dates]"),
        // "  - {party: fr-com-26281-romans-sur-isere, year: " is 49 characters.
        Case(name: "a commitment after the convention's last year",
             find: commitment2026, replace: commitment2026.replacingOccurrences(of: "year: 2026", with: "year: 2028"),
             expected: ":36:50: error: a commitment for 2028 is outside the convention's years (2021–2027) [convention-dates]"),
        Case(name: "a commitment before the convention's first year",
             find: commitment2026, replace: commitment2026.replacingOccurrences(of: "year: 2026", with: "year: 2020"),
             expected: ":36:50: error: a commitment for 2020 is outside the convention's years (2021–2027) [convention-dates]"),
        Case(name: "a commitment by a partner who is not a party",
             find: commitment2026, replace: commitment2026.replacingOccurrences(of: "fr-com-26281-romans-sur-isere", with: "fr-dep-86-vienne"),
             expected: ":36:13: error: fr-dep-86-vienne commits funds but is not a party of this convention; add it to parties or fix the commitment [commitment-party]"),
        Case(name: "a termination by a partner who is not a party",
             find: "effective_until: \"2027-03-31\"\n",
             replace: "effective_until: \"2027-03-31\"\nterminated_on: \"2025-06-30\"\nterminated_by: fr-dep-86-vienne\n",
             expected: ":22:16: error: fr-dep-86-vienne terminated this convention but is not one of its parties [commitment-party]"),
        Case(name: "a termination before the signature",
             find: "effective_until: \"2027-03-31\"\n", replace: "effective_until: \"2027-03-31\"\nterminated_on: \"2020-12-31\"\n",
             expected: ":21:16: error: terminated_on 2020-12-31 is before the signature (signed_on 2021-03-15) [convention-dates]"),
    ]

    @Test(arguments: cases)
    func eachIncoherenceIsAnErrorOnItsField(_ example: Case) throws {
        try Run.withSampleKB { root in
            let path = root + "/" + Self.file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try #require(text.contains(example.find))
            try text.replacingOccurrences(of: example.find, with: example.replace).write(toFile: path, atomically: true, encoding: .utf8)
            let run = try Run.kaleido(["validate", "--lang", "en", "--today", "2026-11-27", Self.file], in: root)
            #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
            let errors = run.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
            #expect(errors == [Substring(Self.file + example.expected)], "\(run.stdout)")
        }
    }

    /// Replacing a commitment or moving the end date is an avenant's business only.
    @Test func onlyAnAvenantMovesTheEndDateOrReplacesACommitment() throws {
        try Run.withSampleKB { root in
            let path = root + "/" + Self.file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacingOccurrences(of: "effective_until: \"2027-03-31\"\n", with: "effective_until: \"2027-03-31\"\nnew_end_date: \"2028-03-31\"\n")
                .replacingOccurrences(of: "year: 2026, amount: 18000, currency: EUR, nature: numeraire}", with: "year: 2026, amount: 18000, currency: EUR, nature: numeraire, replaces: true}")
                .write(toFile: path, atomically: true, encoding: .utf8)
            let run = try Run.kaleido(["validate", "--lang", "en", "--today", "2026-11-27", Self.file], in: root)
            #expect(run.status == 1)
            let errors = run.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
            #expect(errors.count == 2, "\(run.stdout)")
            #expect(errors.contains { $0.hasPrefix(Substring(Self.file + ":21:")) && $0.contains("new_end_date") }, "\(run.stdout)")
            #expect(errors.contains { $0.hasPrefix(Substring(Self.file + ":37:")) && $0.contains("replaces") }, "\(run.stdout)")
            // In the sample's avenant both are accepted.
            let avenant = "knowledge/conventions/conv-2012-avenant-romans-sfax-festivals.yaml"
            let avenantText = try String(contentsOfFile: root + "/" + avenant, encoding: .utf8)
            try avenantText.replacingOccurrences(of: "effective_until: \"2013-12-31\"\n", with: "effective_until: \"2013-12-31\"\nnew_end_date: \"2014-06-30\"\n")
                .replacingOccurrences(of: "amount: -3000, currency: EUR, nature: numeraire}", with: "amount: 9000, currency: EUR, nature: numeraire, replaces: true}")
                .write(toFile: root + "/" + avenant, atomically: true, encoding: .utf8)
            let accepted = try Run.kaleido(["validate", "--today", "2026-11-27", avenant], in: root)
            #expect(accepted.status == 0, "\(accepted.stdout)")
        }
    }
}
