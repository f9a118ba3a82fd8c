/// KaleidoSync's and KBConfig's English sentences that reach the user through the CLI (sync
/// errors, the lock, the offline reason, a config that cannot be used), in the run's language.
/// Sentences are matched piece by piece (they are often embedded in a longer message); what no
/// pattern knows, such as libgit2's own messages, stays as it was written.
enum SyncProblems {
    private static let phrases: [(String, String)] = [
        (#"^another Kaleido process( \(pid \d+\))? is syncing this knowledge base; let it finish, or stop the daemon (`.*`)$"#,
         "un autre processus Kaleido$1 synchronise cette base ; laissez-le finir, ou arrêtez le démon $2"),
        (#"^'(.*)' shares no history with this knowledge base: it is another KB \(was this one made with `kaleido init` instead of cloned from the team's\?\)\. Nothing was merged or pushed\. To join the team's KB: `kaleido clone URL DIR`, copy your own records into its knowledge folder, and remove this folder once they are synced\.$"#,
         "« $1 » n'a aucun historique commun avec cette base : c'est une autre base (celle-ci a-t-elle été faite avec `kaleido init` au lieu d'être clonée depuis celle de l'équipe ?). Rien n'a été fusionné ni envoyé. Pour rejoindre la base de l'équipe : `kaleido clone URL DOSSIER`, copiez vos propres fiches dans son dossier knowledge, puis supprimez ce dossier une fois qu'elles sont synchronisées."),
        (#"^(.*) is not a git repository: run `git init` or `git clone` there first"#, "$1 n'est pas un dépôt git : lancez d'abord `git init` ou `git clone` ici"),
        (#"^(.*) is a bare repository: sync needs a working tree$"#, "$1 est un dépôt nu : la synchronisation demande une copie de travail"),
        (#"^the remote branch is locked: "#, "la branche distante est verrouillée : "),
        (#"^another git command holds \.git/index\.lock$"#, "une autre commande git tient .git/index.lock"),
        (#"^could not ask the daemon to sync \((.*)\): "#, "impossible de demander au démon de synchroniser ($1) : "),
        (#"^no progress for (\S+) \(sync\.timeout\): the remote accepted the connection but stopped answering, or could not be reached in time; the transfer was abandoned"#,
         "aucun progrès depuis $1 (sync.timeout) : le dépôt distant a accepté la connexion puis cessé de répondre, ou n'a pu être joint à temps ; le transfert est abandonné"),
        (#"^the KB config is not usable: "#, "la configuration de la base est inutilisable : "),
        (#"^could not write (\S+): "#, "impossible d'écrire $1 : "),
        // KBConfig's findings (`.kaleido/config.yaml:L:C: …`).
        (#"the config must be a mapping of settings"#, "la configuration doit être une suite de réglages"),
        (#"(\S+) must be a non-empty string"#, "$1 doit être une chaîne non vide"),
        (#"(\S+) must be a number of seconds"#, "$1 doit être un nombre de secondes"),
        (#"(\S+) must be true or false"#, "$1 doit valoir true ou false"),
        (#"sync\.timeout must be a positive number of seconds"#, "sync.timeout doit être un nombre positif de secondes"),
        (#"sync\.known_hosts must be a path or a list of paths"#, "sync.known_hosts doit être un chemin ou une liste de chemins"),
    ]

    /// `message` in the run's language (unchanged in English).
    static func text(_ message: String) -> String {
        guard Lang.current == .fr else { return message }
        var text = message
        for (pattern, template) in phrases {
            text = text.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return text
    }
}
