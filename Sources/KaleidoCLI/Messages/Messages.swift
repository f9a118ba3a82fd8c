/// Kaleido's user-facing messages in French and English, in one place: each message is a
/// function of its typed parameters returning the text in the run's language (`Lang`). Split by
/// area: this file (prefixes, locating the KB, common option errors), `Messages+Query`,
/// `Messages+Validate`, `Messages+Records`, `SyncText`, `StatusText`, `FindingWording`; table headers in `Headers`, help
/// in `Help`.
///
/// The compiler-style `file:line:col: error:` / `warning:` prefix of diagnostics stays English
/// in both languages: editors, CI annotations and `grep` parse it. Only that prefix does; the
/// message after it, and `kaleido: erreur :` for errors without a file, are French.
enum Messages {
    /// `kaleido: error: ` / `kaleido: erreur : `, before an error that has no file position.
    static var errorPrefix: String { Lang.pick(fr: "kaleido: erreur : ", en: "kaleido: error: ") }
    /// `kaleido: warning: ` / `kaleido: attention : `.
    static var warningPrefix: String { Lang.pick(fr: "kaleido: attention : ", en: "kaleido: warning: ") }
    /// `kaleido: note: ` / `kaleido: remarque : `.
    static var notePrefix: String { Lang.pick(fr: "kaleido: remarque : ", en: "kaleido: note: ") }

    static func badLang(_ value: String) -> String {
        Lang.pick(fr: "--lang \(value) : attendu fr ou en", en: "--lang \(value): expected fr or en")
    }

    static func noSuchKBFolder(_ path: String) -> String {
        Lang.pick(fr: "--kb \(path) : ce dossier n'existe pas", en: "--kb \(path): no such folder")
    }

    static func noKnowledgeBase(from directory: String) -> String {
        Lang.pick(fr: "pas de base de connaissances ici : aucun dossier .kaleido/ dans \(directory) ni au-dessus ; lancez `kaleido init` ou `kaleido clone`, ou passez --kb DOSSIER",
                  en: "no knowledge base here: no .kaleido/ folder in \(directory) or above it; run `kaleido init` or pass --kb DIR")
    }

    static func badDay(option: String, _ text: String) -> String {
        Lang.pick(fr: "\(option) \(text) : attendu une date AAAA-MM-JJ", en: "\(option) \(text): expected a date YYYY-MM-DD")
    }

    static func badPartialDate(option: String, _ text: String) -> String {
        Lang.pick(fr: "\(option) \(text) : attendu une date AAAA, AAAA-MM ou AAAA-MM-JJ",
                  en: "\(option) \(text): expected a date YYYY, YYYY-MM or YYYY-MM-DD")
    }

    static func badDuration(_ text: String) -> String {
        Lang.pick(fr: "\(text) : attendu une durée comme 60d (jours), 2w (semaines), 6m (mois) ou 3y (ans)",
                  en: "\(text): expected a duration such as 60d, 2w, 6m or 3y")
    }

    static func badYear(option: String, _ text: String) -> String {
        Lang.pick(fr: "\(option) \(text) : attendu une année AAAA, comme 2025", en: "\(option) \(text): expected a year YYYY, such as 2025")
    }

    static func badPeriod(option: String, _ text: String) -> String {
        Lang.pick(fr: "\(option) \(text) : attendu une période comme 2011 ou 2010..2015",
                  en: "\(option) \(text): expected a period such as 2011 or 2010..2015")
    }

    static func badLimit(_ limit: Int) -> String {
        Lang.pick(fr: "--limit \(limit) : attendu un nombre de résultats, 1 ou plus", en: "--limit \(limit): expected a number of results, 1 or more")
    }

    static func noSuchPath(_ path: String) -> String {
        Lang.pick(fr: "\(path) : ce fichier ou dossier n'existe pas", en: "\(path): no such file or folder")
    }

    static func cannotWrite(_ path: String) -> String {
        Lang.pick(fr: "impossible d'écrire \(path) ; vérifiez que son dossier existe et est accessible en écriture",
                  en: "cannot write \(path); check that its folder exists and is writable")
    }

    /// ` (did you mean "x"?)` / ` (vouliez-vous dire « x » ?)`, or "" without a suggestion.
    static func didYouMean(_ suggestion: String?) -> String {
        guard let suggestion else { return "" }
        return Lang.pick(fr: " (vouliez-vous dire « \(suggestion) » ?)", en: " (did you mean \"\(suggestion)\"?)")
    }

