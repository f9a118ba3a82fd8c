/// Messages of the commands that show or settle one record's history and conflicts: `log`,
/// `conflicts`, `resolve`.
extension Messages {
    static func noRecordOnBranch(_ id: String, folder: String) -> String {
        Lang.pick(fr: "aucune fiche « \(id) » dans \(folder)/ sur la branche courante ; vérifiez l'identifiant avec `kaleido find`",
                  en: "no record '\(id)' in \(folder)/ on the current branch; check the id with `kaleido find`")
    }

    /// `created`, `deleted`, `merged`, `changed` in a `log` line.
    static func revisionKind(created: Bool, deleted: Bool, merged: Bool) -> String {
        created ? Lang.pick(fr: "créée", en: "created") : deleted ? Lang.pick(fr: "supprimée", en: "deleted")
            : merged ? Lang.pick(fr: "fusion", en: "merged") : Lang.pick(fr: "modifiée", en: "changed")
    }

    static func fieldSet(_ field: String, to value: String?) -> String {
        Lang.pick(fr: "\(field) : défini" + (value.map { " à \($0)" } ?? ""), en: "\(field): set" + (value.map { " to \($0)" } ?? ""))
    }

    static func fieldRemoved(_ field: String, was value: String?) -> String {
        Lang.pick(fr: "\(field) : retiré" + (value.map { " (valait \($0))" } ?? ""), en: "\(field): removed" + (value.map { " (was \($0))" } ?? ""))
    }

    static func fieldChanged(_ field: String) -> String { Lang.pick(fr: "\(field) : modifié", en: "\(field): changed") }

    static func unreadableConflicts(_ file: String) -> String {
        Lang.pick(fr: "\(file) est illisible ; ses conflits ne sont pas listés", en: "\(file) does not parse; its conflicts are not listed")
    }

    static var noOpenConflict: String { Lang.pick(fr: "aucun conflit ouvert", en: "no open conflict") }

    /// The three sides of a conflict as `conflicts` labels them.
    static func conflictSide(_ side: String) -> String {
        switch side {
        case "ours": Lang.pick(fr: "nôtre (--ours)", en: "ours")
        case "theirs": Lang.pick(fr: "leur (--theirs)", en: "theirs")
        case "at": Lang.pick(fr: "le", en: "at")
        default: side
        }
    }

    static var absent: String { Lang.pick(fr: "(absent)", en: "(absent)") }

    static func openConflicts(_ count: Int, records: Int) -> String {
        Lang.pick(fr: "\(count) conflit\(Messages.pluralFR(count)) ouvert\(Messages.pluralFR(count)) dans \(records) fiche\(Messages.pluralFR(records))",
                  en: "\(count) open conflict\(count == 1 ? "" : "s") in \(records) record\(records == 1 ? "" : "s")")
    }

    static var chooseOneSide: String {
        Lang.pick(fr: "choisissez exactement une option parmi --ours, --theirs, --base ou --value V",
                  en: "choose exactly one of --ours, --theirs, --base or --value V")
    }

    static func settled(_ file: String, path: String) -> String { Lang.pick(fr: "\(file) : \(path) réglé", en: "\(file): \(path) settled") }

    static func deletedBySide(_ file: String) -> String {
        Lang.pick(fr: "\(file) : supprimée (le côté choisi avait supprimé la fiche)", en: "\(file): deleted (the chosen side had deleted the record)")
    }

    static func cannotDelete(_ file: String, reason: String) -> String {
        Lang.pick(fr: "impossible de supprimer \(file) : \(reason)", en: "cannot delete \(file): \(reason)")
    }

    static func noConflictRecord(_ id: String, folder: String) -> String {
        Lang.pick(fr: "aucune fiche d'identifiant \(id) dans \(folder)/ ; `kaleido conflicts` liste les fiches en conflit",
                  en: "no record with id \(id) in \(folder)/; `kaleido conflicts` lists the records with open conflicts")
    }
}

/// Messages of `fmt` and `hooks install`.
extension Messages {
    static func symlinkRecord(_ file: String) -> String {
        Lang.pick(fr: "\(file): error: une fiche doit être un fichier ordinaire, pas un lien symbolique ; laissée telle quelle",
                  en: "\(file): error: a record must be a regular file, not a symlink; left as it is")
    }

    static func filesToFormat(_ count: Int) -> String {
        Lang.pick(fr: "kaleido: \(count) fichier(s) à mettre en forme ; lancez `kaleido fmt`", en: "kaleido: \(count) file(s) to format; run `kaleido fmt`")
    }

    static func formatted(_ count: Int) -> String {
        Lang.pick(fr: "kaleido: \(count) fichier(s) mis en forme", en: "kaleido: formatted \(count) file(s)")
    }

    static func outsideKnowledgeBase(_ path: String, root: String) -> String {
        Lang.pick(fr: "\(path) est hors de la base située en \(root)", en: "\(path) is outside the knowledge base at \(root)")
    }

    static func notYAML(_ path: String) -> String {
        Lang.pick(fr: "\(path) n'est pas un fichier YAML (.yaml ou .yml)", en: "\(path) is not a YAML file (.yaml or .yml)")
    }

    static func foreignHook(_ path: String) -> String {
        Lang.pick(fr: "\(path) existe et n'a pas été écrit par kaleido ; rien n'a changé (--force le remplace)",
                  en: "\(path) exists and was not written by kaleido; nothing was changed (--force replaces it)")
    }

    static func installed(_ path: String) -> String { Lang.pick(fr: "installé \(path)", en: "installed \(path)") }

    static func hookNeedsGit(_ folder: String) -> String {
        Lang.pick(fr: "\(folder) n'est pas dans un dépôt git : un crochet en demande un (lancez `git init` ou `kaleido init`)",
                  en: "\(folder) is not in a git repository: a hook needs one (run `git init` or `kaleido init`)")
    }
}
