import KaleidoYAML

/// A replacement of `range` of the text base's bytes by `text`. Ranges of one edit list never
/// overlap; an empty range is an insertion.
struct TextEdit {
    var range: Range<Int>
    var text: [UInt8]
}

/// Raised when the surgical path meets a layout it cannot edit; the merger then re-emits.
struct SurgeryError: Error {
    var reason: String
}

/// The bytes of one side with the line and indicator geometry the surgery needs. Columns here
/// are byte columns: indentation is made of ASCII spaces, so bytes and columns agree where it
/// matters.
struct SourceText {
    let bytes: [UInt8]

    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")

    /// The offset of the first byte of the line holding `offset`.
    func lineStart(_ offset: Int) -> Int {
        var index = min(offset, bytes.count)
        while index > 0, bytes[index - 1] != Self.newline { index -= 1 }
        return index
    }

    /// The offset just past the line break ending the line holding `offset` (or the end).
    func lineEnd(_ offset: Int) -> Int {
        var index = offset
        while index < bytes.count, bytes[index] != Self.newline { index += 1 }
        return index < bytes.count ? index + 1 : index
    }

    /// The byte column of `offset` on its line.
    func column(_ offset: Int) -> Int { offset - lineStart(offset) }

    /// Whether only spaces precede `offset` on its line.
    func startsLine(_ offset: Int) -> Bool {
        var index = offset
        while index > 0, bytes[index - 1] == Self.space { index -= 1 }
        return index == 0 || bytes[index - 1] == Self.newline
    }

    /// The offset just after the `:` that follows a mapping key ending at `keyEnd`.
    func afterColon(keyEnd: Int) throws(SurgeryError) -> Int {
        var index = keyEnd
        while index < bytes.count, bytes[index] == Self.space || bytes[index] == 0x09 { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            throw SurgeryError(reason: "no ':' after the key at byte \(keyEnd)")
        }
        return index + 1
    }

    /// The offset of the `-` that introduces a block sequence item starting at `itemStart`.
    func dash(before itemStart: Int) throws(SurgeryError) -> Int {
        var index = itemStart
        while index > 0, bytes[index - 1] == Self.space || bytes[index - 1] == Self.newline || bytes[index - 1] == 0x09 { index -= 1 }
        guard index > 0, bytes[index - 1] == UInt8(ascii: "-") else {
            throw SurgeryError(reason: "no '-' before the item at byte \(itemStart)")
        }
        return index - 1
    }

    func slice(_ range: Range<Int>) -> ArraySlice<UInt8> { bytes[range] }

    /// Applies `edits` to `range` of the bytes (edits outside it are an error).
    func render(_ range: Range<Int>, edits: [TextEdit]) throws(SurgeryError) -> [UInt8] {
        let sorted = edits.enumerated().sorted { lhs, rhs in
            if lhs.element.range.lowerBound != rhs.element.range.lowerBound {
                return lhs.element.range.lowerBound < rhs.element.range.lowerBound
            }
            if lhs.element.range.isEmpty != rhs.element.range.isEmpty { return lhs.element.range.isEmpty }
            return lhs.offset < rhs.offset
        }.map(\.element)
        var output: [UInt8] = []
        output.reserveCapacity(range.count + 64)
        var cursor = range.lowerBound
        for edit in sorted {
            guard edit.range.lowerBound >= cursor, edit.range.upperBound <= range.upperBound else {
                throw SurgeryError(reason: "overlapping edits at byte \(edit.range.lowerBound)")
            }
            output += bytes[cursor..<edit.range.lowerBound]
            output += edit.text
            cursor = edit.range.upperBound
        }
        output += bytes[cursor..<range.upperBound]
        return output
    }

    /// Shifts every line after the first of `text` by `delta` columns (removing at most the
    /// leading spaces a line has), so that a fragment written at one indentation fits another.
    static func reindent<C: Collection>(_ text: C, by delta: Int, firstLineToo: Bool = false) -> [UInt8] where C.Element == UInt8 {
        guard delta != 0 else { return Array(text) }
        var output: [UInt8] = []
        output.reserveCapacity(text.count + 16)
        var atLineStart = firstLineToo
        var removing = 0
        for byte in text {
            if atLineStart {
                atLineStart = false
                if delta > 0 {
                    if byte != newline { output += repeatElement(space, count: delta) }
                } else {
                    removing = -delta
                }
            }
            if removing > 0 {
                if byte == space { removing -= 1; continue }
                removing = 0
            }
            output.append(byte)
            if byte == newline { atLineStart = true }
        }
        return output
    }

    static func spaces(_ count: Int) -> [UInt8] { Array(repeating: space, count: max(0, count)) }
}
