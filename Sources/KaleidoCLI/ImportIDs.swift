import KaleidoKB
import KaleidoQuery
import KaleidoWorkspace
import KaleidoYAML

/// The id of an imported row that has none, after the type's id pattern (schemas/defs.yaml):
/// `<country>-<kind short>-[<insee>-]<slug>` for a partner (the kind's short form is the one
/// the KB's partners of that kind already use; a leading Ville, Municipalité… left out), `p-<name>` for a person,
/// `aap-<funder>-<yyyy>-<slug>`, `conv-`, `prj-`, `eng-<yyyy>-<slug>`, `evt-<yyyy>-<mm>[-<dd>]-<slug>`,
/// `int-<yyyy>-<mm>-<dd>-<slug>`: the date is the record's first date field, the slug its
/// title or name (folded, without little words, at most six words). Nil when the row lacks
/// what the id is made of (a partnership's id names its parties: give an id column).
struct ImportIDs {
    let type: RecordType
    let record: FieldShape
    let outline: SchemaOutline
    let index: KBIndex

    func id(for given: GivenValues) -> String? {
        func text(_ key: String) -> String? { given.at([key])?.scalarText }
        let slugSource = ["title", "name", "full_name", "programme", "summary"].lazy.compactMap(text).first
        guard let slug = slugSource.map(Self.slug), !slug.isEmpty else { return nil }
        switch type {
        case .partner:
            guard let country = text("country")?.lowercased(), country.count == 2, let kind = text("kind") else { return nil }
            let short = kindShort(kind)
            let code = short == "com" ? given.at(["codes", "insee"])?.scalarText.map { $0.lowercased() + "-" } ?? "" : ""
            // `Municipalité de Gabès` is tn-mun-gabes: the kind is already in the id.
            let name = Self.slug(text("name") ?? slugSource ?? "").split(separator: "-")
            let bodies: Set<Substring> = ["ville", "commune", "municipalite", "mairie", "gouvernorat", "departement", "region", "conseil"]
            let place = name.count > 1 && bodies.contains(name[0]) ? name.dropFirst().joined(separator: "-") : slug
            return "\(country)-\(short)-\(code)\(place)"
        case .person:
            return "p-" + slug
        case .partnership:
            return nil
        case .call:
            guard let funder = text("funder"), let year = firstDate(given)?.prefix(4) else { return nil }
            return "aap-\(funderShort(funder))-\(year)-\(slug)"
        case .convention, .project, .engagement:
            guard let year = firstDate(given)?.prefix(4) else { return nil }
            let prefix = ["convention": "conv", "project": "prj", "engagement": "eng"][type.rawValue] ?? type.rawValue
            return "\(prefix)-\(year)-\(slug)"
        case .event:
            guard let date = firstDate(given), date.count >= 7 else { return nil }
            return "evt-\(date)-\(slug)"
        case .interaction:
            guard let date = firstDate(given), date.count == 10 else { return nil }
            return "int-\(date)-\(slug)"
        }
    }

    /// The record's first (in schema order) top-level date value.
    private func firstDate(_ given: GivenValues) -> String? {
        for property in record.properties {
            let shape = outline.shape(property.schema)
            guard shape.format == "date" || shape.format == "partial-date", let value = given.at([property.name])?.scalarText else { continue }
            return value
        }
        return nil
    }

    /// The short form of a partner kind in ids: the second part of the ids of the KB's
    /// partners of that kind, the most common one; else the kind's first word.
    private func kindShort(_ kind: String) -> String {
        var counts: [String: Int] = [:]
        for record in 0..<index.count where index.type(record) == .partner {
            guard case .string(let other)? = index.value(record)["kind"], other == kind else { continue }
            let parts = index.id(record).split(separator: "-")
            if parts.count > 2 { counts[String(parts[1]), default: 0] += 1 }
        }
        if let best = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) { return best.key }
        return Self.slug(String(kind.prefix { $0 != "_" }))
    }

    /// The funder's short form in call ids: the one the KB's calls of that funder use; else the
    /// last part of the funder's id.
    private func funderShort(_ funder: String) -> String {
        for record in 0..<index.count where index.type(record) == .call {
            guard case .string(let other)? = index.value(record)["funder"], other == funder else { continue }
            let parts = index.id(record).split(separator: "-")
            if parts.count > 2 { return String(parts[1]) }
        }
        return String(funder.split(separator: "-").last ?? "x")
    }

    static let littleWords: Set<String> = ["le", "la", "les", "l", "de", "du", "des", "d", "et", "a", "au", "aux", "en", "pour",
                                          "un", "une", "sur", "dans", "par", "avec", "the", "of", "and", "for"]

    /// `Égalité des chances – l’œuvre` → `egalite-chances-oeuvre`.
    static func slug(_ text: String) -> String {
        let spelled = text.replacing("œ", with: "oe").replacing("Œ", with: "oe").replacing("æ", with: "ae").replacing("Æ", with: "ae")
        let words = TextFold.fold(spelled).split(separator: " ").map { word in
            String(word.unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }.map(Character.init))
        }.filter { !$0.isEmpty }
        let kept = words.filter { !littleWords.contains($0) }
        return (kept.isEmpty ? words : kept).prefix(6).joined(separator: "-")
    }
}
