import Foundation
import KaleidoFixtures
import Testing
import KaleidoTestSupport
@testable import KaleidoMerge
import KaleidoKB
import KaleidoYAML

/// Properties of the merge over random edits of the sample records (seeded, so reproducible).
@Suite struct MergePropertyTests {
    /// 300 by default; `KALEIDO_MERGE_ITERATIONS` asks for a longer run.
    static let iterations = ProcessInfo.processInfo.environment["KALEIDO_MERGE_ITERATIONS"].flatMap { Int($0) } ?? 300

    /// Every scalar value of a tree, as canonical text.
    static func leaves(_ node: YAMLNode, into set: inout Set<String>) {
        switch node.content {
        case .scalar: set.insert(Values.canonical(node))
        case .sequence(let items, _): for item in items { leaves(item, into: &set) }
        case .mapping(let pairs, _): for pair in pairs { leaves(pair.key, into: &set); leaves(pair.value, into: &set) }
        case .alias: break
        }
    }

    static func root(_ bytes: [UInt8]) throws -> YAMLNode { try YAMLParser().parseDocument(bytes).root }

    /// The project's schema hints per type (x-merge-key, x-merge: atomic), as the driver uses them.
    static let hints: [RecordType: [FieldHint]] = {
        guard let kb = try? KnowledgeBase.open(root: PackageRoot.path, fileSystem: LocalFileSystem()),
              let schemas = try? KBSchemas.load(kb) else { return [:] }
        return schemas.hints
    }()

    static func merger(for text: String) -> RecordMerger {
        let type = (try? root(Array(text.utf8)))?["type"]?.scalarText.flatMap(RecordType.init(rawValue:))
        return RecordMerger(hints: type.flatMap { hints[$0] } ?? [])
    }

    @Test func recordsAreThere() {
        #expect(SampleRecords.all.count >= 50)
        #expect(Self.hints[.partner]?.contains { $0.mergeKey == ["value"] } == true)
    }

