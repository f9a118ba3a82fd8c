import KaleidoQuery

/// A person from what a consultant types, for commands that act on one person.
enum PersonLookup {
    /// A person as typed names can reach them.
    struct Candidate {
        var id: String
        var title: String
        /// Full name and aliases.
        var spellings: [String]
    }

    /// The person named by `query` in the index (see `resolve(_:among:byWords:)`).
    static func resolve(_ query: String, index: KBIndex, byWords: Bool = false) throws -> Int {
        let persons = index.records(of: .person)
        let candidates = persons.map { record in
            let value = index.value(record)
            return Candidate(id: index.id(record), title: index.title(record),
                             spellings: ([value["full_name"]?.text] + (value["aliases"]?.items ?? []).map(\.text)).compactMap { $0 })
        }
        let id = try resolve(query, among: candidates, byWords: byWords)
        return persons.first { index.id($0) == id }!
    }

    /// The id of the person named by `query`: a person id, else the persons whose full name or
    /// an alias equals it once folded; with `byWords`, also the one person whose name holds
    /// every word of the query ("karim"). Anything else is a usage error listing the
    /// candidates: a command that erases (`forget`) asks for the whole name.
    static func resolve(_ query: String, among persons: [Candidate], byWords: Bool = false) throws -> String {
        if persons.contains(where: { $0.id == query }) { return query }
        let folded = TextFold.fold(query)
        let exact = persons.filter { $0.spellings.contains { TextFold.fold($0) == folded } }
        if exact.count == 1 { return exact[0].id }
        let words = folded.split(separator: " ")
        let candidates = exact.isEmpty
            ? persons.filter { person in !words.isEmpty && person.spellings.contains { name in words.allSatisfy { TextFold.fold(name).split(separator: " ").contains($0) } } }
            : exact
        if byWords, exact.isEmpty, candidates.count == 1 { return candidates[0].id }
        guard !candidates.isEmpty else { throw CLIError.usage(Messages.noPersonCalled(query)) }
        let lines = candidates.sorted { $0.id < $1.id }.map { "  \($0.id)  \($0.title)" }
        throw CLIError.usage(Messages.ambiguousPerson(query, whole: !exact.isEmpty, lines: lines.joined(separator: "\n")))
    }
}
