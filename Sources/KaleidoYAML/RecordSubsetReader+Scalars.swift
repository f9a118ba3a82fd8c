/// Scalars, flow collections and the up-front screen of `RecordSubsetReader`.
extension RecordSubsetReader {
    /// Whether every byte may appear in an accepted file: printable ASCII and line feeds, and
    /// well-formed UTF-8 of two or three bytes that libyaml reads as ordinary characters (no
    /// C1 controls, NEL, line or paragraph separators, BOM or non-characters). Tabs, a CR not
    /// followed by LF and four-byte characters are left to libyaml, and so is a `#` glued to what precedes it (a
    /// comment libyaml may reject, or text the tree parser must sort out).
    static func screen(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            if byte < 0x80 {
                // CR only as the first half of CRLF (Windows editors, git's autocrlf).
                guard (byte >= 0x20 && byte < 0x7F) || byte == 0x0A || (byte == 0x0D && index + 1 < count && buffer[index + 1] == 0x0A) else { return false }
                if byte == Self.hash, index > 0, buffer[index - 1] != Self.space, buffer[index - 1] != Self.newline { return false }
                index += 1
                continue
            }
            if byte >= 0xC2, byte <= 0xDF {
                guard index + 1 < count, buffer[index + 1] & 0xC0 == 0x80, byte != 0xC2 || buffer[index + 1] >= 0xA0 else { return false }
                index += 2
                continue
            }
            guard byte >= 0xE0, byte <= 0xEF, index + 2 < count else { return false }
            let second = buffer[index + 1], third = buffer[index + 2]
            guard second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return false }
            switch byte {
            case 0xE0: guard second >= 0xA0 else { return false }                           // overlong
            case 0xED: guard second < 0xA0 else { return false }                            // surrogates
            case 0xE2: guard !(second == 0x80 && (third == 0xA8 || third == 0xA9)) else { return false } // LS, PS
            case 0xEF: guard !(second == 0xBB && third == 0xBF), !(second == 0xBF && third >= 0xBE) else { return false } // BOM, FFFE/FFFF
            default: break
            }
            index += 3
        }
        return true
    }

    /// Whether a plain scalar may start with `byte` (YAML's indicators may not start one; `-`,
    /// `?` and `:` may, before a non-blank, but the builder declines those anyway).
    static func isPlainStart(_ byte: UInt8) -> Bool {
        switch byte {
        case 0, Self.space, Self.newline, Self.carriageReturn, UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
             UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""),
             UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return false
        default:
            return true
        }
    }

    /// A plain scalar from `at` to `end` (trailing spaces not part of it); `at` moves to `end`.
    mutating func plainScalar(upTo end: Int) -> Bool {
        // A negative number (`-3000`) starts with `-` but is no indicator: the builder keeps it.
        let negativeNumber = byte(at) == Self.dash && at + 1 < end && base[at + 1] >= UInt8(ascii: "0") && base[at + 1] <= UInt8(ascii: "9")
        guard Self.isPlainStart(byte(at)) || negativeNumber else { return false }
        var last = end
        while last > at, base[last - 1] == Self.space { last -= 1 }
        let textStart = builder.text.count
        builder.text.append(contentsOf: UnsafeBufferPointer(start: base + at, count: last - at))
        let start = at
        at = end
        return builder.appendScalar(style: CompactBuilder.plain, textStart: textStart, start: position(start), end: position(last))
    }

    /// A plain scalar value in block context: to the end of the line or a comment. A `: ` in
    /// it is an error libyaml reports.
    mutating func plainValue() -> Bool {
        let stop = plainLineEnd(from: at)
        return !stop.atColon && plainScalar(upTo: stop.end)
    }

    /// A plain scalar in a flow collection: up to `,`, a bracket or a brace. Any `:` declines,
    /// but the one ending a flow mapping's key (`isKey`), before a space.
    mutating func plainFlowScalar(isKey: Bool) -> Bool {
        var index = at
        scan: while true {
            switch byte(index) {
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                break scan
            case Self.colon:
                guard isKey, byte(index + 1) == Self.space else { return false }
                break scan
            case Self.newline, Self.carriageReturn, 0:
                return false
            case Self.space:
                if byte(index + 1) == Self.hash { return false }
            default:
                break
            }
            index += 1
        }
        return plainScalar(upTo: index)
    }

    /// The index of the quote closing the quoted scalar that opens at `index`, on its line.
    func closingQuote(from index: Int) -> Int? {
        let quote = base[index]
        var index = index + 1
        while index < count {
            let byte = base[index]
            if Self.isBreak(byte) { return nil }
            if byte == quote {
                if quote == UInt8(ascii: "'"), self.byte(index + 1) == quote {
                    index += 2
                    continue
                }
                return index
            }
            index += byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") ? 2 : 1
        }
        return nil
    }

    /// A single- or double-quoted scalar on one line, unescaped.
    mutating func quotedScalar() -> Bool {
        let start = at
        let quote = base[at]
        guard let closing = closingQuote(from: at) else { return false }
        let textStart = builder.text.count
        var index = at + 1
        var run = index
        while index < closing {
            let byte = base[index]
            if byte == quote {
                // `''` inside single quotes (a lone quote ended the scalar).
                builder.text.append(contentsOf: UnsafeBufferPointer(start: base + run, count: index + 1 - run))
                index += 2
                run = index
            } else if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                builder.text.append(contentsOf: UnsafeBufferPointer(start: base + run, count: index - run))
                guard let next = unescape(at: index + 1, before: closing) else { return false }
                index = next
                run = index
            } else {
                index += 1
            }
        }
        builder.text.append(contentsOf: UnsafeBufferPointer(start: base + run, count: closing - run))
        at = closing + 1
        let style = quote == UInt8(ascii: "'") ? CompactBuilder.singleQuoted : CompactBuilder.doubleQuoted
        return builder.appendScalar(style: style, textStart: textStart, start: position(start), end: position(at))
    }

    /// Appends the character of the escape whose letter is at `index`; answers the index after
    /// it, or nil for an escape left to libyaml.
    mutating func unescape(at index: Int, before end: Int) -> Int? {
        guard index < end else { return nil }
        let simple: UInt8
        switch base[index] {
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "0"): simple = 0x00
        case UInt8(ascii: " "): simple = 0x20
        case UInt8(ascii: "u"):
            // Four hex digits of a character outside the surrogates.
            guard index + 4 < end else { return nil }
            var value: UInt32 = 0
            for offset in 1...4 {
                guard let digit = Self.hexValue(base[index + offset]) else { return nil }
                value = value << 4 | digit
            }
            guard let scalar = Unicode.Scalar(value) else { return nil }
            UTF8.encode(scalar) { builder.text.append($0) }
            return index + 5
        default:
            return nil
        }
        builder.text.append(simple)
        return index + 1
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// A flow sequence or mapping opening at `at`, closed on the same line.
    mutating func flowCollection() -> Bool {
        let isMapping = base[at] == UInt8(ascii: "{")
        let closer = isMapping ? UInt8(ascii: "}") : UInt8(ascii: "]")
        guard builder.openCollection(isMapping: isMapping, flow: true, start: position(at), end: position(at + 1)) else { return false }
        at += 1
        skipSpaces()
        if byte(at) != closer {
            while true {
                if isMapping {
                    guard flowNode(isKey: true) else { return false }
                    skipSpaces()
                    guard byte(at) == Self.colon, byte(at + 1) == Self.space else { return false }
                    at += 2
                    skipSpaces()
                }
                guard flowNode(isKey: false) else { return false }
                skipSpaces()
                guard byte(at) == UInt8(ascii: ",") else { break }
                at += 1
                skipSpaces()
                // A trailing comma is valid YAML, but rare: libyaml reads it.
                guard byte(at) != closer else { return false }
            }
        }
        guard byte(at) == closer else { return false }
        at += 1
        return builder.closeCollection(end: position(at))
    }

    /// One node inside a flow collection.
    mutating func flowNode(isKey: Bool) -> Bool {
        switch byte(at) {
        case UInt8(ascii: "["), UInt8(ascii: "{"): return !isKey && flowCollection()
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return quotedScalar()
        default: return plainFlowScalar(isKey: isKey)
        }
    }
}
