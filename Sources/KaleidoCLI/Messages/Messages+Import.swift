/// Messages of `kaleido import`: options, the header's columns, each row's problems (shown
/// as `file:line:col: error: …`) and the closing report.
extension Messages {
    static func emptyFile(_ file: String) -> String { Lang.pick(fr: "\(file) : le fichier est vide", en: "\(file): the file is empty") }

    static func cannotRead(_ what: String) -> String { Lang.pick(fr: "impossible de lire \(what)", en: "cannot read \(what)") }

    static var theSchemas: String { Lang.pick(fr: "les schémas", en: "the schemas") }
    static var theRecords: String { Lang.pick(fr: "la liste des fiches", en: "the records") }

    static func noSchema(for type: String) -> String {
        Lang.pick(fr: "la base n'a pas de schéma pour \(type)", en: "the knowledge base has no schema for \(type)")
    }

    static func badEncoding(_ value: String) -> String {
        Lang.pick(fr: "--encoding \(value) : utilisez utf-8 ou windows-1252", en: "--encoding \(value): use utf-8 or windows-1252")
    }

    static func badDelimiter(_ value: String) -> String {
        Lang.pick(fr: "--delimiter \(value) : utilisez ';' ou ','", en: "--delimiter \(value): use ';' or ','")
    }

    static func badMap(_ value: String) -> String {
        Lang.pick(fr: "--map \(value) : attendu COLONNE=CHAMP, par exemple --map \"Ville=locality.city\"",
                  en: "--map \(value): expected COLUMN=FIELD, e.g. --map \"Ville=locality.city\"")
    }

    static func badSet(_ value: String) -> String {
        Lang.pick(fr: "--set \(value) : attendu CHAMP=VALEUR, par exemple --set country=TN ou --set location.city=Lyon",
                  en: "--set \(value): expected FIELD=VALUE, e.g. --set country=TN or --set location.city=Lyon")
    }

    static func mapNoField(_ name: String, _ target: String, type: String, suggestion: String?) -> String {
        Lang.pick(fr: "--map \(name)=\(target) : les fiches \(type) n'ont pas de champ « \(target) »",
                  en: "--map \(name)=\(target): \(type) records have no field \"\(target)\"") + didYouMean(suggestion)
    }

    static func columnNoField(_ name: String, type: String, suggestion: String?) -> String {
        Lang.pick(fr: "la colonne « \(name) » n'est pas un champ des fiches \(type)", en: "the column \"\(name)\" is no field of \(type) records")
            + didYouMean(suggestion) + Lang.pick(fr: " ; associez-la avec --map \"\(name)=CHAMP\"", en: "; map it with --map \"\(name)=FIELD\"")
    }

    static func fieldsOf(_ type: String, _ fields: String) -> String {
        Lang.pick(fr: "les champs des fiches \(type) : \(fields)", en: "the fields of \(type) records are: \(fields)")
    }

    static func twoColumns(_ file: String, field: String) -> String {
        Lang.pick(fr: "\(file) : deux colonnes donnent le champ \(field)", en: "\(file): two columns give the field \(field)")
    }

    /// KaleidoQuery's `CSVReader` failures, in the run's language.
    static func csvProblem(_ message: String) -> String {
        guard Lang.current == .fr else { return message }
        switch message {
        case "the file is not valid UTF-8; try --encoding windows-1252": return "le fichier n'est pas de l'UTF-8 valide ; essayez --encoding windows-1252"
        case "this quote is never closed": return "ce guillemet n'est jamais fermé"
        case let text where text.hasPrefix("text after the closing quote of a cell"):
            return "du texte suit le guillemet fermant d'une cellule ; un guillemet dans une cellule entre guillemets s'écrit \"\""
        default: return message
        }
    }

    // MARK: Row problems

    static func idTaken(_ id: String, by file: String) -> String {
        Lang.pick(fr: "l'identifiant \(id) est déjà pris par \(file) ; un identifiant est unique dans toute la base",
                  en: "the id \(id) is taken: \(file) already has it; ids are unique across the knowledge base")
    }

    static var recordDoesNotParse: String { Lang.pick(fr: "le texte de la fiche est illisible", en: "the record's text does not parse") }

    static func requiredNotGiven(_ field: String, hasColumn: Bool) -> String {
        Lang.pick(fr: "\(field): obligatoire, et aucune valeur n'est donnée" + (hasColumn ? "" : " (aucune colonne ne le donne)"),
                  en: "\(field): required, and no value is given" + (hasColumn ? "" : " (no column gives it)"))
    }

    static var extraCells: String {
        Lang.pick(fr: "cette ligne a plus de cellules que l'en-tête n'a de colonnes", en: "this row has more cells than the header has columns")
    }

    static func sameIDAsLine(_ id: String, line: Int) -> String {
        Lang.pick(fr: "l'identifiant \(id) est aussi celui de la ligne \(line)", en: "the id \(id) is also the id of the row at line \(line)")
    }

    static func wrongRowType(_ text: String, type: String) -> String {
        Lang.pick(fr: "type : cette ligne est un(e) \(text), pas un(e) \(type) (--type \(type))",
                  en: "type: this row is a \(text), not a \(type) (--type \(type))")
    }

    static func madeIDTaken(_ id: String, line: Int) -> String {
        Lang.pick(fr: "l'identifiant \(id) fabriqué pour cette ligne est aussi celui de la ligne \(line) ; donnez les identifiants dans une colonne id",
                  en: "the id \(id) made for this row is also the id of the row at line \(line); give the ids in an id column")
    }

