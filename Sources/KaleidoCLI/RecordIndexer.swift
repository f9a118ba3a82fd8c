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
/// reader (libyaml events into flat arrays) when the file is ordinary, else parsed into a YAML
/// tree; either way the record's value is indexed the same way.
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
                        Self.readWhole(name, in: descriptor, sizeHint: sizes[slot])
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

    /// A whole file's bytes, or nil when it cannot be opened or read.
    private static func readWhole(_ name: UnsafePointer<CChar>, in folder: Int32, sizeHint: Int64) -> [UInt8]? {
        var descriptor: Int32
        repeat { descriptor = openat(folder, name, O_RDONLY | O_CLOEXEC) } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        // One byte beyond the expected size, so that the end is seen in one read.
        var bytes = [UInt8](repeating: 0, count: Int(max(0, min(sizeHint, 1 << 26))) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }
            let count = bytes.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress.map { $0 + filled }, raw.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            filled += count
            // As many bytes as the listing's stamp says: no second read to meet the end. A file
            // changed since then has a newer change time, so the next run reads it again.
            if Int64(filled) == sizeHint { break }
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}
