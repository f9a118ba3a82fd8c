/// Converts positions in a file's UTF-8 bytes to `SourceMark`s: the one place where libyaml's
/// marks are translated.
///
/// libyaml 0.2.5 counts `mark.index` in characters (Unicode scalars, a CRLF counting as two),
/// starting after a leading byte order mark, and its `line` and `column` are 0-based and treat
/// NEL, LS and PS as line breaks. Only `index` is used here: lines and columns are recomputed
/// from the bytes, with LF, CRLF and a lone CR as line breaks (YAML 1.2's breaks, and what an
/// editor shows), so that every mark in the project means the same thing.
///
/// Building the map also validates the UTF-8 (the first bad byte is reported by its offset).
/// Memory stays proportional to the number of lines plus the number of non-ASCII characters.
struct SourceMap: Sendable {
    /// Length of a leading UTF-8 byte order mark (0 or 3).
    let bomLength: Int
    /// The character index of each character written with more than one byte, in order.
    private var wideChars: [UInt32] = []
    /// The bytes beyond one per character up to and including each of `wideChars`: character
    /// `i` starts at byte `bomLength + i + wideExtra[k - 1]`, `k` wide characters before it.
    private var wideExtra: [UInt32] = []
    /// Byte offset at which each line starts (line 1 starts after the BOM).
    private var lineStartBytes: [UInt32] = []
    /// Character index at which each line starts.
    private var lineStartChars: [UInt32] = []
    private let bytes: [UInt8]
    /// Number of characters libyaml sees (BOM excluded).
    private(set) var characterCount = 0
    /// The last position converted: libyaml's marks mostly move forward, so the wide
    /// characters before the next one are counted on from here instead of searched.
    private var cursorChar = 0
    private var cursorWide = 0
    private var cursorLine = 0

    /// Whether every byte after the BOM is ASCII: then a character index is the byte offset
    /// less the BOM, and a column the bytes since the line start, with no table or walk.
    private let isASCII: Bool

    /// Builds the map, or throws `invalidUTF8` naming the first bad byte's offset.
    init(_ bytes: [UInt8]) throws(YAMLError) {
        self.bytes = bytes
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        bomLength = bom
        if let lineStarts = Self.asciiLineStarts(bytes, from: bom) {
            isASCII = true
            lineStartBytes = lineStarts
            characterCount = bytes.count - bom
            return
        }
        isASCII = false
        var wideChars: [UInt32] = []
        var wideExtra: [UInt32] = []
        var lineStartBytes: [UInt32] = [UInt32(bom)]
        var lineStartChars: [UInt32] = [0]
        lineStartBytes.reserveCapacity(bytes.count / 24 + 2)
        lineStartChars.reserveCapacity(bytes.count / 24 + 2)
        // One pass over every byte of every file: ASCII bytes (nearly all of them) take the short
        // path, and the buffer is read without bounds checks.
        let (chars, badOffset) = bytes.withUnsafeBufferPointer { buffer -> (Int, Int?) in
            var offset = bom
            var chars = 0
            var extra = 0
            let count = buffer.count
            guard let base = buffer.baseAddress else { return (0, nil) }
            while offset < count {
                if offset + 8 <= count, Self.isPlainWord(UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) {
                    offset += 8
                    chars += 8
                    continue
                }
                let byte = buffer[offset]
                if byte >= 0x80 {
                    let length = Self.sequenceLength(bytes, at: offset)
                    guard length > 0 else { return (chars, offset) }
                    extra += length - 1
                    wideChars.append(UInt32(chars))
                    wideExtra.append(UInt32(extra))
                    offset += length
                    chars += 1
                    continue
                }
                offset += 1
                chars += 1
                if byte == 0x0A || (byte == 0x0D && (offset >= count || buffer[offset] != 0x0A)) {
                    lineStartBytes.append(UInt32(offset))
                    lineStartChars.append(UInt32(chars))
                }
            }
            return (chars, nil)
        }
        self.lineStartBytes = lineStartBytes
        self.lineStartChars = lineStartChars
        if let badOffset {
            throw YAMLError(
                .invalidUTF8,
                "the file is not valid UTF-8 (bad byte 0x\(String(bytes[badOffset], radix: 16, uppercase: true)) at byte offset \(badOffset)); save it as UTF-8",
                at: markForInvalidByte(offset: badOffset, chars: chars))
        }
        self.wideChars = wideChars
        self.wideExtra = wideExtra
        characterCount = chars
    }

