/// Table headers, section titles and the words inside table cells of the query commands, in
/// the run's language (`Lang`): each line of a header entirely in one language.
enum Headers {
    static var amount: String { Lang.pick(fr: "Montant", en: "Amount") }
    static var amountLower: String { Lang.pick(fr: "montant", en: "amount") }
    static var cancelled: String { Lang.pick(fr: "annulé", en: "cancelled") }
    static var closes: String { Lang.pick(fr: "Clôture", en: "Closes") }
    static var country: String { Lang.pick(fr: "Pays", en: "Country") }
    static var count: String { Lang.pick(fr: "nombre", en: "count") }
    static func sum(_ field: String) -> String { Lang.pick(fr: "somme(\(field))", en: "sum(\(field))") }
    static var currency: String { Lang.pick(fr: "Devise", en: "Currency") }
    static var currencyLower: String { Lang.pick(fr: "devise", en: "currency") }
    static var dates: String { Lang.pick(fr: "Dates", en: "Dates") }
    static var delivered: String { Lang.pick(fr: "livré", en: "delivered") }
    static var deliveredOn: String { Lang.pick(fr: "Livré le", en: "Delivered on") }
    static var due: String { Lang.pick(fr: "Échéance", en: "Due") }
    static var eligibleClients: String { Lang.pick(fr: "Clients concernés", en: "Eligible clients") }
    static var ends: String { Lang.pick(fr: "Fin", en: "Ends") }
    static var excludedCountryNotEligible: String { Lang.pick(fr: "exclu : pays non éligible", en: "excluded: country not eligible") }
    static var field: String { Lang.pick(fr: "Champ", en: "Field") }
    static var funder: String { Lang.pick(fr: "financeur", en: "funder") }
    static var year: String { Lang.pick(fr: "année", en: "year") }
    static var from: String { Lang.pick(fr: "Depuis", en: "From") }
    static var key: String { Lang.pick(fr: "Clé", en: "Key") }
    static var label: String { Lang.pick(fr: "Libellé", en: "Label") }
    static var list: String { Lang.pick(fr: "Liste", en: "List") }
    static var values: String { Lang.pick(fr: "Valeurs", en: "Values") }
    static var lastInteraction: String { Lang.pick(fr: "Dernier échange", en: "Last interaction") }
    static var missing: String { Lang.pick(fr: "Manque", en: "Missing") }
    static var name: String { Lang.pick(fr: "Nom", en: "Name") }
    static var nature: String { Lang.pick(fr: "Nature", en: "Nature") }
    static var noRecord: String { Lang.pick(fr: "Aucun enregistrement", en: "No record") }
    static var nonePrepared: String { Lang.pick(fr: "aucune en préparation", en: "none prepared") }
    static var notFound: String { Lang.pick(fr: "(introuvable)", en: "(not found)") }
    static var note: String { Lang.pick(fr: "Remarque", en: "Note") }
    static var overdue: String { Lang.pick(fr: "en retard", en: "overdue") }
    static var pending: String { Lang.pick(fr: "à venir", en: "pending") }
    static var programme: String { Lang.pick(fr: "Programme", en: "Programme") }
    static var reason: String { Lang.pick(fr: "Motif", en: "Reason") }
    static var references: String { Lang.pick(fr: "Références", en: "References") }
    static var referredToBy: String { Lang.pick(fr: "Cité par", en: "Referred to by") }
    static var relation: String { Lang.pick(fr: "Relation", en: "Relation") }
    static var renewal: String { Lang.pick(fr: "Suite", en: "Renewal") }
    static var reviewAfter: String { Lang.pick(fr: "Revue après", en: "Review after") }
    static var role: String { Lang.pick(fr: "Rôle", en: "Role") }
    static var state: String { Lang.pick(fr: "État", en: "State") }
    static var title: String { Lang.pick(fr: "Titre", en: "Title") }
    static var function: String { Lang.pick(fr: "Fonction", en: "Title") }
    static var totalPerCurrency: String { Lang.pick(fr: "Total par devise", en: "Total per currency") }
    static var type: String { Lang.pick(fr: "Type", en: "Type") }
    static var undated: String { Lang.pick(fr: "Sans date", en: "Undated") }
    static var until: String { Lang.pick(fr: "Jusqu'à", en: "Until") }
    static var value: String { Lang.pick(fr: "Valeur", en: "Value") }
}
