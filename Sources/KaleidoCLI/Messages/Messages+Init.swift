import KaleidoKB
import KaleidoWorkspace

/// Messages of `kaleido init` and `install-merge-driver`: what was created or kept, the merge
/// driver, the remote, and the refusal inside a clone. KaleidoWorkspace words its notes in
/// English; `workspaceNote` gives them in the run's language.
extension Messages {
    static func initInsideClone(_ root: String, branch: String) -> String {
        Lang.pick(
            fr: "\(root) est dans une copie d'une base existante (« \(branch) » contient \(KBConfig.path)) : "
                + "kaleido init y ferait une deuxième base sans historique commun avec celle de l'équipe. "
                + "Pour la rejoindre, supprimez ce dossier et lancez `kaleido clone URL \(root)`.",
            en: "\(root) is in a clone of an existing knowledge base ('\(branch)' holds \(KBConfig.path)): "
                + "kaleido init would make a second KB that shares no history with the team's. "
                + "To join it, remove this folder and run `kaleido clone URL \(root)`.")
    }

    static func cannotWriteEditorSettings(_ root: String, _ error: any Error) -> String {
        Lang.pick(fr: "impossible d'écrire \(EditorSettings.path) dans \(root) : \(error)",
                  en: "cannot write \(EditorSettings.path) in \(root): \(error)")
    }

    static func editorSettings(_ message: String) -> String {
        Lang.pick(fr: "réglages de l'éditeur : ", en: "editor settings: ") + workspaceNote(message)
    }

    static func alreadyAKB(_ root: String) -> String {
        Lang.pick(fr: "\(root) est déjà une base : ses fichiers restent tels quels", en: "\(root) is already a knowledge base: its files are kept as they are")
    }

    static func createdKB(_ root: String, schemas: Int, folders: Int) -> String {
        Lang.pick(fr: "base créée dans \(root) : .kaleido/config.yaml, \(schemas) schémas, \(folders) dossiers de types sous knowledge/",
                  en: "created a knowledge base in \(root): .kaleido/config.yaml, \(schemas) schemas, \(folders) type folders under knowledge/")
    }

    static func registeredDriver(_ change: String, in root: String? = nil) -> String {
        let place = root.map { Lang.pick(fr: " dans \($0)", en: " in \($0)") } ?? ""
        return Lang.pick(fr: "pilote de fusion enregistré\(place) : \(change)", en: "registered the merge driver\(place): \(change)")
    }

    static func driverAlreadyRegistered(_ root: String) -> String {
        Lang.pick(fr: "le pilote de fusion était déjà enregistré dans \(root)", en: "the merge driver was already registered in \(root)")
    }

    static func noRepository(_ start: String) -> String {
        Lang.pick(fr: "aucun dépôt git dans \(start) ni au-dessus ; lancez `git init` ou `kaleido init`",
                  en: "no git repository at \(start) or above it; run `git init` or `kaleido init`")
    }

    static func addedRemote(_ url: String) -> String {
        Lang.pick(fr: "dépôt distant origin ajouté : \(url) ; `kaleido sync` y envoie la base",
                  en: "added the remote origin: \(url); `kaleido sync` pushes the knowledge base there")
    }

    static func remoteAlready(_ url: String) -> String {
        Lang.pick(fr: "le dépôt distant origin est déjà \(url)", en: "the remote origin is already \(url)")
    }

    /// `GitMergeDriverSetup.defaultDriver`'s note (no `kaleido` on PATH), on stderr in the run's language.
    static func writeDriverNote(_ note: String) {
        guard note.hasPrefix("kaleido: note: no kaleido on PATH") else { return StandardError.write(note) }
        StandardError.write(notePrefix + Lang.pick(
            fr: "aucun kaleido dans le PATH : les fusions git des fiches échoueront tant qu'il n'y en a pas (lancez scripts/install, ou passez --driver 'CHEMIN/kaleido merge-driver %O %A %B %P')",
            en: "no kaleido on PATH: git merges of records will fail until there is one (run scripts/install, or pass --driver 'PATH/kaleido merge-driver %O %A %B %P')") + "\n")
    }

    private static let notePatterns: [PatternRendering] = [
        (#"^created a git repository \(branch (\S+)\)$"#, { "dépôt git créé (branche \($0[0]))" }),
        (#"^(\S+) already associates the schemas with the record folders$"#, { "\($0[0]) associe déjà les schémas aux dossiers des fiches" }),
        (#"^(\S+): yaml.schemas associates (\d+) schemas? with the record folders \(VS Code's YAML extension\)$"#,
         { "\($0[0]) : yaml.schemas associe \($0[1]) schéma\($0[1] == "1" ? "" : "s") aux dossiers des fiches (extension YAML de VS Code)" }),
        (#"^left (\S+) as it is: ([\s\S]*)\. Add the schema associations yourself:([\s\S]*)$"#,
         { "\($0[0]) laissé tel quel : \($0[1]). Ajoutez vous-même les associations de schémas :\($0[2])" }),
        (#"^--remote needs a URL or a folder$"#, { _ in "--remote attend une adresse ou un dossier" }),
        (#"^--remote (.*?): (\S+) is not a git repository; create it with (`.*`)$"#,
         { "--remote \($0[0]) : \($0[1]) n'est pas un dépôt git ; créez-le avec \($0[2])" }),
        (#"^--remote (.*?): its branch '(.*)' already holds a knowledge base; join it with (`.*`) instead of making a second one$"#,
         { "--remote \($0[0]) : sa branche « \($0[1]) » contient déjà une base ; rejoignez-la avec \($0[2]) au lieu d'en faire une deuxième" }),
        (#"^the remote origin is already (\S+); change it with (`.*`)$"#,
         { "le dépôt distant origin est déjà \($0[0]) ; changez-le avec \($0[1])" }),
        (#"^cannot add the remote origin in (.*?): (.*)$"#, { "impossible d'ajouter le dépôt distant origin dans \($0[0]) : \($0[1])" }),
        (#"^cannot create the knowledge base in (.*?): (.*)$"#, { "impossible de créer la base dans \($0[0]) : \($0[1])" }),
    ]

    /// A sentence of KaleidoWorkspace's init, editor settings or remote in the run's language
    /// (unchanged in English, or when no pattern knows it).
    static func workspaceNote(_ message: String) -> String {
        guard Lang.current == .fr else { return message }
        return FindingWording.firstRendering(of: message, in: notePatterns) ?? message
    }
}
