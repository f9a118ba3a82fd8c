public import KaleidoKB

/// `kaleido find TEXT`: full-text search over ids, names, aliases, titles, summaries and notes,
/// case- and accent-insensitive. Every word of the query must occur; records rank higher when
/// the words are a whole name or alias, then the start of a name, then in the title, then
/// anywhere else.
public struct FindQuery: Sendable {
    public var text: String
    public var limit: Int

    public init(text: String, limit: Int = 50) {
        self.text = text
        self.limit = limit
    }

    /// A matching record and its rank (higher is better).
    public struct Hit: Hashable, Sendable {
        public var record: Int
        public var score: Int
    }

    /// The hits, best first (ties by id).
    public func run(on index: KBIndex) -> [Hit] {
        let folded = TextFold.fold(text)
        let words = folded.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return [] }
        let needles = words.map { Array($0.utf8) }
        var hits: [Hit] = []
        let overrides = index.overrides
        for record in 0..<index.count {
            if let override = overrides[record] {
                guard words.allSatisfy({ override.searchText.contains($0) }) else { continue }
            } else {
                guard needles.allSatisfy({ index.searchTextContains(record, $0) }) else { continue }
            }
            hits.append(Hit(record: record, score: score(record, folded: folded, words: words, index: index)))
        }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : index.id($0.record) < index.id($1.record) }
        return Array(hits.prefix(limit))
    }

    private func score(_ record: Int, folded: String, words: [String], index: KBIndex) -> Int {
        var best = 1
        let names = index.allNames(of: record)
        if names.contains(folded) { best = max(best, 100) }
        if names.contains(where: { $0.hasPrefix(folded) }) { best = max(best, 60) }
        let titleWords = TextFold.fold(index.title(record)).split(separator: " ")
        if words.allSatisfy({ word in titleWords.contains { $0.hasPrefix(word) } }) { best = max(best, 40) }
        if TextFold.fold(index.id(record)).contains(folded) { best = max(best, 30) }
        let textWords = index.searchText(record).split(separator: " ")
        if words.allSatisfy({ word in textWords.contains { $0 == word } }) { best = max(best, 10) }
        return best
    }
}

extension KBIndex {
    /// The folded names and aliases of one record.
    public func allNames(of record: Int) -> [String] {
        if let override = overrides[record] { return override.names }
        var entry = firstName(of: record)
        var found: [String] = []
        while entry < nameRecords.count, nameRecords[entry] == Int32(record) {
            found.append(names[entry])
            entry += 1
        }
        return found
    }
}
