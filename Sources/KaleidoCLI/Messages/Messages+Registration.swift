/// Messages of `kaleido import FILE --type registration --event EVENT`: each row's problems
/// (shown as `file:line:col: error: …`), what each row adds to the event and the closing report.
extension Messages {
    static func registrationNeedsEvent() -> String {
        Lang.pick(fr: "--type registration demande --event ID_EVENEMENT : l'événement auquel les lignes s'inscrivent",
                  en: "--type registration needs --event EVENT_ID: the event the rows register for")
    }

    static var eventOnlyWithRegistration: String {
        Lang.pick(fr: "--event ne va qu'avec --type registration", en: "--event goes with --type registration only")
    }

    static func registrationColumn(_ name: String, known: String) -> String {
        Lang.pick(fr: "la colonne « \(name) » n'est pas un champ d'une inscription (\(known)) ; associez-la avec --map \"\(name)=CHAMP\"",
                  en: "the column \"\(name)\" is no field of a registration (\(known)); map it with --map \"\(name)=FIELD\"")
    }

    static func notOneOf(_ text: String, _ keys: String) -> String {
        Lang.pick(fr: "« \(text) » n'est pas une des valeurs \(keys)", en: "\"\(text)\" is not one of \(keys)")
    }

    static func notCountryCode(_ text: String) -> String {
        Lang.pick(fr: "« \(text) » n'est pas un code pays à deux lettres (FR, TN, \"NO\"…)",
                  en: "\"\(text)\" is not a two-letter country code (FR, TN, \"NO\"…)")
    }

    static func notWholeNumber(_ text: String) -> String {
        Lang.pick(fr: "« \(text) » n'est pas un nombre entier", en: "\"\(text)\" is not a whole number")
    }

    static func notAYear(_ year: Int) -> String { Lang.pick(fr: "\(year) n'est pas une année", en: "\(year) is not a year") }

    static func consentNotADate(_ text: String) -> String {
        Lang.pick(fr: "« \(text) » n'est pas une date (écrivez 12/09/2011)", en: "\"\(text)\" is not a date (write 12/09/2011)")
    }

    static func noPersonNamed(_ text: String) -> String {
        Lang.pick(fr: "aucune personne n'a l'identifiant, le nom ou l'alias « \(text) »", en: "no person has the id, name or alias \"\(text)\"")
    }

    static func severalPeople(_ text: String, _ ids: String) -> String {
        Lang.pick(fr: "« \(text) » désigne plusieurs personnes : \(ids) ; écrivez l'identifiant",
                  en: "\"\(text)\" names several people: \(ids); write the id")
    }

    static func countReason(minor: Bool, named: Bool) -> String {
        minor ? Lang.pick(fr: "mineur : compté, jamais nommé", en: "minor: counted, never named")
            : named ? Lang.pick(fr: "sans consentement : compté sans le nom", en: "no consent: counted without the name")
            : Lang.pick(fr: "anonyme : compté", en: "anonymous: counted")
    }

    static func alreadyRegistered(_ name: String, event: String) -> String {
        Lang.pick(fr: "\(name) est déjà inscrit à \(event)", en: "\(name) is already registered for \(event)")
    }

    private static func rows(_ count: Int) -> String {
        Lang.pick(fr: "\(count) ligne\(count == 1 ? "" : "s") invalide\(count == 1 ? "" : "s")", en: "\(count) invalid row\(count == 1 ? "" : "s")")
    }

    static func registrationInvalidRows(_ count: Int, lines: String, skipInvalid: Bool) -> String {
        Lang.pick(fr: "\(rows(count)) (ligne \(lines)) : ", en: "\(rows(count)) (line \(lines)): ")
            + (skipInvalid ? Lang.pick(fr: "elles seraient sautées", en: "would be skipped")
                : Lang.pick(fr: "rien ne serait écrit sans --skip-invalid", en: "nothing would be written without --skip-invalid"))
    }

    static func registrationNothingWritten(_ count: Int, lines: String) -> String {
        Lang.pick(fr: "rien n'a été écrit : \(rows(count)) (ligne \(lines)) ; corrigez-les, ou passez --skip-invalid",
                  en: "nothing written: \(rows(count)) (line \(lines)); fix them, or pass --skip-invalid")
    }

    static func registrationsAdded(_ file: String, registrations: Int, counted: Int) -> String {
        Lang.pick(fr: "\(file) : \(registrations) inscription\(registrations == 1 ? "" : "s") et \(counted) décompte\(counted == 1 ? "" : "s") ajoutés",
                  en: "\(file): \(registrations) registration\(registrations == 1 ? "" : "s") and \(counted) counted added")
    }

    static func editedDoesNotParse(_ file: String) -> String {
        Lang.pick(fr: "\(file) : la fiche modifiée est illisible ; rien n'a été écrit", en: "\(file): the edited record does not parse; nothing written")
    }

    static var eventWouldNotValidate: String {
        Lang.pick(fr: "rien n'a été écrit : l'événement ne serait plus valide", en: "nothing written: the event would not validate")
    }

    static func cannotWrite(_ file: String, _ detail: String) -> String {
        Lang.pick(fr: "impossible d'écrire \(file) : \(detail)", en: "cannot write \(file): \(detail)")
    }

    static func addsRegistration(line: Int, _ name: String, wouldBe: Bool) -> String {
        Lang.pick(fr: "ligne \(line) : " + (wouldBe ? "ajouterait" : "ajoute") + " l'inscription \(name)",
                  en: "line \(line): " + (wouldBe ? "would add" : "adds") + " registration \(name)")
    }

    static func addsToCount(line: Int, key: String, reason: String, wouldBe: Bool) -> String {
        Lang.pick(fr: "ligne \(line) : " + (wouldBe ? "ajouterait" : "ajoute") + " 1 au décompte (\(key)) : \(reason)",
                  en: "line \(line): " + (wouldBe ? "would add" : "adds") + " 1 to the count (\(key)): \(reason)")
    }
}
