/// The `discussion:` (the long help under OVERVIEW) of the commands that create, import, format or check records, in French and
/// English; `Help.discussion(_:)` picks the run's language. Keep technical tokens (options,
/// fields, paths, exit codes) the same in both.
extension Help {
    static let editDiscussions: [String: Text] = [
        "import": Text(
            fr: """
                Le fichier est lu en UTF-8 quand il est de l'UTF-8 valide, sinon en Windows-1252 (Excel \
                français) ; les cellules sont séparées par ; ou , (celui que la ligne d'en-tête emploie le \
                plus), entre guillemets comme le dit la RFC 4180. Chaque colonne est un champ : son nom \
                (avec des points pour un champ dans un autre, locality.city), le titre que lui donne le \
                schéma ("Nom"), ou --map COLONNE=CHAMP. Une colonne id donne les identifiants ; sans elle, \
                ils sont formés selon le motif du type (tn-mun-gabes, fr-com-26281-romans-sur-isere, \
                aap-fej-2027-egalite-chances : la date et le titre ou le nom de la ligne). Les valeurs \
                sont lues selon le type du champ : nombres 1 500,50 ou 1500,5 (virgule décimale, espaces \
                entre les milliers), dates 22/09/2011, 09/2011 ou 2011-09-22, oui/non, clés ou libellés \
                d'énumération, références par identifiant, nom ou alias (plusieurs fiches répondant à un \
                nom est une erreur qui les liste), listes séparées par | (ou par , quand la cellule n'a \
                pas de |). Chaque ligne est vérifiée selon le schéma et les règles des fiches avant toute \
                écriture ; les erreurs désignent la cellule (FICHIER:LIGNE:COL). Rien n'est écrit sauf si \
                toutes les lignes sont valides, ou, avec --skip-invalid, seulement les lignes valides. \
                Code de sortie : 0 fiches créées (ou qui le seraient, avec --dry-run), 1 lignes \
                invalides et rien de créé, 2 erreurs d'utilisation (une colonne inconnue, un fichier \
                illisible).

                --type registration --event ÉVÉNEMENT ajoute à un événement un tableur d'inscriptions \
                (colonnes : nom, personne, organisation, rôle, statut, pays, sexe, âge, tranche d'âge, \
                année de naissance, mineur, moins d'opportunités, consentement, objet du \
                consentement) : les adultes qui ont une date de consentement deviennent des \
                inscriptions ; les mineurs et les adultes sans consentement ne font qu'ajouter un à un \
                décompte anonyme (pays, sexe, tranche d'âge), sans que leur nom soit jamais écrit. Le \
                fichier de l'événement garde ses commentaires et son ordre.
                """,
            en: """
                The file is UTF-8 when it is valid UTF-8, else Windows-1252 (French Excel); cells are \
                separated by ; or , (the one the header line uses most), quoted as RFC 4180 says. Each \
                column is a field: its name (dotted for a field inside another, locality.city), its \
                schema title ("Nom"), or --map COLUMN=FIELD. An id column gives the ids; without one, ids \
                are made after the type's pattern (tn-mun-gabes, fr-com-26281-romans-sur-isere, \
                aap-fej-2027-egalite-chances: the row's date and title or name). Values are read \
                by the field's type: numbers 1 500,50 or 1500,5 (decimal comma, spaces between \
                thousands), dates 22/09/2011, 09/2011 or 2011-09-22, oui/non, enumeration keys or \
                labels, references by id, name or alias (several records answering to a name is an \
                error listing them), lists separated by | (or by , when no | is in the cell). Every \
                row is checked against the schema and the record rules before anything is written; \
                errors point at the cell (FILE:LINE:COL). Nothing is written unless every row is \
                valid, or with --skip-invalid only the valid rows. Exit status: 0 created (or would \
                be, with --dry-run), 1 invalid rows and nothing created, 2 usage errors (an unknown \
                column, a file that cannot be read).

                --type registration --event EVT appends a registrations spreadsheet to an event \
                (columns: nom, personne, organisation, rôle, statut, pays, sexe, âge, tranche d'âge, \
                année de naissance, mineur, moins d'opportunités, consentement, objet du \
                consentement): adults with a consent date become registrations; minors and adults \
                without consent only add one to an anonymous count (country, sex, age band), their \
                names never written. The event file keeps its comments and order.
                """),
        "new": Text(
            fr: """
                Écrit knowledge/<dossier>/ID.yaml (dans le sous-dossier nommé d'après une partie de \
                l'identifiant quand le dossier du type est découpé, comme partners/tn/ ou events/2011/) \
                avec id, type, chaque champ que le schéma du type exige (la valeur donnée par --set, \
                --name ou --title, ou un emplacement vide dont le commentaire dit ce qu'il faut y mettre) \
                et un commentaire qui liste les champs facultatifs ; puis la valide et liste ce qu'il \
                reste à remplir, comme `kaleido validate`. Les valeurs sont typées selon le schéma : un \
                champ chaîne garde 01004 ou NO en chaîne (écrite entre guillemets) ; un champ liste prend \
                a,b ou une liste [a, b] ; les noms à points entrent dans un objet \
                (--set location.country=FR). Refuse, sans rien écrire, un type inconnu, un identifiant qui \
                ne suit pas le motif du type et un identifiant qu'une fiche a déjà. Code de sortie : 0 \
                créée et valide, 1 créée avec des champs à remplir, 2 rien de créé.
                """,
            en: """
                Writes knowledge/<folder>/ID.yaml (in the subfolder named after a part of the id \
                when the type's folder is sharded, as partners/tn/ or events/2011/) with id, type, every field the type's schema \
                requires (the value given with --set, --name or --title, or an empty placeholder \
                whose comment says what goes there) and a comment listing the optional fields; then \
                validates it and lists what is left to fill in, like `kaleido validate`. Values are \
                typed by the schema: a string field keeps 01004 or NO a string (written quoted); a \
                list field takes a,b or a flow list [a, b]; dotted names reach inside a mapping \
                (--set location.country=FR). Refuses, writing nothing, an unknown type, an id that \
                does not fit the type's id pattern, and an id some record already has. Exit status: \
                0 created and valid, 1 created with fields left to fill in, 2 nothing created.
                """),
        "fmt": Text(
            fr: """
                Met entre guillemets exactement les valeurs nues que `validate` signale (plain-scalar) : \
                NO, yes, 2011-09-22, 1:30, 1_000, et 01004 là où le schéma attend une chaîne ; les \
                valeurs que le schéma type en nombres, booléens ou dates restent telles quelles. Met aussi \
                les fins de ligne en LF, retire les espaces en fin de ligne, termine chaque fichier par \
                un saut de ligne et indente les blocs imbriqués de deux espaces. Les commentaires et \
                l'ordre des clés sont conservés. Chaque fichier est écrit en entier ou pas du tout ; un \
                fichier illisible est signalé et laissé tel quel. Sans CHEMIN, formate toutes les fiches \
                de la base. Code de sortie : 0 quand c'est fait (avec --check : quand rien ne changerait), \
                1 quand --check a trouvé des fichiers à formater (listés sur la sortie standard) ou qu'un \
                fichier n'a pas pu être formaté, 2 en cas d'erreur d'utilisation.
                """,
            en: """
                Quotes exactly the plain values `validate` warns about (plain-scalar): NO, yes, \
                2011-09-22, 1:30, 1_000, and 01004 where the schema wants a string; values the \
                schema types as numbers, booleans or dates stay as they are. Also makes line ends \
                LF, removes trailing spaces, ends each file with a line break and indents nested \
                blocks by two spaces. Comments and key order stay. Each file is written whole or \
                not at all; a file that does not parse is reported and left as it is. With no PATH, \
                formats every record file of the knowledge base. Exit status: 0 when done (with \
                --check: when nothing would change), 1 when --check found files to format (listed \
                on standard output) or a file could not be formatted, 2 on a usage error.
                """),
        "hooks install": Text(
            fr: """
                Le crochet lance `kaleido validate` et `kaleido fmt --check` sur les fiches que le \
                commit ajoute ou modifie (telles qu'elles sont dans la copie de travail), avec le \
                `kaleido` du PATH. Un crochet pre-commit existant que kaleido n'a pas écrit est gardé, \
                sauf avec --force. `git commit --no-verify` saute le crochet. Code de sortie : 0 quand il \
                est installé, 1 quand un crochet étranger est en place, 2 en cas d'erreur d'utilisation \
                ou d'entrée-sortie.
                """,
            en: """
                The hook runs `kaleido validate` and `kaleido fmt --check` on the record files the \
                commit adds or changes (as they are in the working tree), with `kaleido` from PATH. \
                An existing pre-commit hook that kaleido did not write is kept unless --force. \
                `git commit --no-verify` skips the hook. Exit status: 0 when installed, 1 when a \
                foreign hook is in the way, 2 on a usage or I/O error.
                """),
        "validate": Text(
            fr: """
                Sans CHEMIN, vérifie toute la base ; avec des fichiers ou des dossiers, ne rend compte \
                que de ceux-là (les références sont toujours résolues dans toute la base). Avec --schema \
                FICHIER, vérifie n'importe quels fichiers YAML ou JSON selon ce schéma : un fichier .json \
                (ou tout fichier qui est une seule valeur JSON) est typé comme du JSON ; les scalaires \
                YAML nus comme 01004 sont lus comme des chaînes, avec un avertissement, là où le schéma \
                attend une chaîne. Code de sortie : 0 quand il n'y a aucune erreur (avertissements permis \
                sauf avec --strict), 1 quand il y a des erreurs, 2 en cas d'erreur d'utilisation ou \
                d'entrée-sortie.
                """,
            en: """
                With no PATH, checks the whole knowledge base; with files or folders, reports on \
                those only (references are still resolved against the whole base). With --schema \
                FILE, checks any YAML or JSON files against that schema: a .json file (or any file \
                that is one JSON value) is typed as JSON; plain YAML scalars such as 01004 are read \
                as strings, with a warning, where the schema wants a string. Exit status: 0 \
                when there is no error (warnings allowed unless --strict), 1 when there are errors, \
                2 on a usage or I/O error.
                """),
    ]
}
