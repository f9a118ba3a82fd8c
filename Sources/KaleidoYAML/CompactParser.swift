internal import CYAML

/// Reads an ordinary record file into a `CompactDocument`, or declines: first with
/// `RecordSubsetReader` (straight from the bytes, for the YAML records are written in), else
/// from libyaml's events.
///
/// It is the fast path in front of `YAMLParser`, not a second parser with its own rules: it
/// accepts only files whose meaning is plain — one document, no anchors, aliases or tags,
/// string keys without duplicates, within the limits, no `#` glued to a token — and answers nil
/// for everything else (a syntax error included). A caller then parses the file with
/// `YAMLParser`, which gives the exact tree or the exact error. So for any file this parser
/// accepts, `YAMLParser` accepts it too and reads the same nodes, texts and spans (tested over
/// the yaml-test-suite and the sample KB).
///
/// A value type holding only its limits: usable from any thread.
public struct CompactParser: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// The document of a one-document file, or nil when the file needs `YAMLParser`.
    public func parse(_ bytes: [UInt8]) -> CompactDocument? {
        guard bytes.count <= limits.maxFileBytes, bytes.count < Int(UInt32.max) else { return nil }
        if let document = RecordSubsetReader.read(bytes, limits: limits) { return document }
        return parseWithLibYAML(bytes)
    }

    /// The same through libyaml's events, for files outside `RecordSubsetReader`'s subset
    /// (and for the tests that hold the two readers to the same documents).
    func parseWithLibYAML(_ bytes: [UInt8]) -> CompactDocument? {
        guard bytes.count <= limits.maxFileBytes, bytes.count < Int(UInt32.max), !Self.hasGluedHash(bytes) else { return nil }
        var feeder = EventFeeder(builder: CompactBuilder(limits: limits, capacity: bytes.count))
        let finished = bytes.withUnsafeBufferPointer { buffer -> Bool in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) != 0 else { return false }
            // The parser is owned by this scope alone and deleted when it ends.
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) != 0 else { return false }
                let step = feeder.take(event)
                yaml_event_delete(&event)
                switch step {
                case .more: continue
                case .done: return true
                case .decline: return false
                }
            }
        }
        guard finished, feeder.documents == 1 else { return nil }
        return feeder.builder.document(source: bytes, positionsAreBytes: false)
    }

    /// Whether some `#` follows a character other than white space: a comment glued to a token
    /// (an error `YAMLParser` reports) or a `#` inside a value (fine, but rare enough that the
    /// tree parser may sort the two apart).
    static func hasGluedHash(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 1
            while index < buffer.count {
                if buffer[index] == UInt8(ascii: "#") {
                    switch buffer[index - 1] {
                    case 0x20, 0x09, 0x0A, 0x0D: break
                    default: return true
                    }
                }
                index += 1
            }
            return false
        }
    }

    /// Feeds libyaml's events to a `CompactBuilder`, counting documents.
    struct EventFeeder {
        enum Step { case more, done, decline }

        var builder: CompactBuilder
        var documents = 0

        mutating func take(_ event: yaml_event_t) -> Step {
            let start = UInt32(truncatingIfNeeded: event.start_mark.index)
            let end = UInt32(truncatingIfNeeded: event.end_mark.index)
            switch event.type {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
                return .more
            case YAML_STREAM_END_EVENT:
                return .done
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                return documents == 1 ? .more : .decline
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.tag == nil, scalar.anchor == nil else { return .decline }
                let textStart = builder.text.count
                if let value = scalar.value, scalar.length > 0 {
                    builder.text.append(contentsOf: UnsafeBufferPointer(start: value, count: scalar.length))
                }
                return builder.appendScalar(style: Self.styleCode(scalar.style), textStart: textStart, start: start, end: end) ? .more : .decline
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let flow = isMapping ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                let tagged = isMapping ? event.data.mapping_start.tag != nil || event.data.mapping_start.anchor != nil
                    : event.data.sequence_start.tag != nil || event.data.sequence_start.anchor != nil
                guard !tagged else { return .decline }
                return builder.openCollection(isMapping: isMapping, flow: flow, start: start, end: end) ? .more : .decline
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                return builder.closeCollection(end: end) ? .more : .decline
            default:
                // Aliases (and anything unknown) are left to the tree parser.
                return .decline
            }
        }

        /// The `kindAndStyle` byte of a scalar (see `CompactDocument.scalarStyle`).
        static func styleCode(_ style: yaml_scalar_style_t) -> UInt8 {
            switch style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: return CompactBuilder.singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return CompactBuilder.doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: return CompactBuilder.literal
            case YAML_FOLDED_SCALAR_STYLE: return CompactBuilder.folded
            default: return CompactBuilder.plain
            }
        }
    }
}
