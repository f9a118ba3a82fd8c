import Foundation
import KaleidoKB
import KaleidoQuery

/// The words of `kaleido validate` (and of `new`, which shows the new record's findings): the
/// summary line, and each finding's message in the run's language with its hints.
///
/// The validators (KaleidoSchema, KaleidoKB) are pure and word their findings in English; the
/// French here is matched on their sentences per rule (`required`, `type`, `enum`, `pattern`,
/// `format`, `minLength`, bounds, unknown properties, references, duplicate ids, plain
/// scalars). A sentence no pattern knows stays as the validator wrote it.
struct FindingWording {
    /// The KB's vocabulary: the allowed keys of an enumeration when the message lists only ten.
    var vocabulary: Vocabulary?
    /// Each type's top-level fields, for a "did you mean" on an unknown one.
    var fields: [RecordType: [String]] = [:]

    /// `412 records, 2 errors, 3 warnings` / `412 fiches, 2 erreurs, 3 avertissements`.
    static func summary(_ report: ValidationReport) -> String {
        // French: 0 and 1 take the singular ("0 erreur"); English: only 1 does.
        func plural(_ count: Int, _ word: String, _ words: String) -> String {
            "\(count) \((Lang.current == .fr ? count <= 1 : count == 1) ? word : words)"
        }
        let unit = report.unit == "record" ? Lang.pick(fr: "fiche", en: "record") : Lang.pick(fr: "fichier", en: report.unit)
        let units = report.unit == "record" ? Lang.pick(fr: "fiches", en: "records") : Lang.pick(fr: "fichiers", en: report.unit + "s")
        return Lang.pick(
            fr: "\(plural(report.records, unit, units)), \(plural(report.errors, "erreur", "erreurs")), \(plural(report.warnings, "avertissement", "avertissements"))",
            en: "\(plural(report.records, unit, units)), \(plural(report.errors, "error", "errors")), \(plural(report.warnings, "warning", "warnings"))")
    }

