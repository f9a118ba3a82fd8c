/// Checks of the source text that libyaml 0.2.5 skips: it accepts a `#` glued to a value as
/// the start of a comment (`key: "value"# note`, `[a, b]#note`, `>#note`) and a lone `-` as a
/// plain scalar in a flow sequence (`[-]`). YAML 1.2 rejects both (a comment must follow
/// white space; `-` followed by a space or a flow indicator cannot start a plain scalar), and
/// both usually hide a typing mistake, so the parser rejects them too.
enum SourceChecks {
    private static let space: UInt8 = 0x20, tab: UInt8 = 0x09, lineFeed: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D
    private static let hash = UInt8(ascii: "#")

    private static func isWhite(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == lineFeed || byte == carriageReturn
    }

    /// Checks the text between two nodes' content (`range`, outside every scalar and alias):
    /// each `#` found there must begin a comment, so it must follow white space or start a
    /// line. Returns the offset of the first `#` that does not, or nil.
    static func gluedComment(in range: Range<Int>, of bytes: [UInt8], fileStart: Int) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            let atLineStart = index == fileStart || bytes[index - 1] == lineFeed || bytes[index - 1] == carriageReturn
            if atLineStart, byte == UInt8(ascii: "%") {
                index = endOfLine(from: index, in: bytes, limit: range.upperBound)  // a directive
                continue
            }
            if byte == hash {
                if !atLineStart, !isWhite(bytes[index - 1]), !insideProperty(before: index, in: bytes, fileStart: fileStart) {
                    return index
                }
                index = endOfLine(from: index, in: bytes, limit: range.upperBound)  // a comment
                continue
            }
            index += 1
        }
        return nil
    }

    /// The offset of a `#` glued to a block scalar's header (`|#`, `>-#`), or nil.
    static func gluedHeaderComment(blockScalarAt start: Int, in bytes: [UInt8]) -> Int? {
        var index = start
        while index < bytes.count, isBlockHeaderByte(bytes[index]) { index += 1 }
        return index < bytes.count && index > start && bytes[index] == hash ? index : nil
    }

    /// Whether a plain scalar's source text starts with an indicator (`-`, `?`, `:`) that
    /// cannot start one: followed by white space, the end, or (in flow) a flow indicator.
    static func startsWithLoneIndicator(_ range: Range<Int>, in bytes: [UInt8], inFlow: Bool) -> Bool {
        // Called for every plain scalar: byte comparisons, no collection built per call.
        guard !range.isEmpty else { return false }
        switch bytes[range.lowerBound] {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"): break
        default: return false
        }
        let next = range.lowerBound + 1
        guard next < bytes.count else { return true }
        if isWhite(bytes[next]) { return true }
        guard inFlow else { return false }
        switch bytes[next] {
        case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"): return true
        default: return false
        }
    }

    /// The characters of a block scalar header: `|`, `>`, chomping indicators, indentation digits.
    private static func isBlockHeaderByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        default: return false
        }
    }

    /// A `#` inside a tag (`!a#b`) or an anchor name is part of that token, not a comment.
    private static func insideProperty(before index: Int, in bytes: [UInt8], fileStart: Int) -> Bool {
        var start = index
        while start > fileStart, !isWhite(bytes[start - 1]) { start -= 1 }
        return bytes[start] == UInt8(ascii: "!") || bytes[start] == UInt8(ascii: "&")
    }

    private static func endOfLine(from index: Int, in bytes: [UInt8], limit: Int) -> Int {
        var cursor = index
        while cursor < limit, bytes[cursor] != lineFeed, bytes[cursor] != carriageReturn { cursor += 1 }
        return cursor
    }
}
