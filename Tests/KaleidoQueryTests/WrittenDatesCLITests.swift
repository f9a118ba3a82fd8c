import Foundation
import KaleidoKB
import Testing

/// Every query output prints dates as written (`2009`, `2010-06`, `2010-07-01`): history in
/// JSON, table, CSV and Markdown, the report, list and show, the shortcut commands; and a cache
/// of the previous format is rebuilt rather than read with the wrong dates.
@Suite(.serialized) struct WrittenDatesCLITests {
    typealias Object = [String: Any]

    static func dates(_ entries: [Object]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: entries.map { entry in
            (entry["id"] as? String ?? "", "\(entry["start"] as? String ?? "null") \(entry["end"] as? String ?? "null")")
        })
    }

    static func ids(_ entries: [Object]) -> Set<String> { Set(entries.compactMap { $0["id"] as? String }) }

    @Test func historyJSONShowsTheWrittenPrecision() throws {
        let entries = try #require(try Kaleido.json(["history", "tn-mun-sfax"]) as? [Object])
        let dates = Self.dates(entries)
        // people/p-mohamed-trabelsi: affiliations from "2009" until "2011-12", then from "2012-01".
        #expect(dates["p-mohamed-trabelsi"] == "2009 null")
        #expect(dates["ptn-fr-com-26281-romans-sur-isere--tn-mun-sfax"] == "2010-06 null")
        #expect(dates["prj-2011-romans-festivals-jeunesse-sfax"] == "2011-03 2013-12")
        #expect(dates["prj-2017-romans-sfax-jeunes-ambassadeurs"] == "2017-09 2019-06")
        #expect(dates["conv-2010-romans-sfax-cooperation"] == "2010-07-01 2013-12-31")
        #expect(dates["evt-2011-11-24-sfax-comite-pilotage"] == "2011-11-24 2011-11-24")
        let kairouan = Self.dates(try #require(try Kaleido.json(["history", "tn-mun-kairouan"]) as? [Object]))
        #expect(kairouan["ptn-fr-com-38544-vienne--tn-mun-kairouan"] == "2009 null")
        #expect(kairouan["prj-2024-vienne-kairouan-dechets"] == "2024-01 2027-04")
    }

    /// Bounds are intervals too: `--until 2010-06` reaches a partnership written `2010-06`, not
    /// a convention in force from 1 July; `--since 2013-12` reaches a project ending `2013-12`,
    /// `--since 2014-01` does not.
    @Test(arguments: [
        (["--until", "2010-06"], ["ptn-fr-com-26281-romans-sur-isere--tn-mun-sfax", "p-mohamed-trabelsi"], ["conv-2010-romans-sfax-cooperation"]),
        (["--until", "2010-05-31"], ["p-mohamed-trabelsi"], ["ptn-fr-com-26281-romans-sur-isere--tn-mun-sfax"]),
        (["--until", "2009"], ["p-mohamed-trabelsi"], ["ptn-fr-com-26281-romans-sur-isere--tn-mun-sfax"]),
        (["--since", "2013-12"], ["prj-2011-romans-festivals-jeunesse-sfax", "conv-2012-avenant-romans-sfax-festivals"], ["evt-2011-11-24-sfax-comite-pilotage"]),
        (["--since", "2014-01"], ["prj-2017-romans-sfax-jeunes-ambassadeurs"], ["prj-2011-romans-festivals-jeunesse-sfax", "conv-2010-romans-sfax-cooperation"]),
        (["--since", "2019-06-30", "--until", "2019-07"], ["prj-2017-romans-sfax-jeunes-ambassadeurs"], ["conv-2021-romans-sfax-cooperation"]),
        (["--since", "2019-07", "--until", "2021"], ["conv-2021-romans-sfax-cooperation"], ["prj-2017-romans-sfax-jeunes-ambassadeurs"]),
    ])
    func partialBoundsCompareAsIntervals(_ bounds: [String], _ kept: [String], _ left: [String]) throws {
        let found = Self.ids(try #require(try Kaleido.json(["history", "sfax"] + bounds) as? [Object]))
        #expect(found.isSuperset(of: kept), "\(bounds): \(found.sorted())")
        #expect(found.isDisjoint(with: left), "\(bounds): \(found.sorted())")
    }

    @Test func tableCSVAndMarkdownShowTheWrittenDates() throws {
        let table = try Kaleido.run(["history", "sfax", "--lang", "en"])
        #expect(table.status == 0)
        let rows = table.stdout.split(separator: "\n").map(String.init)
        for (start, id) in [("2009 → …", "p-mohamed-trabelsi"), ("2010-06 → …", "ptn-fr-com-26281-romans-sur-isere--tn-mun-sfax"),
                            ("2011-03 → 2013-12", "prj-2011-romans-festivals-jeunesse-sfax"), ("2011-11-24 ", "evt-2011-11-24-sfax-comite-pilotage")] {
            #expect(rows.contains { $0.hasPrefix(start) && $0.hasSuffix(id) }, "\(id)")
        }
        #expect(!table.stdout.contains("2009-01-01") && !table.stdout.contains("2010-06-01") && !table.stdout.contains("2013-12-01"))
        let csv = try Kaleido.run(["history", "sfax", "--lang", "en", "--format", "csv"])
        #expect(csv.stdout.contains("\r\n2010-06 → …,partnership,"))
        let markdown = try Kaleido.run(["history", "sfax", "--lang", "en", "--format", "markdown"])
        #expect(markdown.stdout.contains("| 2017-09 → 2019-06 | project |"))
        #expect(!csv.stdout.contains("2009-01-01") && !markdown.stdout.contains("2017-09-01"))
    }

    @Test func reportShowsTheWrittenDates() throws {
        // --include interne: the 2027 project (a draft, interne) is one of the dates checked.
        let markdown = try Kaleido.run(["report", "sfax", "--lang", "en", "--include", "interne"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("| 2010-06 → … | partnership |"))
        #expect(markdown.stdout.contains("| 2027-04 → 2030-03 | project |"))
        // Projects keep their months; the contacts their affiliations' own dates.
        #expect(markdown.stdout.contains("| Jeunesse et festivals — échanges de jeunes Romans-sur-Isère – Sfax | Closed | 2011-03 → 2013-12 |"))
        #expect(markdown.stdout.contains("| Mohamed Trabelsi | Chef du service des affaires culturelles | Technical officer | 2009 → 2011-12 |"))
        #expect(markdown.stdout.contains("| Mohamed Trabelsi | Directeur de la coopération internationale | Senior manager | 2012-01 → … |"))
        let html = try Kaleido.run(["report", "sfax", "--format", "html"])
        #expect(html.stdout.contains("<td dir=\"auto\">2011-03 → 2013-12</td>"))
        #expect(html.stdout.contains("<td dir=\"auto\">2009 → 2011-12</td>"))
        #expect(!html.stdout.contains("2009-01-01") && !html.stdout.contains("2010-06-01"))
    }

    @Test func listAndShowPrintValuesAsWritten() throws {
        let sorted = try Kaleido.run(["list", "project", "--sort", "start", "--format", "csv"])
        let lines = sorted.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "id,title,status,start,end")
        #expect(lines.dropFirst().first?.hasSuffix(",2008-01,2009-06") ?? false)
        #expect(lines.contains { $0.hasPrefix("prj-2011-romans-festivals-jeunesse-sfax,") && $0.hasSuffix(",2011-03,2013-12") })
        let shown = try #require(try Kaleido.json(["show", "ptn-fr-com-26281-romans-sur-isere--tn-mun-sfax"]) as? Object)
        #expect((shown["record"] as? Object)?["since"] as? String == "2010-06")
    }

    /// A scratch copy whose conventions, calls and people are dated by month.
    @Test func shortcutsShowTheWrittenDates() throws {
        let scratch = try ScratchKB(copyingSample: ())
        defer { scratch.remove() }
        func edit(_ file: String, _ old: String, _ new: String) throws {
            let path = scratch.root + "/knowledge/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(old), "\(file)")
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: false, encoding: .utf8)
        }
        try edit("conventions/conv-2021-romans-sfax-cooperation.yaml", "effective_until: \"2027-03-31\"", "effective_until: \"2027-03\"")
        try edit("calls/aap-meae-2026-cooperation-decentralisee.yaml", "closes_on: \"2027-01-15\"", "closes_on: \"2027-01\"")
        try edit("people/p-bernard-faure.yaml", "review_after: \"2025-06-30\"", "review_after: \"2025-06\"")
        try edit("people/p-julien-rey.yaml", "last_interaction: \"2016-04-12\"", "last_interaction: \"2016-04\"")

        let ending = try #require(try Kaleido.json(["conventions", "--ending-within", "6m"], in: scratch.root) as? [Object])
        #expect(ending.first { $0["id"] as? String == "conv-2021-romans-sfax-cooperation" }?["ends"] as? String == "2027-03")
        let table = try Kaleido.run(["conventions", "--ending-within", "6m"], in: scratch.root)
        #expect(table.stdout.split(separator: "\n").contains { $0.hasPrefix("conv-2021-romans-sfax-cooperation ") && $0.contains(" 2027-03 ") })
        // "2027-01" closes on the 31st: beyond 60 days from 27 November, within 70.
        let sixty = try #require(try Kaleido.json(["calls", "--closing-within", "60d"], in: scratch.root) as? [Object])
        #expect(!Self.ids(sixty).contains("aap-meae-2026-cooperation-decentralisee"))
        let seventy = try #require(try Kaleido.json(["calls", "--closing-within", "70d"], in: scratch.root) as? [Object])
        #expect(seventy.first { $0["id"] as? String == "aap-meae-2026-cooperation-decentralisee" }?["closes_on"] as? String == "2027-01")
        let people = try #require(try Kaleido.json(["people", "--review-due", "--inactive-for", "3y"], in: scratch.root) as? [Object])
        let faure = try #require(people.first { $0["id"] as? String == "p-bernard-faure" })
        #expect(faure["review_after"] as? String == "2025-06")
        // The record's "2016-04" ends after the interaction of 2016-04-12: it gave the last date.
        #expect(people.first { $0["id"] as? String == "p-julien-rey" }?["last_interaction"] as? String == "2016-04")
    }

    /// A cache written by the previous format (same layout, bare day ordinals) is rebuilt, not
    /// read with the wrong dates; with either the old cache magic or only the old snapshot magic.
    @Test(arguments: [true, false])
    func previousFormatCacheIsRebuilt(oldCacheMagic: Bool) throws {
        let scratch = try ScratchKB(copyingSample: ())
        defer { scratch.remove() }
        _ = try Kaleido.run(["history", "sfax"], in: scratch.root)
        let path = scratch.root + "/.kaleido/cache/index.bin"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(String(decoding: bytes.prefix(9), as: UTF8.self) == "KLDCACHE9")
        let marker = Array("KLDIDX03".utf8)
        let offset = try #require((0...(bytes.count - marker.count)).first { bytes[$0..<$0 + marker.count].elementsEqual(marker) })
        PreviousFormat.rewrite(&bytes, snapshotAt: offset)
        if oldCacheMagic { bytes.replaceSubrange(0..<9, with: Array("KLDCACHE7".utf8)) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let result = try Kaleido.run(["history", "sfax", "--format", "json", "--cache-info"], in: scratch.root)
        #expect(result.status == 0)
        #expect(result.stderr.contains("rebuilt"), "\(result.stderr)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Object])
        #expect(Self.dates(entries)["ptn-fr-com-26281-romans-sur-isere--tn-mun-sfax"] == "2010-06 null")
        #expect(Self.dates(entries)["prj-2011-romans-festivals-jeunesse-sfax"] == "2011-03 2013-12")
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)).prefix(9), as: UTF8.self) == "KLDCACHE9")
    }
}
