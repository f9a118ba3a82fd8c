public import KaleidoKB

/// Finds a partner from what a consultant types: its id, its name or one of its aliases, in any
/// script, ignoring case and accents ("sfax", "Safaqis", "صفاقس").
public struct PartnerResolver: Sendable {
    public let index: KBIndex

    public init(index: KBIndex) {
        self.index = index
    }

    /// The outcome of a lookup.
    public enum Resolution: Hashable, Sendable {
        case found(Int)
        /// Several partners answer to the name: the caller lists them and asks for an id.
        case ambiguous([Int])
        case notFound
    }

    /// Resolves `query` among records of `type` (partners by default): an exact id first,
    /// then names and aliases equal to the folded query, then names containing all its words.
    public func resolve(_ query: String, type: RecordType = .partner) -> Resolution {
        if let position = index.position(of: query), index.type(position) == type { return .found(position) }
        let folded = TextFold.fold(query)
        guard !folded.isEmpty else { return .notFound }
        let exact = index.records(named: folded).filter { index.type($0) == type }
        if let resolution = Self.resolution(exact) { return resolution }
        let words = folded.split(separator: " ")
        var partial: [Int] = []
        for (name, record) in index.allNames() where index.type(record) == type && !partial.contains(record) {
            let nameWords = name.split(separator: " ")
            if words.allSatisfy({ word in nameWords.contains { $0.hasPrefix(word) } }) { partial.append(record) }
        }
        return Self.resolution(partial) ?? .notFound
    }

    /// Other records of `type` that `query` could have meant besides `chosen`: those whose
    /// names contain all its words ("Sfax" resolves to the municipality by its alias, and the
    /// Gouvernorat de Sfax also matches). Empty when `query` is an id: the user chose. Sorted by id.
    public func otherCandidates(_ query: String, chosen: Int, type: RecordType = .partner) -> [Int] {
        if index.position(of: query) != nil { return [] }
        let words = TextFold.fold(query).split(separator: " ")
        guard !words.isEmpty else { return [] }
        var found = Set<Int>()
        for (name, record) in index.allNames() where record != chosen && index.type(record) == type && !found.contains(record) {
            let nameWords = name.split(separator: " ")
            if words.allSatisfy({ word in nameWords.contains { $0.hasPrefix(word) } }) { found.insert(record) }
        }
        return found.sorted { index.id($0) < index.id($1) }
    }

    private static func resolution(_ records: [Int]) -> Resolution? {
        switch records.count {
        case 0: nil
        case 1: .found(records[0])
        default: .ambiguous(records.sorted())
        }
    }
}
