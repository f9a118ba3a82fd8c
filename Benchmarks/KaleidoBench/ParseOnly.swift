import CYAML
import Dispatch
import KaleidoKB
import KaleidoYAML

/// libyaml's event parser alone over every record file, on every core: the floor that
/// `kaleido validate` is compared against. It reads the files the same way (LocalFileSystem).
enum ParseOnly {
    /// What is built from each file.
    enum Mode: String {
        /// libyaml's events only.
        case events = "parse-only"
        /// Kaleido's document trees (YAMLParser).
        case tree = "parse-tree"
        /// Compact documents (CompactParser), the validator's fast path.
        case compact = "parse-compact"
    }

    /// Parses every file; returns the number of events (or documents) seen, so that the work
    /// cannot be skipped.
    static func run(knowledgeFolder: String, parallelism: Int, mode: Mode = .events) throws -> Int {
        let fileSystem = LocalFileSystem()
        let files = try fileSystem.listFiles(under: knowledgeFolder).filter { $0.hasSuffix(".yaml") }
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: parallelism)
        counts.initialize(repeating: 0)
        defer { counts.deallocate() }
        // Each worker writes only its own slot, so sharing the buffer is safe.
        nonisolated(unsafe) let base = counts.baseAddress!
        DispatchQueue.concurrentPerform(iterations: parallelism) { worker in
            var events = 0
            var index = worker
            while index < files.count {
                if let bytes = try? fileSystem.readFile(knowledgeFolder + "/" + files[index]) {
                    switch mode {
                    case .events: events += parse(bytes)
                    case .tree: events += (try? YAMLParser().parseDocument(bytes)) != nil ? 1 : 0
                    case .compact: events += CompactParser().parse(bytes)?.nodeCount ?? 0
                    }
                }
                index += parallelism
            }
            base[worker] = events
        }
        return counts.reduce(0, +)
    }

    private static func parse(_ bytes: [UInt8]) -> Int {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return 0 }
        defer { yaml_parser_delete(&parser) }
        var events = 0
        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                events += 1
                if done { break }
            }
        }
        return events
    }
}
