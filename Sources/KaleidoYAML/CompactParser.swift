internal import CYAML

/// Reads an ordinary record file straight from libyaml's events into a `CompactDocument`,
/// or declines.
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
        guard bytes.count <= limits.maxFileBytes, bytes.count < Int(UInt32.max), !Self.hasGluedHash(bytes) else { return nil }
        var builder = Builder(limits: limits, capacity: bytes.count)
        let finished = bytes.withUnsafeBufferPointer { buffer -> Bool in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) != 0 else { return false }
            // The parser is owned by this scope alone and deleted when it ends.
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) != 0 else { return false }
                let step = builder.take(event)
                yaml_event_delete(&event)
                switch step {
                case .more: continue
                case .done: return true
                case .decline: return false
                }
            }
        }
        guard finished, builder.documents == 1, !builder.entries.isEmpty else { return nil }
        return CompactDocument(entries: builder.entries, text: builder.text, source: bytes)
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

    /// The state of one parse: entries so far and the collections still open.
    struct Builder {
        enum Step { case more, done, decline }

        let limits: YAMLLimits
        var entries: [CompactDocument.Entry] = []
        var text: [UInt8] = []
        /// Open collections: entry index, whether a mapping, and whether its next child is a key.
        var open: [(index: Int, isMapping: Bool, expectKey: Bool)] = []
        var documents = 0

        init(limits: YAMLLimits, capacity: Int) {
            self.limits = limits
            // A record holds about one node per 25 bytes and slightly less text than source.
            entries.reserveCapacity(capacity / 24 + 8)
            text.reserveCapacity(capacity)
        }

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
                guard scalar.tag == nil, scalar.anchor == nil, scalar.length <= limits.maxScalarBytes else { return .decline }
                let style = Self.styleCode(scalar.style)
                let textStart = UInt32(text.count)
                if let value = scalar.value, scalar.length > 0 {
                    text.append(contentsOf: UnsafeBufferPointer(start: value, count: scalar.length))
                }
                if style == 0, scalar.length > 0 {
                    // `- x`, `? x`, `: x` as a plain value: the tree parser decides.
                    let first = text[Int(textStart)]
                    if first == UInt8(ascii: "-") || first == UInt8(ascii: "?") || first == UInt8(ascii: ":") { return .decline }
                }
                guard attachChild(isScalarKeyCandidate: true, plain: style == 0, textStart: Int(textStart)) else { return .decline }
                entries.append(CompactDocument.Entry(
                    kindAndStyle: style, end: UInt32(entries.count + 1), count: 0,
                    textStart: textStart, textEnd: UInt32(text.count), sourceStart: start, sourceEnd: end))
                return .more
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let flow = isMapping ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                let tagged = isMapping ? event.data.mapping_start.tag != nil || event.data.mapping_start.anchor != nil
                    : event.data.sequence_start.tag != nil || event.data.sequence_start.anchor != nil
                guard !tagged, open.count < limits.maxDepth, attachChild(isScalarKeyCandidate: false, plain: false, textStart: 0) else { return .decline }
                open.append((entries.count, isMapping, true))
                entries.append(CompactDocument.Entry(
                    kindAndStyle: (isMapping ? 2 : 1) | (flow ? 4 : 0), end: 0, count: 0,
                    textStart: 0, textEnd: 0, sourceStart: start, sourceEnd: end))
                return .more
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let top = open.popLast() else { return .decline }
                entries[top.index].end = UInt32(entries.count)
                if entries[top.index].kindAndStyle & 4 != 0 { entries[top.index].sourceEnd = end }
                if top.isMapping, hasDuplicateKey(mapping: top.index) { return .decline }
                return .more
            default:
                // Aliases (and anything unknown) are left to the tree parser.
                return .decline
            }
        }

        /// Counts the new child in its parent; refuses a key the tree parser must judge: a
        /// collection, or a plain scalar that may read as null, a boolean or a number.
        private mutating func attachChild(isScalarKeyCandidate: Bool, plain: Bool, textStart: Int) -> Bool {
            guard let top = open.indices.last else { return entries.isEmpty }
            if open[top].isMapping {
                if open[top].expectKey {
                    guard isScalarKeyCandidate else { return false }
                    if plain, textStart < text.count, ScalarResolver.mayBeNonString(firstByte: text[textStart]) {
                        let key = String(decoding: text[textStart...], as: UTF8.self)
                        guard case .string = ScalarResolver.resolvePlain(key) else { return false }
                    }
                    entries[open[top].index].count += 1
                }
                open[top].expectKey.toggle()
            } else {
                entries[open[top].index].count += 1
            }
            return true
        }

        /// Whether two keys of a closed mapping have the same text.
        private func hasDuplicateKey(mapping: Int) -> Bool {
            var keys: [(UInt32, UInt32)] = []
            var child = mapping + 1
            let end = Int(entries[mapping].end)
            while child < end {
                keys.append((entries[child].textStart, entries[child].textEnd))
                child = Int(entries[Int(entries[child].end)].end)
            }
            guard keys.count > 1 else { return false }
            return text.withUnsafeBufferPointer { buffer in
                for i in 1..<keys.count {
                    let (aStart, aEnd) = keys[i]
                    for j in 0..<i {
                        let (bStart, bEnd) = keys[j]
                        guard aEnd - aStart == bEnd - bStart else { continue }
                        if memcmpEqual(buffer.baseAddress.map { $0 + Int(aStart) }, buffer.baseAddress.map { $0 + Int(bStart) }, Int(aEnd - aStart)) {
                            return true
                        }
                    }
                }
                return false
            }
        }

        /// The `kindAndStyle` byte of a scalar (see `CompactDocument.scalarStyle`).
        static func styleCode(_ style: yaml_scalar_style_t) -> UInt8 {
            switch style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: return 4
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return 8
            case YAML_LITERAL_SCALAR_STYLE: return 12
            case YAML_FOLDED_SCALAR_STYLE: return 16
            default: return 0
            }
        }
    }
}
