import KaleidoKB
import KaleidoYAML

/// The comments of one side's text, each anchored to the node it belongs to, so that the
/// comments of three texts can be compared place by place (`CommentMerge`).
///
/// Anchors are paths that do not depend on layout: `.phone`, `.contacts[id=amel-b#0]`,
/// `.themes[=sfax#0]` (a list item by its `id`, the schema's `x-merge-key`, else its first field
/// or its value, with an occurrence number). A comment line belongs to the entry (key or `-`
/// item) on the next content line, or, when it is indented deeper than that entry, to the end of
/// the block collection it closes (anchor `PATH/end`). A comment after content on a line belongs
/// to the node that ends last on that line (`PATH`, or `PATH/key` for a key whose value starts
/// on the next line).
struct CommentMap {
    struct Line {
        /// From the `#` to the end of the line, trailing blanks removed.
        var text: String
        /// The whole line with its line break.
        var range: Range<Int>
    }

    struct Trailing {
        var text: String
        /// From the first blank before the `#` to the end of the comment.
        var range: Range<Int>
    }

    /// Comment lines before each anchor, in text order.
    var lines: [String: [Line]] = [:]
    var trailing: [String: Trailing] = [:]
    /// Where a comment line for an anchor goes in this text (the start of the entry's line, or
    /// just after the last line of a collection and its closing comments), and at which column.
    var places: [String: (offset: Int, column: Int)] = [:]
    /// The anchor of the entry (key or `-` item) starting on each line, by line start.
    var anchorAtLine: [Int: String] = [:]
    /// The line start of each node that ends last on its line (where a trailing comment goes).
    var lineOfNode: [String: Int] = [:]
    /// The line start of the line where each node ends, last on it or not.
    var endLine: [String: Int] = [:]

    /// Whether `bytes` may hold a comment at all: the merge skips all of this when no side does.
    static func mayHoldComments(_ bytes: [UInt8]) -> Bool { bytes.contains(UInt8(ascii: "#")) }

    init(text: SourceText, root: YAMLNode, hints: [FieldHint]) {
        var walker = Walker(text: text, hints: hints)
        walker.walk(root, path: "", steps: [], inBlock: true)
        self.places = walker.places
        self.anchorAtLine = walker.entryAtLine.mapValues(\.path)
        self.endLine = walker.endLine
        scan(text, walker: walker)
    }

    /// Whether two texts hold the same comments in the same order (a byte scan: from each `#`
    /// that starts a line's content or follows a blank, to the end of its line). When theirs'
    /// comments are the base's, theirs changed no comment and the merge skips the comment pass.
    static func sameComments(_ x: [UInt8], _ y: [UInt8]) -> Bool {
        var indexX = 0, indexY = 0
        while true {
            let commentX = nextComment(x, from: &indexX), commentY = nextComment(y, from: &indexY)
            guard let commentX, let commentY else { return commentX == nil && commentY == nil }
            guard commentX.elementsEqual(commentY) else { return false }
        }
    }

