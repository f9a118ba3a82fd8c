import KaleidoQuery
import KaleidoWorkspace

/// `WorkspaceError`s (KaleidoWorkspace words them in English: record creation, `--set`
/// values, files) in the run's language, with a "did you mean" for an unknown `--set` field.
/// A sentence no pattern knows stays as the workspace wrote it.
enum WorkspaceWording {
    static func message(_ error: WorkspaceError) -> String {
        var text = Lang.current == .fr ? french(error.message) : error.message
        if let parts = FindingWording.captures(#"have no field "(.*)"; the fields are: (.*)$"#, error.message) {
            let fields = parts[1].components(separatedBy: ", ")
            if let suggestion = Suggestion.closest(to: parts[0], among: fields) {
                // Before the list, which can be long.
                text = text.replacingOccurrences(of: Lang.pick(fr: " ; ses champs : ", en: "; the fields are: "),
                                                 with: Messages.didYouMean(suggestion) + Lang.pick(fr: " ; ses champs : ", en: "; the fields are: "))
            }
        }
        return text
    }

    private static let patterns: [PatternRendering] = [
        (#"^the id (\S+) is taken: (\S+) already has it; ids are unique across the knowledge base, choose another$"#,
         { "l'identifiant \($0[0]) est déjà pris : \($0[1]) l'a ; un identifiant est unique dans toute la base, choisissez-en un autre" }),
        (#"^the id "(.*)" is not a valid id: lowercase ASCII letters and digits joined by hyphens(?: \(expected: (.*)\))?$"#,
         { "l'identifiant « \($0[0]) » n'est pas valide : lettres minuscules sans accent et chiffres reliés par des tirets" + expected($0[1]) }),
        (#"^the id "(.*)" does not fit the (\S+) id pattern: (.*?)(?: \(expected: (.*)\))?$"#,
         { "l'identifiant « \($0[0]) » ne suit pas le modèle des identifiants \($0[1]) : \(FindingWording.french(rule: "pattern", $0[2]))" + expected($0[3]) }),
        (#"^(\S+) records have no field "(.*)"; the fields are: (.*)$"#,
         { "les fiches \($0[0]) n'ont pas de champ « \($0[1]) » ; ses champs : \($0[2])" }),
        (#"^(\S+) have no field "(.*)"; the fields are: (.*)$"#, { "\($0[0]) n'a pas de champ « \($0[1]) » ; ses champs : \($0[2])" }),
        (#"^(\S+) must never be recorded \(personal data the data model forbids\)$"#,
         { "\($0[0]) ne doit jamais être enregistré (donnée personnelle que le modèle interdit)" }),
        (#"^(\S+) is given twice$"#, { "\($0[0]) est donné deux fois" }),
        (#"^--set (\S+): the (\S+) is given as the command's argument \(kaleido new TYPE ID\)$"#,
         { "--set \($0[0]) : \($0[1]) se donne en argument de la commande (kaleido new TYPE ID)" }),
        (#"^--set (.*)=(.*): not a YAML flow value \((.*)\); quote the text for the shell, e.g. (.*)$"#,
         { "--set \($0[0])=\($0[1]) : ce n'est pas une valeur YAML en ligne (\($0[2])) ; mettez le texte entre guillemets pour le shell, par exemple \($0[3])" }),
        (#"^(\S+) and (\S+) overlap; give the fields inside (\S+) one by one$"#,
         { "\($0[0]) et \($0[1]) se recouvrent ; donnez un à un les champs de \($0[2])" }),
        (#"^(\S+) is not a mapping of fields: give it whole with (.*)$"#, { "\($0[0]) n'est pas une suite de champs : donnez-le en entier avec \($0[1])" }),
        (#"^cannot read (.*?): (.*)$"#, { "impossible de lire \($0[0]) : \($0[1])" }),
        (#"^cannot (?:write|replace|create) (.*?): (.*)$"#, { "impossible d'écrire \($0[0]) : \($0[1])" }),
        (#"^(.*) already exists; nothing was written$"#, { "\($0[0]) existe déjà ; rien n'a été écrit" }),
    ]

    static func french(_ message: String) -> String {
        FindingWording.firstRendering(of: message, in: patterns) ?? Messages.workspaceNote(message)
    }

    /// ` (expected: …)` as the schema's description says it.
    private static func expected(_ description: String) -> String {
        description.isEmpty ? "" : " (attendu : \(description))"
    }
}
