/// How one scalar will be written: its tag (when it must stay) and its text.
struct PresentedScalar: Equatable {
    enum Body: Equatable {
        /// One line: plain, single- or double-quoted. Empty for a null written as nothing.
        case inline(String)
        /// A literal block scalar: its header (`|`, `|-`, `|+`, with an indentation indicator
        /// when needed) and its lines without indentation (`""` for an empty line).
        case literal(header: String, lines: [String])
    }

    /// The tag as written (`!!float`, `!custom`, `!<tag:example.com,2000:x>`), or nil.
    var tag: String?
    var body: Body
}

/// Chooses a scalar's presentation so that its meaning survives (see `ScalarQuoting`).
struct ScalarPresenter {
    /// The indentation indicator a literal block scalar uses when it needs one: the emitter
    /// always puts block content exactly `indent` columns deeper than its parent collection.
    var indent: Int

    private static let corePrefix = ScalarResolver.coreTagPrefix
    /// The tags whose meaning `ScalarResolver` knows, so that the emitter can tell when they are implied.
    private static let coreScalarTags = Set(["str", "int", "float", "bool", "null"].map { corePrefix + $0 })

    /// The presentation of a scalar node. `allowBlock` is false where only one line fits (an
    /// implicit mapping key).
    func present(_ text: String, style: ScalarStyle, tag: String?, allowBlock: Bool) -> PresentedScalar {
        let meaning = ScalarResolver.resolve(text, style: style, tag: tag)
        if let tag, tag != "!" {
            guard Self.coreScalarTags.contains(tag) else {
                // A custom or non-scalar core tag (`!!binary`, `!!timestamp`) is kept: the tag,
                // not the text, gives the meaning, so only the syntax needs care.
                return PresentedScalar(tag: Self.written(tag: tag), body: stringBody(text, checkCore: false, checkYAML11: false, allowBlock: allowBlock))
            }
            if meaning == .string(text) || ScalarResolver.resolvePlain(text) == meaning {
                // The tag is implied by the text's own resolution: drop it.
                return present(text, meaning: meaning, style: style, tag: tag, allowBlock: allowBlock)
            }
            return PresentedScalar(tag: Self.written(tag: tag), body: stringBody(text, checkCore: false, checkYAML11: false, allowBlock: allowBlock))
        }
        // `tag` is nil or the non-specific `!`, which makes even a plain scalar a string.
        return present(text, meaning: meaning, style: style, tag: tag, allowBlock: allowBlock)
    }

    /// The untagged presentation of a scalar whose meaning is `meaning`: either a string, or
    /// what the plain `text` resolves to (the caller guarantees one of the two).
    private func present(_ text: String, meaning: ResolvedScalar, style: ScalarStyle, tag: String?,
                         allowBlock: Bool) -> PresentedScalar {
        guard case .string(let string) = meaning else {
            // A plain scalar keeps its spelling (`0x1F`, `~`, `1.`), except integers that YAML 1.1
            // reads as octal or as a string (`01004`, `0o17`), written in decimal instead.
            if case .integer(let digits) = meaning, Self.isOctalLooking(text) {
                return PresentedScalar(tag: nil, body: .inline(digits))
            }
            return PresentedScalar(tag: nil, body: .inline(text))
        }
        // A string got from resolving the plain text (no tag, not even `!`) needs no second resolution.
        let knownPlain = style == .plain && tag == nil
        return PresentedScalar(tag: nil, body: stringBody(string, checkCore: !knownPlain, checkYAML11: true,
                                                          allowBlock: allowBlock))
    }

