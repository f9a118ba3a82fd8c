import Dispatch
import KaleidoKB
import KaleidoQuery
import KaleidoYAML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a record file becomes its index entry, in one place: the bytes are read by the compact
/// reader (`RecordSubsetReader` straight from the bytes, else libyaml events into flat arrays)
/// when the file is ordinary, else parsed into a YAML tree; either way the record's value is
/// indexed the same way.
struct RecordIndexer: Sendable {
    let knowledgeFolder: String
    let fields: ReferenceFields
    private let compact = CompactParser()
    private let parser = YAMLParser()

    init(knowledgeFolder: String, hints: [RecordType: [FieldHint]]) {
        self.init(knowledgeFolder: knowledgeFolder, fields: ReferenceFields(hints: hints))
    }

    init(knowledgeFolder: String, fields: ReferenceFields) {
        self.knowledgeFolder = knowledgeFolder
        self.fields = fields
    }

    /// The entry of one record file (`file` relative to the KB root), or nil when it does not
    /// parse or holds no record with an id and a type (the validator reports those).
    func entry(file: String, bytes: [UInt8]) -> IndexEntry? {
        if let document = compact.parse(bytes) {
            return entry(CompactRecord(file: file, root: CompactNode(root: document))) { QValue(document, node: document.root) }
        }
        // Anything unusual (anchors, tags, a syntax error…): the tree parser decides.
        guard let document = try? parser.parseDocument(bytes) else { return nil }
        return entry(Record(file: file, root: document.root)) { QValue(document.root) }
    }

    private func entry<Node: ReadableNode>(_ record: RecordOf<Node>, value: () -> QValue) -> IndexEntry? {
        guard let id = record.id, let type = record.type ?? record.folderType(knowledgeFolder: knowledgeFolder) else { return nil }
        return IndexEntry(id: id, type: type, file: record.file, value: value(), fields: fields)
    }

    /// The entries of the files at `positions` of a listing, read relative to their open
    /// folders on every core (small chunks, so that a slow file does not leave a core idle).
    func entries(_ positions: [Int], listing: FileListing, folders: OpenFolders, threads: Int) -> [IndexEntry?] {
        var entries = [IndexEntry?](repeating: nil, count: positions.count)
        let prefixes = listing.directories.map { $0.path.isEmpty ? 0 : $0.path.utf8.count + 1 }
        let files = listing.files
        let chunk = 128
        let chunks = (positions.count + chunk - 1) / chunk
        guard chunks > 0 else { return entries }
        let sizes = positions.map { listing.stamps[$0].size }
        entries.withUnsafeMutableBufferPointer { output in
            let output = UnsafeSendable(output)
            let body: @Sendable (Int) -> Void = { part in
                for slot in (part * chunk)..<min(positions.count, (part + 1) * chunk) {
                    let position = positions[slot]
                    let bytes = folders.withName(position, in: files, prefixes: prefixes) { descriptor, name in
                        LocalFileSystem.readWhole(at: descriptor, name, expectedSize: Int(sizes[slot]))
                    }
                    guard let bytes = bytes ?? nil else { continue }
                    output.value[slot] = entry(file: knowledgeFolder + "/" + files[position], bytes: bytes)
                }
            }
            if threads <= 1 || chunks == 1 {
                for part in 0..<chunks { body(part) }
            } else {
                DispatchQueue.concurrentPerform(iterations: chunks, execute: body)
            }
        }
        return entries
    }
}
