/// The French of the validators' English sentences (see `FindingWording`), rule by rule.
extension FindingWording {
    /// `message` in French when its rule's sentence is one of the known ones, else unchanged.
    static func french(rule: String, _ message: String) -> String {
        firstRendering(of: message, in: patterns(rule)) ?? message
    }

    private static func patterns(_ rule: String) -> [PatternRendering] {
        switch rule {
        case "required":
            return [(#"^missing required property "(.*)"$"#, { "champ obligatoire « \($0[0]) » absent" })]
        case "additionalProperties", "unevaluatedProperties":
            return [(#"^unknown property "(.*)"(.*)$"#, { "champ inconnu « \($0[0]) »" + didYouMean($0[1]) })]
        case "type", "const", "anyOf", "oneOf":
            return [(#"^(.+?) must be (.+), not (.+)$"#, { "\(subject($0[0])) doit être \(types($0[1])), pas \(value($0[2]))" }),
                    (#"^(.+?) (.+) matches none of the allowed forms$"#, { "\(subject($0[0])) \(value($0[1])) ne correspond à aucune des formes permises" }),
                    (#"^(.+?) matches more than one alternative \((\d+) and (\d+)\); it must match exactly one$"#,
                     { "\(subject($0[0])) correspond à plusieurs variantes (\($0[1]) et \($0[2])) ; il en faut exactement une" })]
        case "plain-scalar":
            return [(#"^(.+?) is read as a string here; other tools read it as (.+): quote it \((.*)\)$"#,
                     { "\(subject($0[0])) est lu ici comme une chaîne ; d'autres outils le lisent comme \(types($0[1])) : mettez-le entre guillemets (\($0[2]))" })]
        case "enum":
            return [(#"^(.+?) ((?:the string|the number|a list of|an object|null|true|false).*?) is not one of the allowed values: (.*)$"#,
                     { "\(subject($0[0])) : \(value($0[1])) n'est pas une des valeurs permises : \(inAll($0[2]))" })]
        case "pattern":
            return [(#"^(.+?) (".*") does not match the pattern (.*)$"#, { "\(subject($0[0])) \($0[1]) ne suit pas le motif \($0[2])" })]
        case "format":
            return [(#"^(.+?) (".*") is not (.*)$"#, { "\(subject($0[0])) \($0[1]) n'est pas \(format($0[2]))" })]
        case "minLength", "maxLength":
            return [(#"^(.+?) must not be empty$"#, { "\(subject($0[0])) ne doit pas être vide" }),
                    (#"^(.+?) is (\d+) characters? long; at (most|least) (\d+) (?:is|are) (?:allowed|required)$"#, { parts in
                        "\(subject(parts[0])) fait \(parts[1]) caractère\(parts[1] == "1" ? "" : "s") ; \(parts[2] == "most" ? "au plus" : "au moins") \(parts[3]) permis"
                    })]
        case "minItems", "maxItems", "minProperties", "maxProperties":
            return [(#"^(.+?) has (\d+) (item|items|property|properties); at (most|least) (\d+) (?:is|are) (?:allowed|required)$"#, { parts in
                let noun = parts[2].hasPrefix("item") ? "élément" : "champ"
                return "\(subject(parts[0])) a \(parts[1]) \(noun)\(parts[1] == "1" ? "" : "s") ; \(parts[3] == "most" ? "au plus" : "au moins") \(parts[4]) permis"
            })]
        case "uniqueItems":
            return [(#"^(.+?) has duplicate items \(items (\d+) and (\d+) are equal\)$"#,
                     { "\(subject($0[0])) a des doublons (les éléments \($0[1]) et \($0[2]) sont égaux)" })]
        case "multipleOf":
            return [(#"^(.+?) (\S+) must be a multiple of (\S+)$"#, { "\(subject($0[0])) \($0[1]) doit être un multiple de \($0[2])" })]
        case "dependentRequired":
            return [(#"^property "(.*)" is required when "(.*)" is present$"#, { "le champ « \($0[0]) » est obligatoire quand « \($0[1]) » est présent" })]
        case "false", "not":
            return [(#"^(.+?) is not allowed here$"#, { "\(subject($0[0])) n'est pas permis ici" }),
                    (#"^(.+?) \((.*)\) has a form that is not allowed here$"#, { "\(subject($0[0])) (\(value($0[1]))) a une forme qui n'est pas permise ici" })]
        case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
            return [(#"^(.+?) (\S+) must be (at most|at least|below|above) (\S+)$"#, { parts in
                let bound = ["at most": "au plus", "at least": "au moins", "below": "inférieur à", "above": "supérieur à"][parts[2]] ?? parts[2]
                return "\(subject(parts[0])) \(parts[1]) doit être \(bound) \(parts[3])"
            })]
        case "reference":
            return [(#"^no (\S+) has id "(.*?)"(?:, did you mean "(.*)"\?)?$"#, { parts in
                "aucune fiche \(parts[0]) n'a l'identifiant « \(parts[1]) »" + (parts[2].isEmpty ? "" : ", vouliez-vous dire « \(parts[2]) » ?")
            })]
        case "reference-type":
            return [(#"^"(.*)" is an? (\S+), but this field needs an? (\S+)$"#, { "« \($0[0]) » est une fiche \($0[1]), mais ce champ attend une fiche \($0[2])" })]
        case "duplicate-id":
            return [(#"^id "(.*)" is already used by (.*); ids must be unique in the whole knowledge base$"#,
                     { "l'identifiant « \($0[0]) » est déjà pris par \($0[1]) ; un identifiant doit être unique dans toute la base" })]
        default:
            return kbRules(rule)
        }
    }

    /// The KB's own rules (KaleidoKB's `RecordRules`, `CrossRecordRules`).
    private static func kbRules(_ rule: String) -> [PatternRendering] {
        switch rule {
        case "record-shape":
            return [(#"^a record must be a mapping"#, { _ in "une fiche doit être une suite de champs (`id: …`, `type: …`)" })]
        case "id-file-name":
            return [(#"^id "(.*)" must equal the file name "(.*)"; rename"#,
                     { "l'identifiant « \($0[0]) » doit être le nom du fichier « \($0[1]) » ; renommez le fichier ou corrigez l'identifiant" })]
        case "type-folder":
            return [(#"^a record of type "(.*)" cannot live in (.*); move it"#,
                     { "une fiche de type « \($0[0]) » ne peut pas être dans \($0[1]) ; déplacez-la dans le dossier de son type" }),
                    (#"^records live in a type folder under (\S+) \((.*)\)$"#, { "les fiches vont dans un dossier de type sous \($0[0]) (\($0[1]))" })]
        case "date-order":
            return [(#"^(\S+) (\S+) is before (\S+) (\S+)$"#, { "\($0[0]) \($0[1]) est avant \($0[2]) \($0[3])" })]
        case "open-conflict":
            return [(#"^open merge conflict on (.*); settle it with (`.*`)$"#, { "conflit de fusion ouvert sur \($0[0]) ; réglez-le avec \($0[1])" })]
        case "personal-data":
            return [(#"^"(.*)" is personal data"#, { "« \($0[0]) » est une donnée personnelle à ne jamais enregistrer ; supprimez le champ" })]
        case "review-due":
            return [(#"^the GDPR review date (\S+) has passed"#,
                     { "la date de revue RGPD \($0[0]) est passée ; vérifiez que les données sont encore nécessaires, puis fixez une nouvelle date" })]
        case "l1115-financial-commitments":
            return [(#"^a convention in force under L1115-1 must state"#,
                     { _ in "une convention en vigueur au titre de l'article L1115-1 doit préciser ses engagements financiers (financial_commitments)" })]
        case "l1115-prefect":
            return [(#"^a convention under L1115-1 takes effect once sent"#,
                     { _ in "une convention au titre de l'article L1115-1 prend effet une fois transmise au préfet : renseignez ses transmissions" }),
                    (#"^its dates say this convention is in force, but it is executory only once sent"#,
                     { _ in "d'après ses dates cette convention est en vigueur, mais elle n'est exécutoire qu'une fois transmise au préfet : renseignez ses transmissions" })]
        case "duration":
            return [(#"^duration_months is (\d+) but effective_from (\S+) to effective_until (\S+) is about (\d+) months$"#,
                     { "duration_months vaut \($0[0]) mais de effective_from \($0[1]) à effective_until \($0[2]) il y a environ \($0[3]) mois" })]
        case "convention-ending":
            return [(#"^this convention ends on (\S+) \(within 90 days\)"#,
                     { "cette convention prend fin le \($0[0]) (dans moins de 90 jours) et aucune suite n'est enregistrée (superseded_by)" })]
        case "funding-report-overdue":
            return [(#"^the report due (\S+) to (.*) has not been submitted"#,
                     { "le rapport dû le \($0[0]) à \($0[1]) n'a pas été remis (pas de submitted_on)" })]
        case "partnership-parties":
            return [(#"^no party of this partnership is a French local authority$"#, { _ in "aucune partie de ce partenariat n'est une collectivité française" }),
                    (#"^no party of this partnership is foreign"#,
                     { _ in "aucune partie de ce partenariat n'est étrangère ; la coopération décentralisée demande un partenaire étranger" })]
        default:
            return domainRules(rule)
        }
    }

    /// ` (did you mean "x"?)` as the validator appended it, in French.
    private static func didYouMean(_ tail: String) -> String {
        guard let suggestion = captures(#"did you mean "(.*)"\?"#, tail)?[0] else { return tail }
        return " (vouliez-vous dire « \(suggestion) » ?)"
    }

    /// How the validator names the place: a field name, `x item 2`, `the value`.
    private static func subject(_ text: String) -> String {
        if text == "the value" { return "la valeur" }
        if text == "property name" { return "le nom de champ" }
        if let parts = captures(#"^(.*) item (\d+)$"#, text) { return "\(parts[0]), élément \(parts[1])" }
        if let number = captures(#"^item (\d+)$"#, text)?[0] { return "l'élément \(number)" }
        return text
    }

    /// `a string or null` → `une chaîne ou null`.
    private static func types(_ text: String) -> String {
        var result = text
        for (english, french) in [("a whole number", "un nombre entier"), ("a number", "un nombre"), ("a string", "une chaîne"),
                                  ("a list", "une liste"), ("an object", "un objet"), ("true or false", "true ou false"),
                                  ("a boolean", "true ou false"), (" or ", " ou "), ("one of ", "l'une des valeurs ")] {
            result = result.replacingOccurrences(of: english, with: french)
        }
        return result
    }

    /// `the string "x"` → `la chaîne "x"`, `a list of 3 items` → `une liste de 3 éléments`.
    private static func value(_ text: String) -> String {
        if text.hasPrefix("the string ") { return "la chaîne " + text.dropFirst("the string ".count) }
        if text.hasPrefix("the number ") { return "le nombre " + text.dropFirst("the number ".count) }
        if text == "an object" { return "un objet" }
        if let count = captures(#"^a list of (\d+) items?$"#, text)?[0] { return "une liste de \(count) élément\(count == "1" ? "" : "s")" }
        return text
    }

    private static func inAll(_ list: String) -> String {
        list.replacingOccurrences(of: " in all)", with: " en tout)")
    }

    /// The formats' descriptions (KaleidoSchema's `FormatRegistry`) in French.
    private static func format(_ text: String) -> String {
        let known = [
            "a date (YYYY-MM-DD)": "une date (AAAA-MM-JJ)", "an e-mail address": "une adresse électronique",
            "a date and time (YYYY-MM-DDTHH:MM:SSZ)": "une date et heure (AAAA-MM-JJTHH:MM:SSZ)",
            "a date, a month or a year (YYYY-MM-DD, YYYY-MM or YYYY)": "une date, un mois ou une année (AAAA-MM-JJ, AAAA-MM ou AAAA)",
            "a SIREN number (9 digits with a valid check digit)": "un numéro SIREN (9 chiffres, clé de contrôle valide)",
            "a SIRET number (14 digits with a valid check digit)": "un numéro SIRET (14 chiffres, clé de contrôle valide)",
            "an INSEE commune code (5 characters: 01001, 2A004, 97411)": "un code commune INSEE (5 caractères : 01001, 2A004, 97411)",
            "an ISO 3166-1 alpha-2 code": "un code pays ISO 3166-1 alpha-2 (TN, FR…)",
            "an ISO 4217 currency code": "un code de devise ISO 4217 (EUR, TND…)",
            "a time with a time zone (HH:MM:SSZ)": "une heure avec fuseau (HH:MM:SSZ)",
            "an ISO 8601 duration (P1Y2M, PT3H)": "une durée ISO 8601 (P1Y2M, PT3H)",
            "a host name": "un nom d'hôte", "an internationalized host name": "un nom d'hôte internationalisé",
            "an IPv4 address": "une adresse IPv4", "an IPv6 address": "une adresse IPv6",
            "an absolute URI": "une URI absolue", "a URI reference": "une référence d'URI", "a UUID": "un UUID",
        ]
        return known[text] ?? text
    }
}
