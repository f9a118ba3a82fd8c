/// A generated knowledge base for tests and benchmarks: records of every type that follow the
/// schemas (ids, required fields, enumeration keys, references that resolve), with French,
/// accented and Arabic names. The same seed always gives the same files. Pure: it answers
/// paths and texts; the caller writes them.
public struct SyntheticKB: Sendable {
    public var records: Int
    public var seed: UInt64

    public init(records: Int, seed: UInt64) {
        self.records = records
        self.seed = seed
    }

    /// One file: its path relative to the KB root and its YAML text.
    public struct File: Sendable {
        public var path: String
        public var text: String
    }

    /// The record files (under `knowledge/`), partners first.
    public func files() -> [File] {
        var random = SplitMix64(seed: seed)
        let partnerCount = max(4, records / 10)
        let personCount = max(2, records / 10)
        let partnershipCount = max(1, records / 20)
        let conventionCount = max(1, records / 10)
        let projectCount = max(1, records * 3 / 20)
        let eventCount = max(1, records * 3 / 20)
        let engagementCount = max(1, records / 20)
        let callCount = max(1, records / 50)
        let used = partnerCount + personCount + partnershipCount + conventionCount + projectCount + eventCount + engagementCount + callCount
        let interactionCount = max(1, records - used)

        var files: [File] = []
        files.reserveCapacity(records)
        var writer = SyntheticWriter(random: random)
        let partners = (0..<partnerCount).map { writer.partnerID($0) }
        for number in 0..<partnerCount { files.append(writer.partner(number, partners: partners)) }
        let people = (0..<personCount).map { "p-\(writer.given($0))-\(writer.family($0))-\($0)" }
        for (number, id) in people.enumerated() { files.append(writer.person(id, number: number, partners: partners)) }
        var partnerships: [String] = []
        for number in 0..<partnershipCount {
            let file = writer.partnership(number, partners: partners)
            partnerships.append(file.0)
            files.append(file.1)
        }
        var projects: [String] = []
        for number in 0..<projectCount {
            let file = writer.project(number, partners: partners, partnerships: partnerships)
            projects.append(file.0)
            files.append(file.1)
        }
        for number in 0..<conventionCount { files.append(writer.convention(number, partners: partners, people: people, partnerships: partnerships)) }
        var engagements: [String] = []
        for number in 0..<engagementCount {
            let file = writer.engagement(number, partners: partners, people: people, projects: projects)
            engagements.append(file.0)
            files.append(file.1)
        }
        for number in 0..<eventCount { files.append(writer.event(number, partners: partners, projects: projects)) }
        for number in 0..<interactionCount {
            files.append(writer.interaction(number, partners: partners, people: people, engagements: engagements))
        }
        for number in 0..<callCount { files.append(writer.call(number, partners: partners)) }
        random = writer.random
        return files
    }

    /// `.kaleido/config.yaml` for a generated KB.
    public static let config = "name: Generated knowledge base\nknowledge: knowledge\nschemas: schemas\n"
}
