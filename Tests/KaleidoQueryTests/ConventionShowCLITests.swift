import Foundation
import Testing

/// `kaleido show CONV`: the consolidated convention, with which avenant changed what.
@Suite struct ConventionShowCLITests {
    typealias Object = [String: Any]

    /// Romans–Sfax 2010 with its avenant n° 1: 2012 is 15 000 + 5 000, 2013 is 12 000 − 3 000.
    @Test func theSampleConventionWithItsAvenant() throws {
        let shown = try #require(try Kaleido.json(["show", "conv-2010-romans-sfax-cooperation"]) as? Object)
        let consolidated = try #require(shown["consolidated"] as? Object)
        #expect(consolidated["applied"] as? [String] == ["conv-2012-avenant-romans-sfax-festivals"])
        #expect(consolidated["effective_until"] as? String == "2013-12-31")
        #expect(consolidated["in_force"] as? Bool == false)
        let lines = try #require(consolidated["financial_commitments"] as? [Object])
        let romans2013 = try #require(lines.first { $0["year"] as? Int == 2013 })
        #expect((romans2013["amount"] as? NSNumber)?.intValue == 9000)
        let history = (romans2013["history"] as? [Object] ?? []).map { "\($0["source"] as? String ?? "") \($0["operation"] as? String ?? "") \(($0["amount"] as? NSNumber)?.stringValue ?? "")" }
        #expect(history == ["conv-2010-romans-sfax-cooperation original 12000", "conv-2012-avenant-romans-sfax-festivals added -3000"])
        let sent = (consolidated["transmissions"] as? [Object] ?? []).map { "\($0["party"] as? String ?? "") \($0["date"] as? String ?? "")" }
        #expect(sent == ["fr-com-26281-romans-sur-isere 2010-07-01"])
    }

    /// Vienne–Kairouan 2024: within its dates, but Vienne never sent it to the préfet.
    @Test func aConventionNotExecutoryForAFrenchParty() throws {
        let shown = try #require(try Kaleido.json(["show", "conv-2024-vienne-kairouan-cooperation"]) as? Object)
        let consolidated = try #require(shown["consolidated"] as? Object)
        #expect(consolidated["in_force"] as? Bool == true && consolidated["executory"] as? Bool == false)
        let text = try Kaleido.run(["show", "conv-2024-vienne-kairouan-cooperation"])
        #expect(text.stdout.contains("d'après ses dates, mais pas exécutoire pour fr-com-38544-vienne"), "\(text.stdout)")
        #expect(text.stdout.contains("non transmise : pas exécutoire pour cette partie"))
    }

    /// An avenant that moves the end date and replaces a commitment, in the text form.
    @Test func anAvenantThatChangesTheEndAndReplacesACommitment() throws {
        let kb = try ScratchKB(copyingSample: ())
        defer { kb.remove() }
        let path = kb.root + "/knowledge/conventions/conv-2012-avenant-romans-sfax-festivals.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "effective_until: \"2013-12-31\"\n", with: "effective_until: \"2013-12-31\"\nnew_end_date: \"2014-06-30\"\n")
            .replacingOccurrences(of: "year: 2013, amount: -3000, currency: EUR, nature: numeraire}", with: "year: 2013, amount: 7000, currency: EUR, nature: numeraire, replaces: true}")
        #expect(changed != text)
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Kaleido.run(["show", "conv-2010-romans-sfax-cooperation"], in: kb.root)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(lines.contains("effective_until 2014-06-30 (modifiée par conv-2012-avenant-romans-sfax-festivals ; initialement 2013-12-31)"), "\(result.stdout)")
        #expect(lines.contains("2013 fr-com-26281-romans-sur-isere Numéraire 7000 EUR (conv-2010-romans-sfax-cooperation 12000 ; conv-2012-avenant-romans-sfax-festivals remplace par 7000)"), "\(result.stdout)")
    }
}
