public import KaleidoKB

/// Whether a client can answer a funding call, from what the call record states:
/// `eligible_countries` (the foreign partner's country), `eligible_applicants` (the kinds of
/// applicant accepted; absent, any) and `requires_convention` (a convention in force with that
/// partner, as the MEAE/DCTCIV calls ask).
public struct CallEligibility: Hashable, Sendable {
    /// Why a client cannot answer, the first rule it fails in the order below.
    public enum Problem: String, Hashable, Sendable {
        /// The client's `kind` is not in `eligible_applicants`.
        case applicantKind = "applicant_kind"
        /// No active partnership with a partner of an eligible country.
        case noPartnerInEligibleCountry = "no_partner_in_eligible_country"
        /// `requires_convention`, and no convention in force with such a partner.
        case noConventionInForce = "no_convention_in_force"
    }

    public var call: Int
    public var client: Int
    /// The partners of an eligible country the client has an active partnership with.
    public var partners: [Int]
    /// The conventions in force between the client and one of `partners` (status `en_vigueur`
    /// or `signee`, `effective_until` not passed), listed whether the call requires one or not.
    public var conventions: [Int]
    /// `nil` when the client is eligible.
    public var problem: Problem?

    public var isEligible: Bool { problem == nil }
}

extension Questions {
    /// Whether `client` can answer `call` today (see `CallEligibility`).
    public func eligibility(of client: Int, for call: Int) -> CallEligibility {
        let value = index.value(call)
        let countries = Set((value["eligible_countries"]?.items ?? []).compactMap(\.text))
        var partners: Set<Int> = []
        for link in index.references(to: client) where link.relation == "party" && index.type(link.source) == .partnership {
            guard index.value(link.source)["status"]?.text == "actif" else { continue }
            for other in index.references(from: link.source) where other.relation == "party" {
                guard let partner = other.target, partner != client,
                      countries.contains(index.value(partner)["country"]?.text ?? "") else { continue }
                partners.insert(partner)
            }
        }
        let conventions = index.records(of: .convention).filter { convention in
            let record = index.value(convention)
            guard let status = record["status"]?.text, ["en_vigueur", "signee"].contains(status) else { return false }
            if let end = date(record["effective_until"]), end.last < today { return false }
            let parties = Set(index.references(from: convention).filter { $0.relation == "party" }.compactMap(\.target))
            return parties.contains(client) && !parties.isDisjoint(with: partners)
        }
        let byID = { (a: Int, b: Int) in index.id(a) < index.id(b) }
        var result = CallEligibility(call: call, client: client, partners: partners.sorted(by: byID),
                                     conventions: conventions.sorted(by: byID), problem: nil)
        let kinds = (value["eligible_applicants"]?.items ?? []).compactMap(\.text)
        if !kinds.isEmpty, !kinds.contains(index.value(client)["kind"]?.text ?? "") {
            result.problem = .applicantKind
        } else if partners.isEmpty {
            result.problem = .noPartnerInEligibleCountry
        } else if value["requires_convention"] == .bool(true), conventions.isEmpty {
            result.problem = .noConventionInForce
        }
        return result
    }
}
