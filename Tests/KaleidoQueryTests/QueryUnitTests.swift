import KaleidoKB
import KaleidoQuery
import Testing

/// The pure pieces: folding, exact sums, conditions, table rendering, the snapshot bytes.
@Suite struct QueryUnitTests {
    @Test(arguments: [
        ("Chérif", "cherif"), ("ÉLODIE Lefèvre", "elodie lefevre"), ("Romans-sur-Isère", "romans sur isere"),
        ("l’Œuvre", "l oeuvre"), ("صفاقس", "صفاقس"), ("صَفَاقِس", "صفاقس"), ("بلدية صفاقس", "بلديه صفاقس"), ("أحمد", "احمد"),
    ])
    func folding(_ text: String, _ folded: String) {
        #expect(TextFold.fold(text) == folded)
    }

    @Test func exactDecimals() throws {
        let sum = try #require(ExactDecimal("26450.50")) + #require(ExactDecimal("18432.50"))
        #expect(sum.description == "44883.00")
        #expect((try #require(ExactDecimal("0.1")) + #require(ExactDecimal("0.2"))).description == "0.3")
        #expect(ExactDecimal("1e3") == nil)
        #expect(ExactDecimal("12,5") == nil)
    }

    @Test func conditions() throws {
        let dated = try Condition(parsing: "start>=2010")
        #expect(dated.matches([.string("2010-06")]))
        #expect(!dated.matches([.string("2009-12")]))
        // "2010" is the whole year: it does not surely start on or after June 2010.
        #expect(!(try Condition(parsing: "start>=2010-06")).matches([.string("2010")]))
        #expect((try Condition(parsing: "start=2010-06")).matches([.string("2010")]))
        #expect((try Condition(parsing: "status in en_cours, accepte")).matches([.string("accepte")]))
        #expect((try Condition(parsing: "status not in en_cours,accepte")).matches([.string("refuse")]))
        #expect((try Condition(parsing: "themes~JEUNE")).matches([.string("jeunesse")]))
        #expect((try Condition(parsing: "amount>9999.5")).matches([.number("10000")]))
        #expect(!(try Condition(parsing: "country!=TN")).matches([.string("tn")]))
        #expect(throws: QueryError.self) { try Condition(parsing: "country") }
        #expect(throws: QueryError.self) { try Condition(parsing: "=TN") }
    }

    @Test func tableAlignsByDisplayWidth() {
        var table = ResultTable(columns: ["nom", "pays"])
        table.rows = [["صفاقس", "TN"], ["Épinal", "FR"], ["東京", "JP"], ["e\u{301}te\u{301}", "FR"]]
        let lines = table.renderTable(width: 80).split(separator: "\n").map(String.init)
        for line in lines.dropFirst(2) { #expect(DisplayWidth.of(String(line.dropLast(2))) == 8, "\(line)") }
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("e\u{301}te\u{301}") == 3)
        #expect(DisplayWidth.truncate("Coopération décentralisée", to: 10) == "Coopérati…")
    }

    @Test func csvAndMarkdownEscape() {
        var table = ResultTable(columns: ["a", "b"])
        table.rows = [["x, \"y\"", "line\nbreak"], ["p|q", "ok"]]
        #expect(table.renderCSV() == "a,b\r\n\"x, \"\"y\"\"\",\"line\nbreak\"\r\np|q,ok\r\n")
        #expect(table.renderMarkdown().contains("| p\\|q | ok |"))
        #expect(table.renderMarkdown().contains("line<br>break"))
    }

    @Test func snapshotRoundTripAndDamage() throws {
        let index = SampleKB.index
        let bytes = index.snapshot()
        let loaded = try #require(KBIndex(snapshot: InMemorySnapshot(bytes)))
        #expect(loaded.count == index.count)
        for record in 0..<index.count {
            #expect(loaded.id(record) == index.id(record))
            #expect(loaded.value(record) == index.value(record))
            #expect(loaded.references(to: record) == index.references(to: record))
        }
        // Truncated or bit-flipped snapshots are refused or stay within bounds: never a trap.
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
            #expect(KBIndex(snapshot: InMemorySnapshot(Array(bytes.prefix(cut)))) == nil)
        }
        for position in stride(from: 8, to: bytes.count, by: max(1, bytes.count / 60)) {
            var damaged = bytes
            damaged[position] ^= 0xFF
            if let survivor = KBIndex(snapshot: InMemorySnapshot(damaged)) {
                for record in 0..<survivor.count { _ = survivor.references(to: record); _ = survivor.title(record) }
            }
        }
    }

    @Test func valueCodecRoundTrip() {
        let value = SampleKB.index.value(SampleKB.position("prj-2009-passeport-pour-le-monde"))
        var bytes: [UInt8] = []
        value.encode(into: &bytes)
        #expect(bytes.withUnsafeBytes { QValue.decode($0) } == value)
        #expect(Array(bytes.dropLast()).withUnsafeBytes { QValue.decode($0) } == nil)
        #expect(JSONText.encode(.map([(key: "a", value: .number("26450.50")), (key: "b", value: .number("0x1F"))])) == "{\"a\":26450.50,\"b\":\"0x1F\"}")
    }
}
