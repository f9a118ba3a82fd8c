public import KaleidoKB

/// What each record type means for display and time: its title, its date interval, and the
/// relation names of its reference fields.
public enum RecordSemantics {
    /// The display title: a partner's name, a person's full name, an interaction's summary's
    /// first line, else `title`, else the id.
    public static func title(of value: QValue, type: RecordType, id: String) -> String {
        switch type {
        case .partner: return value["name"]?.text ?? id
        case .person: return value["full_name"]?.text ?? id
        case .interaction: return value["summary"]?.text.map(headline) ?? id
        case .call: return value["programme"]?.text ?? value["title"]?.text ?? id
        default: return value["title"]?.text ?? id
        }
    }

    /// An interaction's summary as a title: its first paragraph with the editor's line breaks
    /// unwrapped (a first line often stops mid-sentence, on a colon), cut after its first
    /// sentence, or at a word before 120 characters with an ellipsis.
    static func headline(_ summary: String) -> String {
        let paragraph = summary.components(separatedBy: "\n\n").first { !$0.allSatisfy(\.isWhitespace) } ?? summary
        let words = paragraph.split(whereSeparator: \.isWhitespace)
        var title = ""
        for word in words {
            let next = title.isEmpty ? String(word) : title + " " + word
            guard next.count <= 119 else { return (title.isEmpty ? String(next.prefix(119)) : title) + "…" }
            title = next
            // A sentence ends here when more follows (not `2027.` at the very end, kept whole).
            if word.hasSuffix("."), word.count > 2, title.count >= 20, word != words.last { return title }
        }
        return title
    }

    /// The record's dates as written (compared as the days they cover: `DateSpan.days`).
    ///
    /// Conventions run from `effective_from` (else the signature, else the first dated status)
    /// to `effective_until`; interactions last their day; calls run from opening to closing;
    /// an event without an end lasts its start.
    public static func interval(of value: QValue, type: RecordType) -> DateSpan {
        func date(_ key: String) -> PartialDate? { value[key]?.text.flatMap(PartialDate.init) }
        switch type {
        case .partner: return DateSpan(start: date("valid_from"), end: date("valid_until"))
        case .person: return .undated
        case .partnership: return DateSpan(start: date("since"), end: date("until"))
        case .convention:
            let firstStatus = value["status_history"]?.items?.compactMap { $0["date"]?.text.flatMap(PartialDate.init) }.first
            return DateSpan(start: date("effective_from") ?? date("signed_on") ?? firstStatus, end: date("effective_until"))
        case .interaction:
            let day = date("date")
            return DateSpan(start: day, end: day)
        case .call: return DateSpan(start: date("opens_on"), end: date("closes_on"))
        case .project, .engagement, .event:
            let start = date("start")
            return DateSpan(start: start, end: date("end") ?? (type == .event ? start : nil))
        }
    }

    /// The dates an item of a list carries itself (`from`/`until`, `since`/`until`,
    /// `start`/`end`), or nil when it has none.
    static func itemInterval(_ item: QValue) -> DateSpan? {
        func date(_ key: String) -> PartialDate? { item[key]?.text.flatMap(PartialDate.init) }
        for (startKey, endKey) in [("from", "until"), ("since", "until"), ("start", "end")] {
            let start = date(startKey)
            let end = date(endKey)
            if start != nil || end != nil { return DateSpan(start: start, end: end) }
        }
        return nil
    }

    /// A relation name for a reference field: the list's item noun (`parties[].partner` →
    /// party, `organisers[]` → organiser, `affiliations[].partner` → affiliation), else the
    /// field's own name (`lead`, `client`, `funding[].funder` → funder).
    public static func relation(for path: [FieldStep]) -> String {
        var keys: [(String, Bool)] = []  // key, followed by a list step
        for (index, step) in path.enumerated() {
            if case .key(let key) = step {
                let listed = index + 1 < path.count && path[index + 1] == .anyItem
                keys.append((key, listed))
            }
        }
        guard let last = keys.last else { return "reference" }
        if last.1 { return singular(last.0) }
        if ["partner", "party"].contains(last.0), keys.count >= 2, keys[keys.count - 2].1 {
            let container = keys[keys.count - 2].0
            return container == "financial_commitments" ? "commitment" : singular(container)
        }
        return last.0
    }

    static func singular(_ word: String) -> String {
        switch word {
        case "parties": return "party"
        case "member_of": return "member_of"
        case "persons": return "person"
        case let plural where plural.hasSuffix("ies"): return String(plural.dropLast(3)) + "y"
        case let plural where plural.hasSuffix("s"): return String(plural.dropLast())
        default: return word
        }
    }

    /// Every string reached by `path`, each with the innermost list item it was found in.
    static func strings(at path: [FieldStep], in value: QValue, item: QValue?) -> [(String, QValue?)] {
        var found: [(String, QValue?)] = []
        collect(path[...], in: value, item: item, into: &found)
        return found
    }

    /// Walks the path by slices (no array made per step: this runs for every reference field
    /// of every record indexed).
    private static func collect(_ path: ArraySlice<FieldStep>, in value: QValue, item: QValue?, into found: inout [(String, QValue?)]) {
        guard let step = path.first else {
            if let text = value.text, case .string = value { found.append((text, item)) }
            return
        }
        let rest = path.dropFirst()
        switch step {
        case .key(let key):
            if let child = value[key] { collect(rest, in: child, item: item, into: &found) }
        case .anyItem:
            for element in value.items ?? [] { collect(rest, in: element, item: element, into: &found) }
        case .anyKey:
            guard case .map(let pairs) = value else { return }
            for pair in pairs { collect(rest, in: pair.value, item: item, into: &found) }
        }
    }
}
