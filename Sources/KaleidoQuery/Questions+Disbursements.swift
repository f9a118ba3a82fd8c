public import KaleidoKB

/// Payments actually made (`disbursements` on conventions, projects and engagements): what a
/// French authority declares each spring on the e-APD form for year N (art. L1115-6 CGCT),
/// as opposed to a convention's estimated `financial_commitments`.
extension Questions {
    /// One payment as recorded, with what the record around it implies (payer, country).
    public struct Disbursement: Hashable, Sendable {
        /// The record that holds the payment (a convention, project or engagement).
        public var record: Int
        /// The position of the payment in the record's `disbursements`.
        public var item: Int
        public var date: PartialDate?
        public var money: Money
        /// The payer's id: written, or implied by the record (see `defaultPayer`); nil when
        /// neither says.
        public var payer: String?
        /// The recipient's partner id, when it has a record.
        public var recipient: String?
        /// The recipient as free text (`recipient_name`).
        public var recipientName: String?
        /// Written, else the recipient record's country; nil when neither says.
        public var country: String?
        public var channel: String
        /// The OECD CRS purpose code, as written (`14050`), empty when absent.
        public var sector: String
        public var aidType: String
        /// Marker key → score (0, 1, 2), in the order written.
        public var markers: [(key: String, score: String)]
        public var legalBasis: String
        public var reference: String
        /// The convention the payment falls under: the record itself, or the project's or
        /// engagement's first convention; nil for action without a convention.
        public var convention: String?

        public static func == (lhs: Self, rhs: Self) -> Bool { lhs.record == rhs.record && lhs.item == rhs.item }
        public func hash(into hasher: inout Hasher) { hasher.combine(record); hasher.combine(item) }
    }

    /// The CRS purpose code of development awareness (éducation à la citoyenneté mondiale):
    /// spent in France, it is ODA all the same, declared as not allocated by country.
    public static let developmentAwarenessSector = "99820"

    /// The payments recorded on `record`, in the order written.
    public func disbursements(of record: Int) -> [Disbursement] {
        let value = index.value(record)
        let payer = defaultPayer(of: record)
        let convention: String? = index.type(record) == .convention
            ? index.id(record) : value["conventions"]?.items?.first?.text
        return (value["disbursements"]?.items ?? []).enumerated().compactMap { item, payment in
            guard let amount = payment["amount"]?.text.flatMap(ExactDecimal.init) else { return nil }
            let recipient = payment["recipient"]?.text
            let recipientCountry = recipient.flatMap(index.position(of:)).flatMap { index.value($0)["country"]?.text }
            let markers: [(key: String, score: String)]
            if case .map(let pairs) = payment["markers"] ?? .null {
                markers = pairs.map { ($0.key, $0.value.text ?? "") }
            } else {
                markers = []
            }
            return Disbursement(record: record, item: item, date: date(payment["date"]),
                                money: Money(amount: amount, currency: payment["currency"]?.text ?? ""),
                                payer: payment["payer"]?.text ?? payer, recipient: recipient, recipientName: payment["recipient_name"]?.text,
                                country: payment["country"]?.text ?? recipientCountry, channel: payment["channel"]?.text ?? "",
                                sector: payment["sector"]?.text ?? "", aidType: payment["aid_type"]?.text ?? "", markers: markers,
                                legalBasis: payment["legal_basis"]?.text ?? "", reference: payment["reference"]?.text ?? "",
                                convention: convention)
        }
    }

    /// Who pays when a payment does not say: a project's lead, an engagement's client, a
    /// convention's only French party (nil when it has several: the payment must say).
    public func defaultPayer(of record: Int) -> String? {
        let value = index.value(record)
        switch index.type(record) {
        case .project: return value["lead"]?.text
        case .engagement: return value["client"]?.text
        case .convention:
            let french = (value["parties"]?.items ?? []).compactMap { $0["partner"]?.text }.filter { id in
                index.position(of: id).flatMap { index.value($0)["country"]?.text } == "FR"
            }
            return french.count == 1 ? french[0] : nil
        default: return nil
        }
    }

    /// Every payment recorded on a record that involves `client` (a convention it is party to,
    /// a project it leads or takes part in, an engagement for it), sorted by date.
    public func disbursements(involving client: Int) -> [Disbursement] {
        let clientID = index.id(client)
        var records = Set<Int>()
        for record in index.records(of: .convention) + index.records(of: .project) + index.records(of: .engagement) {
            let value = index.value(record)
            guard value["disbursements"] != nil else { continue }
            let involved = (value["parties"]?.items ?? []).contains { $0["partner"]?.text == clientID }
                || (value["partners"]?.items ?? []).contains { $0["partner"]?.text == clientID }
                || value["lead"]?.text == clientID || value["client"]?.text == clientID
                || (value["disbursements"]?.items ?? []).contains { $0["payer"]?.text == clientID }
            if involved { records.insert(record) }
        }
        return records.flatMap(disbursements(of:)).sorted {
            ($0.date?.first ?? CalendarDay(year: 0, month: 1, day: 1), index.id($0.record), $0.item)
                < ($1.date?.first ?? CalendarDay(year: 0, month: 1, day: 1), index.id($1.record), $1.item)
        }
    }
}
