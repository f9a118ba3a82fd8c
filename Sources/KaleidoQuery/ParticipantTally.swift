/// The participants of events summed by country, sex and age band, as Erasmus+ and OFAJ reports
/// ask: each registration counts one (unless its status is `absent` or `annule`), each
/// anonymous count its `number`. A registration's age band is its `age_band`, else the one its
/// `birth_year` gives at the event's year. A missing value groups under the empty string. Pure.
public struct ParticipantTally: Sendable {
    /// A grouping dimension (`--by`).
    public enum Dimension: String, Sendable, CaseIterable {
        case country
        case sex
        case ageBand = "age_band"
        case role
        case fewerOpportunities = "fewer_opportunities"
    }

    /// One group: its values in the order of the dimensions asked, and its number.
    public struct Group: Hashable, Sendable {
        public var values: [String]
        public var number: Int
    }

    /// Statuses that mean the person did not take part.
    public static let notAttending: Set<String> = ["absent", "annule"]

    public let dimensions: [Dimension]
    /// The groups, sorted by their values (empty values last).
    public private(set) var groups: [Group] = []
    public private(set) var total = 0
    /// Registrations left out by their status.
    public private(set) var leftOut = 0

    /// Sums the registrations and counts of `events` (record values) by `dimensions`.
    public init(events: [QValue], by dimensions: [Dimension]) {
        self.dimensions = dimensions
        var sums: [[String]: Int] = [:]
        for event in events {
            let year = event["start"]?.text.flatMap { Int($0.prefix(4)) }
            for registration in event["registrations"]?.items ?? [] {
                if let status = registration["status"]?.text, Self.notAttending.contains(status) {
                    leftOut += 1
                    continue
                }
                sums[key(registration, year: year), default: 0] += 1
                total += 1
            }
            for count in event["counts"]?.items ?? [] {
                guard let number = count["number"]?.text.flatMap(Int.init), number > 0 else { continue }
                sums[key(count, year: year), default: 0] += number
                total += number
            }
        }
        groups = sums.map { Group(values: $0.key, number: $0.value) }.sorted { lhs, rhs in
            for (left, right) in zip(lhs.values, rhs.values) where left != right {
                if left.isEmpty || right.isEmpty { return right.isEmpty }
                return Self.order(left) < Self.order(right)
            }
            return false
        }
    }

    private func key(_ item: QValue, year: Int?) -> [String] {
        dimensions.map { dimension in
            switch dimension {
            case .ageBand:
                if let band = item["age_band"]?.text { return band }
                guard let year, let born = item["birth_year"]?.text.flatMap(Int.init) else { return "" }
                return Self.ageBand(age: year - born)
            case .fewerOpportunities:
                return item["fewer_opportunities"]?.text == "true" ? "true" : "false"
            default:
                return item[dimension.rawValue]?.text ?? ""
            }
        }
    }

    /// The age band (defs.yaml `age_band`) of an age.
    public static func ageBand(age: Int) -> String {
        switch age {
        case ..<13: "moins_13"
        case 13...17: "age_13_17"
        case 18...25: "age_18_25"
        case 26...30: "age_26_30"
        default: "plus_30"
        }
    }

    /// Age bands sort by age, other values alphabetically.
    private static func order(_ value: String) -> String {
        let bands = ["moins_13", "age_13_17", "age_18_25", "age_26_30", "plus_30"]
        if let position = bands.firstIndex(of: value) { return "\u{1}\(position)" }
        return value
    }
}
