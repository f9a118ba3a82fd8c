/// The sections of kaleido(1) that no command's help carries, kept true to
/// docs/ARCHITECTURE.md ("Exit codes", "Machine-local state"), in the run's language.
extension ManPage {
    static var completions: String {
        Lang.pick(
            fr: """
                Les complétions du shell viennent du binaire lui-même : \
                `kaleido --generate-completion-script bash` (ou zsh, fish). scripts/install les place \
                là où bash-completion, zsh et fish les cherchent, avec cette page et l'unité utilisateur systemd.
                """,
            en: """
                Shell completions come from the binary itself: \
                `kaleido --generate-completion-script bash` (or zsh, fish). scripts/install puts them \
                where bash-completion, zsh and fish look, with this page and the systemd user unit.
                """)
    }

    static var exitStatus: [(String, String)] {
        [
            ("0", Lang.pick(fr: "Succès : la base est valide (avertissements permis), la synchro est faite ou n'avait rien à faire, une requête a répondu (une réponse vide est dite sur la sortie d'erreur), une fusion s'est faite sans conflit.",
                            en: "Success: the base is valid (warnings allowed), the sync is done or had nothing to do, a query answered (an empty answer is said on standard error), a merge was clean.")),
            ("1", Lang.pick(fr: "La commande a tourné et trouvé un problème : erreurs de validation (ou avertissements avec --strict), une synchro échouée ou une clé d'hôte ssh non reconnue, des conflits enregistrés ou encore ouverts, une fiche créée avec des champs à remplir, un fichier YAML illisible ; ou une erreur inattendue.",
                            en: "The command ran and found a problem: validation errors (or warnings with --strict), a failed sync or an untrusted ssh host key, conflicts recorded or still open, a record created with fields left to fill in, a YAML file that does not parse; or an unexpected error.")),
            ("2", Lang.pick(fr: "Erreur d'utilisation, de configuration ou d'entrée-sortie : option inconnue ou argument manquant, champ, valeur d'énumération, partenaire ou identifiant référencé inconnu, une configuration qui ne se charge pas, un fichier illisible ; rien n'a été changé.",
                            en: "Usage, configuration or I/O error: unknown option or missing argument, unknown field, enumeration value, partner or referenced id, a configuration that does not load, a file that cannot be read; nothing was changed.")),
            ("3", Lang.pick(fr: "`kaleido sync` : hors ligne ; les commits attendent et la prochaine synchro les pousse.",
                            en: "kaleido sync: offline; the commits are queued and the next sync pushes them.")),
            ("4", Lang.pick(fr: "`kaleido sync`, `kaleido daemon` : un autre processus tient le verrou de la base.",
                            en: "kaleido sync, kaleido daemon: another process holds the knowledge base's lock.")),
        ]
    }

    static var files: [(String, String)] {
        [
            (".kaleido/config.yaml", Lang.pick(fr: "Les réglages partagés de la base (nom, branche, dossiers, rythme du démon, synchro), enregistrés dans git.",
                                               en: "The knowledge base's shared settings (name, branch, folders, daemon timings, sync), committed.")),
            ("knowledge/, schemas/", Lang.pick(fr: "Les fiches, un fichier YAML chacune, et les schémas JSON qui les vérifient.",
                                               en: "The records, one YAML file each, and the JSON Schemas they are checked against.")),
            (".kaleido/cache/", Lang.pick(fr: "L'index des requêtes et sa surcouche ; ignoré par git, reconstruit s'il manque.",
                                          en: "The query index and its overlay; git-ignored, rebuilt when missing.")),
            (".git/kaleido/status.json", Lang.pick(fr: "Le résultat du dernier cycle de synchro, lu par `kaleido status`.",
                                                   en: "The last sync cycle's result, read by kaleido status.")),
            (".git/kaleido/lock", Lang.pick(fr: "Tenu par le processus qui synchronise la base (le démon ou `kaleido sync`).",
                                            en: "Held by the process syncing the knowledge base (the daemon or kaleido sync).")),
            ("~/.config/kaleido/daemon.yaml", Lang.pick(fr: "knowledge_bases: les dossiers que `kaleido daemon` synchronise sans --kb ($XDG_CONFIG_HOME/kaleido/ s'il est défini) ; `kaleido daemon add DIR` en ajoute un.",
                                                        en: "knowledge_bases: the folders kaleido daemon syncs when no --kb is given ($XDG_CONFIG_HOME/kaleido/ when set); kaleido daemon add DIR adds one.")),
            ("~/.config/kaleido/environment", Lang.pick(fr: "Les variables de l'unité systemd (KALEIDO_SSH_KEY=..., KALEIDO_TOKEN=...).",
                                                        en: "Variables for the systemd unit (KALEIDO_SSH_KEY=..., KALEIDO_TOKEN=...).")),
            ("~/.local/share/systemd/user/kaleido-daemon.service", Lang.pick(fr: "L'unité utilisateur systemd qui fait tourner `kaleido daemon` (PREFIX/share/systemd/user/ pour un autre préfixe).",
                                                                             en: "The systemd user unit running kaleido daemon (PREFIX/share/systemd/user/ for another prefix).")),
            ("~/.ssh/known_hosts", Lang.pick(fr: "Les clés d'hôte ssh reconnues, auxquelles `kaleido trust-host` ajoute (ou `sync.known_hosts`, KALEIDO_KNOWN_HOSTS).",
                                             en: "The trusted ssh host keys kaleido trust-host adds to (or sync.known_hosts, KALEIDO_KNOWN_HOSTS).")),
        ]
    }

    static var environment: [(String, String)] {
        [
            ("KALEIDO_SSH_KEY", Lang.pick(fr: "La clé privée ssh pour le dépôt distant ; sinon ssh-agent.", en: "The ssh private key for the remote; else ssh-agent.")),
            ("KALEIDO_SSH_KEY_PASSPHRASE_COMMAND", Lang.pick(fr: "Une commande qui affiche la phrase de passe de la clé (sinon git config kaleido.sshKeyPassphraseCommand).",
                                                             en: "A command printing the key's passphrase (else git config kaleido.sshKeyPassphraseCommand).")),
            ("KALEIDO_TOKEN", Lang.pick(fr: "Le jeton pour un dépôt distant https ; sinon l'assistant d'identification de git.", en: "The token for an https remote; else git's credential helper.")),
            ("KALEIDO_KNOWN_HOSTS", Lang.pick(fr: "Des fichiers known_hosts séparés par des deux-points, le premier étant celui où écrit `trust-host`.",
                                              en: "Colon-separated known_hosts files, the first one written by trust-host.")),
            ("KALEIDO_TODAY", Lang.pick(fr: "La date du jour (AAAA-MM-JJ) pour les requêtes et la validation.", en: "Today's date (YYYY-MM-DD) for the queries and validation.")),
            ("KALEIDO_TRACE", Lang.pick(fr: "Afficher les temps du cache d'index sur la sortie d'erreur.", en: "Print the index cache's timings on standard error.")),
            ("XDG_CONFIG_HOME", Lang.pick(fr: "Où kaleido/daemon.yaml est cherché (par défaut ~/.config).", en: "Where kaleido/daemon.yaml is looked for (default ~/.config).")),
            ("KALEIDO_LANG", Lang.pick(fr: "La langue des messages et de l'aide : fr ou en (--lang l'emporte ; sinon le réglage language: de la base, puis la locale).",
                                       en: "The language of messages and help: fr or en (--lang wins; else the KB's language: setting, then the locale).")),
        ]
    }
}
