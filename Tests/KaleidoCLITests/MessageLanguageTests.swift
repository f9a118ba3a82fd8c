import Foundation
import Testing

/// Issue 15's "French first": each command's main errors and headers, run on the sample KB
/// (`language: fr`), on the same KB set to `language: en`, and with `--lang en`. French output
/// holds no English word of `englishWords`, English output no French word of `frenchWords`, and
/// no line mixes both. The compiler-style `file:line:col: error:` / `warning:` prefix stays
/// English on purpose (editors and CI parse it) and is taken out before the words are checked,
/// as are what the user typed or may type: quoted text, `--options`, `commands`, [rule] names,
/// record ids and field names (data, not language).
@Suite struct MessageLanguageTests {
    /// English words that are not also French, compared with their case: lowercase words that
    /// are the sample's field names or type keys (`country`, `name`, `person`, `funder`) are
    /// data, but `Country` or `Name` in a header is English.
    static let englishWords: Set<String> = [
        "error", "errors", "warning", "warnings", "not", "found", "unknown", "missing", "expected", "did", "mean", "records",
        "record", "field", "fields", "value", "values", "must", "should", "invalid", "failed", "such", "the", "is", "are",
        "has", "have", "with", "give", "use", "try", "run", "cannot", "nothing", "matches", "allowed", "required", "property",
        "since", "never", "created", "file", "folder", "knowledge", "called", "several", "within", "ends", "closes",
        "granted", "review", "recorded", "deliverable", "commitment", "string", "number", "one", "No", "Knowledge",
        "Title", "Name", "Missing", "Renewal", "Reason", "Closes", "Eligible", "Amount", "Currency", "Role", "From", "Until",
        "Key", "Due", "State", "Country", "Label", "List", "Values", "Field", "Value", "Undated", "Daemon", "Last", "Ahead",
        "open", "conflict", "daemon", "running", "last", "sync", "ahead", "behind", "remote", "branch", "write", "never",
    ]

    /// French words that are not also English (nor words of the sample's French data in the outputs checked).
    static let frenchWords: Set<String> = [
        "erreur", "erreurs", "avertissement", "avertissements", "aucun", "aucune", "inconnu", "inconnue", "champ", "valeur",
        "fiche", "fiches", "vouliez", "doit", "obligatoire", "permises", "attendu", "essayez", "lancez",
        "identifiant", "chaîne", "écrivez", "est", "pas", "ne", "une", "dans", "ici", "créé", "rien", "ligne", "liste",
        "Titre", "Nom", "Fin", "Suite", "Manque", "Revue", "Motif", "Clôture", "Montant", "Devise", "Rôle", "Fonction",
        "Depuis", "Clé", "Échéance", "État", "Pays", "Libellé", "Liste", "Valeurs", "Champ", "Valeur", "nombre", "financeur",
        "année", "conflit", "Démon", "arrêté", "Dernière", "synchro", "jamais", "branche", "dépôt", "distant", "Aucun", "Aucune",
    ]

    /// One command line and the exit status its bad (or empty) input must give.
    struct Case: CustomStringConvertible {
        var arguments: [String]
        var status: Int32
        /// The run changes the KB (a first `init` registers the merge driver, a second finds
        /// it there), so a second run's output may differ.
        var changesState = false
        var description: String { arguments.joined(separator: " ") }
    }

