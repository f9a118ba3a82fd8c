import Foundation
import Testing

/// Task 11 of the consultant's week: "how many days have we spent per client, against what we
/// sold, and who spent them?", one `kaleido days` call. Expected by hand from the timesheets of
/// knowledge/engagements/: Romans (renewal mission, 12 days sold): Karim Benali 1 + 2 + 1.5 =
/// 4.5, Claire Morel 1 + 0.5 = 1.5, 6 used, 6 left; Département de la Vienne (strategy, 30
/// sold): Claire 1 + 2 + 1.5 + 3 + 1 + 2 + 1.5 = 12, Karim 2 + 2.5 + 2 + 1.5 + 1 = 9, 21 used,
/// 9 left. Missions without budget nor timesheet (the closed ones, the proposals) are absent.
@Suite struct Task11DaysPerClientTests {
    typealias Object = [String: Any]

    static func line(_ item: Object) -> String {
        ["client", "engagement", "consultant", "budgeted", "used", "left"].map { key in
            switch item[key] {
            case let number as NSNumber: "\(number.decimalValue)"
            case let text as String: text
            default: "-"
            }
        }.joined(separator: " ")
    }

    @Test func daysPerClient() throws {
        let rows = try #require(try Kaleido.json(["days"]) as? [Object])
        #expect(rows.map(Self.line) == ["fr-com-26281-romans-sur-isere - - 12 6 6", "fr-dep-86-vienne - - 30 21 9"])
    }

    @Test func daysPerClientAndConsultant() throws {
        let rows = try #require(try Kaleido.json(["days", "--by", "consultant"]) as? [Object])
        #expect(rows.map(Self.line) == [
            "fr-com-26281-romans-sur-isere - p-claire-morel - 1.5 -", "fr-com-26281-romans-sur-isere - p-karim-benali - 4.5 -",
            "fr-dep-86-vienne - p-claire-morel - 12 -", "fr-dep-86-vienne - p-karim-benali - 9 -",
        ])
        let romans = try #require(try Kaleido.json(["days", "--by", "consultant", "--client", "Romans-sur-Isère"]) as? [Object])
        #expect(romans.map(Self.line) == ["fr-com-26281-romans-sur-isere - p-claire-morel - 1.5 -", "fr-com-26281-romans-sur-isere - p-karim-benali - 4.5 -"])
    }

    /// The French table: names, not ids, and a total of 42 sold, 27 used, 15 left.
    @Test func frenchTable() throws {
        let result = try Kaleido.run(["days"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("Client ") && lines[0].contains("Jours prévus") && lines[0].contains("Jours passés") && lines[0].hasSuffix("Reste"))
        #expect(lines[2].contains("Romans") && lines[2].split(separator: " ").suffix(3) == ["12", "6.0", "6.0"])
        #expect(lines[3].split(separator: " ").suffix(3) == ["30", "21.0", "9.0"])
        // 12 + 30 sold, 6 + 21 used, 42 − 27 left.
        #expect(lines[4].split(separator: " ") == ["Total", "42", "27.0", "15.0"])
    }
}
