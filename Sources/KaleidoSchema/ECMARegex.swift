/// A `pattern` / `patternProperties` regular expression, read as ECMA-262 (with the `u` flag) and
/// run by Swift's own `Regex` engine (no Foundation, no ICU).
///
/// Why Swift `Regex` and not `NSRegularExpression`: it passes more of the suite's ECMA-262 tests
/// (it can be told ECMA's ASCII-only `\d` and `\w`, and to match Unicode scalars — ECMA's `u`
/// mode — instead of grapheme clusters), needs no Foundation in the hot path, and is `Sendable`.
/// Semantics: `.` and character classes match one Unicode scalar; `\d` and `\w` are ASCII only,
/// `\s` is Unicode white space, as in ECMA-262; `$` matches only at the very end (ECMA has no
/// "before a final newline"). Safety: it is a backtracking engine with no time limit, like every
/// ECMA engine; schemas are the project's own, not user input, so catastrophic patterns are
/// a schema review matter. Patterns in `SimpleRegex`'s subset (almost all schema patterns)
/// run on that linear-time matcher instead, and Swift's engine is built only for the rest.
struct ECMARegex: @unchecked Sendable {
    // `Regex<AnyRegexOutput>` is immutable once built; it is not yet marked Sendable.
    private enum Engine {
        /// The linear-time matcher, for patterns in its subset (most schema patterns).
        case simple(SimpleRegex)
        case swift(Regex<AnyRegexOutput>)
    }

    private let engine: Engine

    /// Compiles an ECMA-262 pattern; throws with a sentence when it is not one.
    ///
    /// Swift's `Regex` is built only for patterns outside `SimpleRegex`'s subset: parsing a
    /// pattern with it costs about as much as the rest of a schema's compilation (it was a fifth
    /// of `kaleido validate`'s start-up). Every pattern of the subset is also valid ECMA-262 and
    /// valid Swift syntax after `translate` (RegexTests checks this on generated patterns), so
    /// skipping Swift's parser for them rejects nothing it would have rejected.
    init(_ pattern: String) throws(SchemaRegexError) {
        let translated = try Self.translate(pattern)
        if let simple = SimpleRegex(pattern) {
            engine = .simple(simple)
            return
        }
        engine = .swift(try Self.swiftRegex(translated, pattern: pattern))
    }

    /// Swift's engine for an already translated pattern (`pattern` is the original, for errors).
    static func swiftRegex(_ translated: String, pattern: String) throws(SchemaRegexError) -> Regex<AnyRegexOutput> {
        do {
            return try Regex(translated)
                .matchingSemantics(.unicodeScalar)
                .asciiOnlyDigits()
                .asciiOnlyWordCharacters()
        } catch {
            throw SchemaRegexError(pattern: pattern, reason: "\(error)")
        }
    }

    /// Whether the pattern matches anywhere in `text` (JSON Schema patterns are not anchored).
    func matches(_ text: String) -> Bool {
        switch engine {
        case .simple(let simple): simple.matches(text)
        case .swift(let regex): (try? regex.firstMatch(in: text)) != nil
        }
    }

    /// Whether the pattern runs on the linear-time matcher (for tests).
    var usesSimpleMatcher: Bool {
        if case .simple = engine { return true }
        return false
    }

    /// Rewrites the few ECMA-262 constructs that Swift's syntax reads differently, and refuses
    /// the ones ECMA-262 forbids but Swift would accept.
    static func translate(_ pattern: String) throws(SchemaRegexError) -> String {
        var output = ""
        var inClass = false
        var scalars = Array(pattern.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\\":
                guard let next = scalars.popFirst() else {
                    throw SchemaRegexError(pattern: pattern, reason: "it ends with a lone backslash")
                }
                switch next {
                case "a", "e", "z", "Z", "A", "h", "H", "R", "X", "K", "G", "Q", "E", "N", "l", "L", "o", "g", "V":
                    // Escapes of other dialects: ECMA-262 (u mode) has no such escape.
                    throw SchemaRegexError(pattern: pattern, reason: "`\\\(next)` is not an ECMA-262 escape")
                case "c":
                    // \cX: the control character X mod 32.
                    guard let letter = scalars.popFirst(), letter.properties.isASCIIHexDigit || ("A"..."z").contains(letter) else {
                        throw SchemaRegexError(pattern: pattern, reason: "`\\c` must be followed by a letter")
                    }
                    let value = letter.value % 32
                    output += "\\u{" + String(value, radix: 16) + "}"
                case "s" where !inClass:
                    output += "[\\s\\u{FEFF}]"  // ECMA's \s includes U+FEFF; Swift's does not
                case "S" where !inClass:
                    output += "[^\\s\\u{FEFF}]"
                case "s" where inClass:
                    output += "\\s\\u{FEFF}"
                case "d", "D", "w", "W", "s", "S", "b", "B", "p", "P", "u", "x", "t", "n", "r", "f", "v", "0",
                    "1", "2", "3", "4", "5", "6", "7", "8", "9", "k":
                    output.unicodeScalars.append(scalar)
                    output.unicodeScalars.append(next)
                default:
                    if next.properties.isAlphabetic && next.isASCII {
                        throw SchemaRegexError(pattern: pattern, reason: "`\\\(next)` is not an ECMA-262 escape")
                    }
                    output.unicodeScalars.append(scalar)
                    output.unicodeScalars.append(next)
                }
            case "[":
                if inClass {
                    output += "\\["  // a literal `[` inside a class; Swift would open a nested class
                    break
                }
                if scalars.starts(with: ["]"]) {
                    scalars.removeFirst()
                    output += "(?!)"  // ECMA-262's `[]` matches nothing
                    break
                }
                if scalars.starts(with: ["^", "]"]) {
                    scalars.removeFirst(2)
                    output += "[\\s\\S]"  // ECMA-262's `[^]` matches anything
                    break
                }
                inClass = true
                output += "["
                if scalars.first == "^" { output += "^"; scalars.removeFirst() }
            case "(" where !inClass && scalars.first == "?":
                // ECMA-262 groups: (?: (?= (?! (?<= (?<! (?<name>; no inline flags, comments or
                // Python's (?P…).
                let rest = Array(scalars.dropFirst().prefix(2))
                let allowed = rest.first == ":" || rest.first == "=" || rest.first == "!"
                    || (rest.first == "<" && rest.count == 2 && (rest[1] == "=" || rest[1] == "!" || rest[1].properties.isAlphabetic || rest[1] == "_" || rest[1] == "$"))
                guard allowed else {
                    let shown = rest.first.map { String(Character($0)) } ?? ""
                    throw SchemaRegexError(pattern: pattern, reason: "`(?\(shown)` is not an ECMA-262 group")
                }
                output += "("
            case "]":
                inClass = false
                output += "]"
            case "$" where !inClass:
                output += "\\z"
            case "&" where inClass, "~" where inClass:
                // Swift reads `&&` and `~~` in a class as set operations; ECMA as literals.
                output += "\\"
                output.unicodeScalars.append(scalar)
            case "-" where inClass && scalars.first == "-":
                output += "\\-"
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}

/// A pattern that is not a valid ECMA-262 regular expression.
struct SchemaRegexError: Error, Sendable {
    var pattern: String
    var reason: String
}