    /// A string's text: a literal block when it spans lines and a literal can hold it exactly,
    /// else plain when safe (with `checkCore`, only when YAML 1.2 core reads the plain text as
    /// this string; with `checkYAML11`, only when no YAML 1.1 reader could take it for another
    /// type), else single quotes, else double quotes. A tagged scalar needs neither check: its
    /// tag gives the meaning.
    func stringBody(_ text: String, checkCore: Bool, checkYAML11: Bool, allowBlock: Bool) -> PresentedScalar.Body {
        if allowBlock, let literal = literal(text) { return literal }
        if ScalarQuoting.isPlainSafe(text),
           !checkCore || ScalarResolver.resolvePlain(text) == .string(text),
           !checkYAML11 || !ScalarQuoting.isAmbiguous(text) {
            return .inline(text)
        }
        if ScalarQuoting.isSingleQuotable(text) { return .inline(ScalarQuoting.singleQuoted(text)) }
        return .inline(ScalarQuoting.doubleQuoted(text))
    }

    /// The literal block form of a multi-line `text`, or nil when a literal cannot represent it
    /// exactly: a line with trailing blanks (editors and readers strip them), a character that
    /// needs an escape (CR, NEL, LS, PS, controls, tab), or no visible character at all (a
    /// literal of only line breaks depends on subtle chomping rules that tools get wrong).
    func literal(_ text: String) -> PresentedScalar.Body? {
        guard text.utf8.contains(UInt8(ascii: "\n")) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The last element is what follows the final line break ("" when the text ends with one).
        var trailingBreaks = 0
        while lines.count > 1, lines.last == "" {
            lines.removeLast()
            trailingBreaks += 1
        }
        guard lines.contains(where: { !$0.isEmpty }) else { return nil }
        for line in lines {
            guard line.unicodeScalars.allSatisfy(ScalarQuoting.isPlainCharacter) else { return nil }
            if let last = line.unicodeScalars.last, last == " " { return nil }
        }
        let chomping = trailingBreaks == 0 ? "-" : trailingBreaks == 1 ? "" : "+"
        // Lines kept by `|+` beyond the first break are empty lines after the content.
        lines += Array(repeating: "", count: max(0, trailingBreaks - 1))
        let firstContent = lines.first(where: { !$0.isEmpty }) ?? ""
        // A first content line starting with a space would make readers guess a deeper indentation.
        let indicator = firstContent.hasPrefix(" ") ? String(indent) : ""
        return .literal(header: "|" + indicator + chomping, lines: lines)
    }

    /// An integer spelling that YAML 1.1 reads differently from 1.2 core: a leading zero
    /// (`01004`, 1.1 octal) or the 1.2 octal prefix `0o` (a string in 1.1).
    private static func isOctalLooking(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let sign = scalars.first, sign == "-" || sign == "+" { scalars = scalars.dropFirst() }
        guard scalars.first == "0", let second = scalars.dropFirst().first else { return false }
        return second == "o" || ScalarQuoting.isDigit(second)
    }

    /// The core schema's canonical spelling of a non-string meaning.
    static func canonical(_ meaning: ResolvedScalar) -> String {
        switch meaning {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .integer(let digits): return digits
        case .float(let text): return text
        case .infinity(let negative): return negative ? "-.inf" : ".inf"
        case .nan: return ".nan"
        case .string(let text): return text
        }
    }

    /// A tag as written in YAML: `!!suffix` for the core namespace, a local `!name` as is, any
    /// other in verbatim form `!<…>` with characters outside URI syntax percent-encoded.
    static func written(tag: String) -> String {
        if tag.hasPrefix(corePrefix) {
            let suffix = String(tag.dropFirst(corePrefix.count))
            if !suffix.isEmpty, suffix.unicodeScalars.allSatisfy(isTagCharacter) { return "!!" + suffix }
        } else if tag.hasPrefix("!"), tag.count > 1, tag.dropFirst().unicodeScalars.allSatisfy(isTagCharacter) {
            return tag
        }
        var encoded = ""
        for byte in tag.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, byte != UInt8(ascii: "%"), isTagCharacter(scalar) || scalar == "!" || ",[]".unicodeScalars.contains(scalar) {
                encoded.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return "!<" + encoded + ">"
    }

    /// YAML 1.2 ns-tag-char: URI characters except `!` and the flow indicators.
    private static func isTagCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        default: return "-#;/?:@&=+$_.~*'()".unicodeScalars.contains(scalar)
        }
    }
}
