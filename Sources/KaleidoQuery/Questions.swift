public import KaleidoKB

/// The recurring questions of docs/data-model.md as functions over the index: each answers with
/// record positions or small typed rows that the CLI prints and the tests check.
public struct Questions: Sendable {
    public let index: KBIndex
    public let today: CalendarDay
    let resolver: RecordResolver

    public init(index: KBIndex, today: CalendarDay) {
        self.index = index
        self.today = today
        resolver = RecordResolver(index: index)
    }

    func date(_ value: QValue?) -> PartialDate? { value?.text.flatMap(PartialDate.init) }

    // MARK: People

    /// People affiliated to `partner` with `role` on `day` (affiliation interval contains it).
    public func contacts(of partner: Int, role: String, on day: CalendarDay) -> [Int] {
        var seen = Set<Int>()
        return contacts(of: partner, role: role, during: DateInterval(from: day, to: day)).map(\.person).filter { seen.insert($0).inserted }
    }

    /// A person's affiliation to a partner, as the person record writes it.
    public struct Contact: Hashable, Sendable {
        public var person: Int
        /// The `person_role` key.
        public var role: String
        /// The function as the partner names it (`Responsable des relations internationales`).
        public var title: String?
        /// The affiliation's bounds as written; an open bound is nil.
        public var from: PartialDate?
        public var until: PartialDate?
        public var primary: Bool
        /// The person objected to being contacted (`opt_out`): no mailing, no solicitation.
        public var optOut: Bool = false
    }

    /// The affiliations to `partner` (with `role` when given) sharing at least one day with
    /// `period` (`2011` keeps whoever held the role at some point of 2011), sorted by role, then
    /// start, then person id. Only professional fields: role, title, dates, and whether the
    /// person objected to contacts. Anonymised records are left out.
    public func contacts(of partner: Int, role: String?, during period: DateInterval) -> [Contact] {
        let partnerID = index.id(partner)
        var found: [Contact] = []
        // An anonymised record (`kaleido forget`) stands for nobody one could contact.
        for person in index.records(of: .person) where index.value(person)["anonymised_on"] == nil {
            let optOut = index.value(person)["opt_out"] == .bool(true)
            for affiliation in index.value(person)["affiliations"]?.items ?? [] where affiliation["partner"]?.text == partnerID {
                let key = affiliation["role"]?.text ?? ""
                let from = date(affiliation["from"]), until = date(affiliation["until"])
                guard role.map({ $0 == key }) ?? true, DateInterval(start: from, end: until).overlaps(period) else { continue }
                found.append(Contact(person: person, role: key, title: affiliation["title"]?.text, from: from, until: until,
                                     primary: affiliation["primary"] == .bool(true), optOut: optOut))
            }
        }
        // An open start (affiliated since before the KB knows) sorts first.
        func start(_ contact: Contact) -> Int { contact.from?.first.ordinal ?? Int.min }
        return found.sorted { ($0.role, start($0), index.id($0.person)) < ($1.role, start($1), index.id($1.person)) }
    }

    /// A person due for a GDPR review, or not met for a long time.
    public struct PersonReview: Hashable, Sendable {
        public var record: Int
        /// `review_after` as written (due once its last day has passed).
        public var reviewAfter: PartialDate?
        /// The last interaction that took place (planned ones do not count), from the
        /// interactions naming the person and the record's own `last_interaction`: the date as
        /// written where it was found.
        public var lastInteraction: PartialDate?
        public var reviewDue: Bool
        public var inactive: Bool
    }

    /// People whose `review_after` has passed, and (when `inactiveSince` is given) people with
    /// no interaction since that day.
    public func peopleToReview(inactiveSince: CalendarDay?) -> [PersonReview] {
        // Each person's latest interaction: the day it counts as (compared) and the date as written.
        var lastSeen: [Int: (day: CalendarDay, date: PartialDate)] = [:]
        for interaction in index.records(of: .interaction) {
            let value = index.value(interaction)
            guard value["status"]?.text != "planifie", value["status"]?.text != "annule",
                let written = date(value["date"]), written.first <= today else { continue }
            for link in index.references(from: interaction) where link.relation == "person" || link.relation == "assignee" {
                if let person = link.target, lastSeen[person].map({ $0.day < written.first }) ?? true {
                    lastSeen[person] = (written.first, written)
                }
            }
        }
        return index.records(of: .person).compactMap { person in
            let value = index.value(person)
            guard value["internal"] != .bool(true) else { return nil }
            let review = date(value["review_after"])
            var last = lastSeen[person]
            if let written = date(value["last_interaction"]), written.last <= today, last.map({ $0.day < written.last }) ?? true {
                last = (written.last, written)
            }
            let due = review.map { $0.last < today } ?? false
            let inactive = inactiveSince.map { since in last.map { $0.day < since } ?? true } ?? false
            return due || inactive
                ? PersonReview(record: person, reviewAfter: review, lastInteraction: last?.date, reviewDue: due, inactive: inactive) : nil
        }.sorted { index.id($0.record) < index.id($1.record) }
    }
}
