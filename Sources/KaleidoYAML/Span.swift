/// A position in a source file.
///
/// `offset` counts UTF-8 bytes from the start of the file (so `bytes[start.offset..<end.offset]`
/// is exactly a node's text); `line` and `column` are 1-based, and `column` counts Unicode
/// scalars from the start of the line, the way an editor's cursor moves over accents,
/// Arabic letters and emoji. libyaml's own marks count characters and start at 0: they are
/// converted in exactly one place (`SourceMap`), never by callers.
public struct SourceMark: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// UTF-8 byte offset from the start of the file.
    public var offset: Int
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceMark, rhs: SourceMark) -> Bool { lhs.offset < rhs.offset }

    public var description: String { "\(line):\(column)" }
}

/// The source text a node was parsed from: `start` is its first byte, `end` is one past its last.
///
/// For a scalar the span covers its whole token, quotes and block indicators included
/// (`"Sfax"` with its quotes, `|` and the literal's lines); for a collection it covers the
/// collection from its first to its last character.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    public var start: SourceMark
    public var end: SourceMark

    public init(start: SourceMark, end: SourceMark) {
        self.start = start
        self.end = end
    }

    /// The byte range of the span in the file's UTF-8 bytes.
    public var byteRange: Range<Int> { start.offset..<end.offset }

    public var description: String { "\(start)-\(end)" }
}
