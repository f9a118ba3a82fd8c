/// Why `kaleido clone` stopped; nothing of the replica is left on disk.
public enum CloneError: Error, Sendable, CustomStringConvertible {
    /// A wrong argument: a bad URL, a folder that is not empty, no identity (exit 2).
    case usage(CloneMessage)
    /// The remote was reached but is no KB, or refused us, or its tree is unsafe (exit 1).
    case failed(CloneMessage)
    /// The remote could not be reached (exit 3, as `kaleido sync` offline).
    case unreachable(CloneMessage)
    /// SIGINT or SIGTERM arrived (exit 130, as a shell reports Ctrl-C).
    case interrupted

    /// The exit status `kaleido clone` ends with.
    public var exitCode: Int32 {
        switch self {
        case .usage: 2
        case .failed: 1
        case .unreachable: 3
        case .interrupted: 130
        }
    }

    public var description: String {
        switch self {
        case .usage(let message), .failed(let message), .unreachable(let message): message.text
        case .interrupted: "interrompu : rien n'a été gardé"
        }
    }

    /// The sentence in English (`kaleido clone --lang en`), without the `kaleido: error:` prefix.
    public var englishDescription: String {
        switch self {
        case .usage(let message), .failed(let message), .unreachable(let message): message.englishText
        case .interrupted: "interrupted: nothing was kept"
        }
    }
}

/// Everything `kaleido clone` tells the consultant, in French (`text`, the team's language) and
/// in English (`englishText`); the CLI picks one with the run's language (KaleidoSync has none).
public enum CloneMessage: Sendable, Equatable {
    case badURL(String, String)
    case notAFolder(String)
    case folderNotEmpty(String)
    case insideKB(String)
    case noIdentity
    case badEmail(String)
    case cannotCreate(String, String)
    case refused(String)
    case unreachable(String, String)
    case emptyRemote(String)
    case notAKB(String, [String])
    case badConfig(String, String)
    case noSuchBranch(String, [String])
    case ambiguousBranch([String])
    case configBranchMissing(String, String)
    case unsafeTree(String)
    case notCheckedOut(String, String)
    case syncCheck(String)
    // Progress.
    case fetching(String)
    case checkingOut(String)
    case checkingSync

    /// The sentence, without the `kaleido: erreur :` prefix.
    public var text: String {
        switch self {
        case .badURL(let url, let why):
            "l'adresse « \(url) » n'est pas valable : \(why)"
        case .notAFolder(let path):
            "\(path) existe et n'est pas un dossier : choisissez un autre emplacement"
        case .folderNotEmpty(let path):
            "le dossier \(path) existe et n'est pas vide : choisissez un dossier nouveau ou vide (rien n'a été modifié)"
        case .insideKB(let outer):
            "le dossier serait dans la base \(outer) : choisissez un dossier en dehors de toute base Kaleido"
        case .noIdentity:
            "git ne connaît pas votre nom et votre adresse (user.name, user.email) : passez --name \"Prénom Nom\" --email vous@exemple.fr ; vos modifications seront signées ainsi"
        case .badEmail(let email):
            "« \(email) » n'est pas une adresse électronique : passez --email vous@exemple.fr"
        case .cannotCreate(let root, let detail):
            "impossible de créer la copie dans \(root) : \(detail)"
        case .refused(let detail):
            "accès refusé : \(detail)"
        case .unreachable(let url, let detail):
            "impossible de joindre \(url) : \(detail). Vérifiez l'adresse et la connexion, puis relancez `kaleido clone`"
        case .emptyRemote(let url):
            "le dépôt \(url) est vide (aucune branche) : la personne qui a créé la base doit d'abord lancer `kaleido sync` dans sa copie"
        case .notAKB(let url, let branches):
            "\(url) n'est pas une base Kaleido : aucune branche (\(branches.joined(separator: ", "))) ne contient .kaleido/config.yaml"
        case .badConfig(let branch, let diagnostic):
            "la configuration de la base (branche \(branch)) est illisible : \(diagnostic)"
        case .noSuchBranch(let branch, let branches):
            "le dépôt n'a pas de branche « \(branch) » ; ses branches : \(branches.joined(separator: ", "))"
        case .ambiguousBranch(let branches):
            "le dépôt a plusieurs branches (\(branches.joined(separator: ", "))) et ne dit pas laquelle est la base : choisissez avec --branch"
        case .configBranchMissing(let branch, let named):
            "la configuration de la branche \(branch) désigne la branche partagée « \(named) », absente du dépôt ou sans la même configuration : clonez avec --branch \(named) une fois qu'elle existe"
        case .unsafeTree(let detail):
            "le dépôt est refusé, rien n'a été écrit : \(detail)"
        case .notCheckedOut(let branch, let detail):
            "la branche \(branch) n'a pas pu être extraite : \(detail)"
        case .syncCheck(let detail):
            "la copie est faite mais la synchronisation d'essai a échoué : \(detail)"
        case .fetching(let url):
            "récupération de \(url)…"
        case .checkingOut(let branch):
            "extraction de la branche \(branch)…"
        case .checkingSync:
            "vérification de la synchronisation…"
        }
    }

