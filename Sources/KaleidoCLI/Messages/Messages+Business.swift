/// Usage errors of the commands other lanes added (conventions' durations, participants,
/// days, follow-ups, people looked up by name, forget, the daemon), in the run's language.
extension Messages {
    static func badDuration(_ option: String, _ text: String) -> String {
        Lang.pick(fr: "\(option) \(text) : attendu une durée comme 15d, 2w ou 1m (jours, semaines, mois)",
                  en: "\(option) \(text): expected a duration such as 15d, 2w or 1m")
    }

    static func badDaysBy(_ by: String) -> String {
        Lang.pick(fr: "--by \(by) : utilisez client, engagement ou consultant", en: "--by \(by): use client, engagement or consultant")
    }

    static func badWeek(_ week: String) -> String {
        Lang.pick(fr: "--week \(week) : attendu une date AAAA-MM-JJ", en: "--week \(week): expected a date YYYY-MM-DD")
    }

    static func badParticipantsBy(_ name: String) -> String {
        Lang.pick(fr: "--by \(name) : attendu country, sex, age_band, role ou fewer_opportunities",
                  en: "--by \(name): expected country, sex, age_band, role or fewer_opportunities")
    }

    static var participantsByEmpty: String {
        Lang.pick(fr: "--by : donnez au moins un de country, sex, age_band, role, fewer_opportunities",
                  en: "--by: give at least one of country, sex, age_band, role, fewer_opportunities")
    }

    static func noEvent(_ id: String) -> String {
        Lang.pick(fr: "aucune fiche n'a l'identifiant \(id) ; essayez `kaleido list events` ou `kaleido find \(id)`",
                  en: "no record has the id \(id); try `kaleido list events` or `kaleido find \(id)`")
    }

    static func notAnEvent(_ id: String, type: String) -> String {
        Lang.pick(fr: "\(id) est une fiche \(type), pas un événement (event)", en: "\(id) is a \(type), not an event")
    }

    static func noPersonCalled(_ query: String) -> String {
        Lang.pick(fr: "aucune personne ne s'appelle « \(query) » ; essayez `kaleido find \(query)`",
                  en: "no person is called \"\(query)\"; try `kaleido find \(query)`")
    }

    static func ambiguousPerson(_ query: String, whole: Bool, lines: String) -> String {
        Lang.pick(fr: "« \(query) » " + (whole ? "désigne plusieurs personnes" : "n'est le nom complet d'aucune personne")
                      + " ; donnez un de ces identifiants :\n" + lines,
                  en: "\"\(query)\" " + (whole ? "names several persons" : "is not the whole name of a person")
                      + "; give one of these ids:\n" + lines)
    }

    static func cannotValidateEdited(_ error: any Error) -> String {
        Lang.pick(fr: "impossible de valider les fiches modifiées : \(error)", en: "could not validate the edited records: \(error)")
    }

    static var noKBToSync: String {
        Lang.pick(fr: "aucune base à synchroniser : passez --kb DOSSIER, listez-les dans ~/.config/kaleido/daemon.yaml, ou lancez depuis une base",
                  en: "no knowledge base to sync: pass --kb DIR, list them in ~/.config/kaleido/daemon.yaml, or run from inside a KB")
    }
}
