/// Formats YAML source by surgical edits of its bytes, so that comments, key order, blank lines
/// and every scalar's style survive byte for byte except where a rule changes them:
///
/// - the plain scalars the caller names (by their exact source span) are double-quoted; the
///   caller decides which (KaleidoKB's `RecordFormatter`: those the `plain-scalar` warning
///   reports), this type only checks that each is a plain, untagged, one-line scalar;
/// - CRLF line ends become LF, trailing spaces and tabs go (not inside block scalars, where
///   they are content), and the file ends with a line break;
/// - block mappings and sequences nested on their own lines are re-indented by two spaces per
///   level (`IndentationPlan`); a sequence written at its key's column stays there.
///
/// The result is parsed again and compared with the input's tree (same scalars, styles, tags,
/// anchors and key order; only the named scalars go from plain to quoted): a step that would
/// change anything (re-indenting, then the line cleanup) is skipped, and if quoting alone
/// would, formatting fails rather than write a changed record. Pure: bytes in, bytes out.
public struct SourceFormatter: Sendable {
    /// What one formatting run changed.
    public enum Change: Hashable, Sendable, CustomStringConvertible {
        /// A plain scalar (its text, where it stood) now in double quotes.
        case quoted(String, at: SourceMark)
        /// This many CRLF line ends became LF.
        case lineEnds(Int)
        /// This many lines lost trailing spaces or tabs.
        case trailingSpaces(Int)
        /// A line break was added at the end of the file.
        case finalNewline
        /// This many lines were re-indented.
        case indentation(Int)

        public var description: String {
            switch self {
            case .quoted(let text, let mark): "\(mark): quoted \(text)"
            case .lineEnds(let count): "\(count) CRLF line end(s) made LF"
            case .trailingSpaces(let count): "trailing spaces removed on \(count) line(s)"
            case .finalNewline: "final line break added"
            case .indentation(let count): "\(count) line(s) re-indented"
            }
        }
    }

    /// The formatted bytes and what changed (empty when the input was already formatted).
    public struct Result: Sendable, Equatable {
        public var bytes: [UInt8]
        public var changes: [Change]
    }

    /// Why a file could not be formatted.
    public enum Failure: Error, Sendable, Equatable {
        /// The input is not YAML the parser accepts.
        case unparsable(YAMLError)
        /// The edits would have changed the content (a bug guard): nothing is written.
        case wouldChangeContent(SourceMark)

        /// `line:column: error: message`, for a diagnostic about the file.
        public var mark: SourceMark {
            switch self {
            case .unparsable(let error): error.mark
            case .wouldChangeContent(let mark): mark
            }
        }

        public var message: String {
            switch self {
            case .unparsable(let error): error.message
            case .wouldChangeContent: "formatting would change this value; the file is left as it is"
            }
        }
    }

    public var parser: YAMLParser

    public init(parser: YAMLParser = YAMLParser()) {
        self.parser = parser
    }

