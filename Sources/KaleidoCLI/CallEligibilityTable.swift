import Foundation
import KaleidoQuery

/// `kaleido calls --client PARTNER`: one client's eligibility for each call closing soon. The
/// wording is here, in one place, for the message catalogue.
enum CallEligibilityTable {
    static func table(_ rows: [(Questions.ClosingCall, CallEligibility)], context: QueryContext) -> ResultTable {
        let index = context.index
        var table = ResultTable(columns: ["Id", context.words("Programme", "Programme"), context.words("Clôture", "Closes"),
                                          context.words("Éligibilité", "Eligibility"), context.words("Taux max", "Max rate"),
                                          context.words("Autofinancement min", "Min own share")])
        table.rows = rows.map { call, eligibility in
            let value = index.value(call.record)
            return [index.id(call.record), index.title(call.record), call.closes.written, verdict(eligibility, context: context),
                    percent(value["max_rate"]?.text), percent(value["min_own_contribution_rate"]?.text)]
        }
        return table
    }

    /// "oui : Municipalité de Sfax (TN) ; convention(s) en vigueur : conv-…" or "non : why".
    static func verdict(_ eligibility: CallEligibility, context: QueryContext) -> String {
        let index = context.index
        switch eligibility.problem {
        case .applicantKind?:
            let kind = index.value(eligibility.client)["kind"]?.text ?? "?"
            return context.words("non : un porteur de type « \(context.label(kind, field: "kind", type: .partner)) » n'est pas éligible",
                                 "no: an applicant of kind \(kind) is not eligible")
        case .noPartnerInEligibleCountry?:
            return context.words("non : aucun partenariat actif avec un partenaire d'un pays éligible",
                                 "no: no active partnership with a partner of an eligible country")
        case .noConventionInForce?:
            return context.words("non : aucune convention en vigueur avec \(names(eligibility.partners, index: index)), exigée par l'appel",
                                 "no: no convention in force with \(names(eligibility.partners, index: index)), which the call requires")
        case nil:
            let conventions = eligibility.conventions.map { index.id($0) }.joined(separator: ", ")
            return context.words("oui : ", "yes: ") + names(eligibility.partners, index: index)
                + (conventions.isEmpty ? "" : context.words(" ; convention(s) en vigueur : ", "; convention(s) in force: ") + conventions)
        }
    }

    private static func names(_ partners: [Int], index: KBIndex) -> String {
        partners.map { "\(index.title($0)) (\(index.value($0)["country"]?.text ?? "?"))" }.joined(separator: ", ")
    }

    /// A rate written 0.5 as "50 %"; empty when the call gives none.
    static func percent(_ text: String?) -> String {
        guard let text, ExactDecimal(text) != nil, let rate = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return "" }
        return NSDecimalNumber(decimal: rate * 100).description(withLocale: Locale(identifier: "en_US_POSIX")) + " %"
    }

    static func json(_ rows: [(Questions.ClosingCall, CallEligibility)], index: KBIndex) -> String {
        JSONText.array(rows.map { call, eligibility in
            let value = index.value(call.record)
            let ids = { (records: [Int]) in "[" + records.map { JSONText.quote(index.id($0)) }.joined(separator: ", ") + "]" }
            return JSONText.object([
                ("id", JSONText.quote(index.id(call.record))), ("closes_on", JSONText.quote(call.closes.written)),
                ("eligible", eligibility.isEligible ? "true" : "false"),
                ("problem", eligibility.problem.map { JSONText.quote($0.rawValue) } ?? "null"),
                ("partners", ids(eligibility.partners)), ("conventions", ids(eligibility.conventions)),
                ("max_rate", value["max_rate"]?.text ?? "null"),
                ("min_own_contribution_rate", value["min_own_contribution_rate"]?.text ?? "null"),
            ])
        })
    }
}