    private static func nextComment(_ bytes: [UInt8], from index: inout Int) -> ArraySlice<UInt8>? {
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "#"), index == 0 || [SourceText.space, SourceText.newline, 0x09].contains(bytes[index - 1]) {
                let start = index
                while index < bytes.count, bytes[index] != SourceText.newline { index += 1 }
                return bytes[start..<index]
            }
            index += 1
        }
        return nil
    }

    /// The base's comment lines, read on first use (only a deletion needs them).
    final class BaseLines {
        let text: SourceText
        lazy var lines: Set<String> = CommentMap.commentLines(of: text)
        init(text: SourceText) { self.text = text }
    }

    /// The full comment lines of a text, trimmed (a quick scan: a line of a block scalar that
    /// starts with `#` counts too, which only matters for a comment equal to it).
    static func commentLines(of text: SourceText) -> Set<String> {
        var set: Set<String> = []
        var line = 0
        let bytes = text.bytes
        while line < bytes.count {
            let end = text.lineEnd(line)
            var first = line
            while first < end, bytes[first] == SourceText.space || bytes[first] == 0x09 { first += 1 }
            if first < end, bytes[first] == UInt8(ascii: "#") {
                var contentEnd = end
                while contentEnd > first, bytes[contentEnd - 1] == SourceText.newline || bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                set.insert(trimmed(bytes[first..<contentEnd]))
            }
            line = end
        }
        return set
    }

    /// Whether the text holds any comment. A side without one was most likely written by a tool
    /// that drops comments (an emitter, a converter): its missing comments are not deletions.
    var isEmpty: Bool { lines.isEmpty && trailing.isEmpty }

    /// The anchors of the merged data (which anchors still exist after the merge).
    static func anchors(of node: YAMLNode, hints: [FieldHint]) -> Set<String> {
        var set: Set<String> = []
        collect(node, path: "", steps: [], hints: hints, into: &set)
        return set
    }

    private static func collect(_ node: YAMLNode, path: String, steps: [PathStep], hints: [FieldHint], into set: inout Set<String>) {
        set.insert(path)
        set.insert(path + "/end")
        set.insert(path + "/key")
        switch node.content {
        case .mapping(let pairs, _):
            for pair in pairs {
                let key = Values.keyText(pair.key)
                collect(pair.value, path: path + "." + key, steps: steps + [.key(key)], hints: hints, into: &set)
            }
        case .sequence(let items, _):
            var counts: [String: Int] = [:]
            let fields = MergePath.hint(for: steps, in: hints)?.mergeKey
            for item in items {
                collect(item, path: path + Self.itemName(item, fields: fields, counts: &counts), steps: steps + [.index(0)], hints: hints, into: &set)
            }
        default: break
        }
    }

    /// A list item's name in an anchor: its `id`, its first scalar field, or its value, with an
    /// occurrence number against repeats.
    static func itemName(_ item: YAMLNode, fields: [String]?, counts: inout [String: Int]) -> String {
        var name: String
        if let fields, item.pairs != nil {
            name = fields.map { item[$0].map(Values.canonical) ?? "~" }.joined(separator: ",")
        } else if let id = item["id"], id.resolvedScalar != nil {
            name = "id=" + Values.canonical(id)
        } else if let pairs = item.pairs, let first = pairs.first(where: { $0.value.resolvedScalar != nil }) {
            name = Values.keyText(first.key) + "=" + Values.canonical(first.value)
        } else {
            name = "=" + Values.canonical(item)
        }
        let count = counts[name, default: 0]
        counts[name] = count + 1
        return "[" + name + "#\(count)]"
    }

    /// Walks the tree: entry lines, collection ends, quoted and block scalars (where a `#` is
    /// text), and which node ends last on each line.
    private struct Walker {
        let text: SourceText
        let hints: [FieldHint]
        var entryAtLine: [Int: (path: String, column: Int)] = [:]
        var collections: [(end: Int, column: Int, path: String)] = []
        var places: [String: (offset: Int, column: Int)] = [:]
        var scalars: [Range<Int>] = []
        /// Per line start: the node that ends last on that line, and where it ends.
        var lastOnLine: [Int: (end: Int, path: String)] = [:]
        var endLine: [String: Int] = [:]

        init(text: SourceText, hints: [FieldHint]) {
            self.text = text
            self.hints = hints
        }

        mutating func ends(_ node: YAMLNode, path: String) {
            let end = node.span.end.offset
            guard end <= text.bytes.count else { return }
            let line = text.lineStart(max(node.span.start.offset, end - 1))
            endLine[path] = line
            // On a tie the deeper node (visited first) keeps the line.
            if let known = lastOnLine[line], known.end >= end { return }
            lastOnLine[line] = (end, path)
        }

        mutating func entry(_ path: String, at offset: Int) {
            guard text.startsLine(offset) else { return }
            let line = text.lineStart(offset)
            if entryAtLine[line] == nil { entryAtLine[line] = (path, offset - line) }
            places[path] = (line, offset - line)
        }

        mutating func walk(_ node: YAMLNode, path: String, steps: [PathStep], inBlock: Bool) {
            switch node.content {
            case .scalar(_, let style):
                if style != .plain || node.span.start.line != node.span.end.line { scalars.append(node.span.byteRange) }
            case .mapping(let pairs, let style):
                let block = inBlock && style == .block
                for pair in pairs {
                    let key = Values.keyText(pair.key)
                    let child = path + "." + key
                    if block { entry(child, at: pair.key.span.start.offset) }
                    walk(pair.key, path: child + "/key", steps: [], inBlock: false)
                    ends(pair.key, path: child + "/key")
                    walk(pair.value, path: child, steps: steps + [.key(key)], inBlock: block)
                }
                if block, let first = pairs.first { closes(node, path: path, column: text.column(first.key.span.start.offset)) }
            case .sequence(let items, let style):
                let block = inBlock && style == .block
                var counts: [String: Int] = [:]
                let fields = MergePath.hint(for: steps, in: hints)?.mergeKey
                for item in items {
                    let child = path + CommentMap.itemName(item, fields: fields, counts: &counts)
                    if block, let dash = try? text.dash(before: item.span.start.offset) { entry(child, at: dash) }
                    walk(item, path: child, steps: steps + [.index(0)], inBlock: block)
                }
                if block, let first = items.first, let dash = try? text.dash(before: first.span.start.offset) {
                    closes(node, path: path, column: text.column(dash))
                }
            case .alias: break
            }
            ends(node, path: path)
        }

        mutating func closes(_ node: YAMLNode, path: String, column: Int) {
            let end = text.lineEnd(node.span.end.offset)
            collections.append((end, column, path))
            places[path + "/end"] = (end, column)
        }
    }

    /// Reads every comment of the text and anchors it.
    private mutating func scan(_ text: SourceText, walker: Walker) {
        let bytes = text.bytes
        let hash = UInt8(ascii: "#")
        var scalarIndex = 0
        var pending: [(line: Line, column: Int)] = []
        var line = 0
        while line < bytes.count {
            let end = text.lineEnd(line)
            var contentEnd = end
            while contentEnd > line, bytes[contentEnd - 1] == SourceText.newline || bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            var first = line
            while first < contentEnd, bytes[first] == SourceText.space || bytes[first] == 0x09 { first += 1 }
            while scalarIndex < walker.scalars.count, walker.scalars[scalarIndex].upperBound <= first { scalarIndex += 1 }
            let inScalar = { (offset: Int) -> Bool in
                walker.scalars[scalarIndex...].prefix(while: { $0.lowerBound <= offset }).contains { $0.contains(offset) }
            }
            if first < contentEnd, bytes[first] == hash, !inScalar(first) {
                pending.append((Line(text: Self.trimmed(bytes[first..<contentEnd]), range: line..<end), first - line))
            } else if first < contentEnd {
                if let entry = walker.entryAtLine[line] {
                    assign(&pending, before: entry, walker: walker)
                }
                // A trailing comment: a `#` after a blank, outside quoted and block scalars.
                if let lastNode = walker.lastOnLine[line] {
                    lineOfNode[lastNode.path] = line
                    var index = max(first, lastNode.end)
                    while index < contentEnd {
                        if bytes[index] == hash, bytes[index - 1] == SourceText.space || bytes[index - 1] == 0x09, !inScalar(index) {
                            var start = index
                            while start > line, bytes[start - 1] == SourceText.space || bytes[start - 1] == 0x09 { start -= 1 }
                            trailing[lastNode.path] = Trailing(text: Self.trimmed(bytes[index..<contentEnd]), range: start..<contentEnd)
                            break
                        }
                        index += 1
                    }
                }
            }
            line = end
        }
        assign(&pending, before: nil, walker: walker)
    }

    /// Anchors the pending comment lines: to the entry after them, or to the end of the deepest
    /// collection closed before them when they are indented deeper than that entry.
    private mutating func assign(_ pending: inout [(line: Line, column: Int)], before entry: (path: String, column: Int)?,
                                 walker: Walker) {
        let entryColumn = entry?.column ?? -1
        for (line, column) in pending {
            var anchor = entry?.path
            if column > entryColumn {
                let closed = walker.collections.filter { $0.end <= line.range.lowerBound && $0.column > entryColumn && $0.column <= column }
                if let best = closed.max(by: { ($0.column, $0.end) < ($1.column, $1.end) }) {
                    anchor = best.path + "/end"
                    // A's new closing comments go after the ones it has.
                    places[anchor!] = (line.range.upperBound, best.column)
                }
            }
            if anchor == nil {
                anchor = "/end"
                places["/end"] = (line.range.upperBound, 0)
            }
            lines[anchor!, default: []].append(line)
        }
        pending = []
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[end - 1] == SourceText.space || bytes[end - 1] == 0x09 { end -= 1 }
        return String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)
    }
}
