/// Reads the YAML that ordinary records are written in straight from the bytes into a
/// `CompactDocument`, without libyaml, or declines.
///
/// The subset: a block mapping at column 0; block mappings and sequences nested by indentation
/// (a sequence may stand at its key's indentation); plain scalars on one line; single- and
/// double-quoted scalars on one line; literal and folded block scalars (clip or strip); flow
/// sequences and mappings on one line; comments and blank lines; LF or CRLF line breaks.
/// Everything else is declined: tabs, a CR alone, control characters and rare code points, document markers and directives,
/// anchors, aliases, tags, complex keys, multi-line plain, quoted or flow nodes, indentation
/// indicators, keep chomping, a colon inside a flow scalar. `CompactParser` then asks libyaml.
///
/// Whatever it accepts, libyaml reads as the same nodes, texts, styles and spans (tested over
/// the yaml-test-suite, the sample KB and thousands of mutated records). Positions are byte
/// offsets (`CompactDocument.positionsAreBytes`).
///
/// Why it exists: libyaml spends most of its time per token on buffering, token queues and a
/// malloc per scalar; records are small and regular, so one pass over the bytes reads them
/// several times faster, and validation and indexing are mostly reading.
struct RecordSubsetReader {
    let base: UnsafePointer<UInt8>
    let count: Int
    /// The read position, and the start of its line.
    var at = 0
    var lineStart = 0
    /// The indentation of the content line at `at` after `skipToContentLine`; -1 at the end.
    var indent = 0
    var builder: CompactBuilder

    static let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n"), colon = UInt8(ascii: ":")
    static let carriageReturn = UInt8(ascii: "\r")
    static let dash = UInt8(ascii: "-"), hash = UInt8(ascii: "#")

    /// The document of `bytes`, or nil when the file is outside the subset.
    static func read(_ bytes: [UInt8], limits: YAMLLimits) -> CompactDocument? {
        bytes.withUnsafeBufferPointer { buffer -> CompactDocument? in
            guard let base = buffer.baseAddress, screen(buffer) else { return nil }
            var reader = RecordSubsetReader(base: base, count: buffer.count, builder: CompactBuilder(limits: limits, capacity: buffer.count))
            guard reader.readDocument() else { return nil }
            return reader.builder.document(source: bytes, positionsAreBytes: true)
        }
    }

    /// The byte at `index`, or 0 past the end (`screen` keeps NUL out of accepted files).
    @inline(__always) func byte(_ index: Int) -> UInt8 { index < count ? base[index] : 0 }

    /// Whether the byte at `index` is a space, a line break or the end.
    @inline(__always) func isBlankOrEnd(_ index: Int) -> Bool {
        let byte = byte(index)
        return byte == Self.space || Self.isBreak(byte) || byte == 0
    }

    /// Whether `byte` starts a line break: LF, or CR (`screen` lets CR in only before LF).
    @inline(__always) static func isBreak(_ byte: UInt8) -> Bool { byte == newline || byte == carriageReturn }

    /// The index after the line break starting at `index` (`count` at the end).
    @inline(__always) func afterBreak(_ index: Int) -> Int {
        guard index < count else { return count }
        return base[index] == Self.carriageReturn ? index + 2 : index + 1
    }

    @inline(__always) func position(_ index: Int) -> UInt32 { UInt32(truncatingIfNeeded: index) }

    mutating func readDocument() -> Bool {
        guard skipToContentLine(), indent == 0, startsKey() else { return false }
        return blockMapping() && indent == -1
    }

    /// From a line start, moves to the first character of the next line with content (past
    /// blank and comment lines) and sets `indent`, or to the end with `indent` -1. False at a
    /// document marker, but a `---` line before the first node.
    mutating func skipToContentLine() -> Bool {
        while at < count {
            lineStart = at
            var index = at
            while byte(index) == Self.space { index += 1 }
            let first = byte(index)
            if Self.isBreak(first) {
                at = afterBreak(index)
                continue
            }
            if first == 0 { break }
            if first == Self.hash {
                at = afterBreak(lineEnd(from: index))
                continue
            }
            if index == at, isDocumentMarker(at) {
                // Only a `---` alone on a line before the document's first node is read here.
                guard builder.entries.isEmpty, first == Self.dash else { return false }
                at += 3
                guard endLine() else { return false }
                continue
            }
            indent = index - at
            at = index
            return true
        }
        at = count
        indent = -1
        return true
    }

    /// `---` or `...` at a line start, followed by a blank or the end.
    func isDocumentMarker(_ index: Int) -> Bool {
        let first = byte(index)
        guard first == Self.dash || first == UInt8(ascii: ".") else { return false }
        return byte(index + 1) == first && byte(index + 2) == first && isBlankOrEnd(index + 3)
    }

    /// The index of the line break ending the line that holds `index` (or `count`).
    func lineEnd(from index: Int) -> Int {
        var index = index
        while index < count, !Self.isBreak(base[index]) { index += 1 }
        return index
    }

    mutating func skipSpaces() {
        while byte(at) == Self.space { at += 1 }
    }

    /// Past trailing spaces and a comment to the next line start; false when something else
    /// follows a node on its line.
    mutating func endLine() -> Bool {
        skipSpaces()
        if byte(at) == Self.hash { at = lineEnd(from: at) }
        guard at >= count || Self.isBreak(base[at]) else { return false }
        at = afterBreak(at)
        return true
    }