    /// Formats `bytes` (every document of the stream), double-quoting the plain scalars whose
    /// spans' byte ranges are in `quoting`; ranges that name no plain one-line scalar are
    /// ignored.
    public func format(_ bytes: [UInt8], quoting: Set<Range<Int>> = []) throws(Failure) -> Result {
        let original = try parse(bytes)
        var changes: [Change] = []
        var quotedStarts = Set<Int>()
        var edits: [(range: Range<Int>, text: [UInt8])] = []
        for document in original {
            Self.visit(document.root) { node in
                guard quoting.contains(node.span.byteRange), node.tag == nil, case .scalar(let text, .plain) = node.content,
                    !text.isEmpty, !bytes[node.span.byteRange].contains(UInt8(ascii: "\n"))
                else { return }
                // A one-line plain scalar's text is its source, at the end of its span (after
                // an anchor `&a`, which stays).
                let textRange = (node.span.end.offset - text.utf8.count)..<node.span.end.offset
                guard textRange.lowerBound >= node.span.start.offset, bytes[textRange].elementsEqual(text.utf8) else { return }
                quotedStarts.insert(node.span.start.offset)
                edits.append((textRange, Array(ScalarQuoting.doubleQuoted(text).utf8)))
                changes.append(.quoted(text, at: node.span.start))
            }
        }
        var quoted = bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            quoted.replaceSubrange(edit.range, with: edit.text)
        }
        // Each further step is kept only when the tree still comes out the same: the line
        // cleanup can meet an escaped space before a line break (`"a\ `), re-indenting any
        // shape its plan misjudged. Quoting alone must keep it, or nothing is written.
        func keepsContent(_ candidate: [UInt8]) -> Bool {
            guard let documents = try? parser.parseStream(candidate) else { return false }
            return Self.mismatch(original, documents, quotedStarts: quotedStarts) == nil
        }
        // An already formatted file (the common case) costs one parse: unchanged bytes reuse it.
        let quotedDocuments: [YAMLDocument]
        if edits.isEmpty {
            quotedDocuments = original
        } else if let documents = try? parser.parseStream(quoted), Self.mismatch(original, documents, quotedStarts: quotedStarts) == nil {
            quotedDocuments = documents
        } else {
            var first = SourceMark(offset: 0, line: 1, column: 1)
            if case .quoted(_, let mark)? = changes.first { first = mark }
            throw .wouldChangeContent(first)
        }
        let (cleaned, lineChanges) = LineCleanup.clean(quoted, blockScalars: Self.blockScalarRanges(quotedDocuments, in: quoted))
        let cleanedDocuments: [YAMLDocument]
        if cleaned == quoted {
            cleanedDocuments = quotedDocuments
        } else if let documents = try? parser.parseStream(cleaned), Self.mismatch(original, documents, quotedStarts: quotedStarts) == nil {
            cleanedDocuments = documents
            changes += lineChanges
        } else {
            return Result(bytes: quoted, changes: changes)
        }
        var result = cleaned
        if let plan = IndentationPlan(documents: cleanedDocuments, bytes: cleaned), plan.changedLines > 0 {
            let reindented = plan.apply(to: cleaned)
            if keepsContent(reindented) {
                result = reindented
                changes.append(.indentation(plan.changedLines))
            }
        }
        return Result(bytes: result, changes: changes)
    }

    private func parse(_ bytes: [UInt8]) throws(Failure) -> [YAMLDocument] {
        do { return try parser.parseStream(bytes) } catch { throw .unparsable(error) }
    }

    /// Calls `body` on every node of the tree, keys included, in source order.
    static func visit(_ node: YAMLNode, _ body: (YAMLNode) -> Void) {
        body(node)
        switch node.content {
        case .sequence(let items, _): for item in items { visit(item, body) }
        case .mapping(let pairs, _):
            for pair in pairs {
                visit(pair.key, body)
                visit(pair.value, body)
            }
        case .scalar, .alias: break
        }
    }

    /// The bytes of each literal or folded scalar, from its indicator to the next non-blank
    /// byte after it: its trailing empty lines may be content (`|+`), so they count too.
    static func blockScalarRanges(_ documents: [YAMLDocument], in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for document in documents {
            visit(document.root) { node in
                guard case .scalar(_, let style) = node.content, style == .literal || style == .folded else { return }
                var end = node.span.end.offset
                while end < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n")].contains(bytes[end]) {
                    end += 1
                }
                ranges.append(node.span.start.offset..<end)
            }
        }
        return ranges
    }

    /// Where two parses differ in content (nil when they hold the same documents). A node whose
    /// original start is in `quotedStarts` may go from plain to double-quoted, nothing else.
    static func mismatch(_ before: [YAMLDocument], _ after: [YAMLDocument], quotedStarts: Set<Int>) -> SourceMark? {
        guard before.count == after.count else { return before.last?.root.span.start ?? SourceMark(offset: 0, line: 1, column: 1) }
        for (old, new) in zip(before, after) {
            if let mark = mismatch(old.root, new.root, quotedStarts: quotedStarts) { return mark }
        }
        return nil
    }

    private static func mismatch(_ old: YAMLNode, _ new: YAMLNode, quotedStarts: Set<Int>) -> SourceMark? {
        guard old.tag == new.tag, old.anchor == new.anchor else { return old.span.start }
        switch (old.content, new.content) {
        case (.scalar(let oldText, let oldStyle), .scalar(let newText, let newStyle)):
            let styleKept = oldStyle == newStyle || (quotedStarts.contains(old.span.start.offset) && oldStyle == .plain && newStyle == .doubleQuoted)
            return oldText == newText && styleKept ? nil : old.span.start
        case (.alias(let oldName), .alias(let newName)):
            return oldName == newName ? nil : old.span.start
        case (.sequence(let oldItems, let oldStyle), .sequence(let newItems, let newStyle)):
            guard oldStyle == newStyle, oldItems.count == newItems.count else { return old.span.start }
            for (a, b) in zip(oldItems, newItems) {
                if let mark = mismatch(a, b, quotedStarts: quotedStarts) { return mark }
            }
            return nil
        case (.mapping(let oldPairs, let oldStyle), .mapping(let newPairs, let newStyle)):
            guard oldStyle == newStyle, oldPairs.count == newPairs.count else { return old.span.start }
            for (a, b) in zip(oldPairs, newPairs) {
                if let mark = mismatch(a.key, b.key, quotedStarts: quotedStarts) ?? mismatch(a.value, b.value, quotedStarts: quotedStarts) {
                    return mark
                }
            }
            return nil
        default:
            return old.span.start
        }
    }
}
