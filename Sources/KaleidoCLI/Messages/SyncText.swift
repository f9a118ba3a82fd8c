import Foundation
import KaleidoSync

/// The lines of `kaleido sync` and `kaleido status` in the run's language. (`SyncStatus.text()`
/// in KaleidoSync stays the English reference the sync tests read; the CLI shows these.)
/// Phrases that come from the sync engine itself (an offline reason, a git error, a refused
/// path's reason, a conflict's field list) are shown as the engine words them.
enum SyncText {
    /// The report of one `kaleido sync` cycle.
    /// A waiting file's line: as a compiler prints a parse error, or a record held back because
    /// its id is another file's (worded here, in the run's language).
    static func waiting(_ file: WaitingFile) -> String {
        guard let owner = file.duplicateOf, let id = file.duplicateID else { return file.rendered }
        let advice = Lang.pick(fr: "supprimez ce fichier ou changez son identifiant, et il sera synchronisé",
                               en: "delete this file or change its id, and it will be synced")
        if file.duplicateBothNew == true {
            return "\(file.path): " + Lang.pick(
                fr: "retenu : l'identifiant \(id) est aussi celui de \(owner), nouveau lui aussi (des deux, celui dont le chemin vient après est retenu) ; \(advice)",
                en: "held back: the id \(id) is also that of \(owner), new as well (of the two, the one whose path sorts later waits); \(advice)")
        }
        return "\(file.path): " + Lang.pick(fr: "retenu : l'identifiant \(id) est déjà celui de \(owner) ; \(advice)",
                                           en: "held back: the id \(id) is already that of \(owner); \(advice)")
    }

    static func daemonDidNotAnswer(pid: Int32, seconds: String) -> String {
        Lang.pick(fr: "le démon (pid \(pid)) synchronise cette base mais n'a pas répondu en \(seconds) s ; son prochain cycle enverra vos modifications : voyez `kaleido status`, ou `journalctl --user -u kaleido-daemon` pour son journal",
                  en: "the daemon (pid \(pid)) syncs this knowledge base but did not answer within \(seconds) s; its next cycle will sync your edits: see `kaleido status`, or `journalctl --user -u kaleido-daemon` for its log")
    }

