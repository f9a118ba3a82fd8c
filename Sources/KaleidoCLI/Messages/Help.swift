/// The help texts ArgumentParser shows, in the run's language (`Lang`): each command's
/// abstract and discussion (computed when its static configuration is first read, after
/// `KaleidoMain` has decided the language), the root command's discussion, and the help of
/// every option, flag and argument (computed when ArgumentParser builds a command's
/// arguments, also after). The texts live in Help+*Discussions.swift and Help+*Options.swift.
enum Help {
    /// A French and an English rendering of one text.
    struct Text {
        let fr: String
        let en: String
        var current: String { Lang.pick(fr: fr, en: en) }
    }

    /// The abstract of the command `name` (`hooks install` for a nested one).
    static func abstract(_ name: String) -> String {
        abstracts[name]?.current ?? ""
    }

    /// The discussion of the command `name` (`daemon add` for a nested one).
    static func discussion(_ name: String) -> String {
        let text = queryDiscussions[name] ?? businessDiscussions[name] ?? syncDiscussions[name] ?? editDiscussions[name]
        assert(text != nil, "no discussion for \(name)")  // a debug build's --help shows the omission
        return text?.current ?? ""
    }

    /// The help of the option, flag or argument held by the property `property` of the command `command`.
    static func option(_ command: String, _ property: String) -> String {
        let text = queryOptions[command + " " + property] ?? setupOptions[command + " " + property]
        assert(text != nil, "no help for \(command) \(property)")
        return text?.current ?? ""
    }

    static var rootAbstract: String {
        Lang.pick(fr: "Une base de connaissances en fichiers, hors ligne d'abord, pour l'action internationale.",
                  en: "A file-based, offline-first knowledge base for international cooperation.")
    }

    static var rootDiscussion: String {
        Lang.pick(
            fr: """
                Les fiches sont des fichiers YAML dans un dépôt git, vérifiés selon les schémas JSON \
                de schemas/. Langue des messages : --lang fr|en (accepté par toutes les commandes), \
                sinon la variable KALEIDO_LANG, sinon le réglage language: de .kaleido/config.yaml, \
                sinon la locale (LANG). Voir README.md pour les commandes et leurs options, \
                `man kaleido` une fois installé (scripts/install), et \
                `kaleido --generate-completion-script bash` (ou zsh, fish) pour la complétion.
                """,
            en: """
                Records are YAML files in a git repository, checked against the JSON Schemas in \
                schemas/. Message language: --lang fr|en (every command accepts it), else the \
                KALEIDO_LANG variable, else the language: setting of .kaleido/config.yaml, else the \
                locale (LANG). See README.md for the commands and their options, `man kaleido` once \
                installed (scripts/install), and `kaleido --generate-completion-script bash` (or zsh, \
                fish) for shell completions.
                """)
    }

    // MARK: Options every command or every query shares

    static var kbOption: String {
        Lang.pick(fr: "Le dossier racine de la base (par défaut : celui qui contient .kaleido/, cherché depuis le dossier courant en remontant).",
                  en: "The knowledge base's root folder (default: the folder holding .kaleido/, found from the current directory upward).")
    }

    static var queryFormatOption: String {
        Lang.pick(fr: "Format de sortie : table, json, csv ou markdown.", en: "Output format: table, json, csv or markdown.")
    }

    static var csvOption: String {
        Lang.pick(fr: "Avec --format csv : excel-fr pour Excel en français (; entre les cellules, BOM UTF-8, virgule décimale, listes séparées par |), que `kaleido import` relit.",
                  en: "With --format csv: excel-fr for French Excel (; between cells, UTF-8 BOM, decimal comma, lists split by |), which `kaleido import` reads back.")
    }

    static var validateFormatOption: String {
        Lang.pick(fr: "Format de sortie : text (comme un compilateur) ou json.", en: "Output format: text (compiler-style) or json.")
    }

    static var strictOption: String {
        Lang.pick(fr: "Compter les avertissements comme des erreurs pour le code de sortie.", en: "Treat warnings as errors for the exit status.")
    }