    static func cannotMakeID(type: String) -> String {
        Lang.pick(fr: "pas d'identifiant, et il manque à cette ligne de quoi fabriquer un identifiant de \(type) ; donnez les identifiants dans une colonne id",
                  en: "no id, and this row lacks what a \(type) id is made of; give the ids in an id column")
    }

    static func notANumber(_ text: String) -> String {
        Lang.pick(fr: "« \(text) » n'est pas un nombre (écrivez 1500,50 ou 1 500,50)", en: "\"\(text)\" is not a number (write 1500,50 or 1 500,50)")
    }

    static func notAWholeNumber(_ text: String) -> String {
        Lang.pick(fr: "« \(text) » n'est pas un nombre entier", en: "\"\(text)\" is not a whole number")
    }

    static func notYesNo(_ text: String) -> String { Lang.pick(fr: "« \(text) » n'est ni oui ni non", en: "\"\(text)\" is not oui or non") }

    static func notADate(_ text: String) -> String {
        Lang.pick(fr: "« \(text) » n'est pas une date (écrivez 22/09/2011, 09/2011 ou 2011-09-22)",
                  en: "\"\(text)\" is not a date (write 22/09/2011, 09/2011 or 2011-09-22)")
    }

    static func notAFullDate(_ text: String) -> String {
        Lang.pick(fr: "« \(text) » n'est pas une date complète (jour, mois et année)", en: "\"\(text)\" is not a full date (day, month and year)")
    }

    static func couldBe(_ text: String, _ keys: [String]) -> String {
        Lang.pick(fr: "« \(text) » pourrait être \(keys.joined(separator: " ou ")) ; écrivez la clé",
                  en: "\"\(text)\" could be \(keys.joined(separator: " or ")); write the key")
    }

    static func notAllowed(_ text: String, suggestion: String?, allowed: String) -> String {
        Lang.pick(fr: "« \(text) » n'est pas une des valeurs permises", en: "\"\(text)\" is not one of the allowed values")
            + didYouMean(suggestion) + ": \(allowed)"
    }

    static func namesSeveral(_ text: String, type: String, candidates: [String]) -> String {
        Lang.pick(fr: "« \(text) » désigne plusieurs fiches \(type) : \(candidates.joined(separator: ", ")) ; écrivez l'identifiant",
                  en: "\"\(text)\" names several \(type) records: \(candidates.joined(separator: ", ")); write the id")
    }

    static func noneNamed(_ text: String, type: String, partial: [String]) -> String {
        Lang.pick(fr: "aucune fiche \(type) n'a l'identifiant, le nom ou l'alias « \(text) »", en: "no \(type) has the id, name or alias \"\(text)\"")
            + (partial.isEmpty ? "" : Lang.pick(fr: " ; vouliez-vous dire \(partial.joined(separator: ", ")) ?", en: "; did you mean \(partial.joined(separator: ", "))?"))
    }

    // MARK: Report

    static func wouldCreate(_ count: Int, type: String, ids: [String]) -> String {
        Lang.pick(fr: "créerait \(count) fiche\(Messages.pluralFR(count)) \(type)", en: "would create \(count) \(type) record\(count == 1 ? "" : "s")")
            + (ids.isEmpty ? "" : ": " + ids.joined(separator: ", "))
    }

    static func invalidRows(_ lines: [Int], skipped: Bool) -> String {
        let list = lines.map(String.init).joined(separator: ", ")
        return Lang.pick(fr: "\(lines.count) ligne\(Messages.pluralFR(lines.count)) invalide\(Messages.pluralFR(lines.count)) (ligne\(Messages.pluralFR(lines.count)) \(list)) : "
                             + (skipped ? "seraient ignorées" : "rien ne serait écrit sans --skip-invalid"),
                         en: "\(lines.count) invalid row\(lines.count == 1 ? "" : "s") (line \(list)): "
                             + (skipped ? "would be skipped" : "nothing would be written without --skip-invalid"))
    }

    static func nothingWritten(_ lines: [Int], valid: Int) -> String {
        let list = lines.map(String.init).joined(separator: ", ")
        return Lang.pick(
            fr: "rien d'écrit : \(lines.count) ligne\(Messages.pluralFR(lines.count)) invalide\(Messages.pluralFR(lines.count)) (ligne\(Messages.pluralFR(lines.count)) \(list)) ; corrigez-les, ou passez --skip-invalid pour créer les \(valid) valide\(Messages.pluralFR(valid))",
            en: "nothing written: \(lines.count) invalid row\(lines.count == 1 ? "" : "s") (line \(list)); fix them, or pass --skip-invalid to create the \(valid) valid one\(valid == 1 ? "" : "s")")
    }

    static func createdCount(_ ids: [String], skipped: [Int]) -> String {
        let list = skipped.map(String.init).joined(separator: ", ")
        return Lang.pick(fr: "\(ids.count) créée\(Messages.pluralFR(ids.count))", en: "\(ids.count) created")
            + (ids.isEmpty ? "" : " (\(ids.joined(separator: ", ")))")
            + (skipped.isEmpty ? "" : Lang.pick(fr: " ; \(skipped.count) ignorée\(Messages.pluralFR(skipped.count)) (ligne\(Messages.pluralFR(skipped.count)) \(list), erreurs ci-dessus)",
                                                en: "; \(skipped.count) skipped (line \(list), errors above)"))
    }
}
