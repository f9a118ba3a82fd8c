import Foundation
import KaleidoSync

/// `kaleido status` in the run's language (see `SyncText`).
enum StatusText {
    static func render(_ status: SyncStatus, now: Date = Date()) -> String {
        let state = status.state
        var lines: [String] = []
        let url = status.remoteURL.map { " (\($0))" } ?? Lang.pick(fr: " (non configuré)", en: " (not configured)")
        lines.append(Lang.pick(fr: "Base \(status.root), branche \(status.branch), dépôt distant \(status.remote)\(url)",
                               en: "Knowledge base \(status.root), branch \(status.branch), remote \(status.remote)\(url)"))
        let pid = state.daemonPID.map { " (pid \($0))" } ?? ""
        lines.append(status.daemonRunning ? Lang.pick(fr: "Démon : en marche\(pid)", en: "Daemon: running\(pid)")
                                          : Lang.pick(fr: "Démon : arrêté", en: "Daemon: not running"))
        lines.append(Lang.pick(fr: "Dernière synchro : ", en: "Last sync: ") + (state.lastSync.map { describe($0, now: now) } ?? Lang.pick(fr: "jamais", en: "never")))
        if let since = state.syncingSince {
            lines.append(Lang.pick(fr: "Synchro en cours depuis \(describe(since, now: now)) : un échange avec le dépôt distant est en cours",
                                   en: "Syncing since \(describe(since, now: now)): a fetch or push is in progress"))
        }
        if let refusal = state.refusal, let since = state.refusedSince {
            let label = SyncText.refusalLabel(refusal)
            lines.append(Lang.pick(fr: "\(label.prefix(1).uppercased() + label.dropFirst()) depuis \(describe(since, now: now)) : \(state.ahead) commit(s) en attente d'envoi",
                                   en: "\(label.prefix(1).uppercased() + label.dropFirst()) since \(describe(since, now: now)): \(state.ahead) commit(s) wait to be pushed"))
        } else if let since = state.offlineSince {
            lines.append(Lang.pick(fr: "Hors ligne depuis \(describe(since, now: now)) : \(state.ahead) commit(s) en attente d'envoi",
                                   en: "Offline since \(describe(since, now: now)): \(state.ahead) commit(s) wait to be pushed"))
        } else {
            lines.append(Lang.pick(fr: "En avance de \(state.ahead), en retard de \(state.behind)", en: "Ahead \(state.ahead), behind \(state.behind)"))
        }
        if let error = state.lastError { lines.append(Lang.pick(fr: "Dernière erreur : ", en: "Last error: ") + error) }
        if let behind = state.indexBehind { lines.append(Lang.pick(fr: "Attention : ", en: "Warning: ") + behind) }
        if let problem = state.configProblem {
            lines.append(Lang.pick(fr: "Problème de configuration (\(problem.origin)) ; \(SyncText.configConsequence) :",
                                   en: "Config problem (\(problem.origin)); \(SyncText.configConsequence):"))
            lines.append("  " + problem.diagnostic)
        }
        if let refused = state.refusedCommit {
            lines.append(Lang.pick(fr: "Commit distant refusé \(refused.commit) de \(refused.author) : '\(refused.path)' : \(refused.reason)",
                                   en: "Refused remote commit \(refused.commit) by \(refused.author): '\(refused.path)': \(refused.reason)"))
        }
        if !state.waiting.isEmpty {
            lines.append(Lang.pick(fr: "En attente, non enregistrés (une copie de chaque fichier illisible est sur refs/kaleido/wip/\(status.branch)) :",
                                   en: "Waiting, not committed (a copy of each file that does not parse is on refs/kaleido/wip/\(status.branch)):"))
            lines += state.waiting.map { "  " + SyncText.waiting($0) }
            lines += state.waiting.compactMap { $0.heldChanges.map { "  " + $0 } }
        }
        if !state.conflicts.isEmpty {
            lines.append(Lang.pick(fr: "Conflits ouverts :", en: "Open conflicts:"))
            lines += state.conflicts.map { note in
                note.kind == .file
                    ? "  \(note.path): " + Lang.pick(fr: "l'autre version est dans \(note.sibling ?? "?")", en: "the other version is in \(note.sibling ?? "?")")
                    : "  \(note.path): \(note.detail)"
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `2026-12-03T10:00:00Z (5 min ago)` / `(il y a 5 min)`.
    static func describe(_ date: Date, now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date))
        let amount = seconds < 60 ? "\(seconds) s" : seconds < 3600 ? "\(seconds / 60) min" : "\(seconds / 3600) h"
        return ISO8601DateFormatter().string(from: date) + Lang.pick(fr: " (il y a \(amount))", en: " (\(amount) ago)")
    }
}
