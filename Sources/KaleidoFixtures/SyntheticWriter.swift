import Foundation

/// Writes the YAML of each generated record (see `SyntheticKB`).
struct SyntheticWriter {
    var random: SplitMix64

    static let givens = ["amel", "bernard", "chloe", "david", "elodie", "farid", "helene", "ines", "jerome", "karim", "lea", "mehdi", "nadia", "olivier", "sana"]
    static let families = ["abidi", "benali", "chabert", "durand", "esposito", "faure", "garnier", "haddad", "jaziri", "lefevre", "morel", "trabelsi"]
    static let places = ["Romans", "Sfax", "Kairouan", "Vienne", "Molde", "Dijon", "Sousse", "Bizerte", "Gabès", "Nabeul", "Épinal", "Besançon", "Agadir", "Tozeur", "Mahdia"]
    static let arabic = ["صفاقس", "القيروان", "سوسة", "بنزرت", "قابس", "نابل", "المهدية", "توزر"]
    static let themes = ["jeunesse", "mobilite_internationale", "interculturel", "culture_festivals", "dechets", "eau_assainissement", "gouvernance_appui_institutionnel", "education_formation"]
    static let countries = ["FR", "TN", "MA", "SN", "NO", "BE", "DE"]

    func given(_ number: Int) -> String { Self.givens[number % Self.givens.count] }
    func family(_ number: Int) -> String { Self.families[(number / Self.givens.count) % Self.families.count] }

    func partnerID(_ number: Int) -> String {
        let country = Self.countries[number % Self.countries.count].lowercased()
        return "\(country)-\(country == "fr" ? "com" : "mun")-\(Self.places[number % Self.places.count].lowercased().replacing("è", with: "e").replacing("é", with: "e"))-\(number)"
    }

    mutating func date(from: Int = 2000, span: Int = 26) -> (String, String) {
        let year = from + random.below(span)
        let month = 1 + random.below(12)
        let day = 1 + random.below(28)
        let start = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        let endYear = year + 1 + random.below(4)
        return (start, "\(endYear)-\(month < 10 ? "0" : "")\(month)")
    }

    mutating func uniqueThemes() -> String {
        let first = random.below(Self.themes.count)
        let second = (first + 1 + random.below(Self.themes.count - 1)) % Self.themes.count
        return "[\(Self.themes[first]), \(Self.themes[second])]"
    }

    mutating func partner(_ number: Int, partners: [String]) -> SyntheticKB.File {
        let id = partners[number]
        let country = Self.countries[number % Self.countries.count]
        let place = Self.places[number % Self.places.count]
        var text = "id: \(id)\ntype: partner\nname: \(country == "FR" ? "Ville de" : "Municipalité de") \(place) \(number)\n"
        text += "kind: \(country == "FR" ? "commune" : "municipalite_etrangere")\ncountry: \(country)\n"
        text += "names:\n  - {value: \(place) \(number), lang: fr, kind: court}\n"
        if country == "TN" || country == "MA" {
            text += "  - {value: \"\(Self.arabic[number % Self.arabic.count]) \(number)\", lang: ar, kind: officiel}\n"
        }
        if number > 0, random.below(4) == 0 { text += "member_of: [\(partners[random.below(number)])]\n" }
        text += "themes: \(uniqueThemes())\nnotes: Partenaire généré n° \(number), à \(place).\n"
        return SyntheticKB.File(path: "knowledge/partners/\(country.lowercased())/\(id).yaml", text: text)
    }

    mutating func person(_ id: String, number: Int, partners: [String]) -> SyntheticKB.File {
        let (from, until) = date()
        var text = "id: \(id)\ntype: person\nfull_name: \(given(number).capitalized) \(family(number).capitalized)\naffiliations:\n"
        text += "  - {partner: \(random.pick(partners)), role: charge_mission_ri, title: Chargée de mission, from: \"\(from)\", until: \"\(until)\"}\n"
        if random.below(2) == 0 { text += "  - {partner: \(random.pick(partners)), role: technicien, title: Technicien, from: \"\(until)\", primary: true}\n" }
        text += "legal_basis: interet_legitime\nreview_after: \"2028-06-30\"\nemails: [\(given(number)).\(number)@example.org]\n"
        return SyntheticKB.File(path: "knowledge/people/\(id).yaml", text: text)
    }

    mutating func partnership(_ number: Int, partners: [String]) -> (String, SyntheticKB.File) {
        let firstIndex = random.below(partners.count)
        let first = partners[firstIndex]
        let second = partners[(firstIndex + 1 + random.below(partners.count - 1)) % partners.count]
        let id = "ptn-\(first)--\(second)-\(number)"
        let (since, _) = date()
        let text = """
            id: \(id)
            type: partnership
            title: Coopération \(first) – \(second)
            kind: cooperation_decentralisee
            parties:
              - {partner: \(first), role: collectivite_francaise}
              - {partner: \(second), role: autorite_locale_etrangere}
            status: \(random.pick(["actif", "termine", "en_sommeil"]))
            since: "\(since.prefix(7))"
            themes: \(uniqueThemes())

            """
        return (id, SyntheticKB.File(path: "knowledge/partnerships/\(id).yaml", text: text))
    }