    /// The sentence in English, without the `kaleido: error:` prefix.
    public var englishText: String {
        switch self {
        case .badURL(let url, let why):
            "the address \"\(url)\" is not valid: \(Self.englishReason(why))"
        case .notAFolder(let path):
            "\(path) exists and is not a folder: choose another place"
        case .folderNotEmpty(let path):
            "the folder \(path) exists and is not empty: choose a new or empty folder (nothing was changed)"
        case .insideKB(let outer):
            "the folder would be inside the knowledge base \(outer): choose a folder outside any Kaleido knowledge base"
        case .noIdentity:
            "git does not know your name and email (user.name, user.email): pass --name \"First Last\" --email you@example.com; your changes will be signed so"
        case .badEmail(let email):
            "\"\(email)\" is not an email address: pass --email you@example.com"
        case .cannotCreate(let root, let detail):
            "cannot create the copy in \(root): \(detail)"
        case .refused(let detail):
            "access refused: \(detail)"
        case .unreachable(let url, let detail):
            "cannot reach \(url): \(detail). Check the address and the connection, then run `kaleido clone` again"
        case .emptyRemote(let url):
            "the repository \(url) is empty (no branch): whoever created the knowledge base must first run `kaleido sync` in their copy"
        case .notAKB(let url, let branches):
            "\(url) is not a Kaleido knowledge base: no branch (\(branches.joined(separator: ", "))) holds .kaleido/config.yaml"
        case .badConfig(let branch, let diagnostic):
            "the knowledge base's settings (branch \(branch)) do not parse: \(diagnostic)"
        case .noSuchBranch(let branch, let branches):
            "the repository has no branch \"\(branch)\"; its branches: \(branches.joined(separator: ", "))"
        case .ambiguousBranch(let branches):
            "the repository has several branches (\(branches.joined(separator: ", "))) and does not say which is the knowledge base: choose with --branch"
        case .configBranchMissing(let branch, let named):
            "the settings of branch \(branch) name the shared branch \"\(named)\", which the repository lacks or holds other settings in: clone with --branch \(named) once it exists"
        case .unsafeTree(let detail):
            "the repository is refused, nothing was written: \(detail)"
        case .notCheckedOut(let branch, let detail):
            "the branch \(branch) could not be checked out: \(detail)"
        case .syncCheck(let detail):
            "the copy is made but the trial sync failed: \(detail)"
        case .fetching(let url):
            "fetching \(url)…"
        case .checkingOut(let branch):
            "checking out branch \(branch)…"
        case .checkingSync:
            "checking the sync…"
        }
    }

    /// `KBClone`'s French reasons for a bad URL, in English.
    static func englishReason(_ why: String) -> String {
        if why == "une adresse ne contient ni espace ni caractère de contrôle" { return "an address holds no space or control character" }
        if why == "il manque le nom du serveur" { return "the server's name is missing" }
        if why.hasPrefix("aucun dossier "), why.hasSuffix(" sur cette machine") {
            return "no folder " + why.dropFirst("aucun dossier ".count).dropLast(" sur cette machine".count) + " on this machine"
        }
        if why.hasPrefix("protocole « "), let end = why.range(of: " » inconnu") {
            return "unknown protocol \"" + why[why.index(why.startIndex, offsetBy: "protocole « ".count)..<end.lowerBound] + "\" (ssh, https, git or file)"
        }
        return why
    }

    /// What the consultant reads once the clone is made, in English.
    public static func englishDone(_ result: KBClone.Result, records: Int) -> String {
        """
        knowledge base cloned into \(result.root) (branch \(result.branch), \(records) record\(records == 1 ? "" : "s"), commit \(result.head.prefix(10)))
        identity: \(result.name) <\(result.email)>
        merge driver (kaleido merge-driver) and editor settings (.vscode/settings.json) in place
        sync checked: the copy and the repository are up to date

        Next:
          cd \(shellQuoted(result.root))
          kaleido daemon add .
              hands this knowledge base to the sync daemon
          systemctl --user enable --now kaleido-daemon
              starts the daemon at each session (service installed by scripts/install or `kaleido daemon --install`)
          kaleido sync
              syncs by hand, whenever you want

        """
    }

    /// What the consultant reads once the clone is made.
    public static func done(_ result: KBClone.Result, records: Int) -> String {
        """
        base clonée dans \(result.root) (branche \(result.branch), \(records) fiche\(records <= 1 ? "" : "s"), commit \(result.head.prefix(10)))
        identité : \(result.name) <\(result.email)>
        pilote de fusion (kaleido merge-driver) et réglages de l'éditeur (.vscode/settings.json) en place
        synchronisation vérifiée : la copie et le dépôt sont à jour

        Et maintenant :
          cd \(shellQuoted(result.root))
          kaleido daemon add .
              confie cette base au démon de synchronisation
          systemctl --user enable --now kaleido-daemon
              démarre le démon à chaque session (service installé par scripts/install ou `kaleido daemon --install`)
          kaleido sync
              synchronise à la main, quand vous le voulez

        """
    }

    static func shellQuoted(_ path: String) -> String {
        path.allSatisfy({ $0.isLetter || $0.isNumber || "/._-+".contains($0) }) ? path : "'" + path.replacing("'", with: "'\\''") + "'"
    }
}