    /// The finding's message in the run's language, with a "did you mean" for a value outside
    /// an enumeration and the dot for a number written with a decimal comma.
    func message(_ finding: Finding) -> String {
        var text = Lang.current == .fr ? Self.french(rule: finding.rule, finding.message) : finding.message
        if finding.rule == "enum", let suggestion = enumSuggestion(finding) { text += Messages.didYouMean(suggestion) }
        if ["additionalProperties", "unevaluatedProperties"].contains(finding.rule), finding.pointer.split(separator: "/").count == 1,
            let key = Self.captures(#"^unknown property "(.*)"$"#, finding.message)?[0],
            let type = Self.recordType(of: finding.file),
            let suggestion = Suggestion.closest(to: key, among: fields[type] ?? [])
        {
            text += Messages.didYouMean(suggestion)
        }
        if finding.rule == "type", let fixed = Self.decimalCommaFix(finding.message) {
            text += Lang.pick(fr: " ; écrivez \(fixed)", en: "; write \(fixed)")
        }
        if ["additionalProperties", "unevaluatedProperties"].contains(finding.rule), let key = Self.captures(#"^unknown property "([0-9]+)""#, finding.message) {
            // `{amount: 1500,50}`: in a flow mapping the comma ends the value and `50` becomes a key.
            text += Lang.pick(fr: " ; un nombre à virgule dans { … } ? écrivez-le avec un point (N.\(key[0]) et non N,\(key[0]))",
                              en: "; a decimal comma inside { … }? write the number with a point (N.\(key[0]), not N,\(key[0]))")
        }
        return text
    }

    /// The nearest allowed key to the value an `enum` finding rejects, case and accents folded
    /// (`coopération` → `cooperation`).
    func enumSuggestion(_ finding: Finding) -> String? {
        guard let value = Self.captures(#"the string "((?:[^"\\]|\\.)*)" is not one of the allowed values: (.*)$"#, finding.message) else { return nil }
        var allowed = Self.quotedStrings(value[1])
        if value[1].contains("in all)"), let field = finding.pointer.split(separator: "/").last(where: { Int($0) == nil }), let vocabulary {
            // The message lists ten values: the vocabulary knows the rest, under the names
            // `Vocabulary.label` looks up (`partner_kind` for a partner's `kind`, `theme` for `themes`).
            let singular = field.hasSuffix("s") ? String(field.dropLast()) : String(field)
            let type = Self.recordType(of: finding.file)?.rawValue
            let names = (type.map { ["\($0)_\(field)", "\($0)_\(singular)"] } ?? []) + [String(field), singular]
            allowed += names.flatMap { vocabulary.keys(of: $0) }
        }
        return Suggestion.closest(to: value[0], among: allowed)
    }

    /// The type whose folder holds `file` (`knowledge/partners/tn/x.yaml` → partner).
    static func recordType(of file: String) -> RecordType? {
        file.split(separator: "/").dropLast().lazy.compactMap { RecordType(folder: String($0)) }.first
    }

    /// `1500.50` for a number written `1500,50` or `1 500,50`, else nil.
    static func decimalCommaFix(_ message: String) -> String? {
        guard message.contains("must be a number") || message.contains("must be a whole number"),
            let value = captures(#"not the string "([-+]?[0-9][0-9 \x{00A0}\x{202F}.]*,[0-9]+)"$"#, message)?[0]
        else { return nil }
        let digits = value.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        // `1.500,50` (dots between thousands) as well as `1500,50`.
        return digits.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
    }

    /// The wording of the first pattern of `table` that matches `message` (its captures
    /// given to the pattern's closure), or nil: the one lookup every translation table uses.
    static func firstRendering(of message: String, in table: [PatternRendering]) -> String? {
        for (pattern, render) in table {
            if let parts = captures(pattern, message) { return render(parts) }
        }
        return nil
    }

    /// The capture groups of `pattern`'s first match in `text`, or nil.
    static func captures(_ pattern: String, _ text: String) -> [String]? {
        guard let (regex, prefix) = CompiledPatterns.shared.regex(pattern), text.hasPrefix(prefix),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        else { return nil }
        return (1..<match.numberOfRanges).map { index in
            Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
        }
    }

    /// The JSON strings of a list such as `"a", "b", … (12 in all)`, unquoted.
    static func quotedStrings(_ list: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: #""((?:[^"\\]|\\.)*)""#) else { return [] }
        return regex.matches(in: list, range: NSRange(list.startIndex..., in: list)).compactMap {
            Range($0.range(at: 1), in: list).map { String(list[$0]) }
        }
    }
}

/// A sentence pattern (a regular expression with capture groups) and how to word its captures.
typealias PatternRendering = (String, @Sendable ([String]) -> String)

/// Each pattern of the catalogue compiled once per process, with the literal text an anchored
/// pattern starts with: `validate` words every finding through these tables, and compiling and
/// running each pattern on each finding was 4 % of a 2,000-record run; a prefix check skips
/// most of them without Foundation.
final class CompiledPatterns: @unchecked Sendable {
    static let shared = CompiledPatterns()
    private let lock = NSLock()
    private var compiled: [String: (NSRegularExpression, String)?] = [:]

    func regex(_ pattern: String) -> (NSRegularExpression, String)? {
        lock.lock()
        defer { lock.unlock() }
        if let known = compiled[pattern] { return known }
        let entry = (try? NSRegularExpression(pattern: pattern)).map { ($0, Self.literalPrefix(pattern)) }
        compiled[pattern] = entry
        return entry
    }

    /// The characters an anchored pattern (`^…`) must start with: up to its first
    /// metacharacter or escape; "" for an unanchored one (every text passes).
    static func literalPrefix(_ pattern: String) -> String {
        guard pattern.hasPrefix("^") else { return "" }
        var prefix = ""
        for character in pattern.dropFirst() {
            if "\\.[]()*+?{}|^$".contains(character) { break }
            prefix.append(character)
        }
        // A quantifier applies to the character before it, which then may be absent.
        if let next = pattern.dropFirst(1 + prefix.count).first, "*?{".contains(next), !prefix.isEmpty { prefix.removeLast() }
        return prefix
    }
}
