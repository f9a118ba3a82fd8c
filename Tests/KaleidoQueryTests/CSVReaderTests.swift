import Testing
import KaleidoQuery

/// The CSV reader on the files spreadsheets write: quoting, line breaks in cells, line ends,
/// byte order marks, Windows-1252 and the delimiter of French Excel.
@Suite struct CSVReaderTests {
    func texts(_ table: CSVReader.Table) -> [[String]] { table.rows.map { $0.map(\.text) } }

    @Test func quotedCellsKeepDelimitersQuotesAndLineBreaks() throws {
        let csv = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nlast,,\r\n"
        let table = try CSVReader().read(Array(csv.utf8))
        #expect(texts(table) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "", ""]])
        // The cell after the two-line one starts on line 4.
        #expect(table.rows[2][0].line == 4)
        #expect(table.rows[1].map(\.column) == [1, 8, 21])
    }

    @Test func lfAndCRLFAndNoFinalLineEndReadAlike() throws {
        let lf = try CSVReader().read(Array("a;b\n1;2\n".utf8))
        let crlf = try CSVReader().read(Array("a;b\r\n1;2".utf8))
        #expect(texts(lf) == [["a", "b"], ["1", "2"]])
        #expect(texts(crlf) == texts(lf))
        #expect(lf.delimiter == ";")
    }

    @Test func blankLinesBetweenRowsAreSkipped() throws {
        let table = try CSVReader().read(Array("a,b\n\n1,2\n\n".utf8))
        #expect(texts(table) == [["a", "b"], ["1", "2"]])
        #expect(table.rows[1][0].line == 3)
    }

    @Test func byteOrderMarkIsDroppedAndColumnsCountFromAfterIt() throws {
        let table = try CSVReader().read([0xEF, 0xBB, 0xBF] + Array("nom;ville\nA;B\n".utf8))
        #expect(texts(table) == [["nom", "ville"], ["A", "B"]])
        #expect(table.rows[0][0].column == 1)
        #expect(table.encoding == .utf8)
    }

    @Test func delimiterDetectedFromTheHeaderOutsideQuotes() {
        #expect(CSVReader.detectDelimiter("nom;montant;date\n1,5;2,5;x") == ";")
        #expect(CSVReader.detectDelimiter("\"a;b;c\",d,e\n") == ",")
        #expect(CSVReader.detectDelimiter("name,city\nx;y;z;w") == ",")
    }

    @Test func delimiterCanBeForced() throws {
        let table = try CSVReader(delimiter: ",").read(Array("a;b,c\n".utf8))
        #expect(texts(table) == [["a;b", "c"]])
    }

    @Test func invalidUTF8IsReadAsWindows1252() throws {
        // "Municipalité;Montant\nŒuvre – 5 €;1 500,50" as French Excel writes it.
        let bytes: [UInt8] = Array("Municipalit".utf8) + [0xE9] + Array(";Montant\n".utf8) + [0x8C] + Array("uvre ".utf8) + [0x96]
            + Array(" 5 ".utf8) + [0x80] + Array(";1 500,50\n".utf8)
        let table = try CSVReader().read(bytes)
        #expect(table.encoding == .windows1252)
        #expect(texts(table) == [["Municipalité", "Montant"], ["Œuvre – 5 €", "1 500,50"]])
    }

    @Test func windows1252TableCoversTheHighControlRange() {
        let expected: [UInt8: String] = [0x80: "€", 0x82: "‚", 0x85: "…", 0x8A: "Š", 0x8C: "Œ", 0x91: "‘", 0x92: "’", 0x93: "“",
                                         0x94: "”", 0x96: "–", 0x97: "—", 0x99: "™", 0x9C: "œ", 0x9F: "Ÿ", 0xA0: "\u{A0}",
                                         0xE9: "é", 0xFF: "ÿ", 0x41: "A"]
        for (byte, text) in expected { #expect(Windows1252.decode([byte]) == text, "byte \(byte)") }
        // The five bytes the code page leaves undefined stay their C1 controls.
        #expect(Windows1252.decode([0x81, 0x8D, 0x8F, 0x90, 0x9D]).unicodeScalars.map(\.value) == [0x81, 0x8D, 0x8F, 0x90, 0x9D])
    }

    @Test func forcedUTF8OnWindows1252BytesIsAnError() {
        #expect(throws: CSVReader.Failure.self) { try CSVReader(encoding: .utf8).read([0x61, 0xE9, 0x0A]) }
    }

    @Test func unclosedQuoteIsReportedWhereItOpens() {
        let failure = #expect(throws: CSVReader.Failure.self) { try CSVReader().read(Array("a,b\n1,\"open\n".utf8)) }
        #expect(failure.map { [$0.line, $0.column] } == [2, 3])
        #expect(failure?.message == "this quote is never closed")
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        let failure = #expect(throws: CSVReader.Failure.self) { try CSVReader().read(Array("a,b\n\"x\"y,2\n".utf8)) }
        #expect(failure?.line == 2)
        #expect(failure?.column == 4)
    }

    @Test(arguments: [(Character(","), false), (Character(";"), true)])
    func resultTableCSVReadsBack(delimiter: Character, byteOrderMark: Bool) throws {
        var table = ResultTable(columns: ["id", "programme", "montant"])
        table.rows = [["a", "Mobilité; été, \"jeunes\"", "1500,50"], ["b", "deux\r\nlignes", ""], ["c", "x\ny", "-3"]]
        let text = table.renderCSV(delimiter: delimiter, byteOrderMark: byteOrderMark)
        #expect(text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) == byteOrderMark)
        let read = try CSVReader().read(Array(text.utf8))
        #expect(read.delimiter == delimiter)
        #expect(texts(read) == [table.columns] + table.rows.map { $0.map { $0.replacing("\r\n", with: "\n") } })
    }
}
