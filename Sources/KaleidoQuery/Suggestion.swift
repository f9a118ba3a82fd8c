/// "Did you mean …?" for a misspelt field name or enumeration key: the closest candidate by
/// edit distance, compared folded (case and accents ignored: `échue` finds `echue`, `Statut`
/// finds `status` only if close enough).
public enum Suggestion {
    /// The candidate closest to `text`, or nil when none is close: at most one edit for words
    /// of up to four letters, two up to eight, three beyond. Ties go to the earlier candidate.
    public static func closest(to text: String, among candidates: some Sequence<String>) -> String? {
        closest(to: text, among: candidates.map { ($0, []) })
    }

    /// The same, where a candidate also answers to other words (a field's schema title, `Nom`
    /// for `name`): the candidate is suggested when the text is close to any of them.
    public static func closest(to text: String, among candidates: [(name: String, alsoKnownAs: [String])]) -> String? {
        let word = Array(TextFold.fold(text).unicodeScalars)
        let allowed = word.count <= 4 ? 1 : word.count <= 8 ? 2 : 3
        var best: (candidate: String, distance: Int)?
        for (name, aliases) in candidates {
            for spelling in [name] + aliases {
                let distance = editDistance(word, Array(TextFold.fold(spelling).unicodeScalars))
                if distance <= allowed, distance < (best?.distance ?? .max) { best = (name, distance) }
            }
        }
        return best?.candidate
    }

    /// The optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// two neighbours (`nmae` → `name`) each count one.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
