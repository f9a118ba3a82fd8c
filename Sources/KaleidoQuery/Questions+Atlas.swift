public import KaleidoKB

/// The projects of a French authority as the CNCD's Atlas français de la coopération
/// décentralisée lists them: each with its partner authorities abroad, countries and themes.
extension Questions {
    /// One action of the Atlas export.
    public struct AtlasAction: Hashable, Sendable {
        public var project: Int
        /// The project's partners from another country than the client's, by id.
        public var foreignPartners: [Int]
        /// The project's countries other than the client's own.
        public var countries: [String]
        public var themes: [String]
    }

    /// The projects `client` leads or takes part in, by start date then id.
    public func atlasActions(client: Int) -> [AtlasAction] {
        let clientID = index.id(client)
        let home = index.value(client)["country"]?.text
        return index.records(of: .project).compactMap { project -> AtlasAction? in
            let value = index.value(project)
            let partners = (value["partners"]?.items ?? []).compactMap { $0["partner"]?.text }
            guard value["lead"]?.text == clientID || partners.contains(clientID) else { return nil }
            let others = ([value["lead"]?.text].compactMap { $0 } + partners).filter { $0 != clientID }
                .compactMap(index.position(of:)).filter { index.value($0)["country"]?.text != home }
            let countries = (value["countries"]?.items ?? []).compactMap(\.text).filter { $0 != home }
            return AtlasAction(project: project, foreignPartners: others, countries: countries,
                               themes: (value["themes"]?.items ?? []).compactMap(\.text))
        }.sorted { (index.interval($0.project).start?.first ?? .init(year: 0, month: 1, day: 1), index.id($0.project))
            < (index.interval($1.project).start?.first ?? .init(year: 0, month: 1, day: 1), index.id($1.project)) }
    }
}