    /// French plural mark: `s` beyond one (0 and 1 take the singular, unlike English).
    static func pluralFR(_ count: Int) -> String { count > 1 ? "s" : "" }

    /// A list of ids to choose from, one per line, after a sentence.
    static func chooseOne(_ lines: [String]) -> String {
        Lang.pick(fr: " ; donnez l'un de ces identifiants :\n", en: "; give one of these ids:\n") + lines.joined(separator: "\n")
    }
}

/// Messages of `validate` and `new` beyond the findings themselves (`FindingWording`).
extension Messages {
    static var assertFormatsWithoutSchema: String {
        Lang.pick(fr: "--assert-formats et --no-assert-formats vont avec --schema : les vérifications de la base contrôlent toujours les formats",
                  en: "--assert-formats and --no-assert-formats go with --schema: the knowledge base's own checks always assert formats")
    }

    static var schemaNeedsPaths: String {
        Lang.pick(fr: "--schema demande les fichiers ou dossiers à vérifier : kaleido validate --schema FICHIER CHEMIN…",
                  en: "--schema needs the files or folders to check: kaleido validate --schema FILE PATH…")
    }

    static func outsideKB(_ path: String, root: String) -> String {
        Lang.pick(fr: "\(path) est hors de la base située en \(root) ; utilisez --schema FICHIER pour vérifier des fichiers isolés",
                  en: "\(path) is outside the knowledge base at \(root); use --schema FILE to check loose files")
    }

    static func noRecordFile(_ path: String, folder: String) -> String {
        Lang.pick(fr: "\(path) ne contient aucune fiche (.yaml sous \(folder)/)", en: "\(path) holds no record file (.yaml under \(folder)/)")
    }

    static func created(_ file: String) -> String { Lang.pick(fr: "créé \(file)", en: "created \(file)") }

    static func createdButNotValidated(_ file: String, error: String) -> String {
        Lang.pick(fr: "\(file) a été créé, mais sa vérification a échoué : \(error)", en: "created \(file), but could not validate it: \(error)")
    }

    static func fillIn(_ file: String) -> String {
        Lang.pick(fr: "remplissez les champs ci-dessus dans \(file), puis lancez `kaleido validate \(file)`",
                  en: "fill in the fields above in \(file), then run `kaleido validate \(file)`")
    }

    static func noField(_ field: String, type: String, instead option: String) -> String {
        Lang.pick(fr: "les fiches \(type) n'ont pas de champ \(field) ; utilisez \(option) ou --set CHAMP=VALEUR",
                  en: "\(type) records have no \(field) field; use \(option) or --set FIELD=VALUE")
    }
}

/// ArgumentParser's own usage errors (`Error: Unknown option '--bogus'`, `Usage: …`), which it
/// words in English, in the run's language: the known sentences and the framing lines.
extension Messages {
    static func usageError(_ message: String) -> String {
        guard Lang.current == .fr else { return message }
        let rules: [(String, String)] = [
            (#"^Error: Unknown option '(.*)'"#, "Erreur : option inconnue '$1'"),
            (#"^Error: Unexpected argument '(.*)'"#, "Erreur : argument inattendu '$1'"),
            (#"^Error: Missing expected argument '(.*)'"#, "Erreur : argument attendu manquant '$1'"),
            (#"^Error: Missing value for '(.*)'"#, "Erreur : valeur manquante pour '$1'"),
            (#"^Error: The value '(.*)' is invalid for '(.*)'\. Please provide one of (.*)\.$"#,
             "Erreur : la valeur '$1' n'est pas permise pour '$2' ; donnez l'une de $3."),
            (#"^Error: The value '(.*)' is invalid for '(.*)'"#, "Erreur : la valeur '$1' n'est pas permise pour '$2'"),
            (#"^Error: "#, "Erreur : "),
            (#"^Help: "#, "Aide : "),
            (#"^Usage: "#, "Utilisation : "),
            (#"^  See '(.*)' for more information\.$"#, "  Voir '$1' pour en savoir plus."),
        ]
        return message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var text = String(line)
            for (pattern, french) in rules where text.range(of: pattern, options: .regularExpression) != nil {
                text = text.replacingOccurrences(of: pattern, with: french, options: .regularExpression)
                break
            }
            return text.replacingOccurrences(of: "' or '", with: "' ou '")
        }.joined(separator: "\n")
    }
}
