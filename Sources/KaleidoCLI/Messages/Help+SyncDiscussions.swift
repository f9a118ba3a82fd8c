/// The `discussion:` (the long help under OVERVIEW) of the commands that set up or sync a knowledge base and settle its conflicts, in French and
/// English; `Help.discussion(_:)` picks the run's language. Keep technical tokens (options,
/// fields, paths, exit codes) the same in both.
extension Help {
    static let syncDiscussions: [String: Text] = [
        "sync": Text(
            fr: """
                Les fichiers illisibles ne sont pas enregistrés dans un commit ; ils sont listés et \
                gardés sur refs/kaleido/wip/BRANCHE. Une fiche dont l'identifiant est déjà celui d'une \
                autre fiche (une copie comme `x (copie).yaml`) attend de la même façon, listée avec le \
                fichier qui a cet identifiant, jusqu'à ce qu'elle soit supprimée ou reçoive son propre \
                identifiant. Quand le démon tourne sur la base, `kaleido sync` lui demande de \
                synchroniser tout de suite (une demande dans .git/kaleido/sync-requests/) et affiche le \
                résultat de ce cycle, avec la même sortie et les mêmes codes de sortie qu'une synchro \
                faite par lui-même ; si le démon s'arrête ou est tué entre-temps, `kaleido sync` \
                synchronise lui-même. Codes de sortie : 0 synchronisé (la branche et le dépôt distant \
                ont les mêmes commits), 1 la synchro a échoué ou a laissé la branche et le dépôt distant \
                différents (un commit distant dont l'arborescence contient un chemin qui ne doit pas \
                être écrit, comme .git/ ou .., est refusé en entier : voir `kaleido status`), 2 erreur \
                d'utilisation ou de configuration, 3 hors ligne : le dépôt distant est injoignable, ou \
                n'a pas avancé pendant `sync.timeout` secondes (30 par défaut), et les commits locaux \
                restent en attente, 4 un autre `kaleido sync` a gardé la base plus de 5 s, ou le \
                démon n'a pas répondu en --wait secondes (son prochain cycle synchronise quand même les \
                modifications). Un serveur ssh dont la clé d'hôte n'est pas dans known_hosts est refusé \
                (code 1) : vérifiez son empreinte, puis `kaleido trust-host`. Un mot de passe, un jeton \
                ou une clé refusés, et un certificat https non reconnu, sortent aussi avec le code 1 \
                (pas 3). Quand la configuration partagée (.kaleido/config.yaml) ne se charge pas ou a \
                une valeur dangereuse, la synchro tourne quand même avec la dernière configuration \
                chargée sur cette machine (les modifications locales continuent d'être enregistrées et \
                poussées), affiche le problème et le commit qui l'a apporté, et sort avec le code 1 : \
                quelqu'un doit corriger le fichier, et la première synchro après la correction \
                l'utilise.
                """,
            en: """
                Files that do not parse are not committed; they are listed and kept on \
                refs/kaleido/wip/BRANCH. A record file whose id another record file already has (a copy \
                such as `x (copie).yaml`) waits the same way, listed with the file that has the id, until \
                it is deleted or given its own id. \
                While the daemon runs on the knowledge base, `kaleido sync` asks it to sync now (a request \
                in .git/kaleido/sync-requests/) and prints the result of that cycle, with the same output \
                and exit codes as a sync of its own; if the daemon stops or is killed meanwhile, \
                `kaleido sync` syncs by itself. \
                Exit codes: 0 synced (the branch and the remote hold the same commits), 1 the sync \
                failed or left the branch and the remote apart (a remote commit whose tree holds a path \
                that must not be written, such as .git/ or .., is refused whole: see `kaleido status`), \
                2 usage or configuration error, 3 offline: the remote could not be reached, or made no \
                progress for sync.timeout seconds (default 30), and the local commits wait in the queue, \
                4 another `kaleido sync` kept the knowledge base for more than 5 s, or the daemon did not \
                answer within --wait seconds (its next cycle still syncs the edits). An ssh server whose host key is not in known_hosts is refused \
                (exit 1): check its fingerprint, then `kaleido trust-host`. A refused password, \
                token or key, and an https certificate that is not trusted, exit 1 too (not 3). \
                When the shared config \
                (.kaleido/config.yaml) does not load or has an unsafe value, the sync still runs with \
                the last config that loaded on this machine (local edits keep being committed and \
                pushed), prints the problem and the commit that brought it, and exits 1: someone \
                must fix the file, and the first sync after the fix uses it.
                """),
        "daemon": Text(
            fr: """
                Les bases sont celles des options --kb, sinon celles listées sous `knowledge_bases:` \
                dans ~/.config/kaleido/daemon.yaml (`kaleido daemon add DIR` en ajoute une), sinon la base \
                autour du dossier courant. Le journal va sur la sortie d'erreur, une ligne par événement. \
                Avec --install : inscrit la base autour du dossier courant, écrit l'unité utilisateur \
                systemd (~/.config/systemd/user/kaleido-daemon.service) s'il n'y en a pas, affiche la \
                commande systemctl qui la démarre, et s'arrête sans synchroniser.
                """,
            en: """
                The KBs are the --kb options, else those listed under `knowledge_bases:` in \
                ~/.config/kaleido/daemon.yaml (`kaleido daemon add DIR` adds one), else the KB around \
                the current directory. Logs go to standard error, one line per event. With --install: \
                registers the KB around the current directory, writes the systemd user unit \
                (~/.config/systemd/user/kaleido-daemon.service) unless there is one, prints the \
                systemctl line to start it, and exits without syncing.
                """),
        "daemon add": Text(
            fr: """
                Ajoute la base qui contient DIR (par défaut : le dossier courant), en chemin absolu, à la \
                liste knowledge_bases de $XDG_CONFIG_HOME/kaleido/daemon.yaml (par défaut ~/.config), en \
                gardant les commentaires et les entrées du fichier ; une base déjà listée n'est pas \
                ajoutée deux fois. Codes de sortie : 0 ajoutée ou déjà listée, 2 DIR n'est pas dans une \
                base ou le fichier ne peut pas être modifié.
                """,
            en: """
                Adds the KB holding DIR (default: the current folder), as an absolute path, to the \
                knowledge_bases list of $XDG_CONFIG_HOME/kaleido/daemon.yaml (default ~/.config), \
                keeping the file's comments and entries; a KB already listed is not added twice. \
                Exit codes: 0 added or already listed, 2 DIR is not in a KB or the file cannot be edited.
                """),
        "daemon remove": Text(fr: "Codes de sortie : 0 retirée, 1 elle n'était pas listée, 2 le fichier ne peut pas être modifié.",
                    en: "Exit codes: 0 removed, 1 it was not listed, 2 the file cannot be edited."),
        "clone": Text(
            fr: """
                Récupère URL (ssh, https, git, `file://`, utilisateur@hôte:chemin ou dossier) avec le \
                transfert et les vérifications de la synchro (known_hosts, certificats, identifiants, \
                `sync.timeout` ; une arborescence contenant .git/, .. ou une fiche en lien symbolique est \
                refusée avant toute écriture), extrait la branche par défaut du dépôt distant (le HEAD \
                d'un dépôt-dossier, sinon la branche que nomme .kaleido/config.yaml, sinon l'unique \
                branche), enregistre le pilote de fusion (`kaleido merge-driver`, trouvé dans le PATH) et \
                les associations de schémas de l'éditeur, écrit votre identité (--name/--email, sinon \
                user.name/user.email de git) dans la configuration git du clone, lance un cycle de \
                synchronisation et affiche les étapes suivantes (le démon). DIR vaut par défaut le dernier \
                élément de l'URL sans .git ; il ne doit pas exister ou doit être vide. En cas d'échec, rien \
                n'est laissé derrière. Codes de sortie : 0 cloné et synchronisé, 1 le dépôt distant est \
                vide, n'est pas une base Kaleido, refuse l'accès ou contient une arborescence dangereuse, \
                ou la vérification de synchro a échoué, 2 erreur d'utilisation (URL invalide, DIR non \
                vide, pas d'identité, branche ambiguë), 3 le dépôt distant est injoignable, 130 \
                interrompu (Ctrl-C).
                """,
            en: """
                Fetches URL (ssh, https, git, file URL, user@host:path or a folder) with the sync's \
                transfer and checks (known_hosts, certificates, credentials, sync.timeout; a tree holding \
                .git/, .. or a symlinked record is refused before anything is written), checks out the \
                remote's default branch (a folder remote's HEAD, else the branch .kaleido/config.yaml \
                names, else the only branch), registers the merge driver (`kaleido merge-driver`, found \
                on PATH) and the editor schema associations, writes your identity (--name/--email, \
                else git's user.name/user.email) into the clone's git config, runs one sync cycle, and \
                prints the next steps (the daemon). DIR defaults to the URL's last component without \
                .git; it must not exist or be empty. On any failure nothing is left behind. Exit codes: \
                0 cloned and in sync, 1 the remote is empty, is no Kaleido KB, refused access or holds \
                an unsafe tree, or the sync check failed, 2 usage error (bad URL, DIR not empty, no \
                identity, ambiguous branch), 3 the remote could not be reached, 130 interrupted (Ctrl-C).
                """),
        "init": Text(
            fr: """
                Crée DIR (par défaut : le dossier courant) en dépôt git (ou utilise celui qui s'y \
                trouve), écrit .kaleido/config.yaml, les schémas avec lesquels ce kaleido a été construit \
                (schemas/), un dossier par type de fiche sous knowledge/, les associations de schémas de \
                l'éditeur (yaml.schemas de .vscode/settings.json, fusionné dans un fichier existant, \
                jamais écrasé quand il n'est pas du JSON simple), et enregistre le pilote de fusion champ \
                par champ (.gitattributes et la configuration git du dépôt). Les fichiers qui existent \
                déjà sont gardés. Dans une base existante, il n'ajoute que les associations de l'éditeur \
                et enregistre le pilote de fusion. Dans un clone git d'une base dont l'extraction est \
                vide (le HEAD du dépôt distant nomme une branche qui n'existe pas), il refuse, code 2 : \
                rejoignez la base d'une équipe avec `kaleido clone`. --remote URL ajoute le nouveau dépôt \
                distant vide de l'équipe comme origin (un dépôt-dossier qui contient déjà une base est \
                refusé, code 2) ; le premier `kaleido sync` y pousse et, sur un dépôt-dossier, fait \
                pointer son HEAD sur la branche de la base.
                """,
            en: """
                Creates DIR (default: the current folder) as a git repository (or uses the one \
                there), writes .kaleido/config.yaml, the schemas this kaleido was built with \
                (schemas/), a folder per record type under knowledge/, editor schema associations \
                (.vscode/settings.json yaml.schemas, merged into an existing file, which is never \
                overwritten when it is not plain JSON), and registers the field-level merge driver \
                (.gitattributes and the repository's git config). Files that already exist are kept. \
                In an existing knowledge base it only adds the editor associations and registers the \
                merge driver. In a git clone of a KB whose checkout is empty (the remote's HEAD names a \
                branch that does not exist) it refuses, exit 2: join a team's KB with `kaleido clone`. \
                --remote URL adds the team's new, empty remote as origin (a folder remote that already \
                holds a KB is refused, exit 2); the first `kaleido sync` pushes, and on a folder remote \
                makes its HEAD name the KB's branch.
                """),
        "install-merge-driver": Text(
            fr: """
                Ajoute `*.yaml merge=kaleido` à .gitattributes et la section merge.kaleido à la \
                configuration git du dépôt (pour une copie de travail liée, la configuration partagée). \
                Le relancer ne change rien.
                """,
            en: """
                Adds `*.yaml merge=kaleido` to .gitattributes and the merge.kaleido section to the \
                repository's git config (for a linked worktree, the shared config). Running it again \
                changes nothing.
                """),
        "merge-driver": Text(
            fr: """
                Écrit la fusion par-dessus OURS. Les conflits n'écrivent jamais de marqueurs : notre \
                valeur reste et les valeurs concurrentes vont dans la liste _conflicts de la fiche. Code \
                de sortie : 0 fusion sans conflit, 1 fusion avec conflits enregistrés, 2 en cas d'erreur \
                (OURS est laissé exactement tel qu'il était et la raison est sur la sortie d'erreur). \
                Fonctionne dans n'importe quel dossier ; dans une base, le schéma de la fiche fournit les \
                clés de fusion, les champs atomiques et une vérification de la fiche fusionnée. Les \
                entrées de conflit nomment l'auteur de leur version (theirs_by) quand l'état de git dit \
                quel commit elle est : pendant un git merge ou pull, un rebase, ou un cherry-pick de \
                plusieurs commits. Enregistrez-le avec `kaleido install-merge-driver` (ou `kaleido init`).
                """,
            en: """
                Writes the merge over OURS. Conflicts never write markers: ours stays and the \
                competing values go to the record's _conflicts list. Exit status: 0 merged cleanly, \
                1 merged with conflicts recorded, 2 on error (OURS is left exactly as it was and the \
                reason is on stderr). Works in any folder; inside a knowledge base the record's \
                schema supplies merge keys, atomic fields and a check of the merged record. \
                Conflict entries name theirs' author (theirs_by) when git's state says which commit \
                theirs is: during git merge or pull, a rebase, or a cherry-pick of several commits. \
                Register it with `kaleido install-merge-driver` (or `kaleido init`).
                """),
        "trust-host": Text(
            fr: """
                La synchro refuse un serveur ssh dont la clé d'hôte n'est pas dans known_hosts \
                (~/.ssh/known_hosts, /etc/ssh/ssh_known_hosts, ou sync.known_hosts dans \
                .kaleido/config.yaml, ou KALEIDO_KNOWN_HOSTS). Comparez l'empreinte affichée ici avec \
                celle que l'administrateur du serveur lit avec `ssh-keygen -lf` sur la clé d'hôte du \
                serveur avant de l'accepter. Une clé qui diffère d'une clé enregistrée n'est jamais \
                remplacée : retirez d'abord l'ancienne ligne avec `ssh-keygen -R`. Codes de sortie : 0 \
                reconnu (ajouté, ou déjà connu), 1 non reconnu, 2 erreur d'utilisation.
                """,
            en: """
                Sync refuses an ssh server whose host key is not in known_hosts (~/.ssh/known_hosts, \
                /etc/ssh/ssh_known_hosts, or sync.known_hosts in .kaleido/config.yaml, or \
                KALEIDO_KNOWN_HOSTS). Compare the fingerprint printed here with the one the server's \
                administrator reads with `ssh-keygen -lf` on the server's host key before you accept \
                it. A key that differs from a stored one is never replaced: remove the old line with \
                `ssh-keygen -R` first. Exit codes: 0 trusted (added, or already known), 1 not trusted, \
                2 usage error.
                """),
        "conflicts": Text(
            fr: """
                Chaque conflit est une entrée de la liste _conflicts d'une fiche : le chemin du champ, \
                les valeurs en concurrence (la nôtre est pour l'instant celle de la fiche) et, quand on \
                les connaît, qui et quand. Réglez-en un avec \
                `kaleido resolve ID CHEMIN --ours|--theirs|--base|--value V`. Code de sortie : 0 quand il \
                n'y en a aucun, 1 quand certains sont ouverts, 2 en cas d'erreur.
                """,
            en: """
                Each conflict is an entry of a record's _conflicts list: the field's path, the \
                competing values (ours is the one in the record for now) and who and when where \
                known. Settle one with `kaleido resolve ID PATH --ours|--theirs|--base|--value V`. \
                Exit status: 0 when there is none, 1 when some are open, 2 on error.
                """),
        "resolve": Text(
            fr: """
                ID est l'identifiant de la fiche, CHEMIN le chemin du conflit tel que le montre \
                `kaleido conflicts` (`phone`, `contacts[amel-b].phone`, `themes[2]`). La valeur est écrite \
                sur place ; le reste du fichier garde sa mise en forme et ses commentaires. Choisir un \
                côté qui avait supprimé la valeur la retire (pour le CHEMIN `.`, le fichier de la fiche).
                """,
            en: """
                ID is the record's id, PATH the conflict's path as `kaleido conflicts` shows it \
                (`phone`, `contacts[amel-b].phone`, `themes[2]`). The value is written in place; \
                the rest of the file keeps its formatting and comments. Choosing a side that had \
                deleted the value removes it (for PATH `.`, the record's file).
                """),
    ]
}
