internal import KaleidoYAML

/// The parser's cursor over UTF-8 bytes: one method per JSON production, errors at line:column,
/// and (for `parseWithSpans`) a source node per value.
struct JSONReader {
    let bytes: [UInt8]
    let maxDepth: Int
    var position = 0
    /// Whether each value's source node is built (`parseWithSpans`): finished nodes wait on
    /// `sources` until their container takes them.
    let spans: Bool
    var sources: [SourceNode] = []
    var line = 1
    var lineStart = 0
    /// The last mark's offset and column: marks are asked in increasing order, so each column
    /// is counted from the previous one (linear even on a one-line file).
    var markOffset = 0
    var markColumn = 1

    init(bytes: [UInt8], maxDepth: Int, spans: Bool = false) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.spans = spans
    }

    /// The current position as a mark (JSON has line breaks only between tokens).
    mutating func mark() -> SourceMark {
        if markOffset < lineStart {
            markOffset = lineStart
            markColumn = 1
        }
        for index in markOffset..<position where bytes[index] & 0xC0 != 0x80 { markColumn += 1 }
        markOffset = position
        return SourceMark(offset: position, line: line, column: markColumn)
    }

    func error(_ message: String) -> JSONParseError {
        var line = 1
        var lineStart = 0
        for index in 0..<min(position, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let prefix = bytes[lineStart..<min(position, bytes.count)]
        let column = String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
        return JSONParseError(line: line, column: column, message: message)
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0D: position += 1
            case 0x0A:
                position += 1
                line += 1
                lineStart = position
            default: return
            }
        }
    }

    mutating func expect(_ literal: String, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
        let start = position
        for byte in literal.utf8 {
            guard position < bytes.count, bytes[position] == byte else {
                position = start
                throw error("invalid literal: expected `\(literal)`")
            }
            position += 1
        }
        return value
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard spans else { return try parseBareValue(depth: depth) }
        let start = mark()
        let firstChild = sources.count
        let value = try parseBareValue(depth: depth)
        let span = SourceSpan(start: start, end: mark())
        let children = Array(sources[firstChild...])
        sources.removeSubrange(firstChild...)
        sources.append(SourceNode(span: span, keySpan: nil, keys: value.objectValue?.keys ?? [], children: children))
        return value
    }

    /// Gives the source node just built the span of its key.
    mutating func setKeySpan(_ keySpan: SourceSpan) {
        guard spans, let node = sources.popLast() else { return }
        sources.append(SourceNode(span: node.span, keySpan: keySpan, keys: node.keys, children: node.children))
    }

    mutating func parseBareValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard position < bytes.count else { throw error("unexpected end of text: a value is missing") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try expect("true", .bool(true))
        case UInt8(ascii: "f"): return try expect("false", .bool(false))
        case UInt8(ascii: "n"): return try expect("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character: a value (object, array, string, number, true, false or null) is expected")
        }
    }

    mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
        position += 1
        var object = JSONObject()
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error("a member name in double quotes is expected")
            }
            let keyStart = position
            let keyMark = spans ? mark() : nil
            let key = try parseString()
            if object[key] != nil {
                position = keyStart
                throw error("duplicate key \"\(key)\": keep only one")
            }
            let keySpan = keyMark.map { SourceSpan(start: $0, end: mark()) }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("`:` is expected after a member name") }
            position += 1
            skipWhitespace()
            object[key] = try parseValue(depth: depth)
            if let keySpan { setKeySpan(keySpan) }
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of text: `}` is missing") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(object)
            }
            throw error("`,` or `}` is expected")
        }
    }

    mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of text: `]` is missing") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            }
            throw error("`,` or `]` is expected")
        }
    }

    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        let integerDigits = position - integerStart
        if integerDigits == 0 { throw error("a digit is expected in the number") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            position = integerStart
            throw error("a number cannot have a leading zero")
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            let fractionStart = position
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            if position == fractionStart { throw error("a digit is expected after the decimal point") }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            let exponentStart = position
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            if position == exponentStart { throw error("a digit is expected in the exponent") }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let number = JSONNumber(text) else {
            position = start
            throw error("the number's exponent is too large")
        }
        return .number(number)
    }

    mutating func parseString() throws(JSONParseError) -> String {
        position += 1
        let start = position
        // Fast path: no escape, the bytes are the string (they are valid UTF-8: the input is a String).
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: bytes[start..<(position - 1)], as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("a control character must be escaped in a string") }
            position += 1
        }
        var buffer = Array(bytes[start..<position])
        while true {
            guard position < bytes.count else { throw error("unexpected end of text: the closing `\"` is missing") }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte < 0x20 { throw error("a control character must be escaped in a string") }
            position += 1
            if byte != UInt8(ascii: "\\") {
                buffer.append(byte)
                continue
            }
            guard position < bytes.count else { throw error("unexpected end of text in an escape") }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                let unit = try parseHex4()
                var scalar: Unicode.Scalar?
                if (0xD800...0xDBFF).contains(unit) {
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                          bytes[position + 1] == UInt8(ascii: "u") else { throw error("a lone surrogate escape is not a character") }
                    position += 2
                    let low = try parseHex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("a lone surrogate escape is not a character") }
                    scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                } else {
                    scalar = Unicode.Scalar(unit)
                }
                guard let scalar else { throw error("a lone surrogate escape is not a character") }
                buffer.append(contentsOf: String(Character(scalar)).utf8)
            default:
                position -= 1
                throw error("invalid escape in a string")
            }
        }
    }

    mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count else { throw error("four hexadecimal digits are expected after \\u") }
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - 55)
            default: throw error("four hexadecimal digits are expected after \\u")
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}