    private static let abstracts: [String: Text] = [
        "programme": Text(
            fr: "Le programme d'un événement jour par jour : horaires, séances, intervenants et salles.",
            en: "An event's programme by day: times, sessions, speakers and rooms."),
        "pipeline": Text(
            fr: "Propositions en attente de décision, pondérées par leur probabilité, avec les totaux par devise.",
            en: "Proposals awaiting a decision, each weighted by its probability, with totals per currency."),
        "participants": Text(
            fr: "Les participants d'un événement par pays, sexe et tranche d'âge (inscriptions et décomptes anonymes).",
            en: "An event's participants by country, sex and age band (registrations and anonymous counts)."),
        "invoices": Text(
            fr: "Les factures des missions et leur état ce jour : payée, en retard ou pas encore due.",
            en: "The missions' invoices and where each stands today: paid, overdue or not due yet."),
        "forget": Text(
            fr: "Retirer ou anonymiser une personne dans toutes les fiches et leur texte libre (RGPD).",
            en: "Remove or anonymise a person across the records and their free text (GDPR)."),
        "followups": Text(
            fr: "Les prochaines étapes prévues dans une semaine (du lundi au dimanche), par consultant.",
            en: "The next steps due in a week (Monday to Sunday), per consultant."),
        "due": Text(
            fr: "Livrables et rapports de financement à rendre dans la période (retards compris), et les factures pas encore payées.",
            en: "Deliverables and funding reports due within a period (overdue ones included), and the invoices not paid yet."),
        "days": Text(
            fr: "Jours consultant passés (feuilles de temps) face aux jours prévus, par client, mission ou consultant.",
            en: "Consultant-days used (timesheets) against days budgeted, per client, mission or consultant."),
        "daemon remove": Text(
            fr: "Désinscrire une base de la liste du démon (ses fichiers ne sont pas touchés).",
            en: "Unregister a knowledge base from the daemon's list (its files are not touched)."),
        "daemon list": Text(
            fr: "Lister les bases inscrites pour le démon.",
            en: "List the knowledge bases registered for the daemon."),
        "daemon add": Text(
            fr: "Inscrire une base pour le démon (knowledge_bases: dans ~/.config/kaleido/daemon.yaml).",
            en: "Register a knowledge base for the daemon (knowledge_bases: in ~/.config/kaleido/daemon.yaml)."),
        "clone": Text(
            fr: "Rejoindre la base d'une équipe : la cloner, enregistrer le pilote de fusion et les réglages d'éditeur, fixer votre identité, vérifier la synchronisation.",
            en: "Join a team's knowledge base: clone it, register the merge driver and editor settings, set your identity, check the sync."),
        "billing": Text(
            fr: "Reste à facturer par mission : montant HT du contrat moins ce qui est facturé, par devise.",
            en: "Left to invoice per mission: contract amount before VAT minus what was invoiced, per currency."),
        "atlas": Text(
            fr: "Les actions d'un client pour l'Atlas de la coopération décentralisée de la CNCD : collectivité partenaire, pays, thèmes, dates.",
            en: "A client's actions for the CNCD Atlas of decentralised cooperation: partner authority, country, themes, dates."),
        "__man": Text(
            fr: "Afficher la page de manuel kaleido(1) (roff).",
            en: "Print the manual page kaleido(1) (roff)."),
        "calls": Text(
            fr: "Appels à projets qui ferment bientôt, avec les clients éligibles (ou l'éligibilité d'un client avec --client).",
            en: "Funding calls closing soon, with the eligible clients (or one client's eligibility with --client)."),
        "conflicts": Text(
            fr: "Lister les conflits de fusion ouverts de la base.",
            en: "List the open merge conflicts of the knowledge base."),
        "contacts": Text(
            fr: "Les contacts d'un partenaire à une date (aujourd'hui par défaut) : rôle et fonction de chaque personne.",
            en: "A partner's contacts on a date (default today): each person's role and function there."),
        "conventions": Text(
            fr: "Conventions qui arrivent à échéance (avec les dates limites de préavis, de vote et de transmission), ou en vigueur avec un manque (--gaps).",
            en: "Conventions ending soon (with their notice, vote and transmission deadlines), or in force with a gap (--gaps)."),
        "daemon": Text(
            fr: "Surveiller des bases et les synchroniser en continu (au premier plan ; voir contrib/kaleido-daemon.service, installé par scripts/install).",
            en: "Watch knowledge bases and sync them continuously (foreground; see contrib/kaleido-daemon.service, installed by scripts/install)."),
        "deliverables": Text(
            fr: "Les livrables d'un projet ou d'une mission et leur état ce jour ; pour une mission, ses factures et ses jours aussi.",
            en: "A project's or mission's deliverables and where each stands today; for a mission, its invoices and days as well."),
        "find": Text(
            fr: "Chercher dans noms, alias, titres et notes, sans tenir compte de la casse ni des accents ; meilleurs résultats d'abord.",
            en: "Search names, aliases, titles and notes, ignoring case and accents; best matches first."),
        "fmt": Text(
            fr: "Mettre entre guillemets les scalaires ambigus, ranger fins de ligne et indentation des fiches.",
            en: "Quote ambiguous scalars and tidy line ends and indentation in record files."),
        "funding": Text(
            fr: "Financements accordés (accorde, verse_partiel, solde) par financeur et année de décision, sommés exactement par devise ; --client pour un seul client.",
            en: "Granted funding (accorde, verse_partiel, solde) by funder and decision year, summed exactly per currency; --client for one client."),
        "history": Text(
            fr: "La chronologie d'un partenaire : chaque fiche qui s'y rapporte, par année.",
            en: "A partner's timeline: every record that refers to it, grouped by year."),
        "hooks": Text(
            fr: "Installer des crochets git qui vérifient les fiches avant un commit.",
            en: "Install git hooks that check records before a commit."),
        "hooks install": Text(
            fr: "Ajouter un crochet pre-commit qui valide les fiches indexées.",
            en: "Add a pre-commit hook that validates the staged record files."),
        "import": Text(
            fr: "Créer des fiches depuis l'export CSV d'un tableur (Excel français compris).",
            en: "Create records from a spreadsheet's CSV export (French Excel's included)."),
        "init": Text(
            fr: "Créer une base : dépôt git, configuration, schémas, dossiers par type, pilote de fusion.",
            en: "Create a knowledge base: git repository, config, schemas, type folders, merge driver."),
        "install-merge-driver": Text(
            fr: "Enregistrer le pilote de fusion champ par champ de Kaleido dans le dépôt git courant.",
            en: "Register Kaleido's field-level merge driver in the current git repository."),
        "list": Text(
            fr: "Les fiches d'un type, filtrées par --where, triées, ou regroupées avec --count ou --sum.",
            en: "Records of one type, filtered with --where, sorted, or grouped with --count or --sum."),
        "log": Text(
            fr: "Qui a changé quel champ d'une fiche, et quand, d'après l'historique git.",
            en: "Show who changed which field of a record and when, from the git history."),
        "merge-driver": Text(
            fr: "Fusionner un fichier de fiche champ par champ (pilote de fusion git : %O %A %B %P).",
            en: "Merge one record file field by field (git's merge driver: %O %A %B %P)."),
        "new": Text(
            fr: "Créer une fiche : le bon fichier dans le bon dossier, avec les champs obligatoires à remplir.",
            en: "Create a record: the right file in the right folder, with the required fields to fill in."),
        "oda": Text(
            fr: "La déclaration APD annuelle d'un client (e-APD) : ce qu'il a versé dans l'année, par devise, par pays, canal et secteur.",
            en: "A client's yearly ODA (e-APD) declaration: what it paid in the year, per currency by country, channel and sector."),
        "people": Text(
            fr: "Personnes dont la date de revue RGPD est passée, ou sans échange depuis longtemps.",
            en: "People whose GDPR review date has passed, or not met for a long time."),
        "report": Text(
            fr: "L'historique d'un partenaire en document Markdown ou HTML autonome pour un client.",
            en: "A partner's history as a Markdown or self-contained HTML document for a client."),
        "resolve": Text(
            fr: "Régler un conflit ouvert : écrire la valeur choisie et retirer l'entrée.",
            en: "Settle one open conflict: write the chosen value and remove the entry."),
        "show": Text(
            fr: "Une fiche, ses références résolues par nom et les fiches qui y renvoient.",
            en: "A record with its references resolved by name and its back-references."),
        "status": Text(
            fr: "L'état de synchronisation : dernière synchro, avance/retard, hors ligne, fichiers en attente, conflits ouverts.",
            en: "Show the sync state: last sync, ahead/behind, offline, files waiting, open conflicts."),
        "sync": Text(
            fr: "Enregistrer les modifications locales, récupérer, fusionner, mettre à jour les fichiers et pousser : un cycle de synchronisation.",
            en: "Commit local edits, fetch, merge, update the files and push: one sync cycle."),
        "trust-host": Text(
            fr: "Afficher l'empreinte de la clé d'hôte d'un serveur ssh et l'ajouter à known_hosts, pour que la synchro lui fasse confiance.",
            en: "Show an ssh server's host key fingerprint and add the key to known_hosts, so that sync trusts it."),
        "validate": Text(
            fr: "Vérifier les fiches selon leurs schémas et les règles de la base.",
            en: "Check records against their schemas and the knowledge base's rules."),
        "vocab": Text(
            fr: "Le vocabulaire de la base : ses listes de valeurs, ou les valeurs permises d'une liste avec leurs libellés.",
            en: "The KB's vocabulary: its lists of values, or one list's allowed values with their labels."),
        "yaml": Text(
            fr: "Afficher l'arbre d'un fichier YAML en JSON : type, valeur, style et position de chaque nœud.",
            en: "Print a YAML file's document tree as JSON: each node's kind, value, style and span."),
    ]
}
