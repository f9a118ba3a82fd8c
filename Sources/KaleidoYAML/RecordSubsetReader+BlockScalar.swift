/// Literal and folded block scalars for `RecordSubsetReader`: the multi-line notes of records.
extension RecordSubsetReader {
    /// A block scalar whose `|` or `>` is at `at`, as the value of a key of a mapping at
    /// `parentColumn`; ends at the next content line. Declined: keep chomping (`+`),
    /// indentation indicators, leading blank lines, blank lines with spaces beyond the
    /// content's indentation, more-indented lines of a folded scalar, no content at all, and
    /// a last line without a line break.
    mutating func blockScalar(parentColumn: Int) -> Bool {
        let start = at
        let style = base[at] == UInt8(ascii: "|") ? CompactBuilder.literal : CompactBuilder.folded
        at += 1
        var strip = false
        if byte(at) == Self.dash {
            strip = true
            at += 1
        }
        guard !Self.isChompingOrIndentIndicator(byte(at)), endLine() else { return false }

        let textStart = builder.text.count
        var contentIndent = -1
        var blankLines = 0
        var lastContentEnd = start
        while at < count {
            var index = at
            while byte(index) == Self.space { index += 1 }
            let spaces = index - at
            let first = byte(index)
            if Self.isBreak(first) || first == 0 {
                guard contentIndent >= 0, spaces <= contentIndent else { return false }
                blankLines += 1
                at = afterBreak(index)
                continue
            }
            if contentIndent < 0 {
                guard spaces > parentColumn else { return false }
                contentIndent = spaces
            }
            if spaces < contentIndent { break }
            guard style == CompactBuilder.literal || spaces == contentIndent else { return false }
            let end = lineEnd(from: index)
            guard end < count else { return false }
            if lastContentEnd != start {
                // Between two content lines: literal keeps every break; folded turns a single
                // break into a space and keeps only the empty lines.
                if style == CompactBuilder.literal {
                    builder.text.append(contentsOf: repeatElement(Self.newline, count: blankLines + 1))
                } else if blankLines == 0 {
                    builder.text.append(Self.space)
                } else {
                    builder.text.append(contentsOf: repeatElement(Self.newline, count: blankLines))
                }
            }
            builder.text.append(contentsOf: UnsafeBufferPointer(start: base + at + contentIndent, count: end - at - contentIndent))
            lastContentEnd = end
            blankLines = 0
            at = afterBreak(end)
        }
        guard lastContentEnd != start else { return false }
        if !strip { builder.text.append(Self.newline) }
        guard builder.appendScalar(style: style, textStart: textStart, start: position(start), end: position(lastContentEnd)),
            skipToContentLine()
        else { return false }
        return indent <= parentColumn
    }

    static func isChompingOrIndentIndicator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
