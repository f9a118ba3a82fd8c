import KaleidoWorkspace

/// Every message of `kaleido forget`, in French or English, in one place (for the catalogue).
struct ForgetWords {
    var french: Bool

    private func say(_ fr: String, _ en: String) -> String { french ? fr : en }

    /// What replaces the person's name in free text.
    var token: String { say("[personne retirée]", "[person removed]") }
    /// What replaces the name inside a record id (id patterns allow only a-z, 0-9 and dashes).
    var idToken: String { say("personne-retiree", "person-removed") }

    func header(name: String, id: String, count: Int) -> String {
        say("\(name) (\(id)) apparaît à \(count) endroit\(count > 1 ? "s" : "") :",
            "\(name) (\(id)) appears in \(count) place\(count > 1 ? "s" : ""):")
    }

    func describe(_ place: ForgetPlan.Place) -> String {
        switch place.kind {
        case .personRecord: return say("fiche de la personne", "the person's record")
        case .reference: return say("référence (\(place.field))", "reference (\(place.field))")
        case .text: return say("dans le texte (\(place.field)) : « \(place.found) »", "in the text (\(place.field)): \"\(place.found)\"")
        case .comment: return say("dans un commentaire : « \(place.found) »", "in a comment: \"\(place.found)\"")
        case .recordID(let newID):
            return say("identifiant construit sur le nom (\(place.found)) → renommé \(newID)",
                       "id built from the name (\(place.found)) → renamed \(newID)")
        case .renamedReference(let newID):
            return say("référence à \(place.found) (\(place.field)) → \(newID)", "reference to \(place.found) (\(place.field)) → \(newID)")
        }
    }

    func shared(_ names: [String]) -> String {
        let list = names.map { "« \($0) »" }.joined(separator: ", ")
        return say("Attention : \(list) est aussi le nom d'une autre personne : ce nom est laissé tel quel dans le texte libre ; vérifiez à la main (`kaleido find`).",
                   "Beware: \(list) is also another person's name: it is left as is in free text; check by hand (`kaleido find`).")
    }

    func dryRun(files: Int) -> String {
        say("Essai à blanc : rien n'a été écrit (\(files) fichier\(files > 1 ? "s" : "") seraient modifiés, créés ou supprimés).",
            "Dry run: nothing was written (\(files) file\(files > 1 ? "s" : "") would be changed, created or deleted).")
    }

    func refused(files: [String]) -> String {
        say("kaleido: erreur : rien n'a été écrit : ces fiches ne seraient plus valides : \(files.joined(separator: ", ")). Essayez --anonymise, ou corrigez-les d'abord.\n",
            "kaleido: error: nothing was written: these records would no longer be valid: \(files.joined(separator: ", ")). Try --anonymise, or fix them first.\n")
    }

    func done(plan: ForgetPlan, display: DisplayPaths) -> String {
        let changed = plan.writes.keys.sorted().map(display.show), removed = plan.removals.sorted().map(display.show)
        var lines = [say("Écrit : \(changed.count) fichier\(changed.count > 1 ? "s" : "") ; supprimé : \(removed.count).",
                         "Written: \(changed.count) file\(changed.count > 1 ? "s" : ""); deleted: \(removed.count).")]
        lines += changed.map { "  + " + $0 } + removed.map { "  - " + $0 }
        if let id = plan.anonymisedID {
            lines.append(say("Les références pointent désormais vers la fiche anonyme \(id).", "References now point to the anonymised record \(id)."))
        }
        return lines.joined(separator: "\n")
    }

    var history: String {
        say("""
            Attention : l'historique git garde encore la personne, dans les commits passés, sur le dépôt \
            distant et dans chaque clone (et dans les références refs/kaleido/* du démon). Pour l'en \
            effacer, suivez la procédure de purge de docs/gdpr.md (réécriture de l'historique sur un \
            clone miroir, push forcé, puis chaque consultant reclone avec `kaleido clone`).
            """, """
            Beware: git history still holds the person, in past commits, on the remote and in every clone \
            (and in the daemon's refs/kaleido/* references). To erase it, follow the purge procedure of \
            docs/gdpr.md (history rewritten on a mirror clone, force-push, then every consultant re-clones \
            with `kaleido clone`).
            """)
    }
}
