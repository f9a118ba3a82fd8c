/// Messages of the query commands: unknown ids, types, fields and values, and the lines that
/// say a question found nothing (on stderr, so that the table or JSON on stdout stays clean).
extension Messages {
    static func noRecord(id: String) -> String {
        Lang.pick(fr: "aucune fiche n'a l'identifiant \(id) ; essayez `kaleido find \(id)`",
                  en: "no record has the id \(id); try `kaleido find \(id)`")
    }

    static func unknownType(_ type: String, suggestion: String?, types: [String]) -> String {
        if suggestion != nil {
            return Lang.pick(fr: "type de fiche inconnu « \(type) »", en: "unknown type \"\(type)\"") + didYouMean(suggestion)
        }
        return Lang.pick(fr: "type de fiche inconnu « \(type) » ; les types : \(types.joined(separator: ", "))",
                         en: "unknown type \"\(type)\"; use one of \(types.joined(separator: ", "))")
    }

    static func partnerAmbiguous(_ query: String, lines: [String]) -> String {
        Lang.pick(fr: "« \(query) » désigne plusieurs partenaires", en: "\"\(query)\" names several partners") + chooseOne(lines)
    }

    static func partnerNotFound(_ query: String) -> String {
        Lang.pick(fr: "aucun partenaire ne s'appelle « \(query) » ; cherchez-le avec `kaleido find \(query)`",
                  en: "no partner is called \"\(query)\"; try `kaleido find \(query)` to look for it")
    }

    static func projectAmbiguous(_ query: String, lines: [String]) -> String {
        Lang.pick(fr: "« \(query) » désigne plusieurs projets", en: "\"\(query)\" names several projects") + chooseOne(lines)
    }

    static func projectNotFound(_ query: String) -> String {
        Lang.pick(fr: "aucun projet ne s'appelle « \(query) » ; voyez `kaleido list project` ou `kaleido find \(query)`",
                  en: "no project is called \"\(query)\"; try `kaleido list project` or `kaleido find \(query)` to look for it")
    }

    static func missionAmbiguous(_ query: String, lines: [String]) -> String {
        Lang.pick(fr: "« \(query) » désigne plusieurs missions", en: "\"\(query)\" names several missions") + chooseOne(lines)
    }

    static func projectOrMissionNotFound(_ query: String) -> String {
        Lang.pick(fr: "aucun projet ni aucune mission ne s'appelle « \(query) » ; voyez `kaleido list project`, `kaleido list engagement` ou `kaleido find \(query)`",
                  en: "no project or mission is called \"\(query)\"; try `kaleido list project`, `kaleido list engagement` or `kaleido find \(query)` to look for it")
    }

    static func unknownField(_ key: String, in container: String, suggestion: String?, fields: [String]) -> String {
        let head = Lang.pick(fr: "champ inconnu « \(key) » pour \(container)", en: "unknown field \"\(key)\" for \(container)")
        if suggestion != nil { return head + didYouMean(suggestion) }
        if fields.isEmpty { return head + Lang.pick(fr: " : \(container) n'a pas de champs", en: ": \(container) has no fields") }
        return head + Lang.pick(fr: " ; ses champs : ", en: "; its fields: ") + fields.joined(separator: ", ")
    }

    static func unknownValue(_ value: String, for field: String, suggestion: String?, allowed: [String]) -> String {
        let head = Lang.pick(fr: "valeur inconnue « \(value) » pour \(field)", en: "unknown value \"\(value)\" for \(field)")
        if suggestion != nil { return head + didYouMean(suggestion) }
        return head + Lang.pick(fr: " ; valeurs permises : ", en: "; one of ") + allowed.joined(separator: ", ")
    }

    static func unknownReference(type: String, id: String, field: String, suggestion: String?) -> String {
        Lang.pick(fr: "aucune fiche \(type) n'a l'identifiant « \(id) » (\(field))", en: "no \(type) has the id \"\(id)\" (\(field))")
            + (suggestion == nil ? Lang.pick(fr: " ; essayez `kaleido find \(id)`", en: "; try `kaleido find \(id)`") : didYouMean(suggestion))
    }

    static func sumNotNumber(_ field: String, types: [String]) -> String {
        Lang.pick(fr: "--sum \(field) : ce n'est pas un nombre (le schéma dit \(types.joined(separator: " ou ")))",
                  en: "--sum \(field): not a number (the schema says \(types.joined(separator: " or ")))")
    }

    static var groupByNeedsAggregate: String {
        Lang.pick(fr: "--group-by demande --count ou --sum CHAMP", en: "--group-by needs --count or --sum FIELD")
    }

