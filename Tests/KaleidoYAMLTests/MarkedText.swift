import KaleidoYAML

/// Source text with position markers (`0️⃣`…`9️⃣`, as swift-format's `MarkedText`): the markers
/// are removed and each one's position is recorded as the `SourceMark` a parser should report
/// there. Positions are computed here independently of the parser's `SourceMap`: byte offsets
/// in UTF-8, 1-based lines broken at LF, CRLF or CR, 1-based columns in Unicode scalars, a
/// leading byte order mark not counted as a column.
struct MarkedText {
    let bytes: [UInt8]
    let marks: [Int: SourceMark]

    init(_ marked: String) {
        var text = ""
        var marks: [Int: SourceMark] = [:]
        var offset = 0, line = 1, column = 1
        var previousWasCR = false
        var scalars = Array(marked.unicodeScalars)[...]
        while let scalar = scalars.first {
            // A keycap marker: a digit, U+FE0F, U+20E3.
            if ("0"..."9").contains(scalar), scalars.dropFirst().first == "\u{FE0F}", scalars.dropFirst(2).first == "\u{20E3}" {
                marks[Int(scalar.value) - 0x30] = SourceMark(offset: offset, line: line, column: column)
                scalars = scalars.dropFirst(3)
                continue
            }
            scalars = scalars.dropFirst()
            text.unicodeScalars.append(scalar)
            offset += String(scalar).utf8.count
            if scalar == "\n" {
                if !previousWasCR { line += 1 }
                column = 1
            } else if scalar == "\r" {
                line += 1
                column = 1
            } else if !(scalar == "\u{FEFF}" && offset == 3) {
                column += 1
            }
            previousWasCR = scalar == "\r"
        }
        self.bytes = Array(text.utf8)
        self.marks = marks
    }

    subscript(_ marker: Int) -> SourceMark {
        marks[marker] ?? SourceMark(offset: -1, line: -1, column: -1)
    }

    /// The span from marker `start` to marker `end`.
    func span(_ start: Int, _ end: Int) -> SourceSpan {
        SourceSpan(start: self[start], end: self[end])
    }
}
