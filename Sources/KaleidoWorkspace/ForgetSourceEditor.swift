import KaleidoQuery
import KaleidoYAML

/// The places and source edits of one record for `PersonForgetting`: values equal to the
/// person's id or a renamed id are replaced (or removed with their list item or key), free
/// text naming the person is rewritten with the token, comments likewise.
struct ForgetSourceEditor {
    let source: PersonForgetting.Source
    let scrubber: NameScrubber
    /// Old id → new id; nil removes the reference.
    let renames: [String: String?]
    let personID: String
    let token: String

    private(set) var places: [ForgetPlan.Place] = []
    private(set) var edits: [(range: Range<Int>, bytes: [UInt8])] = []
    /// Spans of every scalar (keys too): what lies outside is comments and indicators.
    private var scalarSpans: [Range<Int>] = []
    private lazy var lineStarts: [Int] = [0] + source.bytes.indices.filter { source.bytes[$0] == 0x0A }.map { $0 + 1 }

    init(source: PersonForgetting.Source, scrubber: NameScrubber, renames: [String: String?], personID: String, token: String) {
        self.source = source
        self.scrubber = scrubber
        self.renames = renames
        self.personID = personID
        self.token = token
    }

    /// Where a value sits, for removing it with what holds it.
    enum Slot {
        case root
        case blockItem
        case flowItem(siblings: [YAMLNode], index: Int)
        case blockValue(key: YAMLNode)
        case flowValue(pairs: [YAMLPair], index: Int)
    }

    mutating func run() throws(WorkspaceError) {
        try walk(source.root, path: "", slot: .root, inFlow: false)
        for match in scrubber.matches(in: source.bytes) where !scalarSpans.contains(where: { $0.contains(match.lowerBound) }) {
            place(.comment, at: match.lowerBound, field: "", found: match)
            edits.append((match, Array(token.utf8)))
        }
    }

    private mutating func walk(_ node: YAMLNode, path: String, slot: Slot, inFlow: Bool) throws(WorkspaceError) {
        switch node.content {
        case .scalar(let text, let style):
            scalarSpans.append(node.span.byteRange)
            try scalar(node, text: text, style: style, path: path, slot: slot, inFlow: inFlow)
        case .sequence(let items, let style):
            for (index, item) in items.enumerated() {
                try walk(item, path: "\(path)[\(index)]", slot: style == .flow ? .flowItem(siblings: items, index: index) : .blockItem,
                         inFlow: inFlow || style == .flow)
            }
        case .mapping(let pairs, let style):
            for (index, pair) in pairs.enumerated() {
                scalarSpans.append(pair.key.span.byteRange)
                let key = pair.key.scalarText ?? "?"
                try walk(pair.value, path: path.isEmpty ? key : path + "." + key,
                         slot: style == .flow ? .flowValue(pairs: pairs, index: index) : .blockValue(key: pair.key), inFlow: inFlow || style == .flow)
            }
        case .alias: break
        }
    }

    private mutating func scalar(_ node: YAMLNode, text: String, style: ScalarStyle, path: String, slot: Slot, inFlow: Bool) throws(WorkspaceError) {
        let span = node.span.byteRange
        if let renamed = renames[text] {
            let kind: ForgetPlan.Place.Kind = text == personID ? .reference
                : path == "id" ? .recordID(newID: renamed ?? "") : .renamedReference(newID: renamed ?? "")
            places.append(.init(file: source.file, line: node.span.start.line, column: node.span.start.column, kind: kind, field: path, found: text))
            if let renamed { edits.append((span, Array(YAMLEmitter().scalarText(.string(renamed)).utf8))) } else { try remove(node, slot: slot, path: path) }
            return
        }
        let inValue = scrubber.matches(in: Array(text.utf8))
        guard !inValue.isEmpty else { return }
        let raw = Array(source.bytes[span])
        let inSource = scrubber.matches(in: raw)
        if inSource.isEmpty {
            places.append(.init(file: source.file, line: node.span.start.line, column: node.span.start.column, kind: .text, field: path, found: text))
        }
        for match in inSource {
            place(.text, at: span.lowerBound + match.lowerBound, field: path, found: (span.lowerBound + match.lowerBound)..<(span.lowerBound + match.upperBound))
        }
        if (style == .literal || style == .folded) && inSource.count == inValue.count {
            for match in inSource { edits.append(((span.lowerBound + match.lowerBound)..<(span.lowerBound + match.upperBound), Array(token.utf8))) }
        } else {
            let scrubbed = scrubber.scrub(text, token: token)
            let emitter = YAMLEmitter()
            var written = emitter.scalarText(.string(scrubbed))
            if inFlow, written.first != "\"", written.contains(where: { ",[]{}".contains($0) }) { written = emitter.doubleQuotedText(scrubbed) }
            edits.append((span, Array(written.utf8)))
        }
    }

