/// The `help:` of the options, flags and arguments of the commands that set up, sync or edit a knowledge base, in French and English,
/// keyed "command property" (the property's name in the command); `Help.option(_:_:)` picks
/// the run's language. Keep technical tokens (options, fields, paths, exit codes) the same in both.
extension Help {
    static let setupOptions: [String: Text] = [
        "clone url": Text(
            fr: "Le dépôt de l'équipe : une URL ssh, https ou `file://`, utilisateur@hôte:chemin, ou un dossier.",
            en: "The team's repository: an ssh, https or file URL, user@host:path, or a folder."),
        "clone directory": Text(
            fr: "Le dossier de votre copie (par défaut : le dernier élément de l'URL, sans .git).",
            en: "The folder of your copy (default: the URL's last component, without .git)."),
        "clone name": Text(
            fr: "Votre nom pour vos commits (par défaut : user.name de git).",
            en: "Your name for your commits (default: git's user.name)."),
        "clone email": Text(
            fr: "Votre adresse électronique pour vos commits (par défaut : user.email de git).",
            en: "Your email for your commits (default: git's user.email)."),
        "clone branch": Text(
            fr: "La branche à extraire (par défaut : le HEAD du dépôt distant, sinon celle de la configuration, sinon l'unique branche).",
            en: "The branch to check out (default: the remote's HEAD, else the config's, else the only one)."),
        "clone driver": Text(
            fr: "La commande du pilote de fusion que git lance (par défaut : `kaleido merge-driver %O %A %B %P`, kaleido trouvé dans le PATH).",
            en: "The merge driver command git runs (default: `kaleido merge-driver %O %A %B %P`, kaleido found on PATH)."),
        "conflicts format": Text(
            fr: "Format de sortie : text ou json.",
            en: "Output format: text or json."),
        "daemon roots": Text(
            fr: "Une base à synchroniser (répétable).",
            en: "A knowledge base to sync (repeatable)."),
        "daemon logLevel": Text(
            fr: "Niveau de journal : trace, debug, info, notice, warning, error.",
            en: "Log level: trace, debug, info, notice, warning, error."),
        "daemon install": Text(
            fr: "Inscrire la base autour du dossier courant et écrire l'unité utilisateur systemd ; ne pas synchroniser.",
            en: "Register the KB around the current directory and write the systemd user unit; do not sync."),
        "daemon add directory": Text(
            fr: "Un dossier de la base (par défaut : le dossier courant).",
            en: "A folder of the knowledge base (default: the current folder)."),
        "daemon remove directory": Text(
            fr: "Le dossier de la base, tel que listé (il peut ne plus exister).",
            en: "The knowledge base's folder, as listed (it may no longer exist)."),
        "fmt check": Text(
            fr: "Ne rien changer : lister les fichiers que fmt changerait et sortir avec le code 1 s'il y en a.",
            en: "Change nothing: list the files fmt would change and exit 1 if there are any."),
        "fmt paths": Text(
            fr: "Fichiers YAML ou dossiers de la base (par défaut : toutes les fiches).",
            en: "YAML files or folders of the knowledge base (default: every record file)."),
        "forget person": Text(
            fr: "La personne : identifiant, nom complet ou alias.",
            en: "The person: id, full name or alias."),
        "forget dryRun": Text(
            fr: "Lister chaque endroit où la personne apparaît ; ne rien écrire.",
            en: "List every place the person appears; write nothing."),
        "forget mode": Text(
            fr: "Anonymiser (par défaut) ou supprimer la fiche de la personne et les références vers elle.",
            en: "Anonymise (default) or remove the person record and the references to it."),
        "hooks install force": Text(
            fr: "Remplacer un crochet pre-commit que kaleido n'a pas écrit.",
            en: "Replace a pre-commit hook that kaleido did not write."),
        "import file": Text(
            fr: "Le fichier CSV.",
            en: "The CSV file."),
        "import typeName": Text(
            fr: "Le type de fiche de toutes les lignes.",
            en: "The record type of every row."),
        "import maps": Text(
            fr: "Le champ d'une colonne (répétable) : --map \"Ville=locality.city\".",
            en: "A column's field (repeatable): --map \"Ville=locality.city\"."),
        "import dryRun": Text(
            fr: "Vérifier chaque ligne et dire ce qui serait créé ; ne rien écrire.",
            en: "Check every row and say what would be created; write nothing."),
        "import skipInvalid": Text(
            fr: "Créer les fiches des lignes valides et signaler les autres.",
            en: "Create the valid rows' records and report the others."),
        "import delimiter": Text(
            fr: "Le séparateur de cellules : ';' ou ',' ; déduit de la ligne d'en-tête s'il n'est pas donné.",
            en: "The cell separator: ';' or ','; detected from the header line when not given."),
        "import encoding": Text(
            fr: "utf-8 ou windows-1252 ; détecté s'il n'est pas donné.",
            en: "utf-8 or windows-1252; detected when not given."),
        "import event": Text(
            fr: "Avec --type registration : l'événement auquel les lignes s'inscrivent (RegistrationImport).",
            en: "With --type registration: the event the rows register for (RegistrationImport)."),
        "init directory": Text(
            fr: "Le dossier de la nouvelle base (par défaut : le dossier courant).",
            en: "The folder of the new knowledge base (default: the current folder)."),
        "init name": Text(
            fr: "Le nom de la base, écrit dans sa configuration.",
            en: "The knowledge base's name, written in its config."),
        "init remote": Text(
            fr: "Le dépôt distant partagé de l'équipe, ajouté comme origin (un dépôt nu vide : un dossier, ou une URL ssh ou https) ; le premier `kaleido sync` y pousse la base.",
            en: "The team's shared remote, added as origin (an empty bare repository: a folder, or an ssh or https URL); the first `kaleido sync` pushes the KB there."),
        "init driver": Text(
            fr: "La commande du pilote de fusion que git lance (par défaut : `kaleido merge-driver %O %A %B %P`, kaleido trouvé dans le PATH).",
            en: "The merge driver command git runs (default: `kaleido merge-driver %O %A %B %P`, kaleido found on PATH)."),
        "install-merge-driver repository": Text(
            fr: "Le dépôt (par défaut : celui qui contient le dossier courant).",
            en: "The repository (default: the one holding the current folder)."),
        "install-merge-driver driver": Text(
            fr: "La commande du pilote de fusion que git lance (par défaut : `kaleido merge-driver %O %A %B %P`, kaleido trouvé dans le PATH).",
            en: "The merge driver command git runs (default: `kaleido merge-driver %O %A %B %P`, kaleido found on PATH)."),
        "log id": Text(
            fr: "L'identifiant de la fiche, par exemple tn-mun-sfax.",
            en: "The record's id, e.g. tn-mun-sfax."),
        "log format": Text(
            fr: "text ou json.",
            en: "text or json."),
        "log limit": Text(
            fr: "Au plus ce nombre de révisions.",
            en: "At most this many revisions."),
        "merge-driver base": Text(
            fr: "La version de l'ancêtre commun (le %O de git ; vide quand le fichier a été ajouté des deux côtés).",
            en: "The common ancestor's version (git's %O; empty when the file was added on both sides)."),
        "merge-driver ours": Text(
            fr: "Notre version (le %A de git) ; le résultat y est écrit.",
            en: "Our version (git's %A); the result is written here."),
        "merge-driver theirs": Text(
            fr: "Leur version (le %B de git).",
            en: "Their version (git's %B)."),
        "merge-driver path": Text(
            fr: "Le chemin du fichier dans le dépôt (le %P de git), pour les messages et les indications de schéma.",
            en: "The file's path in the repository (git's %P), for messages and schema hints."),
        "new id": Text(
            fr: "L'identifiant de la nouvelle fiche, qui est aussi son nom de fichier (par exemple tn-mun-gabes, p-nadia-cherif).",
            en: "The new record's id, which is also its file name (e.g. tn-mun-gabes, p-nadia-cherif)."),
        "new name": Text(
            fr: "Le nom de la fiche (name, ou full_name pour une personne).",
            en: "The record's name (name, or full_name for a person)."),
        "new title": Text(
            fr: "Le titre de la fiche.",
            en: "The record's title."),
        "new assignments": Text(
            fr: "La valeur d'un champ, typée selon le schéma (répétable) : country=TN, codes.insee=01004, themes=jeunesse,sport.",
            en: "A field's value, typed by the schema (repeatable): country=TN, codes.insee=01004, themes=jeunesse,sport."),
        "resolve id": Text(
            fr: "L'identifiant de la fiche.",
            en: "The record's id."),
        "resolve path": Text(
            fr: "Le chemin du conflit.",
            en: "The conflict's path."),
        "resolve ours": Text(
            fr: "Garder notre valeur (celle qui est dans la fiche maintenant).",
            en: "Keep our value (the one in the record now)."),
        "resolve theirs": Text(
            fr: "Prendre leur valeur.",
            en: "Take their value."),
        "resolve base": Text(
            fr: "Revenir à la valeur de l'ancêtre commun.",
            en: "Go back to the common ancestor's value."),
        "resolve value": Text(
            fr: "Écrire plutôt cette valeur YAML.",
            en: "Write this YAML value instead."),
        "status format": Text(
            fr: "text ou json.",
            en: "text or json."),
        "sync wait": Text(
            fr: "Quand le démon tourne : combien de temps attendre son cycle, en secondes (par défaut : 30 + 4 × `sync.timeout`).",
            en: "While the daemon runs: how long to wait for its cycle, in seconds (default: 30 + 4 × sync.timeout)."),
        "trust-host server": Text(
            fr: "HÔTE, HÔTE:PORT, [HÔTE]:PORT ou une URL ssh (par défaut : le dépôt distant de la base).",
            en: "HOST, HOST:PORT, [HOST]:PORT or an ssh URL (default: the knowledge base's remote)."),
        "trust-host yes": Text(
            fr: "Ajouter la clé sans demander (pour les scripts : vérifiez d'abord l'empreinte).",
            en: "Add the key without asking (for scripts: check the fingerprint first)."),
        "trust-host hash": Text(
            fr: "Écrire le nom d'hôte haché (|1|sel|empreinte), comme le fait HashKnownHosts de ssh.",
            en: "Write the host name hashed (|1|salt|hash), as ssh's HashKnownHosts does."),
        "trust-host printOnly": Text(
            fr: "Seulement afficher la ligne known_hosts, comme ssh-keyscan ; ne rien changer.",
            en: "Only print the known_hosts line, as ssh-keyscan does; change nothing."),
        "validate schema": Text(
            fr: "Vérifier les fichiers YAML ou JSON donnés selon ce seul schéma (sans base).",
            en: "Check the given YAML or JSON files against this one schema (no knowledge base needed)."),
        "validate assertFormats": Text(
            fr: "Avec --schema : faire valoir `format` (une date ou une adresse invalide est une erreur), ou seulement l'annoter ; par défaut, comme le dit le méta-schéma du schéma (le vocabulaire format-assertion ; les schémas de la base le déclarent).",
            en: "With --schema: assert `format` (an invalid date or email is an error), or only annotate it; by default as the schema's meta-schema says (the format-assertion vocabulary; the KB's schemas declare it)."),
        "validate paths": Text(
            fr: "Fiches ou dossiers dont rendre compte (par défaut : toute la base).",
            en: "Record files or folders to report on (default: the whole knowledge base)."),
        "yaml file": Text(
            fr: "Le fichier YAML à lire.",
            en: "The YAML file to read."),
    ]

    /// The help of `new`'s TYPE argument, which lists the record types.
    static func newTypeOption(_ types: String) -> String {
        Lang.pick(fr: "Le type de fiche : \(types).", en: "The record type: \(types).")
    }
}
