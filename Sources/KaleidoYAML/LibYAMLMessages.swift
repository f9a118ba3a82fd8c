/// Turns libyaml's terse problem and context strings into messages a person can act on.
///
/// libyaml's strings are stable in 0.2.5 (scanner.c, parser.c, reader.c); an unknown one is
/// kept as written, with its context, so no failure is ever silent.
enum LibYAMLMessages {
    static func error(for failure: LibYAMLFailure, map: SourceMap, bytes: [UInt8]) -> YAMLError {
        var map = map
        if failure.isMemory {
            return YAMLError(.outOfMemory, "libyaml ran out of memory reading this file", at: map.mark(characterIndex: 0))
        }
        let problemMark: SourceMark
        if let offset = failure.problemByteOffset {
            problemMark = map.mark(byteOffset: offset)
        } else {
            problemMark = map.mark(characterIndex: failure.problemIndex)
        }
        let contextMark = map.mark(characterIndex: failure.contextIndex)
        let character = problemMark.offset < bytes.count ? bytes[problemMark.offset] : nil
        let context = failure.context ?? ""

        func error(_ message: String, at mark: SourceMark = problemMark) -> YAMLError {
            YAMLError(.syntax, message, at: mark)
        }
        if character == 0x09, failure.problem.contains("cannot start any token") || failure.problem.contains("tab") {
            return error("tabs cannot indent YAML; use spaces")
        }
        switch failure.problem {
        case "found character that cannot start any token":
            let shown = character.map { describe(byteAt: problemMark.offset, first: $0, bytes: bytes) } ?? "this character"
            return error("\(shown) cannot start a value; put the value in quotes")
        case "mapping values are not allowed in this context":
            return error("unexpected ':' here; quote a value that contains ': ', or fix the indentation of this key")
        case "could not find expected ':'":
            return error("this key has no ':' after it; a key and its ':' must be on one line", at: contextMark)
        case "did not find expected key":
            return error("expected a key at this line's indentation; check the indentation of this line and the one before")
        case "did not find expected '-' indicator":
            return error("expected a '- ' item at this indentation; check the indentation of this list")
        case "block sequence entries are not allowed in this context":
            return error("a '- ' list item cannot start here; put the list on its own lines, indented under its key")
        case "did not find expected node content":
            return error("a value is missing here (\(context))")
        case "did not find expected ',' or ']'" where problemMark.offset >= bytes.count:
            return error("this [ ] list is never closed; add the closing ']'", at: contextMark)
        case "did not find expected ',' or '}'" where problemMark.offset >= bytes.count:
            return error("this { } mapping is never closed; add the closing '}'", at: contextMark)
        case "did not find expected ',' or ']'":
            return error("expected ',' or ']' in this [ ] list; the list opened at line \(contextMark.line), column \(contextMark.column) is not closed")
        case "did not find expected ',' or '}'":
            return error("expected ',' or '}' in this { } mapping; the mapping opened at line \(contextMark.line), column \(contextMark.column) is not closed")
        case "found unexpected end of stream":
            if context.contains("quoted scalar") {
                return error("this quoted string is never closed; add the closing quote", at: contextMark)
            }
            return error("the file ends too early (\(context))")
        case "found unknown escape character":
            return error("unknown escape sequence in a double-quoted string; write \\\\ for a backslash, or use single quotes")
        case "found undefined tag handle":
            return error("this tag uses an undefined handle; declare it with a %TAG directive or write the full tag")
        case "control characters are not allowed":
            let code = String(failure.problemValue, radix: 16, uppercase: true)
            return error("the file contains the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), which YAML does not allow; remove it")
        case "did not find expected <document start>":
            return error("expected '---' before another document, or the end of the file")
        case "did not find expected alphabetic or numeric character":
            return error("an anchor or alias needs a name of letters and digits after '&' or '*'")
        case "found a tab character that violates indentation",
            "found a tab character where an indentation space is expected":
            return error("tabs cannot indent YAML; use spaces")
        default:
            return error(failure.context.map { "\(failure.problem) \($0)" } ?? failure.problem)
        }
    }

    /// `'@'` for a visible character, `U+00A0` for others.
    private static func describe(byteAt offset: Int, first: UInt8, bytes: [UInt8]) -> String {
        let length = max(SourceMap.sequenceLength(bytes, at: offset), 1)
        let text = String(decoding: bytes[offset..<min(offset + length, bytes.count)], as: UTF8.self)
        if first > 0x20, first != 0x7F { return "'\(text)'" }
        return "the character U+\(String(first, radix: 16, uppercase: true))"
    }
}