    static func cycle(_ report: CycleReport) -> String {
        var lines: [String] = []
        lines += report.committed.map { Lang.pick(fr: "enregistré : \(commitSummaryFR($0))", en: "committed: \($0)") }
        for file in report.waiting { lines.append(Lang.pick(fr: "non enregistré : ", en: "not committed: ") + waiting(file)) }
        if report.broughtIn {
            let count = report.updatedFiles.count
            lines.append(report.merged
                ? Lang.pick(fr: "modifications distantes fusionnées : \(count) fichier(s) mis à jour", en: "merged remote changes: \(count) file(s) updated")
                : Lang.pick(fr: "avancé jusqu'aux modifications distantes : \(count) fichier(s) mis à jour",
                            en: "fast-forwarded to remote changes: \(count) file(s) updated"))
        }
        for conflict in report.conflicts { lines.append(Lang.pick(fr: "conflit : ", en: "conflict: ") + "\(conflict.path): \(conflict.detail)") }
        let waiting = Lang.pick(fr: "\(report.ahead) commit(s) en attente d'envoi", en: "\(report.ahead) commit(s) wait to be pushed")
        if report.hostKeyRefusal != nil {
            lines.append(Lang.pick(fr: "non synchronisé : la clé d'hôte du serveur ssh n'est pas reconnue (voir l'erreur ci-dessous)",
                                   en: "not synced: the ssh server's host key is not trusted (see the error below)"))
            lines.append(waiting)
        } else if let refusal = report.accessRefusal {
            lines.append(Lang.pick(fr: "non synchronisé : \(refusalLabel(refusal.kind)) (voir l'erreur ci-dessous)",
                                   en: "not synced: \(refusal.kind.label) (see the error below)"))
            lines.append(waiting)
        } else if let offline = report.offline {
            lines.append(Lang.pick(fr: "hors ligne : \(SyncProblems.text(offline))", en: "offline: \(offline)"))
            lines.append(Lang.pick(fr: "\(report.ahead) commit(s) en attente d'envoi ; la prochaine synchro qui joint le dépôt distant les enverra",
                                   en: "\(report.ahead) commit(s) wait to be pushed; they will be pushed by the next sync that reaches the remote"))
        } else if let refused = report.refused {
            lines.append(Lang.pick(
                fr: "non synchronisé : commit distant \(refused.commit.prefix(10)) de \(refused.author) refusé : '\(refused.path)' : \(refused.reason)",
                en: "not synced: remote commit \(refused.commit.prefix(10)) by \(refused.author) refused: '\(refused.path)': \(refused.reason)"))
        } else if report.pushed {
            lines.append(Lang.pick(fr: "envoyé", en: "pushed"))
        } else if report.ahead > 0 || report.behind > 0 {
            lines.append(Lang.pick(fr: "pas à jour : \(report.ahead) commit(s) à envoyer, \(report.behind) à récupérer",
                                   en: "not in sync: \(report.ahead) commit(s) to push, \(report.behind) to bring in"))
        } else if lines.isEmpty {
            lines.append(Lang.pick(fr: "à jour", en: "up to date"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The sync's commit summary (KaleidoSync's `Snapshot.message`, English in git's history,
    /// which the whole team shares) as a French line: `x: new record; y: added; and 3 more`.
    static func commitSummaryFR(_ summary: String) -> String {
        var text = summary.replacingOccurrences(of: "; ", with: " ; ")
        for (pattern, french) in [(#": new record(?= ;|$)"#, " : nouvelle fiche"), (#": added(?= ;|$)"#, " : ajouté"),
                                  (#": deleted(?= ;|$)"#, " : supprimé"), (#": changed(?= ;|$)"#, " : modifié"),
                                  (#": rewritten(?= ;|$)"#, " : réécrite"), (#": formatting(?= ;|$)"#, " : mise en forme"),
                                  (#" ; and (\d+) more$"#, " ; et $1 autres"), (#"^Kaleido: no change$"#, "aucun changement")] {
            text = text.replacingOccurrences(of: pattern, with: french, options: .regularExpression)
        }
        return text
    }

    static func refusalLabel(_ kind: AccessRefusal.Kind) -> String {
        Lang.pick(fr: kind == .authentication ? "authentification refusée" : "certificat refusé", en: kind.label)
    }

    static var configConsequence: String {
        Lang.pick(fr: "synchronisation avec la dernière configuration chargée sur cette machine jusqu'à sa correction",
                  en: ConfigProblem.consequence)
    }

    static var branchesDiffer: String {
        Lang.pick(fr: "la branche et le dépôt distant diffèrent encore après le cycle ; `kaleido status` dit pourquoi",
                  en: "the branch and the remote still differ after the cycle; `kaleido status` says why")
    }

    static func configUnusable(_ origin: String) -> String {
        Lang.pick(fr: "la configuration partagée est inutilisable (\(origin)) ; \(configConsequence)",
                  en: "the shared config is not usable (\(origin)); \(configConsequence)")
    }
}

/// The lines of `kaleido trust-host`.
enum TrustHostText {
    static func presents(_ endpoint: String, type: String, fingerprint: String) -> String {
        Lang.pick(fr: "Le serveur ssh \(endpoint) présente la clé \(type) \(fingerprint)", en: "The ssh server \(endpoint) presents the \(type) key \(fingerprint)")
    }

    static func alreadyTrusted(_ location: String) -> String {
        Lang.pick(fr: "Elle est déjà reconnue (\(location)).", en: "It is already trusted (\(location)).")
    }

    static var notTrusted: String { Lang.pick(fr: "Non reconnue : rien n'a changé.", en: "Not trusted: nothing was changed.") }

    static func added(to file: String, endpoint: String) -> String {
        Lang.pick(fr: "Ajoutée à \(file) : la synchro reconnaît désormais cette clé pour \(endpoint).",
                  en: "Added to \(file): sync now trusts this key for \(endpoint).")
    }

    static func noRemote(_ remote: String) -> String {
        Lang.pick(fr: "la base n'a pas de dépôt distant « \(remote) » : nommez le serveur, par exemple `kaleido trust-host git.example.org:2222`",
                  en: "the knowledge base has no remote '\(remote)': name the server, e.g. `kaleido trust-host git.example.org:2222`")
    }

    static func badServer(_ server: String) -> String {
        Lang.pick(fr: "\(server) : attendu HÔTE, HÔTE:PORT, [HÔTE]:PORT ou ssh://[UTILISATEUR@]HÔTE[:PORT]/CHEMIN",
                  en: "\(server): expected HOST, HOST:PORT, [HOST]:PORT or ssh://[USER@]HOST[:PORT]/PATH")
    }

    static func notSSH(_ url: String) -> String {
        Lang.pick(fr: "le dépôt distant \(url) n'est pas en ssh : seuls les serveurs ssh sont vérifiés avec known_hosts (https passe par les certificats TLS)",
                  en: "the remote \(url) is not an ssh remote: only ssh servers are checked against known_hosts (https uses TLS certificates)")
    }

    static func noTerminal(_ file: String) -> String {
        Lang.pick(fr: "kaleido: l'entrée standard n'est pas un terminal : vérifiez l'empreinte, puis relancez avec --yes pour l'ajouter à \(file)",
                  en: "kaleido: standard input is not a terminal: check the fingerprint, then run again with --yes to add it to \(file)")
    }

    static func question(_ file: String) -> String {
        Lang.pick(fr: "Est-ce l'empreinte que l'administrateur du serveur vous a donnée ? L'ajouter à \(file) ? [o/N] ",
                  en: "Is this the fingerprint your server's administrator gave you? Add it to \(file)? [y/N] ")
    }
}