    /// Each command's main errors, empty results and tables. `validate` and `import` run on
    /// broken input that `breakSample` writes.
    static let cases: [Case] = [
        Case(arguments: ["validate"], status: 1),
        Case(arguments: ["validate", "nowhere.yaml"], status: 2),
        Case(arguments: ["show", "tn-mun-nulle-part"], status: 2),
        Case(arguments: ["list", "partnr"], status: 2),
        Case(arguments: ["list", "partner", "--where", "kind=comune"], status: 2),
        Case(arguments: ["list", "partner", "--where", "contry=TN"], status: 2),
        Case(arguments: ["list", "partner", "--where", "country=ZZ"], status: 0),
        Case(arguments: ["list", "partner", "--group-by", "country", "--count"], status: 0),
        Case(arguments: ["find", "zzzzqqq"], status: 0),
        Case(arguments: ["history", "Nulle-part-sur-mer"], status: 2),
        Case(arguments: ["history", "tn-mun-sfax"], status: 0),
        Case(arguments: ["conventions", "--ending-within", "6x"], status: 2),
        Case(arguments: ["conventions", "--ending-within", "1d"], status: 0),
        Case(arguments: ["conventions", "--gaps"], status: 0),
        Case(arguments: ["people"], status: 2),
        Case(arguments: ["people", "--review-due"], status: 0),
        Case(arguments: ["funding", "--by", "country"], status: 2),
        Case(arguments: ["funding", "--since", "2090"], status: 0),
        Case(arguments: ["calls", "--closing-within", "1d"], status: 0),
        Case(arguments: ["contacts", "tn-mun-sfax", "--role", "zzz"], status: 2),
        Case(arguments: ["contacts", "tn-mun-sfax", "--on", "1990"], status: 0),
        Case(arguments: ["deliverables", "Nulle-part-sur-mer"], status: 2),
        Case(arguments: ["oda", "fr-com-26281-romans-sur-isere", "--year", "20"], status: 2),
        Case(arguments: ["oda", "fr-com-26281-romans-sur-isere", "--year", "1990"], status: 0),
        Case(arguments: ["report", "Nulle-part-sur-mer"], status: 2),
        Case(arguments: ["new", "organisation", "x"], status: 2),
        Case(arguments: ["new", "partner", "tn-mun-x", "--set", "nmae=Gabès"], status: 2),
        Case(arguments: ["new", "partner", "tn-mun-sfax"], status: 2),
        Case(arguments: ["new", "partner", "tn-mun-x", "--set", "country"], status: 2),
        Case(arguments: ["import", "bad.csv", "--type", "call", "--dry-run"], status: 1),
        Case(arguments: ["import", "bad-header.csv", "--type", "call", "--dry-run"], status: 2),
        Case(arguments: ["vocab", "confidentialty"], status: 2),
        Case(arguments: ["vocab", "confidentiality"], status: 0),
        Case(arguments: ["log", "tn-mun-nulle-part"], status: 2),
        Case(arguments: ["status"], status: 0),
        Case(arguments: ["conflicts"], status: 0),
        Case(arguments: ["resolve", "tn-mun-nulle-part", "name", "--ours"], status: 2),
        Case(arguments: ["list", "partner", "--today", "2026-13-45"], status: 2),
        Case(arguments: ["list", "partner", "--bogus"], status: 2),
        Case(arguments: ["show"], status: 2),
        Case(arguments: ["list", "partner", "--format", "xml"], status: 2),
        Case(arguments: ["resolve", "tn-mun-sfax", "name"], status: 2),
        // Commands other lanes added: the main error and one normal run of each.
        Case(arguments: ["clone", ".", "knowledge"], status: 2),
        Case(arguments: ["clone", "/nulle/part.git", "/tmp/kaleido-clone-nulle-part"], status: 2),
        Case(arguments: ["daemon", "add", "/nulle/part"], status: 2),
        Case(arguments: ["daemon", "list"], status: 0),
        Case(arguments: ["daemon", "remove", "."], status: 1),
        Case(arguments: ["init", "--remote", "nulle-part"], status: 2),
        Case(arguments: ["init"], status: 0, changesState: true),
        Case(arguments: ["import", "inscriptions.csv", "--type", "registration"], status: 2),
        Case(arguments: ["import", "inscriptions.csv", "--type", "registration", "--event", "evt-2011-09-arricod-universites-dijon", "--dry-run"], status: 1),
        Case(arguments: ["import", "inscriptions.csv", "--type", "call", "--event", "x"], status: 2),
        Case(arguments: ["participants", "tn-mun-sfax"], status: 2),
        Case(arguments: ["participants", "evt-2011-09-arricod-universites-dijon", "--by", "pays"], status: 2),
        Case(arguments: ["participants", "evt-2011-09-arricod-universites-dijon", "--by", "country,sex"], status: 0),
        Case(arguments: ["programme", "nulle-part"], status: 2),
        Case(arguments: ["programme", "evt-2011-09-arricod-universites-dijon"], status: 0),
        Case(arguments: ["days", "--by", "zzz"], status: 2),
        Case(arguments: ["days"], status: 0),
        Case(arguments: ["billing", "--client", "Nulle-part-sur-mer"], status: 2),
        Case(arguments: ["billing"], status: 0),
        Case(arguments: ["invoices"], status: 0),
        Case(arguments: ["pipeline"], status: 0),
        Case(arguments: ["due", "--within", "6x"], status: 2),
        Case(arguments: ["due"], status: 0),
        Case(arguments: ["deliverables", "eng-2026-romans-renouvellement-convention"], status: 0),
        Case(arguments: ["oda", "fr-com-26281-romans-sur-isere", "--year", "2026"], status: 0),
        Case(arguments: ["atlas", "Nulle-part-sur-mer"], status: 2),
        Case(arguments: ["atlas", "fr-com-26281-romans-sur-isere"], status: 0),
        Case(arguments: ["forget", "Personne Inconnue", "--dry-run"], status: 2),
        Case(arguments: ["forget", "p-claire-morel", "--dry-run"], status: 0),
        Case(arguments: ["followups", "--week", "2026-13"], status: 2),
        Case(arguments: ["followups", "--week", "2026-10-22"], status: 0),
        Case(arguments: ["conventions"], status: 0),
        Case(arguments: ["show", "conv-2021-romans-sfax-cooperation"], status: 0),
        Case(arguments: ["calls", "--client", "fr-com-26281-romans-sur-isere"], status: 0),
    ]

