import Foundation
import KaleidoKB
import KaleidoQuery
@testable import KaleidoWorkspace
import KaleidoYAML
import Testing

/// The cache's record reader (compact reader first, YAML tree for anything unusual) indexes
/// every record exactly as the tree does: the sample KB and a generated one, file by file.
@Suite struct RecordIndexerTests {
    static func compare(root: String) throws -> (files: Int, compact: Int) {
        let kb = try KnowledgeBase.open(root: root, fileSystem: LocalFileSystem())
        let hints = try KBSchemas.load(kb).hints
        let folder = kb.config.knowledgeFolder
        let indexer = RecordIndexer(knowledgeFolder: folder, hints: hints)
        let validator = KBValidator(kb: kb, today: SampleKB.today, schemaChecker: nil, hints: hints, parallelism: 1)
        var compact = 0
        let files = try validator.recordFiles()
        for file in files {
            let bytes = try kb.fileSystem.readFile(kb.path(file))
            if CompactParser().parse(bytes) != nil { compact += 1 }
            let fast = indexer.entry(file: file, bytes: bytes)
            let tree = (try? YAMLParser().parseDocument(bytes)).flatMap {
                IndexEntry(record: Record(file: file, root: $0.root), knowledgeFolder: folder, hints: hints)
            }
            #expect((fast == nil) == (tree == nil), "\(file)")
            guard let fast, let tree else { continue }
            #expect(fast.id == tree.id && fast.type == tree.type && fast.file == tree.file, "\(file)")
            #expect(fast.title == tree.title && fast.interval == tree.interval, "\(file)")
            #expect(fast.references == tree.references, "\(file)")
            #expect(fast.names == tree.names && fast.searchText == tree.searchText, "\(file)")
            #expect(fast.encodedValue == tree.encodedValue, "\(file): \(fast.value) vs \(tree.value)")
        }
        return (files.count, compact)
    }

    @Test func sampleKB() throws {
        let counts = try Self.compare(root: SampleKB.root)
        #expect(counts.files > 50)
        // Most files take the compact path: the comparison is not only tree against tree.
        #expect(counts.compact * 10 >= counts.files * 8, "\(counts)")
    }

    @Test func generatedKB() throws {
        let scratch = try ScratchKB(records: 600, seed: 7)
        defer { scratch.remove() }
        let counts = try Self.compare(root: scratch.root)
        #expect(counts.compact * 10 >= counts.files * 8, "\(counts)")
    }
}
