import Foundation
import KaleidoFixtures
@testable import KaleidoMerge
import KaleidoKB
import KaleidoYAML
import KaleidoTestSupport

/// The sample records of knowledge/, read as test data.
enum SampleRecords {
    static let all: [(path: String, text: String)] = PackageRoot.sampleRecordPaths.compactMap { relative in
        guard let text = try? String(contentsOf: PackageRoot.knowledge.appendingPathComponent(relative), encoding: .utf8) else { return nil }
        return ("knowledge/" + relative, text)
    }

    /// The record with a full-line comment before every block mapping key that starts a line
    /// (at the key's indentation), outside block scalars.
    static func commented(_ text: String) -> String {
        guard let root = try? YAMLParser().parseDocument(Array(text.utf8)).root else { return text }
        var starts: [Int] = []
        func walk(_ node: YAMLNode) {
            switch node.content {
            case .mapping(let pairs, .block):
                for pair in pairs { starts.append(pair.key.span.start.offset); walk(pair.value) }
            case .mapping(let pairs, _): for pair in pairs { walk(pair.value) }
            case .sequence(let items, _): items.forEach(walk)
            default: break
            }
        }
        walk(root)
        let source = SourceText(bytes: Array(text.utf8))
        var edits: [TextEdit] = []
        for (number, start) in starts.enumerated() where source.startsLine(start) {
            let line = source.lineStart(start)
            edits.append(TextEdit(range: line..<line, text: Array((String(repeating: " ", count: start - line) + "# note \(number)\n").utf8)))
        }
        return (try? source.render(0..<source.bytes.count, edits: edits)).map { String(decoding: $0, as: UTF8.self) } ?? text
    }
}

/// Random edits made the way a consultant's editor makes them: text changes at the parser's
/// spans, so the rest of the file keeps its spelling. Each new value is unique (`v-<n>`), so
/// that a test can look for it in the merge.
struct RecordEditor {
    var random: SplitMix64
    var counter = 0
    /// How many edits of each kind (0…9) were made, so that a test can check they all happen.
    var applied: [Int: Int] = [:]
    var lastKind = 0

