/// Reads a spreadsheet's CSV export: RFC 4180 quoting (`""` inside quotes, line breaks inside
/// quoted cells), CRLF or LF line ends, a UTF-8 byte order mark; UTF-8 when the bytes are valid
/// UTF-8, else Windows-1252 (what French Excel writes); `;` or `,` between cells, detected from
/// the header line. Every cell keeps its line and column in the file, for `file:line:col`
/// errors. Pure.
public struct CSVReader: Sendable {
    public enum Encoding: String, Sendable, CaseIterable {
        case utf8 = "utf-8"
        case windows1252 = "windows-1252"
    }

    /// One cell and where it starts (1-based; the column counts characters, after the BOM).
    public struct Cell: Hashable, Sendable {
        public var text: String
        public var line: Int
        public var column: Int
    }

    /// A quote left open or text after a closing quote: where and what.
    public struct Failure: Error, Hashable, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// The decoded table: the header row first.
    public struct Table: Sendable {
        public var rows: [[Cell]]
        public var encoding: Encoding
        public var delimiter: Character
    }

    public var encoding: Encoding?
    public var delimiter: Character?

    /// `encoding` and `delimiter` nil: detected.
    public init(encoding: Encoding? = nil, delimiter: Character? = nil) {
        self.encoding = encoding
        self.delimiter = delimiter
    }

    /// The cells of `bytes`; blank lines between rows are skipped.
    /// - Throws: `Failure` for an unclosed quote or text after a closing quote, and for bytes
    ///   that are not UTF-8 when UTF-8 is asked for.
    public func read(_ bytes: [UInt8]) throws(Failure) -> Table {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let chosen: Encoding
        let text: String
        switch encoding {
        case .utf8?:
            guard let decoded = String(validating: body, as: UTF8.self) else {
                throw Failure(line: 1, column: 1, message: "the file is not valid UTF-8; try --encoding windows-1252")
            }
            (chosen, text) = (.utf8, decoded)
        case .windows1252?:
            (chosen, text) = (.windows1252, Windows1252.decode(body))
        case nil:
            if let decoded = String(validating: body, as: UTF8.self) {
                (chosen, text) = (.utf8, decoded)
            } else {
                (chosen, text) = (.windows1252, Windows1252.decode(body))
            }
        }
        let separator = delimiter ?? Self.detectDelimiter(text)
        return Table(rows: try Self.parse(text, delimiter: separator), encoding: chosen, delimiter: separator)
    }

    /// `;` when the header line has more semicolons than commas (outside quotes), else `,`.
    public static func detectDelimiter(_ text: String) -> Character {
        var (semicolons, commas, quoted) = (0, 0, false)
        for character in text {
            if character == "\"" { quoted.toggle() }
            if quoted { continue }
            if character == "\n" || character == "\r\n" || character == "\r" { break }
            if character == ";" { semicolons += 1 }
            if character == "," { commas += 1 }
        }
        return semicolons > commas ? ";" : ","
    }

    /// Splits `text` into rows of cells. Swift reads `\r\n` as one Character, so CRLF and LF
    /// end a line alike.
    public static func parse(_ text: String, delimiter: Character) throws(Failure) -> [[Cell]] {
        var rows: [[Cell]] = []
        var row: [Cell] = []
        var cell = ""
        var (line, column) = (1, 1)
        var (cellLine, cellColumn) = (1, 1)
        // quoted: inside quotes; closed: after the closing quote, before the delimiter.
        var (quoted, closed, started) = (false, false, false)
        var quoteStart = (1, 1)
        var characters = text.makeIterator()
        var pending: Character? = nil
        func isNewline(_ character: Character) -> Bool { character == "\n" || character == "\r\n" || character == "\r" }
        func endCell() {
            row.append(Cell(text: cell, line: cellLine, column: cellColumn))
            cell = ""
            (closed, started) = (false, false)
        }
        while let character = pending ?? characters.next() {
            pending = nil
            let here = (line, column)
            if isNewline(character) { (line, column) = (line + 1, 1) } else { column += 1 }
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" { cell.append("\""); column += 1; continue }
                    (quoted, closed) = (false, true)
                    pending = next
                } else {
                    cell.append(isNewline(character) ? "\n" : character)
                }
                continue
            }
            if !started { (cellLine, cellColumn, started) = (here.0, here.1, true) }
            if character == delimiter {
                endCell()
                (cellLine, cellColumn, started) = (line, column, true)
            } else if isNewline(character) {
                if row.isEmpty && cell.isEmpty && !closed {
                    started = false  // a blank line
                    continue
                }
                endCell()
                rows.append(row)
                row = []
            } else if closed {
                throw Failure(line: here.0, column: here.1, message: "text after the closing quote of a cell; a quote inside a quoted cell is written \"\"")
            } else if character == "\"" && cell.isEmpty {
                (quoted, quoteStart) = (true, here)
            } else {
                cell.append(character)
            }
        }
        if quoted {
            throw Failure(line: quoteStart.0, column: quoteStart.1, message: "this quote is never closed")
        }
        if started || !row.isEmpty {
            endCell()
            rows.append(row)
        }
        return rows
    }
}
