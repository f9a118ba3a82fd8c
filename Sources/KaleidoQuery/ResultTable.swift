/// Rows and columns of text, rendered as a terminal table, CSV or Markdown.
///
/// The terminal table measures text by display width (accents take one column, combining
/// marks none, East Asian wide characters two), so French and Arabic names line up, and
/// shrinks the widest columns (ending cells with `…`) to fit the terminal's width.
public struct ResultTable: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[String]]
    /// Optional section titles: a row index → a heading printed before it (years of a timeline).
    public var sections: [Int: String] = [:]
    /// Columns to narrow first when the table is too wide (titles), before the others.
    public var flexible: Set<Int> = []

    public init(columns: [String], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// A boxed-free, space-aligned table fitting `width` columns.
    public func renderTable(width: Int) -> String {
        let count = columns.count
        var widths = (0..<count).map { column in
            ([columns[column]] + rows.map { $0[column] }).map { DisplayWidth.of(firstLine($0)) }.max() ?? 0
        }
        let gaps = 2 * max(0, count - 1)
        for (candidates, floor) in [(flexible, 16), (Set(widths.indices), 8)] {
            while widths.reduce(0, +) + gaps > width,
                let widest = candidates.filter({ widths[$0] > floor }).max(by: { widths[$0] < widths[$1] })
            {
                widths[widest] -= 1
            }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (column, cell) in cells.enumerated() {
                let fitted = DisplayWidth.truncate(firstLine(cell), to: widths[column])
                text += fitted
                if column < count - 1 { text += String(repeating: " ", count: widths[column] - DisplayWidth.of(fitted) + 2) }
            }
            return text
        }
        var output = line(columns) + "\n"
        output += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for (index, row) in rows.enumerated() {
            if let heading = sections[index] { output += (index == 0 ? "" : "\n") + heading + "\n" }
            output += line(row) + "\n"
        }
        return output
    }

    /// RFC 4180 CSV: fields with the delimiter, quotes or line breaks are quoted, CRLF line
    /// ends. `delimiter` `;` and `byteOrderMark` make the file French Excel opens in columns
    /// (the `excel-fr` dialect; its decimal commas are the caller's, which knows the numbers).
    public func renderCSV(delimiter: Character = ",", byteOrderMark: Bool = false) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
                ? "\"" + text.replacing("\"", with: "\"\"") + "\"" : text
        }
        return (byteOrderMark ? "\u{FEFF}" : "")
            + ([columns] + rows).map { $0.map(field).joined(separator: String(delimiter)) }.joined(separator: "\r\n") + "\r\n"
    }

    /// A GitHub-flavoured Markdown table (pipes escaped, line breaks as `<br>`).
    public func renderMarkdown() -> String {
        func cell(_ text: String) -> String {
            text.replacing("\\", with: "\\\\").replacing("|", with: "\\|").replacing("\n", with: "<br>")
        }
        var output = "| " + columns.map(cell).joined(separator: " | ") + " |\n"
        output += "|" + columns.map { _ in "---|" }.joined() + "\n"
        for (index, row) in rows.enumerated() {
            if let heading = sections[index] {
                output += "| **" + cell(heading) + "** |" + String(repeating: " |", count: max(0, columns.count - 1)) + "\n"
            }
            output += "| " + row.map(cell).joined(separator: " | ") + " |\n"
        }
        return output
    }

    private func firstLine(_ text: String) -> String {
        guard let newline = text.firstIndex(of: "\n") else { return text }
        return String(text[..<newline]) + "…"
    }
}

/// How many terminal columns text takes.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// One grapheme: zero for controls and lone marks, two for wide East Asian characters.
    public static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// The text cut to `width` columns, ending with `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let size = of(character)
            if used + size > width - 1 { break }
            result.append(character)
            used += size
        }
        return result + "…"
    }
}
