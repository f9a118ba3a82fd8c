import KaleidoYAML

/// Edits a record's YAML source the way a consultant would: items appended at the end of a
/// top-level block list (the list created at the end of the file when absent), and single
/// scalars replaced in place. Every other byte (comments, key order, quoting, blank lines)
/// stays as written. Pure: bytes in and out.
struct RecordListAppend {
    struct Failure: Error {
        var line: Int
        var column: Int
        var message: String
    }

    private(set) var bytes: [UInt8]
    /// Byte edits to apply, by offset: (range replaced, new text).
    private var edits: [(range: Range<Int>, text: String)] = []
    private let root: YAMLNode

    /// - Throws: `Failure` when the bytes are no YAML mapping.
    init(bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        let document: YAMLDocument
        do { document = try YAMLParser().parseDocument(bytes) } catch {
            throw Failure(line: 1, column: 1, message: "the record does not parse: \(error)")
        }
        guard case .mapping = document.root.content else { throw Failure(line: 1, column: 1, message: "the record is not a mapping") }
        root = document.root
    }

    /// The parsed record as it was before any edit.
    var original: YAMLNode { root }

    /// Appends `items` to the top-level list `key`, after its last item and at its items'
    /// column; a new block list at the end of the file when there is no `key`.
    /// - Throws: `Failure` when `key` holds something other than a block list.
    mutating func append(_ key: String, items: [YAMLNode]) throws(Failure) {
        guard !items.isEmpty else { return }
        guard let value = root[key] else {
            let needsBreak = !bytes.isEmpty && bytes.last != UInt8(ascii: "\n")
            edits.append((bytes.count..<bytes.count, (needsBreak ? "\n" : "") + "\(key):\n" + Self.items(items, dash: 2)))
            return
        }
        guard case .sequence(let existing, let style) = value.content else {
            throw Failure(line: value.span.start.line, column: value.span.start.column, message: "\(key) is not a list; cannot append to it")
        }
        if existing.isEmpty {
            // `key: []`: the empty flow list gives way to the block list.
            let range = value.span.start.offset - precedingSpaces(before: value.span.start.offset)..<value.span.end.offset
            edits.append((range, "\n" + String(Self.items(items, dash: 2).dropLast())))
            return
        }
        guard style == .block, let last = existing.last, let first = existing.first else {
            throw Failure(line: value.span.start.line, column: value.span.start.column,
                          message: "\(key) is a flow list ([…]); write it as a block list (one `- ` item a line) to append to it")
        }
        let insertion = lineEnd(after: last.span.end.offset)
        let text = Self.items(items, dash: dashColumn(before: first.span.start.offset))
        edits.append((insertion..<insertion, insertion == bytes.count && bytes.last != UInt8(ascii: "\n") ? "\n" + text : text))
    }

    /// Items as the sample writes them: a flow mapping on the dash's line (`- {country: FR, …}`),
    /// a block mapping one key a line. Scalars: `.plain` is written as is (keys, numbers,
    /// booleans the caller made), `.doubleQuoted` always double-quoted (dates), any other
    /// style is free text, plain when no tool can misread it, else double-quoted.
    static func items(_ items: [YAMLNode], dash: Int) -> String {
        let indent = String(repeating: " ", count: dash)
        return items.map { item in
            guard case .mapping(let pairs, let style) = item.content, style == .block, !pairs.isEmpty else {
                return indent + "- " + render(item, flow: true) + "\n"
            }
            return pairs.enumerated().map { position, pair in
                indent + (position == 0 ? "- " : "  ") + (pair.key.scalarText ?? "") + ": " + render(pair.value, flow: false) + "\n"
            }.joined()
        }.joined()
    }

    private static func render(_ node: YAMLNode, flow: Bool) -> String {
        let emitter = YAMLEmitter()
        switch node.content {
        case .scalar(let text, .plain): return text
        case .scalar(let text, .doubleQuoted): return emitter.doubleQuotedText(text)
        case .scalar(let text, _):
            let written = emitter.scalarText(.string(text))
            let unsafe = written.first == "'" || written.first == "\"" || (flow && text.contains(where: { ",[]{}".contains($0) }))
            return unsafe ? emitter.doubleQuotedText(text) : written
        case .mapping(let pairs, _):
            return "{" + pairs.map { ($0.key.scalarText ?? "") + ": " + render($0.value, flow: true) }.joined(separator: ", ") + "}"
        case .sequence(let items, _):
            return "[" + items.map { render($0, flow: true) }.joined(separator: ", ") + "]"
        case .alias(let name):
            return "*" + name
        }
    }

    /// Replaces a scalar's text (an existing count's number).
    mutating func replace(_ node: YAMLNode, with text: String) {
        edits.append((node.span.start.offset..<node.span.end.offset, text))
    }

    /// The edited bytes.
    func result() -> [UInt8] {
        var output = bytes
        // From the end backwards, so that earlier offsets stay valid; two insertions at one
        // offset (both lists new at the end of the file) keep the order they were made in.
        let ordered = edits.enumerated().sorted { ($0.element.range.lowerBound, $0.offset) > ($1.element.range.lowerBound, $1.offset) }
        for edit in ordered.map(\.element) {
            output.replaceSubrange(edit.range, with: Array(edit.text.utf8))
        }
        return output
    }

    /// The offset just after the line break ending the line that holds `offset` (the file's end
    /// when the line has none).
    private func lineEnd(after offset: Int) -> Int {
        var position = offset
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
        return min(position + 1, bytes.count)
    }

    /// The column (0-based) of the `-` introducing the item that starts at `offset`.
    private func dashColumn(before offset: Int) -> Int {
        var position = offset - 1
        while position >= 0, bytes[position] != UInt8(ascii: "-") { position -= 1 }
        var lineStart = position
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        return max(0, position - lineStart)
    }

    private func precedingSpaces(before offset: Int) -> Int {
        var count = 0
        while offset - count - 1 >= 0, bytes[offset - count - 1] == UInt8(ascii: " ") { count += 1 }
        return count
    }
}
