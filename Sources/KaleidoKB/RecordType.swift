/// The nine record types of the data model (docs/data-model.md), each with its folder under
/// `knowledge/` and its schema file under `schemas/`.
public enum RecordType: String, CaseIterable, Hashable, Sendable, Codable {
    case partner, person, partnership, convention, project, engagement, event, interaction, call

    /// The folder under `knowledge/` that holds records of this type (subfolders allowed).
    public var folder: String {
        switch self {
        case .partner: "partners"
        case .person: "people"
        case .partnership: "partnerships"
        case .convention: "conventions"
        case .project: "projects"
        case .engagement: "engagements"
        case .event: "events"
        case .interaction: "interactions"
        case .call: "calls"
        }
    }

    /// The schema document of this type, relative to the schemas folder.
    public var schemaFile: String { "\(rawValue).yaml" }

    /// The type whose folder is `folder`, or nil.
    public init?(folder: String) {
        guard let type = Self.allCases.first(where: { $0.folder == folder }) else { return nil }
        self = type
    }
}
