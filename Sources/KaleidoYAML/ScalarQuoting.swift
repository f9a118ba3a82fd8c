/// The rules that decide how a string may be written so that every reader gets it back unchanged.
///
/// The emitter targets two audiences at once: YAML 1.2 core readers (our own parser, via
/// `ScalarResolver`) and YAML 1.1 readers (PyYAML, Ruby's Psych, older libraries and editors), which
/// read `yes`, `NO`, `on`, `2011-09-22`, `1:20`, `01004` or `1_000` as booleans, dates and numbers.
/// So a string is left plain only when neither family could misread it; otherwise it is quoted,
/// single quotes when no escape is needed, double quotes otherwise. When in doubt we quote: an
/// unneeded quote costs two characters, a misread value costs a consultant's data.
enum ScalarQuoting {
    /// Characters that start a YAML indicator and so cannot open a plain scalar
    /// (YAML 1.2 §5.3 c-indicator). `-`, `?` and `:` are allowed when a non-space follows.
    private static let indicators: Set<Unicode.Scalar> = [
        "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
    ]

    /// Whether `text` may be written as a plain scalar in block context (value or implicit key)
    /// and be read back as exactly `text` (not counting what the text *means*: see
    /// `isAmbiguous`).
    static func isPlainSafe(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return false }
        // Leading or trailing blanks would be stripped; other Unicode spaces are kept by YAML
        // but are invisible to a reader and some tools trim them, so we quote those too.
        if isSpace(first) || isSpace(last) { return false }
        if indicators.contains(first) {
            // `-x`, `?x`, `:x` are plain; `- x`, `-`, `? x`, `: x` are indicators.
            let second = scalars.dropFirst().first
            guard first == "-" || first == "?" || first == ":", let second, second != " " else { return false }
        }
        if text.hasPrefix("---") || text.hasPrefix("...") { return false }
        if last == ":" { return false }
        var previous: Unicode.Scalar = "\0"
        for scalar in scalars {
            guard isPlainCharacter(scalar) else { return false }
            if previous == ":" && scalar == " " { return false }
            if previous == " " && scalar == "#" { return false }
            previous = scalar
        }
        return true
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" : Character(scalar).isWhitespace
    }

    /// Whether a YAML 1.1 reader, or a 1.2 reader with a case-insensitive view, could take the
    /// plain `text` for something other than a string: 1.1 booleans in any case, null spellings,
    /// numbers in any 1.1 form (octal `017`, `0o17`, `0b1`, `1_000`, `.5`, sexagesimal `1:20`),
    /// dates and timestamps (`2011-09-22`, `2011-09`), the merge key `<<` and the value key `=`.
    static func isAmbiguous(_ text: String) -> Bool {
        // Every word of this list has at most 5 characters: skip lowercasing longer texts.
        if text.utf8.count <= 5 {
            switch text.lowercased() {
            case "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "=", "<<":
                return true
            default:
                break
            }
        }
        return looksNumeric(text) || looksLikeDate(text)
    }

    /// Whether `text` is a YAML 1.1 or 1.2 number in any spelling, or close enough to one that a
    /// tool could read it as such: an optional sign, then a radix prefix (`0x`, `0o`, `0b`), or a
    /// digit (or `.` and a digit) followed only by digits, `_`, `.`, `:`, signs and exponent
    /// letters. Deliberately broad (`1.2.3` is quoted too) but not so broad as to quote codes
    /// such as `2A004`.
    static func looksNumeric(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let sign = scalars.first, sign == "-" || sign == "+" { scalars = scalars.dropFirst() }
        guard let first = scalars.first else { return false }
        // PyYAML before 5.1 read `.` (and any run of dots and digits) as a float.
        if scalars.allSatisfy({ isDigit($0) || $0 == "." }) { return true }
        let second = scalars.dropFirst().first
        if first == "0", let second, "xXoObB".unicodeScalars.contains(second) { return true }
        if first == "." {
            guard second.map(isDigit) == true else { return false }
        } else if !isDigit(first) {
            return false
        }
        return scalars.allSatisfy { isDigit($0) || "_.:+-eE".unicodeScalars.contains($0) }
    }

    /// A YAML 1.1 timestamp starts with `YYYY-M-D` (then an optional time, which may contain
    /// spaces, so only the start is checked).
    static func looksLikeDate(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isDigit(first) else { return false }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 8, scalars[0..<4].allSatisfy(isDigit), scalars[4] == "-" else { return false }
        var index = 5
        let monthStart = index
        while index < scalars.count, isDigit(scalars[index]) { index += 1 }
        guard (1...2).contains(index - monthStart), index < scalars.count, scalars[index] == "-" else { return false }
        index += 1
        return index < scalars.count && isDigit(scalars[index])
    }

    /// Whether `text` fits between single quotes: on one line and with nothing that needs an
    /// escape. Tabs are escaped rather than written raw, so that emitted text never holds a tab.
    static func isSingleQuotable(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { isPlainCharacter($0) }
    }

    /// A character that can be written as itself outside double quotes: printable (YAML 1.2
    /// c-printable), not a line break of either YAML version (LF, CR, NEL, LS, PS), not a tab,
    /// not a byte-order mark.
    static func isPlainCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: return true
        case 0x85, 0x2028, 0x2029, 0xFEFF: return false
        case 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// `text` in double quotes, escaping what YAML requires (`"`, `\`), what would be a line
    /// break or invisible (`\n`, `\t`, `\r` and the other C0 controls, DEL, C1 controls, NEL,
    /// LS, PS, BOM), and nothing else: accents, Arabic and emoji stay as they are.
    static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\0": result += "\\0"
            case "\u{07}": result += "\\a"
            case "\u{08}": result += "\\b"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\u{0B}": result += "\\v"
            case "\u{0C}": result += "\\f"
            case "\r": result += "\\r"
            case "\u{1B}": result += "\\e"
            default:
                if isPlainCharacter(scalar) {
                    result.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFF && scalar.value != 0x85 {
                    result += "\\x" + hex(scalar.value, width: 2)
                } else {
                    // NEL, LS, PS, BOM, U+FFFE/FFFF: the \u form every reader understands
                    // (YAML 1.2's \N, \L, \P are unknown to JSON-minded tools).
                    result += "\\u" + hex(scalar.value, width: 4)
                }
            }
        }
        return result + "\""
    }

    /// `text` in single quotes, a quote written twice. The caller checks `isSingleQuotable`.
    static func singleQuoted(_ text: String) -> String {
        var result = "'"
        for character in text {
            result += character == "'" ? "''" : String(character)
        }
        return result + "'"
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }
}
