import Foundation

/// The French of the domain rules added with the convention's life, events, the cooperative's
/// business and partner codes (KaleidoKB's `ConventionDateRules`, `EventRules`,
/// `EngagementRules`, `InvoiceNumberRule`, `PartnerCodeRules`), one sentence pattern each.
extension FindingWording {
    static func domainRules(_ rule: String) -> [PatternRendering] {
        switch rule {
        case "convention-dates":
            return [
                (#"^the transmission to the préfet \((\S+)\) is before the signature \(signed_on (\S+)\)$"#,
                 { "la transmission au préfet (\($0[0])) est antérieure à la signature (signed_on \($0[1]))" }),
                (#"^effective_from (\S+) is before the transmission to the préfet \((\S+)\)"#,
                 { "effective_from \($0[0]) est antérieur à la transmission au préfet (\($0[1])) ; une convention prend effet une fois transmise" }),
                (#"^a commitment for (\S+) is outside the convention's years \((.*)\)$"#,
                 { "un engagement pour \($0[0]) sort des années de la convention (\($0[1]))" }),
                (#"^terminated_on (\S+) is before the signature \(signed_on (\S+)\)$"#,
                 { "terminated_on \($0[0]) est antérieur à la signature (signed_on \($0[1]))" }),
            ]
        case "commitment-party":
            return [
                (#"^(\S+) commits funds but is not a party of this convention"#,
                 { "\($0[0]) engage des fonds mais n'est pas partie à cette convention ; ajoutez-la aux parties ou corrigez l'engagement" }),
                (#"^(\S+) terminated this convention but is not one of its parties$"#,
                 { "\($0[0]) a résilié cette convention mais n'en est pas partie" }),
            ]
        case "gdpr-minor":
            return [
                (#"^a minor is never recorded by name: delete (.*) and count them"#,
                 { "un mineur n'est jamais enregistré nommément : supprimez \(frenchAnd($0[0])) et comptez-le dans counts ({country, sex, age_band, number})" }),
                (#"^a minor is recorded only as a number"#,
                 { _ in "un mineur n'est enregistré que par un nombre : déplacez cette inscription dans counts ({country, sex, age_band, number})" }),
            ]
        case "gdpr-consent":
            return [(#"^an adult is named only with their consent"#,
                     { _ in "un adulte n'est nommé qu'avec son consentement : ajoutez consent: {given_on: AAAA-MM-JJ, scope: …}, ou comptez-le dans counts sans son nom" })]
        case "session-date":
            return [(#"^this session \((.*)\) is outside the event's dates \((.*)\)$"#,
                     { "cette séance (\($0[0])) sort des dates de l'événement (\(frenchSpan($0[1])))" })]
        case "invoice-amount":
            return [(#"^amount_ttc (\S+) is not amount_ht (\S+) × \(1 \+ vat_rate (\S+)\) = (\S+); check the invoice as issued$"#,
                     { "amount_ttc \($0[0]) ne vaut pas amount_ht \($0[1]) × (1 + vat_rate \($0[2])) = \($0[3]) ; vérifiez la facture émise" })]
        case "invoice-dates":
            return [(#"^due (\S+) is before the invoice's date (\S+)$"#, { "l'échéance \($0[0]) est antérieure à la date de la facture \($0[1])" })]
        case "invoice-milestone":
            return [(#"^milestone "(.*)" is not in the schedule \((.*)\)$"#, { "l'étape « \($0[0]) » n'est pas dans l'échéancier (\($0[1]))" })]
        case "timesheet-person":
            return [(#"^(\S+) booked time but is not one of this mission's consultants"#,
                     { "\($0[0]) a saisi du temps mais ne fait pas partie des consultants de cette mission ; ajoutez-le à consultants ou corrigez la saisie" })]
        case "schedule-total":
            return [(#"^the schedule adds up to (\S+) but contract.amount_ht is (\S+)$"#,
                     { "l'échéancier totalise \($0[0]) mais contract.amount_ht vaut \($0[1])" })]
        case "duplicate-invoice-number":
            return [(#"^invoice number "(.*)" is already used in (\S+); invoice numbers must be unique$"#,
                     { "le numéro de facture « \($0[0]) » est déjà utilisé dans \($0[1]) ; les numéros de facture sont uniques" })]
        case "duplicate-code":
            return [(#"^(\S+) code (\S+) is also the code of (.*); the same body recorded twice\?$"#,
                     { "le code \($0[0]) \($0[1]) est aussi celui de \($0[2]) ; la même structure enregistrée deux fois ?" })]
        case "id-code":
            return [(#"^the id carries the code (\S+), but codes.insee is (\S+) \(at (.*)\); one of them is wrong$"#,
                     { "l'identifiant porte le code \($0[0]), mais codes.insee vaut \($0[1]) (en \($0[2])) ; l'un des deux est faux" })]
        default:
            return []
        }
    }

    private static func frenchSpan(_ text: String) -> String { text.replacingOccurrences(of: " to ", with: " au ") }
    private static func frenchAnd(_ text: String) -> String { text.replacingOccurrences(of: " and ", with: " et ") }
}
