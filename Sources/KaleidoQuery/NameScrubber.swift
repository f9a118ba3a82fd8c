/// Finds a person's names and contact details in free text, so that `kaleido forget` can list
/// and replace them: names and aliases as whole words, ignoring case, accents and the
/// punctuation between words (`Claire Morel`, `CLAIRE MOREL`, `claire-morel` but never
/// `Morelle`), e-mail addresses and identifiers as written (any case), phone numbers by their
/// digits whatever the spacing (`+33 1 99 00 12 01`, `01.99.00.12.01`).
///
/// Works on UTF-8 bytes and answers byte ranges, the unit of YAML source spans.
public struct NameScrubber: Sendable {
    /// Each name's folded words (see `TextFold`), longest first so the longest match wins.
    let names: [[String]]
    /// Lowercased ASCII spellings matched whole (e-mails, ids).
    let literals: [[UInt8]]
    /// The last eight digits of each phone number.
    let phoneTails: [[UInt8]]

    /// - Parameters:
    ///   - names: full names and aliases, in any script.
    ///   - literals: e-mail addresses and ids, matched whole and ignoring ASCII case.
    ///   - phones: phone numbers as recorded (`+33199001201`).
    public init(names: [String], literals: [String] = [], phones: [String] = []) {
        self.names = Set(names.map { TextFold.fold($0).split(separator: " ").map(String.init) })
            .filter { !$0.isEmpty }
            .sorted { ($0.count, $0.joined(separator: " ")) > ($1.count, $1.joined(separator: " ")) }
        self.literals = literals.filter { !$0.isEmpty }.map { Array($0.lowercased().utf8) }
            .sorted { $0.count > $1.count }
        self.phoneTails = phones.compactMap { phone in
            let digits = phone.utf8.filter(Self.isDigit)
            return digits.count >= 8 ? Array(digits.suffix(8)) : nil
        }
    }

    /// The byte ranges of `bytes` that name the person, sorted and not overlapping.
    public func matches(in bytes: [UInt8]) -> [Range<Int>] {
        var found = literalMatches(in: bytes) + phoneMatches(in: bytes)
        let tokens = Self.tokens(of: bytes)
        var index = 0
        while index < tokens.count {
            var advanced = false
            for words in names where index + words.count <= tokens.count {
                if zip(tokens[index..<index + words.count], words).allSatisfy({ $0.0.folded == $0.1 }) {
                    found.append(tokens[index].range.lowerBound..<tokens[index + words.count - 1].range.upperBound)
                    index += words.count
                    advanced = true
                    break
                }
            }
            if !advanced { index += 1 }
        }
        // Earlier and longer first; a range inside one kept already is dropped.
        var kept: [Range<Int>] = []
        for range in found.sorted(by: { ($0.lowerBound, -$0.count) < ($1.lowerBound, -$1.count) }) {
            if let last = kept.last, range.lowerBound < last.upperBound { continue }
            kept.append(range)
        }
        return kept
    }

    /// `bytes` with every match replaced by `token`.
    public func scrub(_ bytes: [UInt8], token: String) -> [UInt8] {
        var output: [UInt8] = []
        var position = 0
        for range in matches(in: bytes) {
            output += bytes[position..<range.lowerBound]
            output += Array(token.utf8)
            position = range.upperBound
        }
        output += bytes[position...]
        return output
    }

    /// `text` with every match replaced by `token`.
    public func scrub(_ text: String, token: String) -> String {
        String(decoding: scrub(Array(text.utf8), token: token), as: UTF8.self)
    }

    // MARK: - Literals and phones

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Characters that continue an e-mail or an id: a match must not have one on either side.
    static func continuesWord(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "@"), 0x80...: true
        default: false
        }
    }

    func literalMatches(in bytes: [UInt8]) -> [Range<Int>] {
        guard !literals.isEmpty else { return [] }
        let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        var found: [Range<Int>] = []
        for literal in literals where literal.count <= lowered.count {
            var start = 0
            while start + literal.count <= lowered.count {
                if lowered[start] == literal[0], lowered[start..<start + literal.count].elementsEqual(literal),
                    start == 0 || !Self.continuesWord(lowered[start - 1]),
                    start + literal.count == lowered.count || !Self.continuesWord(lowered[start + literal.count]) {
                    found.append(start..<start + literal.count)
                    start += literal.count
                } else {
                    start += 1
                }
            }
        }
        return found
    }

    /// Runs of digits with single spaces, dots or dashes between them (and an optional leading
    /// `+`) whose digits end with a recorded number's last eight.
    func phoneMatches(in bytes: [UInt8]) -> [Range<Int>] {
        guard !phoneTails.isEmpty else { return [] }
        var found: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard Self.isDigit(bytes[index]) || (bytes[index] == UInt8(ascii: "+") && index + 1 < bytes.count && Self.isDigit(bytes[index + 1])),
                index == 0 || !Self.continuesWord(bytes[index - 1])
            else { index += 1; continue }
            var end = index + 1
            var digits: [UInt8] = Self.isDigit(bytes[index]) ? [bytes[index]] : []
            while end < bytes.count {
                if Self.isDigit(bytes[end]) { digits.append(bytes[end]); end += 1; continue }
                let separator = bytes[end] == 0x20 || bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: "-")
                if separator, end + 1 < bytes.count, Self.isDigit(bytes[end + 1]) { end += 1; continue }
                break
            }
            if end == bytes.count || !Self.continuesWord(bytes[end]),
                phoneTails.contains(where: { digits.count >= 8 && digits.count <= 15 && digits.suffix(8).elementsEqual($0) }) {
                found.append(index..<end)
            }
            index = end
        }
        return found
    }

    // MARK: - Words

    /// A word of the text: its folded letters and where it stands.
    struct Token {
        var folded: String
        var range: Range<Int>
    }

    /// The words of `bytes`: runs of scalars that fold to letters or digits (combining marks
    /// stay in their word); everything else separates words.
    static func tokens(of bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var current: (folded: String, start: Int, end: Int)?
        var offset = 0
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let width = UTF8.width(scalar)
            defer { offset += width }
            let folded = TextFold.fold(String(scalar)).filter { $0 != " " }
            if !folded.isEmpty {
                if current == nil { current = ("", offset, offset) }
                current!.folded += folded
                current!.end = offset + width
                continue
            }
            if current != nil, isMark(scalar) {
                current!.end = offset + width
                continue
            }
            if let word = current { tokens.append(Token(folded: word.folded, range: word.start..<word.end)) }
            current = nil
        }
        if let word = current { tokens.append(Token(folded: word.folded, range: word.start..<word.end)) }
        return tokens
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
