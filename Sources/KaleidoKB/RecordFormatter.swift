public import KaleidoYAML

/// `kaleido fmt` without the files: formats a record's bytes so that `validate` has no
/// `plain-scalar` warning left to give. The scalars `PlainScalarRule` reports (`NO`,
/// `2011-09-22`, `1:30`, `1_000`: strings for Kaleido, something else for YAML 1.1 tools) are
/// quoted, and so are the spans the caller adds (the schema-directed typing warnings of the
/// KB's validation: `01004` where the schema wants a string); everything else is
/// `SourceFormatter`'s (line ends, trailing spaces, indentation). A scalar Kaleido reads as a
/// number, boolean or date where the schema wants one is never quoted. Pure: bytes in and out.
public struct RecordFormatter: Sendable {
    public var formatter: SourceFormatter

    public init(parser: YAMLParser = YAMLParser()) {
        formatter = SourceFormatter(parser: parser)
    }

    /// The spans `PlainScalarRule` warns about in `bytes` (every document), empty when the
    /// bytes do not parse (the formatter then reports why).
    public func plainScalarSpans(_ bytes: [UInt8]) -> Set<Range<Int>> {
        guard let documents = try? formatter.parser.parseStream(bytes) else { return [] }
        var spans = Set<Range<Int>>()
        for document in documents {
            for finding in PlainScalarRule.check(Record(file: "", root: document.root)) {
                spans.insert(finding.span.byteRange)
            }
        }
        return spans
    }

    /// Formats `bytes`, quoting the `plain-scalar` findings and `alsoQuoting`.
    public func format(_ bytes: [UInt8], alsoQuoting extra: Set<Range<Int>> = []) throws(SourceFormatter.Failure) -> SourceFormatter.Result {
        try formatter.format(bytes, quoting: plainScalarSpans(bytes).union(extra))
    }
}