    /// Whether the line at `at` starts with a mapping key: a one-line scalar, then `:` and a
    /// blank.
    func startsKey() -> Bool {
        var index = at
        switch byte(index) {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            guard let closing = closingQuote(from: index) else { return false }
            index = closing + 1
            while byte(index) == Self.space { index += 1 }
            return byte(index) == Self.colon && isBlankOrEnd(index + 1)
        default:
            return Self.isPlainStart(byte(index)) && plainKeyColon(from: index) != nil
        }
    }

    /// The `:` ending a plain key that starts at `index`, when the line has one before any
    /// comment.
    func plainKeyColon(from index: Int) -> Int? {
        let stop = plainLineEnd(from: index)
        return stop.atColon ? stop.end : nil
    }

    /// Where a plain scalar starting at `index` stops on its line: at a `:` before a blank
    /// (`atColon`), before ` #`, or at the line break.
    func plainLineEnd(from index: Int) -> (end: Int, atColon: Bool) {
        var index = index
        while index < count {
            let byte = base[index]
            if Self.isBreak(byte) { break }
            if byte == Self.colon, isBlankOrEnd(index + 1) { return (index, true) }
            if byte == Self.space, self.byte(index + 1) == Self.hash { break }
            index += 1
        }
        return (index, false)
    }

    /// A block mapping whose first key is at `at`; its keys stand at that column.
    mutating func blockMapping() -> Bool {
        let column = at - lineStart
        guard builder.openCollection(isMapping: true, flow: false, start: position(at), end: position(at)) else { return false }
        while true {
            guard key(), value(column: column) else { return false }
            if indent < column { break }
            guard indent == column, startsKey() else { return false }
        }
        return builder.closeCollection(end: position(at))
    }

    /// A block sequence whose first `-` is at `at`; its entries stand at that column.
    mutating func blockSequence() -> Bool {
        let column = at - lineStart
        guard builder.openCollection(isMapping: false, flow: false, start: position(at), end: position(at)) else { return false }
        while true {
            let afterDash = at + 1
            at = afterDash
            skipSpaces()
            let first = byte(at)
            if Self.isBreak(first) || first == 0 || first == Self.hash {
                guard endLine(), skipToContentLine() else { return false }
                if indent > column {
                    guard nestedBlock() else { return false }
                } else {
                    guard emptyScalar(at: afterDash) else { return false }
                }
            } else if first == Self.dash && isBlankOrEnd(at + 1) || first == UInt8(ascii: "|") || first == UInt8(ascii: ">") {
                // `- - x` and `- |` are rare in records: libyaml reads them.
                return false
            } else if startsKey() {
                guard blockMapping() else { return false }
            } else {
                guard inlineValue(column: column) else { return false }
            }
            if indent == column, byte(at) == Self.dash, isBlankOrEnd(at + 1) { continue }
            // Anything else at this column ends the sequence: the parent judges it.
            guard indent <= column else { return false }
            break
        }
        return builder.closeCollection(end: position(at))
    }

    /// A block sequence or mapping starting the content line at `at`.
    mutating func nestedBlock() -> Bool {
        if byte(at) == Self.dash, isBlankOrEnd(at + 1) { return blockSequence() }
        return startsKey() && blockMapping()
    }

    /// A mapping key at `at`, through its `:`.
    mutating func key() -> Bool {
        let first = byte(at)
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard quotedScalar() else { return false }
            skipSpaces()
        } else {
            guard let colon = plainKeyColon(from: at), colon - at <= 1000, plainScalar(upTo: colon) else { return false }
        }
        guard byte(at) == Self.colon else { return false }
        at += 1
        return true
    }

    /// The value after a key's `:` at `at`, for a mapping whose keys stand at `column`; ends at
    /// the next content line.
    mutating func value(column: Int) -> Bool {
        let afterColon = at
        skipSpaces()
        let first = byte(at)
        guard Self.isBreak(first) || first == 0 || first == Self.hash else { return inlineValue(column: column) }
        guard endLine(), skipToContentLine() else { return false }
        if indent > column { return nestedBlock() }
        if indent == column, byte(at) == Self.dash, isBlankOrEnd(at + 1) { return blockSequence() }
        return emptyScalar(at: afterColon)
    }

    /// A node that starts on the current line after a key or a `-` of a collection at
    /// `column`: a scalar, a flow collection or a block scalar. Ends at the next content line,
    /// which must not be indented beyond `column` (that would continue a plain scalar).
    mutating func inlineValue(column: Int) -> Bool {
        switch byte(at) {
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            guard blockScalar(parentColumn: column) else { return false }
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            guard flowCollection(), endLine(), skipToContentLine() else { return false }
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            guard quotedScalar(), endLine(), skipToContentLine() else { return false }
        default:
            guard plainValue(), endLine(), skipToContentLine() else { return false }
        }
        return indent <= column
    }

    /// An empty plain scalar at `index` (a key or `-` with no value).
    mutating func emptyScalar(at index: Int) -> Bool {
        builder.appendScalar(style: CompactBuilder.plain, textStart: builder.text.count, start: position(index), end: position(index))
    }
}