    /// `text` with 1 to 3 random edits, and the new values the edits wrote.
    mutating func edit(_ text: String, tag: String) -> (text: String, values: [String]) {
        var current = text
        var values: [String] = []
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            for _ in 0..<8 {
                if let (next, value) = oneEdit(current, tag: tag), (try? YAMLParser().parseDocument(Array(next.utf8))) != nil {
                    current = next
                    applied[lastKind, default: 0] += 1
                    if let value { values.append(value) }
                    break
                }
            }
        }
        return (current, values)
    }

    private mutating func fresh(_ tag: String) -> String {
        counter += 1
        return "v-\(tag)-\(counter)"
    }

    private mutating func oneEdit(_ text: String, tag: String) -> (String, String?)? {
        let bytes = Array(text.utf8)
        guard let root = try? YAMLParser().parseDocument(bytes).root else { return nil }
        let source = SourceText(bytes: bytes)
        var scalars: [YAMLNode] = []
        var pairs: [(YAMLPair, Int)] = []  // block pairs that start a line, with their mapping's size
        var lists: [YAMLNode] = []
        var literals: [YAMLNode] = []
        func walk(_ node: YAMLNode, inFlow: Bool) {
            switch node.content {
            case .scalar(_, let style):
                if style == .literal { literals.append(node) } else if !(style == .plain && node.span.byteRange.isEmpty) { scalars.append(node) }
            case .mapping(let items, let style):
                for pair in items {
                    if style == .block, source.startsLine(pair.key.span.start.offset), pair.key.scalarText != "id" { pairs.append((pair, items.count)) }
                    walk(pair.value, inFlow: inFlow || style == .flow)
                }
            case .sequence(let items, let style):
                if !items.isEmpty, items.allSatisfy({ $0.resolvedScalar != nil }) { lists.append(node) }
                _ = style
                items.forEach { walk($0, inFlow: inFlow || style == .flow) }
            case .alias: break
            }
        }
        walk(root, inFlow: false)
        let value = fresh(tag)
        func replaced(_ range: Range<Int>, _ insert: String) -> String {
            String(decoding: bytes[..<range.lowerBound] + Array(insert.utf8) + bytes[range.upperBound...], as: UTF8.self)
        }
        var blockLists: [[YAMLNode]] = []
        var nested: [YAMLNode] = []
        func collect(_ node: YAMLNode) {
            switch node.content {
            case .sequence(let items, .block):
                if items.count > 1 { blockLists.append(items) }
                items.forEach(collect)
            case .sequence(let items, _): items.forEach(collect)
            case .mapping(let pairs, let style):
                if style == .block, node.span != root.span { nested.append(node) }
                for pair in pairs { collect(pair.value) }
            default: break
            }
        }
        collect(root)
        func chunk(_ item: YAMLNode) -> Range<Int>? {
            guard let dash = try? source.dash(before: item.span.start.offset), source.startsLine(dash) else { return nil }
            return source.lineStart(dash)..<source.lineEnd(item.span.end.offset)
        }
        lastKind = Int.random(in: 0..<10, using: &random)
        switch lastKind {
        case 6:
            // Remove one item of a block list.
            guard let items = blockLists.randomElement(using: &random), let range = chunk(items.randomElement(using: &random)!) else { return nil }
            return (replaced(range, ""), nil)
        case 7:
            // Swap two neighbouring items of a block list (a reorder).
            guard let items = blockLists.randomElement(using: &random) else { return nil }
            let index = Int.random(in: 0..<(items.count - 1), using: &random)
            guard let first = chunk(items[index]), let second = chunk(items[index + 1]), first.upperBound == second.lowerBound else { return nil }
            let swapped = Array(bytes[second]) + Array(bytes[first])
            return (String(decoding: bytes[..<first.lowerBound] + swapped + bytes[second.upperBound...], as: UTF8.self), nil)
        case 8:
            // A new item copied from another one, its first value made new (a new key).
            guard let items = blockLists.randomElement(using: &random), let item = items.randomElement(using: &random),
                  let pair = item.pairs?.first, pair.value.resolvedScalar != nil, !pair.value.span.byteRange.isEmpty,
                  let range = chunk(item) else { return nil }
            var copy = Array(bytes[range])
            let start = pair.value.span.start.offset - range.lowerBound, end = pair.value.span.end.offset - range.lowerBound
            copy.replaceSubrange(start..<end, with: Array("\"\(value)\"".utf8))
            if copy.last != 0x0A { copy.append(0x0A) }
            let at = range.upperBound
            let prefix = at == bytes.count && bytes.last != 0x0A ? "\n" : ""
            return (replaced(at..<at, prefix + String(decoding: copy, as: UTF8.self)), value)
        case 9:
            // A new key in a nested block mapping, after one of its keys.
            guard let mapping = nested.randomElement(using: &random), let pair = mapping.pairs?.randomElement(using: &random),
                  source.startsLine(pair.key.span.start.offset) else { return nil }
            let at = source.lineEnd(pair.value.span.end.offset)
            let prefix = at == bytes.count && bytes.last != 0x0A ? "\n" : ""
            let indent = String(repeating: " ", count: source.column(pair.key.span.start.offset))
            return (replaced(at..<at, prefix + indent + "k_\(value.replacing("-", with: "_")): \"\(value)\"\n"), value)

        case 0, 1:
            guard let node = scalars.randomElement(using: &random) else { return nil }
            if root.pairs?.contains(where: { $0.key.span == node.span }) == true { return nil }
            return (replaced(node.span.byteRange, "\"\(value)\""), value)
        case 2:
            guard let (pair, size) = pairs.randomElement(using: &random), size > 1 else { return nil }
            return (replaced(source.lineStart(pair.key.span.start.offset)..<source.lineEnd(pair.value.span.end.offset), ""), nil)
        case 3:
            guard let last = root.pairs?.randomElement(using: &random) else { return nil }
            let at = source.lineEnd(last.value.span.end.offset)
            let prefix = at == bytes.count && bytes.last != 0x0A ? "\n" : ""
            return (replaced(at..<at, prefix + "x_\(value.replacing("-", with: "_")): \"\(value)\"\n"), value)
        case 4:
            guard let list = lists.randomElement(using: &random), let items = list.items,
                  let item = items.randomElement(using: &random) else { return nil }
            if case .sequence(_, .flow) = list.content {
                return (replaced(item.span.end.offset..<item.span.end.offset, ", \"\(value)\""), value)
            }
            guard let dash = try? source.dash(before: item.span.start.offset) else { return nil }
            let at = source.lineEnd(item.span.end.offset)
            let prefix = at == bytes.count && bytes.last != 0x0A ? "\n" : ""
            return (replaced(at..<at, prefix + String(repeating: " ", count: source.column(dash)) + "- \"\(value)\"\n"), value)
        default:
            guard let literal = literals.randomElement(using: &random) else { return nil }
            // Replace one content line of the literal, keeping its indentation.
            var lineStarts: [Int] = []
            var offset = source.lineEnd(literal.span.start.offset)
            while offset < literal.span.end.offset { lineStarts.append(offset); offset = source.lineEnd(offset) }
            guard let line = lineStarts.randomElement(using: &random) else { return nil }
            var first = line
            while first < bytes.count, bytes[first] == 0x20 { first += 1 }
            var end = source.lineEnd(line)
            if end > line, bytes[end - 1] == 0x0A { end -= 1 }
            guard first < end else { return nil }
            return (replaced(first..<end, value), value)
        }
    }
}