    mutating func convention(_ number: Int, partners: [String], people: [String], partnerships: [String]) -> SyntheticKB.File {
        let (start, end) = date()
        let id = "conv-\(start.prefix(4))-generated-\(number)"
        let first = random.pick(partners)
        let second = random.pick(partners)
        let text = """
            id: \(id)
            type: convention
            kind: convention_cooperation_decentralisee
            title: Convention générée n° \(number)
            parties:
              - {partner: \(first), role: signataire}
              - {partner: \(second), role: signataire, signatory: \(random.pick(people))}
            status: en_vigueur
            signed_on: "\(start)"
            effective_from: "\(start)"
            effective_until: "\(end)"
            partnership: \(random.pick(partnerships))
            legal_basis: [cgct_l1115_1]
            transmitted_to_prefect_on: "\(start)"
            financial_commitments:
              - {party: \(first), year: \(start.prefix(4)), amount: \(1000 + random.below(20000)).50, currency: EUR, nature: numeraire}

            """
        return SyntheticKB.File(path: "knowledge/conventions/\(id).yaml", text: text)
    }

    mutating func project(_ number: Int, partners: [String], partnerships: [String]) -> (String, SyntheticKB.File) {
        let (start, end) = date()
        let id = "prj-\(start.prefix(4))-generated-\(number)"
        let text = """
            id: \(id)
            type: project
            title: Projet jeunesse \(Self.places[number % Self.places.count]) n° \(number)
            kind: mobilite_jeunes
            lead: \(random.pick(partners))
            countries: [FR, TN]
            themes: \(uniqueThemes())
            start: "\(start.prefix(7))"
            end: "\(end)"
            status: en_cours
            partners:
              - {partner: \(random.pick(partners)), role: partenaire}
            partnership: \(random.pick(partnerships))
            funding:
              - {funder: \(random.pick(partners)), scheme: region, amount_requested: 20000, amount_granted: \(5000 + random.below(10000)), currency: EUR, status: accorde, decided_on: "\(start)"}
            summary: |
              Échanges de jeunes et festivals, projet généré n° \(number).

            """
        return (id, SyntheticKB.File(path: "knowledge/projects/\(id).yaml", text: text))
    }

    mutating func engagement(_ number: Int, partners: [String], people: [String], projects: [String]) -> (String, SyntheticKB.File) {
        let (start, end) = date()
        let id = "eng-\(start.prefix(4))-generated-\(number)"
        let text = """
            id: \(id)
            type: engagement
            title: Mission d'appui n° \(number)
            client: \(random.pick(partners))
            service_lines: [strategie]
            start: "\(start)"
            end: "\(end)"
            status: cloturee
            client_contact: \(random.pick(people))
            projects: [\(random.pick(projects))]

            """
        return (id, SyntheticKB.File(path: "knowledge/engagements/\(id).yaml", text: text))
    }

    mutating func event(_ number: Int, partners: [String], projects: [String]) -> SyntheticKB.File {
        let (start, _) = date()
        let id = "evt-\(start)-generated-\(number)"
        let text = """
            id: \(id)
            type: event
            kind: atelier
            title: Atelier interculturel n° \(number)
            start: "\(start)"
            location: {city: \(Self.places[number % Self.places.count]), country: FR}
            organisers: [\(random.pick(partners))]
            client: \(random.pick(partners))
            project: \(random.pick(projects))
            our_role: animation
            participants: {count: \(10 + random.below(50)), countries: [FR, TN]}

            """
        return SyntheticKB.File(path: "knowledge/events/\(start.prefix(4))/\(id).yaml", text: text)
    }

    mutating func interaction(_ number: Int, partners: [String], people: [String], engagements: [String]) -> SyntheticKB.File {
        let (day, _) = date()
        let id = "int-\(day)-generated-\(number)"
        let text = """
            id: \(id)
            type: interaction
            date: "\(day)"
            kind: reunion
            status: fait
            summary: Réunion de suivi n° \(number) avec \(Self.places[number % Self.places.count]).
            partners: [\(random.pick(partners))]
            persons: [\(random.pick(people))]
            engagement: \(random.pick(engagements))

            """
        return SyntheticKB.File(path: "knowledge/interactions/\(id).yaml", text: text)
    }

    mutating func call(_ number: Int, partners: [String]) -> SyntheticKB.File {
        let (opens, _) = date()
        let id = "aap-generated-\(opens.prefix(4))-\(number)"
        let text = """
            id: \(id)
            type: call
            funder: \(random.pick(partners))
            programme: Appel à projets généré n° \(number)
            opens_on: "\(opens)"
            closes_on: "\((Int(opens.prefix(4)) ?? 2000) + 1)-01-31"
            status: clos
            eligible_countries: [TN, MA]

            """
        return SyntheticKB.File(path: "knowledge/calls/\(id).yaml", text: text)
    }
}