    @Test func identitiesAndNothingLost() throws {
        var editor = RecordEditor(random: SplitMix64(seed: 20261127))
        var random = SplitMix64(seed: 42)
        var conflicted = 0
        for iteration in 0..<Self.iterations {
            let record = SampleRecords.all[Int.random(in: 0..<SampleRecords.all.count, using: &random)]
            let base = Array(record.text.utf8)
            let x = editor.edit(record.text, tag: "x"), y = editor.edit(record.text, tag: "y")
            let bytesX = Array(x.text.utf8), bytesY = Array(y.text.utf8)
            let merger = Self.merger(for: record.text)
            func run(_ b: [UInt8]?, _ o: [UInt8], _ t: [UInt8], _ rule: ProvisionalRule = .ours,
                     timeOurs: Int64? = nil, timeTheirs: Int64? = nil) throws -> RecordMergeResult {
                try merger.merge(base: b.map { MergeSide(bytes: $0) }, ours: MergeSide(bytes: o, commitTime: timeOurs),
                                 theirs: MergeSide(bytes: t, commitTime: timeTheirs), rule: rule, now: "2026-11-27T10:00:00Z")
            }
            // merge(b, x, b) = x and merge(b, b, x) = x byte for byte; merge(b, x, x) = x.
            #expect(try run(base, bytesX, base).bytes == bytesX, "\(record.path) #\(iteration)")
            #expect(try run(base, base, bytesX).bytes == bytesX, "\(record.path) #\(iteration)")
            #expect(try run(base, bytesX, bytesX).bytes == bytesX, "\(record.path) #\(iteration)")
            // A side that only reformatted the base changed nothing: x comes back byte for byte.
            let reformatted = Array(YAMLEmitter(options: .init(indent: 4)).emitDocument(Values.detached(try Self.root(base))).utf8)
            let overReformat = try run(base, bytesX, reformatted)
            // (When no edit took, x is the base and the reformatted side is the only change.)
            #expect(overReformat.bytes == (bytesX == base ? reformatted : bytesX), "\(record.path) #\(iteration): \(String(decoding: overReformat.bytes, as: UTF8.self))")

            let merged = try run(base, bytesX, bytesY)
            #expect(!merged.reemitted, "\(record.path) #\(iteration)")
            let mergedRoot = try Self.root(merged.bytes)
            if !merged.conflicts.isEmpty { conflicted += 1 }
            // No value from either side disappears.
            var found = Set<String>()
            Self.leaves(mergedRoot, into: &found)
            for value in x.values + y.values where x.text.contains(value) || y.text.contains(value) {
                let stillThere = (try? Self.root(Array((x.values.contains(value) ? x.text : y.text).utf8))).map { node -> Bool in
                    var set = Set<String>(); Self.leaves(node, into: &set)
                    return set.contains(where: { $0.contains(value) })
                } ?? false
                guard stillThere else { continue }  // a later edit of the same side overwrote it
                #expect(found.contains(where: { $0.contains(value) }), "\(record.path) #\(iteration): \(value) lost\n\(String(decoding: merged.bytes, as: UTF8.self))")
            }
            // How theirs is formatted does not change what the merge means: theirs re-emitted
            // (indent 4, block style everywhere) gives the same data, and still no re-emit.
            let reformattedY = Array(YAMLEmitter(options: .init(indent: 4, indentSequencesInMappings: false)).emitDocument(Values.detached(try Self.root(bytesY))).utf8)
            let overReformattedY = try run(base, bytesX, reformattedY)
            #expect(!overReformattedY.reemitted, "\(record.path) #\(iteration)")
            #expect(Values.equal(try Self.root(overReformattedY.bytes), mergedRoot),
                    "\(record.path) #\(iteration)\n\(String(decoding: overReformattedY.bytes, as: UTF8.self))\n---\n\(String(decoding: merged.bytes, as: UTF8.self))")
            // Nor does how ours is formatted (indent 3, flow collections become block).
            let reformattedX = Array(YAMLEmitter(options: .init(indent: 3)).emitDocument(Values.detached(try Self.root(bytesX))).utf8)
            let intoReformattedX = try run(base, reformattedX, bytesY)
            #expect(!intoReformattedX.reemitted, "\(record.path) #\(iteration)")
            #expect(Values.equal(try Self.root(intoReformattedX.bytes), mergedRoot),
                    "\(record.path) #\(iteration)\n\(String(decoding: intoReformattedX.bytes, as: UTF8.self))\n---\n\(String(decoding: merged.bytes, as: UTF8.self))")
            // The symmetric rule gives the same record whichever side is ours.
            let one = try run(base, bytesX, bytesY, .symmetric, timeOurs: 100, timeTheirs: 200)
            let other = try run(base, bytesY, bytesX, .symmetric, timeOurs: 200, timeTheirs: 100)
            #expect(one.bytes == other.bytes, "\(record.path) #\(iteration)")
            #expect(Values.equal(try Self.root(one.bytes), try Self.root(other.bytes)))
        }
        #expect(conflicted > 0, "the edits should sometimes collide")
        // Every kind of edit happened (scalar, delete key, add key, list element, notes line,
        // remove item, reorder, new item, nested key).
        for kind in [0, 2, 3, 4, 5, 6, 7, 8, 9] { #expect(editor.applied[kind, default: 0] >= 10, "edit kind \(kind): \(editor.applied)") }
    }

    @Test func commentsOfOursSurvive() throws {
        var editor = RecordEditor(random: SplitMix64(seed: 7))
        var random = SplitMix64(seed: 8)
        for iteration in 0..<Self.iterations {
            let record = SampleRecords.all[Int.random(in: 0..<SampleRecords.all.count, using: &random)]
            let commented = SampleRecords.commented(record.text)
            let ours = editor.edit(commented, tag: "o").text
            let theirs = editor.edit(record.text, tag: "t").text
            let result = try Self.merger(for: record.text).merge(base: MergeSide(bytes: Array(record.text.utf8)), ours: MergeSide(bytes: Array(ours.utf8)),
                                                  theirs: MergeSide(bytes: Array(theirs.utf8)), rule: .ours, now: nil)
            let output = String(decoding: result.bytes, as: UTF8.self)
            let lines = Set(output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
            for comment in ours.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) where comment.hasPrefix("# note") {
                #expect(lines.contains(comment), "\(record.path) #\(iteration): \(comment) lost\n\(output)")
            }
        }
    }

    /// Theirs' comment lines survive wherever their node does, whatever ours edited; and two replicas
    /// merging the same pair under the symmetric rule still write the same bytes.
    @Test func commentsOfTheirsSurviveWhereTheirNodeDoes() throws {
        var editor = RecordEditor(random: SplitMix64(seed: 11))
        var random = SplitMix64(seed: 12)
        var checked = 0
        for iteration in 0..<Self.iterations {
            let record = SampleRecords.all[Int.random(in: 0..<SampleRecords.all.count, using: &random)]
            // Every other time ours wrote the same comments as theirs: each must be kept once.
            let ours = editor.edit(iteration % 2 == 0 ? record.text : SampleRecords.commented(record.text), tag: "o").text
            let theirs = editor.edit(SampleRecords.commented(record.text), tag: "t").text
            let merger = Self.merger(for: record.text)
            let base = MergeSide(bytes: Array(record.text.utf8))
            let result = try merger.merge(base: base, ours: MergeSide(bytes: Array(ours.utf8)), theirs: MergeSide(bytes: Array(theirs.utf8)),
                                          rule: .ours, now: nil)
            #expect(!result.reemitted, "\(record.path) #\(iteration)")
            let output = String(decoding: result.bytes, as: UTF8.self)
            // Each comment line theirs wrote before a node is before that node in the merge,
            // when the node is still there (a list item is known by its key, so an item whose key
            // ours changed is another item, and the comment went with the old one).
            let hints = merger.hints
            let theirsRoot = try Self.root(Array(theirs.utf8)), outputRoot = try Self.root(result.bytes)
            let mapTheirs = CommentMap(text: SourceText(bytes: Array(theirs.utf8)), root: theirsRoot, hints: hints)
            let mapOutput = CommentMap(text: SourceText(bytes: result.bytes), root: outputRoot, hints: hints)
            let kept = CommentMap.anchors(of: outputRoot, hints: hints)
            for (anchor, lines) in mapTheirs.lines where kept.contains(anchor) {
                for line in lines where line.text.hasPrefix("# note") {
                    checked += 1
                    // (A line ours wrote too stays where ours has it.)
                    let oursToo = ours.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == line.text }
                    #expect(mapOutput.lines[anchor]?.contains { $0.text == line.text } == true || (oursToo && output.contains(line.text)),
                            "\(record.path) #\(iteration): \(line.text) lost before \(anchor)\n\(output)")
                }
            }
            // No comment line of the top level is written twice (in lists, a conflict can keep
            // two versions of an item, each with its comments).
            func notes(_ text: String) -> [String: Int] {
                Dictionary(text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("# note") }.map { ($0, 1) }, uniquingKeysWith: +)
            }
            let notesOurs = notes(ours), notesTheirs = notes(theirs)
            for (note, count) in notes(output) {
                #expect(count <= max(notesOurs[note, default: 0], notesTheirs[note, default: 0]),
                        "\(record.path) #\(iteration): \(note) written \(count) times\n\(output)")
            }
            let one = try merger.merge(base: base, ours: MergeSide(bytes: Array(ours.utf8), commitTime: 100),
                                       theirs: MergeSide(bytes: Array(theirs.utf8), commitTime: 200), rule: .symmetric, now: nil)
            let other = try merger.merge(base: base, ours: MergeSide(bytes: Array(theirs.utf8), commitTime: 200),
                                         theirs: MergeSide(bytes: Array(ours.utf8), commitTime: 100), rule: .symmetric, now: nil)
            #expect(one.bytes == other.bytes, "\(record.path) #\(iteration)")
        }
        #expect(checked > Self.iterations, "the property should check many comments")
    }
}
