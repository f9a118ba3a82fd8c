import Foundation
import Testing

/// Task 14 of the consultant's week (issue 16): this week's follow-ups per consultant, from the
/// interactions' `next_step: {date, action, by}` (`by` defaults to the interaction's assignee).
/// By hand from knowledge/interactions (five next steps):
/// - int-2011-01-18 2011-02-15 and int-2026-09-15 2026-10-19: long past;
/// - int-2026-11-05 2026-12-04 "Livrer la note stratégique", assignee Claire Morel;
/// - int-2026-11-20 "2026-12" (some day of December) "Vérifier l'accusé de réception…",
///   assignee Karim Benali;
/// - int-2026-10-22 2026-12-10 "Comité de pilotage…", by Karim Benali.
/// The week of Thursday 2026-12-03 runs Monday 2026-11-30 to Sunday 2026-12-06: Claire's
/// delivery and Karim's December check. The next week (7–13 December): Karim's two steps, the
/// month-dated one first (it may fall on 1 December).
struct Task14WeeklyFollowUpsTests {
    static func rows(_ arguments: [String]) throws -> [String] {
        let steps = try #require(try Kaleido.json(["followups"] + arguments) as? [[String: Any]])
        return steps.map { step in ["by", "date", "interaction", "action"].map { step[$0] as? String ?? "-" }.joined(separator: " | ") }
    }

    @Test func thisWeeksFollowUpsPerConsultant() throws {
        #expect(try Self.rows(["--week", "2026-12-03"]) == [
            "p-claire-morel | 2026-12-04 | int-2026-11-05-dep86-point-etape | Livrer la note stratégique",
            "p-karim-benali | 2026-12 | int-2026-11-20-vienne-relance-prefecture | Vérifier l'accusé de réception de la préfecture de l'Isère",
        ])
    }

    @Test func nextWeekAndOneConsultant() throws {
        let karim = [
            "p-karim-benali | 2026-12 | int-2026-11-20-vienne-relance-prefecture | Vérifier l'accusé de réception de la préfecture de l'Isère",
            "p-karim-benali | 2026-12-10 | int-2026-10-22-sfax-atelier-coredaction | Comité de pilotage : validation du projet de convention",
        ]
        #expect(try Self.rows(["--week", "2026-12-13"]) == karim)
        #expect(try Self.rows(["--week", "2026-12-07", "--by", "karim"]) == karim)
        #expect(try Self.rows(["--week", "2026-12-07", "--by", "Claire Morel"]) == [])
        // Today (2026-11-27) is in the week of 23–29 November: nothing is due.
        #expect(try Self.rows([]) == [])
    }

    @Test func frenchTableAndUsageErrors() throws {
        let table = try Kaleido.run(["followups", "--week", "2026-12-03"])
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Qui") == true && lines.first?.contains("Échéance") == true)
        #expect(lines.count == 4 && lines[2].hasPrefix("Claire Morel") && lines[3].hasPrefix("Karim Benali"))
        let empty = try Kaleido.run(["followups", "--week", "2026-11-27"])
        #expect(empty.status == 0 && empty.stderr.contains("Aucune prochaine étape du 2026-11-23 au 2026-11-29."))
        let badDate = try Kaleido.run(["followups", "--week", "2026-12"])
        #expect(badDate.status == 2 && badDate.stderr.contains("--week 2026-12 : attendu une date AAAA-MM-JJ"))
        let unknown = try Kaleido.run(["followups", "--by", "Personne Inconnue"])
        #expect(unknown.status == 2 && unknown.stderr.contains("aucune personne ne s'appelle « Personne Inconnue »"))
    }
}