    /// The sample with the common validation errors: a value outside its enumeration written
    /// with accents and capitals, a missing required field, an unknown field, a decimal comma.
    static func breakSample(_ kb: String) throws {
        let partnership = kb + "/knowledge/partnerships/ptn-fr-com-26281-romans-sur-isere--tn-mun-sfax.yaml"
        var text = try #require(Run.read(partnership))
        text = text.replacingOccurrences(of: "kind: cooperation_decentralisee", with: "kind: Coopération_Décentralisée")
        try Run.write(text, to: partnership)
        let engagement = kb + "/knowledge/engagements/eng-2011-arricod-universites.yaml"
        text = try #require(Run.read(engagement))
        text = text.replacingOccurrences(of: "amount_ht: 1800,", with: "amount_ht: \"1 800,50\",")
        try Run.write(text, to: engagement)
        let sfax = kb + "/knowledge/partners/tn-mun-sfax.yaml"
        text = try #require(Run.read(sfax))
        text = text.replacingOccurrences(of: "name: Municipalité de Sfax\n", with: "") + "nmae: Sfax\n"
        try Run.write(text, to: sfax)
        try Run.write("programme;funder;status;closes_on\nAppel test;Nulle Part;ouvret;31/02/2027\n", to: kb + "/bad.csv")
        try Run.write("programme;statut\nAppel test;ouvert\n", to: kb + "/bad-header.csv")
        // Line 2 an adult with consent, line 3 a minor, line 4 a consent on 31 February.
        try Run.write("""
            Nom;Organisation;Rôle;Statut;Pays;Sexe;Âge;Consentement
            Hélène Dupré;Région Bourgogne;Participante;Présente;FR;F;34;15/09/2011
            Youssef Ben Ali;Association Horizons Sfax;Participant;Inscrit;TN;H;16;
            Chloé Martin;Ville de Lyon;Participante;Présente;FR;F;29;31/02/2011

            """, to: kb + "/inscriptions.csv")
        try Run.git(["init", "-q", "-b", "main"], in: kb)
    }

    /// Runs every case in `kb` with `extra` arguments and returns the outputs, checking the exit statuses.
    static func runAll(in kb: String, extra: [String] = []) throws -> [(Case, String)] {
        // `daemon add/list/remove` edit $XDG_CONFIG_HOME/kaleido/daemon.yaml: one beside the KB.
        let environment = ["XDG_CONFIG_HOME": kb + "/../config"]
        return try cases.map { item in
            let run = try Run.kaleido(item.arguments + extra, in: kb, environment: environment)
            #expect(run.status == item.status, "\(item): \(run.stdout)\(run.stderr)")
            return (item, run.stdout + run.stderr)
        }
    }

