import Foundation
import KaleidoKB
import KaleidoQuery
import Testing

/// The query commands end to end: the built `kaleido` on the sample KB, JSON output decoded.
@Suite(.serialized) struct CLIQueryTests {
    typealias Object = [String: Any]

    @Test(arguments: ["sfax", "SFAX", "Safaqis", "صفاقس", "بلدية صفاقس", "Municipalite de Sfax", "tn-mun-sfax"])
    func historyFindsSfaxByAnyName(_ name: String) throws {
        let entries = try #require(try Kaleido.json(["history", name, "--since", "2008"]) as? [Object])
        #expect(entries.count == 16)
        #expect(entries.first?.keys.sorted() == ["end", "id", "relation", "start", "title", "type"])
        #expect(!entries.contains { ($0["id"] as? String)?.contains("gouv") ?? false })
        // Sorted by first day (the starts are printed as written: `2027-04-01` before `2027-04`).
        let starts = entries.compactMap { ($0["start"] as? String).flatMap(PartialDate.init)?.first }
        #expect(starts.count == entries.count && starts == starts.sorted())
        let relations = Dictionary(entries.map { ($0["id"] as? String ?? "", $0["relation"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(relations["conv-2021-romans-sfax-cooperation"] == "party")
        #expect(relations["p-mohamed-trabelsi"] == "affiliation")
        #expect(relations["evt-2011-11-24-sfax-comite-pilotage"] == "organiser")
    }

    @Test func ambiguousNameListsTheCandidates() throws {
        let result = try Kaleido.run(["history", "Vienne"])
        #expect(result.status == 2)
        for id in ["fr-com-38544-vienne", "fr-dep-86-vienne", "at-mun-wien"] { #expect(result.stderr.contains(id)) }
        #expect(result.stdout.isEmpty)
        // A more precise alias, or the governorate's own names, resolve.
        let commune = try #require(try Kaleido.json(["history", "Vienne (Isère)"]) as? [Object])
        #expect(commune.contains { $0["id"] as? String == "prj-2009-passeport-pour-le-monde" })
        let governorate = try #require(try Kaleido.json(["history", "ولاية صفاقس"]) as? [Object])
        #expect(Set(governorate.compactMap { $0["id"] as? String }).isSuperset(of: ["conv-2005-vienne86-gouvernorat-sfax", "prj-2008-vienne86-sfax-formation-cadres"]))
        let unknown = try Kaleido.run(["history", "Atlantis"])
        #expect(unknown.status == 2 && unknown.stderr.contains("kaleido find"))
    }

    @Test func historyPeriodAndRelatedPartners() throws {
        let until2012 = try #require(try Kaleido.json(["history", "sfax", "--until", "2011"]) as? [Object])
        #expect(Set(until2012.compactMap { $0["id"] as? String }) == [
            "p-mohamed-trabelsi", "ptn-fr-com-26281-romans-sur-isere--tn-mun-sfax", "conv-2010-romans-sfax-cooperation",
            "prj-2011-romans-festivals-jeunesse-sfax", "evt-2011-05-12-romans-atelier-jeunesse-festivals-tunisie", "evt-2011-11-24-sfax-comite-pilotage",
        ])
        let related = try #require(try Kaleido.json(["history", "sfax", "--include-related"]) as? [Object])
        let added = related.filter { $0["via"] != nil }
        // Romans is the other party of the shared partnership: its own records come in, marked.
        #expect(!added.isEmpty && added.allSatisfy { $0["via"] as? String == "fr-com-26281-romans-sur-isere" })
        #expect(added.contains { $0["id"] as? String == "eng-2026-romans-renouvellement-convention" })
        #expect(related.count == 16 + added.count)
    }

    /// Relations read in the table's language; JSON keeps their names.
    @Test func relationsAreLabelledInTheTablesLanguage() throws {
        func row(_ output: String, _ id: String) -> String { output.split(separator: "\n").first { $0.hasSuffix(id) }.map(String.init) ?? "" }
        let partnership = "ptn-fr-com-26281-romans-sur-isere--tn-mun-sfax"
        let french = try Kaleido.run(["history", "tn-mun-sfax"]).stdout
        #expect(row(french, partnership).contains(" partie "), "\(row(french, partnership))")
        #expect(row(french, "prj-2011-romans-festivals-jeunesse-sfax").contains(" partenaire "))
        let english = try Kaleido.run(["history", "tn-mun-sfax", "--lang", "en"]).stdout
        #expect(row(english, partnership).contains(" party "))
        let json = try Kaleido.run(["history", "tn-mun-sfax", "--format", "json"]).stdout
        #expect(json.contains("\"id\": \"\(partnership)\", \"type\": \"partnership\"") && json.contains("\"relation\": \"party\""))
        #expect(Vocabulary.relationLabel("predecessor", language: .fr) == "prédécesseur")
        #expect(Vocabulary.relationLabel("something_new", language: .fr) == "something_new")
    }

    @Test func tableIsGroupedByYearAndAligned() throws {
        let result = try Kaleido.run(["history", "sfax", "--lang", "en"])
        #expect(result.status == 0)
        var lines = result.stdout.split(separator: "\n").map(String.init)
        for year in ["2010", "2011", "2017", "2027"] { #expect(lines.contains(year)) }
        // The partner chosen comes first, then the table.
        #expect(lines.first == "Partner: tn-mun-sfax — Municipalité de Sfax")
        lines.removeFirst(lines.firstIndex { $0.hasPrefix("Dates") } ?? 0)
        // Every data row starts its "Type" column at the same display column.
        let header = try #require(lines.first)
        let typeColumn = try #require(header.range(of: "Type")).lowerBound.utf16Offset(in: header)
        for line in lines.dropFirst(2) where line.contains("conv-") {
            #expect(String(line.prefix(typeColumn + 10)).dropFirst(typeColumn).hasPrefix("convention"))
        }
    }

    @Test func listFiltersThroughListsReferencesAndDates() throws {
        let tunisian = try #require(try Kaleido.json(["list", "partner", "--where", "country=TN"]) as? [Object])
        #expect(Set(tunisian.compactMap { $0["id"] as? String }) == ["tn-mun-sfax", "tn-gouv-sfax", "tn-mun-kairouan"])
        let youth = try #require(try Kaleido.json(["list", "project", "--where", "themes~jeunesse", "--where", "countries=TN",
                                                   "--during", "2010..2015"]) as? [Object])
        #expect(youth.compactMap { $0["id"] as? String } == ["prj-2009-passeport-pour-le-monde", "prj-2011-romans-festivals-jeunesse-sfax"])
        // JSON output is the full records, numbers exact.
        #expect((youth.first?["budget"] as? Object)?["total"] as? Int == 98500)
        let frTn = try #require(try Kaleido.json(["list", "partnership", "--where", "parties.partner.country=TN",
                                                  "--where", "parties.partner.country=FR", "--where", "status in actif,en_sommeil"]) as? [Object])
        #expect(frTn.count == 2)
        let since = try #require(try Kaleido.json(["list", "convention", "--where", "effective_from>=2021", "--sort", "effective_from"]) as? [Object])
        #expect(since.compactMap { $0["id"] as? String } == [
            "conv-2021-romans-sfax-cooperation", "conv-2024-vienne-kairouan-cooperation", "conv-2025-vienne-molde-jeunesse",
            "conv-2025-romans-sfax-festival-jeunesse", "conv-2027-romans-sfax-cooperation",
        ])
        // `--sort -FIELD` (a separate argument starting with `-`) sorts descending.
        let latest = try #require(try Kaleido.json(["list", "convention", "--where", "effective_from>=2021", "--sort", "-effective_from"]) as? [Object])
        #expect(latest.compactMap { $0["id"] as? String }.first == "conv-2027-romans-sfax-cooperation")
        #expect(latest.compactMap { $0["id"] as? String }.last == "conv-2021-romans-sfax-cooperation")
        let bad = try Kaleido.run(["list", "project", "--where", "status"])
        #expect(bad.status == 2 && bad.stderr.contains("FIELD=VALUE"))
    }

    @Test func listGroupsAndSumsExactly() throws {
        let groups = try #require(try Kaleido.json([
            "list", "project", "--where", "funding.status in accorde,verse_partiel,solde", "--where", "funding.decided_on>=2009",
            "--group-by", "funding.funder,funding.decided_on:year", "--sum", "funding.amount_granted",
        ]) as? [Object])
        // Money: each group's sum is a list of {amount, currency}, one per currency.
        func sums(_ group: Object) -> String {
            (group["sum"] as? [Object] ?? []).map { "\(($0["amount"] as? NSNumber)?.stringValue ?? "") \($0["currency"] ?? "")" }.joined(separator: "; ")
        }
        let rows = groups.map { "\($0["funding.decided_on:year"] as? String ?? "") \($0["funding.funder"] as? String ?? "") \(sums($0))" }
        #expect(rows.contains("2009 fr-agence-afpeja 26450.5 EUR"))
        #expect(rows.contains("2012 fr-agence-afpeja 18432.5 EUR"))
        #expect(rows.contains("2017 tn-mun-sfax 12000 TND"))
        let text = try Kaleido.run(["list", "project", "--where", "funding.status in accorde,verse_partiel,solde", "--group-by", "funding.funder",
                                    "--sum", "funding.amount_granted", "--format", "csv"])
        // 26450.50 + 18432.50, printed exactly with the operands' two decimals.
        #expect(text.stdout.contains("fr-agence-afpeja,44883.00,EUR"))
        let counted = try #require(try Kaleido.json(["list", "event", "--group-by", "kind", "--count"]) as? [Object])
        // Ateliers: Romans 2011-05-12, and the two workshops of the ARRICOD Université 2011.
        #expect(counted.first { $0["kind"] as? String == "atelier" }?["count"] as? Int == 3)
    }

    @Test func shortcuts() throws {
        let ending = try #require(try Kaleido.json(["conventions", "--ending-within", "6m"]) as? [Object])
        #expect(ending.compactMap { $0["id"] as? String } == ["conv-2021-romans-sfax-cooperation", "conv-2024-vienne-kairouan-cooperation"])
        #expect(ending.first?["successor"] as? String == "conv-2027-romans-sfax-cooperation")
        let gaps = try #require(try Kaleido.json(["conventions", "--gaps"]) as? [Object])
        #expect(gaps.compactMap { $0["id"] as? String } == ["conv-2024-vienne-kairouan-cooperation", "conv-2025-romans-sfax-festival-jeunesse"])
        let people = try #require(try Kaleido.json(["people", "--review-due"]) as? [Object])
        #expect(people.compactMap { $0["id"] as? String } == ["p-bernard-faure"])
        let inactive = try #require(try Kaleido.json(["people", "--inactive-for", "3y"]) as? [Object])
        #expect(inactive.compactMap { $0["id"] as? String } == ["p-julien-rey", "p-michel-arnaud", "p-sylvie-perrin"])
        let funding = try #require(try Kaleido.json(["funding", "--by", "funder,year", "--since", "2009"]) as? [Object])
        // One row per funder, year and currency (Sfax's 2017 grant in dinars is a row of its own).
        #expect(funding.count == 11)
        #expect(funding.contains { $0["funder"] as? String == "fr-agence-afpeja" && $0["year"] as? Int == 2009 && ($0["amount"] as? NSNumber)?.stringValue == "26450.5" })
        let calls = try #require(try Kaleido.json(["calls", "--closing-within", "60d"]) as? [Object])
        #expect(calls.compactMap { $0["id"] as? String } == ["aap-aura-2026-cooperation-mediterranee", "aap-meae-2026-cooperation-decentralisee"])
        #expect(calls.allSatisfy { ($0["clients"] as? [String]) == ["fr-com-26281-romans-sur-isere", "fr-com-38544-vienne"] })
    }

    @Test func findRanksNamesFirstAndShowResolvesReferences() throws {
        let hits = try #require(try Kaleido.json(["find", "CHERIF"]) as? [Object])
        #expect(hits.first?["id"] as? String == "p-nadia-cherif")
        let arabic = try #require(try Kaleido.json(["find", "صفاقس"]) as? [Object])
        #expect(arabic.first?["id"] as? String == "tn-mun-sfax")
        let festival = try #require(try Kaleido.json(["find", "festivals", "sfax"]) as? [Object])
        #expect(festival.contains { $0["id"] as? String == "prj-2011-romans-festivals-jeunesse-sfax" })
        let shown = try #require(try Kaleido.json(["show", "conv-2021-romans-sfax-cooperation"]) as? Object)
        let references = try #require(shown["references"] as? [Object])
        #expect(references.contains { $0["id"] as? String == "tn-mun-sfax" && $0["title"] as? String == "Municipalité de Sfax" })
        let back = try #require(shown["referenced_by"] as? [Object])
        #expect(back.contains { $0["id"] as? String == "conv-2027-romans-sfax-cooperation" && $0["relation"] as? String == "supersedes" })
        #expect(try Kaleido.run(["show", "nope"]).status == 2)
    }
}