    /// The line starts of a file whose bytes from `start` on are all ASCII, or nil when one is not.
    /// Eight bytes are tested at a time for the high bit; line breaks are rare bytes below 0x0E.
    private static func asciiLineStarts(_ bytes: [UInt8], from start: Int) -> [UInt32]? {
        bytes.withUnsafeBufferPointer { buffer -> [UInt32]? in
            let count = buffer.count
            guard let base = buffer.baseAddress else { return [UInt32(start)] }
            var offset = start
            while offset + 8 <= count {
                if UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return nil }
                offset += 8
            }
            while offset < count {
                if buffer[offset] >= 0x80 { return nil }
                offset += 1
            }
            var starts: [UInt32] = [UInt32(start)]
            starts.reserveCapacity(count / 24 + 2)
            offset = start
            while offset < count {
                if offset + 8 <= count, Self.isPlainWord(UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) {
                    offset += 8
                    continue
                }
                let byte = buffer[offset]
                offset += 1
                if byte <= 0x0D, byte == 0x0A || (byte == 0x0D && (offset >= count || buffer[offset] != 0x0A)) {
                    starts.append(UInt32(offset))
                }
            }
            return starts
        }
    }

    /// Whether eight bytes are all ASCII and none is a control byte up to CR (no line break
    /// among them): they move a scan on by eight characters at once.
    private static func isPlainWord(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        // With every byte below 0x80, a byte below 0x0E borrows into its own high bit.
        return word & high == 0 && (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & high == 0
    }

    /// The mark of an invalid byte, computed from the lines read so far.
    private func markForInvalidByte(offset: Int, chars: Int) -> SourceMark {
        let line = lineStartBytes.count
        let column = chars - Int(lineStartChars[line - 1]) + 1
        return SourceMark(offset: offset, line: line, column: column)
    }

    /// The mark of libyaml's character index `index` (clamped to the file).
    mutating func mark(characterIndex index: Int) -> SourceMark {
        let index = min(max(index, 0), characterCount)
        if isASCII {
            let offset = index + bomLength
            let line = lineIndex(ofByte: offset)
            cursorLine = line
            return SourceMark(offset: offset, line: line + 1, column: offset - Int(lineStartBytes[line]) + 1)
        }
        // Wide characters before `index`: counted on from the cursor when moving forward
        // (libyaml's usual order), else found by binary search.
        var wide: Int
        if index >= cursorChar {
            wide = cursorWide
            while wide < wideChars.count, Int(wideChars[wide]) < index { wide += 1 }
        } else {
            var low = 0
            var high = min(cursorWide, wideChars.count)
            while low < high {
                let middle = (low + high) / 2
                if Int(wideChars[middle]) < index { low = middle + 1 } else { high = middle }
            }
            wide = low
        }
        let offset = bomLength + index + (wide > 0 ? Int(wideExtra[wide - 1]) : 0)
        let line = lineIndex(ofByte: offset)
        cursorChar = index
        cursorWide = wide
        cursorLine = line
        return SourceMark(offset: offset, line: line + 1, column: index - Int(lineStartChars[line]) + 1)
    }

    /// The mark of a byte offset that starts a character (or is the end of the file).
    func mark(byteOffset: Int) -> SourceMark {
        let offset = min(max(byteOffset, bomLength), bytes.count)
        let line = lineIndex(ofByte: offset)
        if isASCII { return SourceMark(offset: offset, line: line + 1, column: offset - Int(lineStartBytes[line]) + 1) }
        var column = 1
        var cursor = Int(lineStartBytes[line])
        while cursor < offset {
            cursor += max(Self.sequenceLength(bytes, at: cursor), 1)
            column += 1
        }
        return SourceMark(offset: offset, line: line + 1, column: column)
    }

    /// The text of 1-based line `line` without its line break, or nil past the end.
    func lineText(_ line: Int) -> ArraySlice<UInt8>? {
        Self.line(line, in: bytes)
    }

    /// The 0-based line holding `offset`: a few steps from the last line found, else by
    /// binary search over the line starts.
    private func lineIndex(ofByte offset: Int) -> Int {
        var line = cursorLine
        if Int(lineStartBytes[line]) <= offset {
            for _ in 0..<4 {
                guard line + 1 < lineStartBytes.count, Int(lineStartBytes[line + 1]) <= offset else { return line }
                line += 1
            }
        }
        var low = 0
        var high = lineStartBytes.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(lineStartBytes[middle]) <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The text of 1-based line `line` of `bytes` without its break (a leading BOM excluded).
    static func line(_ line: Int, in bytes: [UInt8]) -> ArraySlice<UInt8>? {
        guard line >= 1 else { return nil }
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var current = 1
        while current < line {
            guard let breakIndex = bytes[start...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else {
                return nil
            }
            start = breakIndex + 1
            if bytes[breakIndex] == 0x0D, start < bytes.count, bytes[start] == 0x0A { start += 1 }
            current += 1
        }
        let end = bytes[start...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) ?? bytes.count
        return bytes[start..<end]
    }

    /// The length of the well-formed UTF-8 sequence at `offset`, or 0 when it is malformed
    /// (overlong forms, surrogates and code points above U+10FFFF included).
    static func sequenceLength(_ bytes: [UInt8], at offset: Int) -> Int {
        let first = bytes[offset]
        if first < 0x80 { return 1 }
        func continuation(_ index: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index < bytes.count && range.contains(bytes[index])
        }
        switch first {
        case 0xC2...0xDF:
            return continuation(offset + 1) ? 2 : 0
        case 0xE0...0xEF:
            let second: ClosedRange<UInt8> = first == 0xE0 ? 0xA0...0xBF : first == 0xED ? 0x80...0x9F : 0x80...0xBF
            return continuation(offset + 1, second) && continuation(offset + 2) ? 3 : 0
        case 0xF0...0xF4:
            let second: ClosedRange<UInt8> = first == 0xF0 ? 0x90...0xBF : first == 0xF4 ? 0x80...0x8F : 0x80...0xBF
            return continuation(offset + 1, second) && continuation(offset + 2) && continuation(offset + 3) ? 4 : 0
        default:
            return 0
        }
    }
}