    /// The words of `output` that are language: without the diagnostic prefix, quotes, options,
    /// commands, rule names, ids, paths and numbers.
    static func words(_ output: String) -> [(line: String, words: [String])] {
        // ArgumentParser's "Help:" line quotes the option's own help, in the run's language too.
        output.split(separator: "\n").map { line in
            var text = String(line)
            let strip = [
                #"^\S+:\d+:\d+: (error|warning):"#, #"^kaleido: "#, #"`[^`]*`"#, #""[^"]*""#, #"«[^»]*»"#, #"'[^']*'"#,
                #"--[a-z-]+(=\S+| [a-z_.]+=\S*)?"#, #"\[[a-z0-9-]+\]$"#, #"[A-Za-z0-9_.-]*[/_][A-Za-z0-9_./-]*"#,
                #"\b[a-z]+(-[a-z0-9]+)+\b"#, #"\b[a-z_]+(, [a-z_]+){2,}"#,  // ids, and lists of field names or type keys
                #"<[a-z-]+>"#,  // the value names of a usage line
                #"^\s+(kaleido|systemctl|cd) .*$"#,  // a command line to type, on its own (clone's next steps)
                #"(?<=[,;:] )[a-z_]+: "#,  // the keys of a nested value shown inline (`deliberation: body: …, number: …`)
            ]
            for pattern in strip { text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression) }
            let words = text.split { !$0.isLetter && $0 != "'" }.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
            return (String(line), words.filter { !$0.isEmpty })
        }
    }

    static func offending(_ output: String, list: Set<String>) -> [String] {
        words(output).flatMap { line in line.words.filter(list.contains).map { "\($0) in: \(line.line)" } }
    }

    static func mixed(_ output: String) -> [String] {
        words(output).filter { line in line.words.contains(where: englishWords.contains) && line.words.contains(where: frenchWords.contains) }
            .map(\.line)
    }

    @Test func frenchKnowledgeBaseSpeaksFrench() throws {
        try Run.withSampleKB { kb in
            try Self.breakSample(kb)
            for (item, output) in try Self.runAll(in: kb) {
                #expect(!output.isEmpty, "\(item)")
                #expect(Self.offending(output, list: Self.englishWords) == [], "\(item):\n\(output)")
                #expect(Self.mixed(output) == [], "\(item)")
            }
        }
    }

    @Test func englishByConfigOrOptionSpeaksEnglish() throws {
        try Run.withSampleKB { kb in
            try Self.breakSample(kb)
            let withOption = try Self.runAll(in: kb, extra: ["--lang", "en"])
            let config = kb + "/.kaleido/config.yaml"
            let text = try #require(Run.read(config))
            try Run.write(text.replacingOccurrences(of: "\nlanguage: fr ", with: "\nlanguage: en "), to: config)
            let withConfig = try Self.runAll(in: kb)
            for (item, output) in withOption + withConfig {
                #expect(Self.offending(output, list: Self.frenchWords) == [], "\(item):\n\(output)")
                #expect(Self.mixed(output) == [], "\(item)")
            }
            // The option and the setting say the same.
            for ((item, option), (_, config)) in zip(withOption, withConfig) where !item.changesState {
                #expect(option == config, "\(item)")
            }
        }
    }

    /// The hints the must-show list names, in both languages.
    @Test func enumSuggestionAndDecimalCommaHint() throws {
        try Run.withSampleKB { kb in
            try Self.breakSample(kb)
            let french = try Run.kaleido(["validate"], in: kb).stdout
            #expect(french.contains("ptn-fr-com-26281-romans-sur-isere--tn-mun-sfax.yaml:4:7: error: kind : la chaîne \"Coopération_Décentralisée\" n'est pas une des valeurs permises : "))
            #expect(french.contains("(vouliez-vous dire « cooperation_decentralisee » ?) [enum]"))
            #expect(french.contains("error: amount_ht doit être un nombre, pas la chaîne \"1 800,50\" ; écrivez 1800.50 [type]"))
            #expect(french.contains("tn-mun-sfax.yaml:1:1: error: champ obligatoire « name » absent [required]"))
            #expect(french.contains(": error: champ inconnu « nmae » (vouliez-vous dire « name » ?) [unevaluatedProperties]"), "\(french)")
            let english = try Run.kaleido(["validate", "--lang", "en"], in: kb).stdout
            #expect(english.contains("(did you mean \"cooperation_decentralisee\"?) [enum]"))
            #expect(english.contains("error: amount_ht must be a number, not the string \"1 800,50\"; write 1800.50 [type]"))
            #expect(english.contains(": error: unknown property \"nmae\" (did you mean \"name\"?) [unevaluatedProperties]"), "\(english)")
            // `new` checks a value given with --set the same way.
            let new = try Run.kaleido(["new", "partnership", "ptn-fr-com-x--tn-mun-y", "--set", "kind=Coopération_Décentralisée"], in: kb)
            #expect(new.stdout.contains("(vouliez-vous dire « cooperation_decentralisee » ?)"), "\(new.stdout)\(new.stderr)")
        }
    }

    /// `sync` and `status` lines on the French sample with a bare remote, then in English.
    @Test func syncAndStatusSpeakTheKnowledgeBasesLanguage() throws {
        try Run.withSampleKB { kb in
            let remote = kb + "/../remote.git"
            try #require(try Run.git(["init", "-q", "--bare", "-b", "main", remote], in: kb).status == 0)
            try #require(try Run.git(["init", "-q", "-b", "main"], in: kb).status == 0)
            try #require(try Run.git(["remote", "add", "origin", remote], in: kb).status == 0)
            let first = try Run.kaleido(["sync"], in: kb)
            #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
            #expect(first.stdout.hasSuffix("\nenvoyé\n"), "\(first.stdout)")
            #expect(first.stdout.hasPrefix("enregistré : ") && first.stdout.contains(" : nouvelle fiche ; ") && first.stdout.contains(" autres\n"),
                    "\(first.stdout)")
            let again = try Run.kaleido(["sync"], in: kb)
            #expect(again.stdout == "à jour\n", "\(again.stdout)\(again.stderr)")
            let status = try Run.kaleido(["status"], in: kb).stdout
            let lines = status.split(separator: "\n").map(String.init)
            #expect(lines.count == 4 && lines[0].hasPrefix("Base ") && lines[0].hasSuffix(", branche main, dépôt distant origin (\(remote))"), "\(status)")
            #expect(lines[1] == "Démon : arrêté" && lines[2].hasPrefix("Dernière synchro : ") && lines[3] == "En avance de 0, en retard de 0", "\(status)")
            for output in [first.stdout, again.stdout, status] {
                #expect(Self.offending(output, list: Self.englishWords) == [] && Self.mixed(output) == [], "\(output)")
            }
            let english = try Run.kaleido(["sync", "--lang", "en"], in: kb)
            #expect(english.stdout == "up to date\n")
            let englishStatus = try Run.kaleido(["status", "--lang", "en"], in: kb).stdout
            #expect(englishStatus.contains("\nDaemon: not running\nLast sync: ") && englishStatus.hasSuffix("\nAhead 0, behind 0\n"), "\(englishStatus)")
            #expect(Self.offending(englishStatus, list: Self.frenchWords) == [] && Self.mixed(englishStatus) == [])
            // JSON keys do not change with the language.
            let json = try Run.kaleido(["status", "--format", "json"], in: kb).stdout
            #expect(json == (try Run.kaleido(["status", "--format", "json", "--lang", "en"], in: kb).stdout))
            #expect(json.contains("\"remote_url\""), "\(json)")
        }
    }

    /// `clone` runs outside any KB: `--lang` (else `KALEIDO_LANG`, else the locale) decides its
    /// progress lines and next steps, which KaleidoSync words in both languages.
    @Test func cloneSpeaksTheChosenLanguage() throws {
        try Run.withSampleKB { kb in
            let remote = kb + "/../remote.git"
            try #require(try Run.git(["init", "-q", "--bare", "-b", "main", remote], in: kb).status == 0)
            try #require(try Run.git(["init", "-q", "-b", "main"], in: kb).status == 0)
            try #require(try Run.git(["remote", "add", "origin", remote], in: kb).status == 0)
            try #require(try Run.kaleido(["sync"], in: kb).status == 0)
            let identity = ["--name", "Bruno Ferrand", "--email", "bruno@kaleidoscop.example"]
            let french = try Run.kaleido(["clone", remote, kb + "/../copie"] + identity, in: kb + "/..", environment: ["KALEIDO_LANG": "fr"])
            #expect(french.status == 0, "\(french.stderr)")
            #expect(french.stdout.hasPrefix("base clonée dans ") && french.stdout.contains("\nEt maintenant :\n"), "\(french.stdout)")
            #expect(french.stderr.contains("récupération de "), "\(french.stderr)")
            let english = try Run.kaleido(["clone", remote, kb + "/../copy", "--lang", "en"] + identity, in: kb + "/..")
            #expect(english.status == 0, "\(english.stderr)")
            #expect(english.stdout.hasPrefix("knowledge base cloned into ") && english.stdout.contains("\nNext:\n"), "\(english.stdout)")
            #expect(english.stderr.contains("fetching "), "\(english.stderr)")
            #expect(Self.offending(french.stdout + french.stderr, list: Self.englishWords) == [] && Self.mixed(french.stdout + french.stderr) == [])
            #expect(Self.offending(english.stdout + english.stderr, list: Self.frenchWords) == [] && Self.mixed(english.stdout + english.stderr) == [])
            // Into a folder that is not empty: the usage error in each language.
            let refused = try Run.kaleido(["clone", remote, kb + "/../copy", "--lang", "en"] + identity, in: kb + "/..")
            #expect(refused.status == 2 && refused.stderr.hasPrefix("kaleido: error: the folder ") && refused.stderr.contains(" exists and is not empty"))
            let refusé = try Run.kaleido(["clone", remote, kb + "/../copy", "--lang", "fr"] + identity, in: kb + "/..")
            #expect(refusé.status == 2 && refusé.stderr.hasPrefix("kaleido: erreur : le dossier ") && refusé.stderr.contains(" existe et n'est pas vide"))
        }
    }

    /// `--lang` beats `KALEIDO_LANG`, which beats the KB's setting; outside a KB the locale decides help.
    @Test func theLanguageIsChosenInOrder() throws {
        try Run.withSampleKB { kb in
            #expect(try Run.kaleido(["show", "x"], in: kb).stderr.hasPrefix("kaleido: erreur : aucune fiche"))
            #expect(try Run.kaleido(["show", "x"], in: kb, environment: ["KALEIDO_LANG": "en"]).stderr.hasPrefix("kaleido: error: no record"))
            #expect(try Run.kaleido(["show", "--lang=fr", "x"], in: kb, environment: ["KALEIDO_LANG": "en"]).stderr.hasPrefix("kaleido: erreur :"))
            let bad = try Run.kaleido(["show", "x", "--lang", "de"], in: kb)
            #expect(bad.status == 2)
            #expect(bad.stderr == "kaleido: erreur : --lang de : attendu fr ou en\n")
            let outside = kb + "/.."
            let frenchHelp = try Run.kaleido(["--help"], in: outside, environment: ["LANG": "fr_FR.UTF-8"]).stdout
            #expect(frenchHelp.contains("validate") && frenchHelp.contains("Vérifier les fiches selon leurs schémas"), "\(frenchHelp)")
            let englishHelp = try Run.kaleido(["--help"], in: outside, environment: ["LANG": "C.UTF-8"]).stdout
            #expect(englishHelp.contains("Check records against their schemas"), "\(englishHelp)")
            let validateHelp = try Run.kaleido(["validate", "--help"], in: kb).stdout
            #expect(validateHelp.hasPrefix("RÉSUMÉ : Vérifier les fiches selon leurs schémas et les règles de la base."), "\(validateHelp)")
        }
    }
}
