internal import CYAML

/// One libyaml event, copied out of C memory at once. Positions are libyaml's character
/// indexes (see `SourceMap`).
///
/// A flat struct rather than an enum with payloads: the builder reads the fields it needs
/// without the outlined copies a multi-payload enum costs on every event, and absent tags and
/// anchors stay nil without building a string. Not copyable: it moves from the reader into
/// the builder, and its strings into the node, without a copy of the whole event on the way.
struct Event: ~Copyable {
    enum Kind {
        case streamStart, streamEnd
        case documentStart, documentEnd
        case alias, scalar
        case sequenceStart, sequenceEnd
        case mappingStart, mappingEnd
    }

    var kind: Kind
    var start: Int
    var end: Int
    /// A scalar's presented value, or an alias's anchor name; empty for other events.
    var value = ""
    var scalarStyle = ScalarStyle.plain
    var collectionStyle = CollectionStyle.block
    var tag: String?
    var anchor: String?
    /// For document start and end: whether `---` / `...` was written.
    var explicit = false
}

/// What libyaml reported when it stopped: its problem and context strings and their positions.
struct LibYAMLFailure: Error {
    var isMemory: Bool
    var problem: String
    var problemIndex: Int
    /// For reader errors, libyaml gives the raw byte offset instead of a character index.
    var problemByteOffset: Int?
    var problemValue: Int32
    var context: String?
    var contextIndex: Int
}

/// The owner of one `yaml_parser_t` and of the input bytes it reads: the parser is
/// initialized in `init` and deleted once, in `deinit`. Not thread-safe; use from one context.
final class EventReader {
    private var parser = yaml_parser_t()
    private let input: UnsafeMutableBufferPointer<UInt8>
    private var initialized = false

    init(_ bytes: [UInt8]) {
        // libyaml keeps a pointer to its input: give it memory this object owns.
        input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        initialized = yaml_parser_initialize(&parser) != 0
        if initialized {
            yaml_parser_set_input_string(&parser, input.baseAddress, bytes.count)
        }
    }

    deinit {
        if initialized { yaml_parser_delete(&parser) }
        input.deallocate()
    }

    /// The next event, or the failure that stopped libyaml.
    /// Typed throws rather than a `Result`: the event is returned directly, without copying a
    /// large enum payload for every event.
    func next() throws(LibYAMLFailure) -> Event {
        guard initialized else {
            throw LibYAMLFailure(
                isMemory: true, problem: "cannot initialize libyaml", problemIndex: 0,
                problemByteOffset: nil, problemValue: -1, context: nil, contextIndex: 0)
        }
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) != 0 else { throw failure() }
        defer { yaml_event_delete(&event) }
        return Self.convert(event)
    }

    private func failure() -> LibYAMLFailure {
        LibYAMLFailure(
            isMemory: parser.error == YAML_MEMORY_ERROR,
            problem: parser.problem.map { String(cString: $0) } ?? "invalid YAML",
            problemIndex: Int(parser.problem_mark.index),
            problemByteOffset: parser.error == YAML_READER_ERROR ? Int(parser.problem_offset) : nil,
            problemValue: parser.problem_value,
            context: parser.context.map { String(cString: $0) },
            contextIndex: Int(parser.context_mark.index))
    }

    private static func convert(_ event: yaml_event_t) -> Event {
        var result = Event(kind: .streamEnd, start: Int(event.start_mark.index), end: Int(event.end_mark.index))
        switch event.type {
        case YAML_STREAM_START_EVENT:
            result.kind = .streamStart
        case YAML_DOCUMENT_START_EVENT:
            result.kind = .documentStart
            result.explicit = event.data.document_start.implicit == 0
        case YAML_DOCUMENT_END_EVENT:
            result.kind = .documentEnd
            result.explicit = event.data.document_end.implicit == 0
        case YAML_ALIAS_EVENT:
            result.kind = .alias
            result.value = string(event.data.alias.anchor) ?? ""
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            result.kind = .scalar
            if let value = scalar.value, scalar.length > 0 {
                result.value = String(decoding: UnsafeBufferPointer(start: value, count: scalar.length), as: UTF8.self)
            }
            result.scalarStyle = scalarStyle(scalar.style)
            result.tag = string(scalar.tag)
            result.anchor = string(scalar.anchor)
        case YAML_SEQUENCE_START_EVENT:
            let sequence = event.data.sequence_start
            result.kind = .sequenceStart
            result.collectionStyle = sequence.style == YAML_FLOW_SEQUENCE_STYLE ? .flow : .block
            result.tag = string(sequence.tag)
            result.anchor = string(sequence.anchor)
        case YAML_SEQUENCE_END_EVENT:
            result.kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let mapping = event.data.mapping_start
            result.kind = .mappingStart
            result.collectionStyle = mapping.style == YAML_FLOW_MAPPING_STYLE ? .flow : .block
            result.tag = string(mapping.tag)
            result.anchor = string(mapping.anchor)
        case YAML_MAPPING_END_EVENT:
            result.kind = .mappingEnd
        default:
            break
        }
        return result
    }

    private static func scalarStyle(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