    private mutating func place(_ kind: ForgetPlan.Place.Kind, at offset: Int, field: String, found: Range<Int>) {
        let line = (lineStarts.lastIndex { $0 <= offset } ?? 0)
        let column = String(decoding: source.bytes[lineStarts[line]..<offset], as: UTF8.self).unicodeScalars.count + 1
        places.append(.init(file: source.file, line: line + 1, column: column, kind: kind, field: field,
                            found: String(decoding: source.bytes[found], as: UTF8.self)))
    }

    /// Removes a reference with its list item or key (`--remove`).
    private mutating func remove(_ node: YAMLNode, slot: Slot, path: String) throws(WorkspaceError) {
        let bytes = source.bytes
        func lineStart(_ offset: Int) -> Int { (bytes[..<offset].lastIndex(of: 0x0A)).map { $0 + 1 } ?? 0 }
        func lineEnd(_ offset: Int) -> Int { (bytes[offset...].firstIndex(of: 0x0A)).map { $0 + 1 } ?? bytes.count }
        func onlyBlanks(_ range: Range<Int>, allowing dash: Bool) -> Bool {
            var dashes = 0
            for byte in bytes[range] {
                if byte == UInt8(ascii: "-") { dashes += 1; continue }
                if byte != 0x20 { return false }
            }
            return dashes == 0 || (dash && dashes == 1)
        }
        let cannot = WorkspaceError.invalid("\(source.file):\(node.span.start.line):\(node.span.start.column): cannot remove the reference at \(path) from this layout; use --anonymise or edit it by hand")
        switch slot {
        case .root: throw cannot
        case .blockItem:
            let start = lineStart(node.span.start.offset)
            guard onlyBlanks(start..<node.span.start.offset, allowing: true) else { throw cannot }
            edits.append((start..<lineEnd(node.span.end.offset), []))
        case .blockValue(let key):
            let start = lineStart(key.span.start.offset)
            guard onlyBlanks(start..<key.span.start.offset, allowing: false) else { throw cannot }
            edits.append((start..<lineEnd(node.span.end.offset), []))
        case .flowItem(let siblings, let index):
            edits.append(Self.flowRemoval(siblings.map(\.span.byteRange), index: index))
        case .flowValue(let pairs, let index):
            edits.append(Self.flowRemoval(pairs.map { $0.key.span.start.offset..<$0.value.span.end.offset }, index: index))
        }
    }

    /// The bytes to delete for entry `index` of a flow collection, with one of its commas.
    static func flowRemoval(_ entries: [Range<Int>], index: Int) -> (range: Range<Int>, bytes: [UInt8]) {
        if entries.count == 1 { return (entries[index], []) }
        if index + 1 < entries.count { return (entries[index].lowerBound..<entries[index + 1].lowerBound, []) }
        return (entries[index - 1].upperBound..<entries[index].upperBound, [])
    }

    /// The source with every edit made (an edit inside a removed range is dropped).
    func editedBytes() throws(WorkspaceError) -> [UInt8] {
        var kept: [(range: Range<Int>, bytes: [UInt8])] = []
        for edit in edits.sorted(by: { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }) {
            if let last = kept.last, edit.range.lowerBound < last.range.upperBound {
                guard edit.range.upperBound <= last.range.upperBound else {
                    throw .invalid("\(source.file): overlapping edits; edit it by hand, then run forget again")
                }
                continue
            }
            kept.append(edit)
        }
        var bytes = source.bytes
        for edit in kept.reversed() { bytes.replaceSubrange(edit.range, with: edit.bytes) }
        return bytes
    }
}
