import Foundation
import Testing
import KaleidoTestSupport
@testable import KaleidoYAML

/// `CompactParser` is a fast path in front of `YAMLParser`: whatever it accepts, the tree
/// parser accepts too, with the same nodes, texts, styles and spans.
@Suite struct CompactParserTests {
    /// Every record of the sample KB, by path relative to the package root.
    static let sampleRecords: [String] = {
        PackageRoot.sampleRecordPaths.map { PackageRoot.knowledge.appendingPathComponent($0).path }
    }()

    /// The compact document of `bytes` has the tree's shape, texts, styles and spans.
    static func expectSame(_ bytes: [UInt8], _ name: String) throws -> Bool {
        guard let compact = CompactParser().parse(bytes) else { return false }
        let tree = try #require(try? YAMLParser().parseDocument(bytes), "\(name): accepted by CompactParser, rejected by YAMLParser")
        var mismatch: String?
        compare(tree.root, compact, compact.root, path: "", mismatch: &mismatch)
        #expect(mismatch == nil, "\(name): \(mismatch ?? "")")
        return true
    }

    static func compare(_ node: YAMLNode, _ doc: CompactDocument, _ index: Int, path: String, mismatch: inout String?) {
        guard mismatch == nil else { return }
        if node.span != doc.span(of: index) {
            mismatch = "\(path): span \(node.span) vs \(doc.span(of: index))"
            return
        }
        switch node.content {
        case .scalar(let text, let style):
            if doc.kind(index) != .scalar || doc.string(index) != text || doc.scalarStyle(index) != style {
                mismatch = "\(path): scalar \(text) \(style) vs \(doc.kind(index)) \(doc.string(index)) \(doc.scalarStyle(index))"
            }
        case .sequence(let items, let style):
            let children = Array(doc.children(index))
            guard doc.kind(index) == .sequence, children.count == items.count, doc.count(index) == items.count,
                doc.collectionStyle(index) == style
            else {
                mismatch = "\(path): sequence of \(items.count) vs \(doc.kind(index)) of \(doc.count(index))"
                return
            }
            for (offset, item) in items.enumerated() { compare(item, doc, children[offset], path: "\(path)[\(offset)]", mismatch: &mismatch) }
        case .mapping(let pairs, let style):
            let children = Array(doc.children(index))
            guard doc.kind(index) == .mapping, children.count == 2 * pairs.count, doc.count(index) == pairs.count,
                doc.collectionStyle(index) == style
            else {
                mismatch = "\(path): mapping of \(pairs.count) vs \(doc.kind(index)) of \(doc.count(index))"
                return
            }
            for (offset, pair) in pairs.enumerated() {
                compare(pair.key, doc, children[2 * offset], path: "\(path).key\(offset)", mismatch: &mismatch)
                compare(pair.value, doc, children[2 * offset + 1], path: "\(path).\(pair.key.scalarText ?? "?")", mismatch: &mismatch)
                if !doc.isKey(children[2 * offset]) || doc.isKey(children[2 * offset + 1]) {
                    mismatch = "\(path): key flags wrong at pair \(offset)"
                }
                if let text = pair.key.scalarText, doc.value(in: index, forKey: text) != children[2 * offset + 1] {
                    mismatch = "\(path): value(forKey: \(text)) does not find its value"
                }
            }
        case .alias:
            mismatch = "\(path): an alias in a compact document"
        }
    }

    @Test(arguments: SuiteCase.all)
    func suiteCase(_ suiteCase: SuiteCase) throws {
        guard let bytes = suiteCase.file("in.yaml") else { return }
        _ = try Self.expectSame(bytes, suiteCase.id)
    }

    @Test func sampleRecordsTakeTheFastPathAndReadTheSame() throws {
        try #require(Self.sampleRecords.count >= 40)
        var declined: [String] = []
        for path in Self.sampleRecords {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            if try !Self.expectSame(bytes, path) { declined.append(path) }
        }
        print("compact parser: \(Self.sampleRecords.count - declined.count)/\(Self.sampleRecords.count) sample records on the fast path; declined: \(declined.map { ($0 as NSString).lastPathComponent })")
        // Records are ordinary YAML: nearly all of them must take the fast path.
        #expect(declined.count * 10 <= Self.sampleRecords.count)
    }

    @Test(arguments: [
        ("a: 1\na: 2\n", "duplicate key"),
        ("a: &x 1\nb: *x\n", "anchor and alias"),
        ("a: !!str 1\n", "tag"),
        ("a: \"x\"# glued\n", "glued comment"),
        ("a: 1\n---\nb: 2\n", "two documents"),
        ("", "no document"),
        ("a: [1, 2\n", "syntax error"),
        ("1: x\n", "numeric key"),
        ("true: x\n", "boolean key"),
        ("? [a]\n: x\n", "collection key"),
        ("a: [-]\n", "lone indicator"),
    ])
    func declines(_ text: String, _ why: String) {
        #expect(CompactParser().parse(Array(text.utf8)) == nil, "\(why)")
    }

    @Test func depthAndScalarLimitsDecline() {
        let limits = YAMLLimits(maxFileBytes: 1 << 20, maxDepth: 3, maxScalarBytes: 8, maxAliasExpansion: 10)
        #expect(CompactParser(limits: limits).parse(Array("a: [[[[1]]]]\n".utf8)) == nil)
        #expect(CompactParser(limits: limits).parse(Array("a: 123456789\n".utf8)) == nil)
        #expect(CompactParser(limits: limits).parse(Array("a: [[1]]\nb: 12345678\n".utf8)) != nil)
    }
}