    static func roleProblem(_ text: String, several: Bool, choices: [String]) -> String {
        Lang.pick(fr: "--role \(text) : " + (several ? "plusieurs rôles correspondent" : "ce n'est pas un rôle de personne")
                      + " ; donnez l'une de ces clés :\n",
                  en: "--role \(text): " + (several ? "several roles match" : "not a person role") + "; give one of these keys:\n")
            + choices.joined(separator: "\n")
    }

    static var peopleNeedsCriterion: String {
        Lang.pick(fr: "donnez --review-due, --inactive-for DURÉE, ou les deux", en: "give --review-due, --inactive-for DURATION, or both")
    }

    static func byOption(_ by: String) -> String {
        Lang.pick(fr: "--by \(by) : utilisez funder, year ou funder,year", en: "--by \(by): use funder, year or funder,year")
    }

    // MARK: Empty results (stderr)

    static func noneOfType(_ type: String, selection: [String]) -> String {
        selection.isEmpty
            ? Lang.pick(fr: "kaleido: aucune fiche \(type) dans la base", en: "kaleido: no \(type) in the knowledge base")
            : Lang.pick(fr: "kaleido: aucune fiche \(type) ne répond à \(selection.joined(separator: " "))",
                        en: "kaleido: no \(type) matches \(selection.joined(separator: " "))")
    }

    static func nothingMatches(_ text: String) -> String {
        Lang.pick(fr: "kaleido: rien ne correspond à « \(text) »", en: "kaleido: nothing matches \"\(text)\"")
    }

    static func noHistory(_ id: String, since: String?, until: String?) -> String {
        Lang.pick(fr: "kaleido: aucune fiche ne renvoie à \(id)" + (since.map { " depuis \($0)" } ?? "") + (until.map { " jusqu'à \($0)" } ?? ""),
                  en: "kaleido: no record refers to \(id)" + (since.map { " since \($0)" } ?? "") + (until.map { " until \($0)" } ?? ""))
    }

    static var noConventionGap: String {
        Lang.pick(fr: "kaleido: aucune convention en vigueur ne manque d'engagements financiers ni de transmission au préfet",
                  en: "kaleido: no convention in force lacks financial commitments or a transmission to the préfet")
    }

    static func noConventionEnding(within: String) -> String {
        Lang.pick(fr: "kaleido: aucune convention en vigueur ne prend fin d'ici \(within)",
                  en: "kaleido: no convention in force ends within \(within)")
    }

    static func noPersonToReview(reviewDue: Bool, inactiveFor: String?) -> String {
        let fr = [reviewDue ? "dont la date de revue est passée" : nil, inactiveFor.map { "sans échange depuis \($0)" }].compactMap { $0 }
        let en = [reviewDue ? "past their review date" : nil, inactiveFor.map { "without interaction for \($0)" }].compactMap { $0 }
        return Lang.pick(fr: "kaleido: aucune personne \(fr.joined(separator: " ou "))", en: "kaleido: no person \(en.joined(separator: " or "))")
    }

    static func noFunding(since: Int?) -> String {
        Lang.pick(fr: "kaleido: aucun financement accordé" + (since.map { " décidé en \($0) ou après" } ?? ""),
                  en: "kaleido: no granted funding" + (since.map { " decided in \($0) or later" } ?? ""))
    }

    static func noCallClosing(within: String) -> String {
        Lang.pick(fr: "kaleido: aucun appel ouvert ne ferme d'ici \(within)", en: "kaleido: no open call closes within \(within)")
    }

    static func noContact(role: String?, partner: String, on date: String) -> String {
        let which = role.map { " (\($0))" } ?? ""
        return Lang.pick(fr: "Aucun contact\(which) enregistré pour \(partner) à la date \(date).",
                         en: "No contact\(which) recorded for \(partner) on \(date).")
    }

    static func noDeliverable(overdue: Bool, project: String, id: String) -> String {
        (overdue ? Lang.pick(fr: "Aucun livrable en retard", en: "No overdue deliverable") : Lang.pick(fr: "Aucun livrable", en: "No deliverable"))
            + ": \(project) (\(id))."
    }

    static func noODA(client: String, year: String) -> String {
        Lang.pick(fr: "Aucun engagement financier de \(client) pour \(year).", en: "No financial commitment of \(client) for \(year).")
    }

    // MARK: vocab

    static func unknownVocabList(_ name: String, suggestion: String?) -> String {
        Lang.pick(fr: "liste inconnue « \(name) » dans le vocabulaire", en: "unknown list \"\(name)\" in the vocabulary")
            + (suggestion == nil ? Lang.pick(fr: " ; `kaleido vocab` les liste toutes", en: "; `kaleido vocab` lists them all") : didYouMean(suggestion))
    }
}
