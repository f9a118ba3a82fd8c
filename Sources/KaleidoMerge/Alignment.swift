/// How one side's list lines up with the base's: which base elements it kept (and where) and
/// what it inserted in each gap. Built from a longest common subsequence.
struct Alignment {
    /// For each base index, the side's index of the same element, or nil when the side removed it.
    var match: [Int?]
    /// For each gap `g` (before base element `g`; `g == base.count` is the end), the side's
    /// indices inserted there, in order.
    var insertions: [[Int]]

    init<T: Hashable>(base: [T], side: [T]) {
        match = LCS.matches(base, side)
        insertions = Array(repeating: [], count: base.count + 1)
        var matchedSide = Set<Int>()
        for case let index? in match { matchedSide.insert(index) }
        // An inserted element goes into the gap after the last base element matched before it.
        var sideToBase: [Int: Int] = [:]
        for (baseIndex, sideIndex) in match.enumerated() { if let sideIndex { sideToBase[sideIndex] = baseIndex } }
        var gap = 0
        for index in side.indices {
            if let baseIndex = sideToBase[index] { gap = baseIndex + 1; continue }
            insertions[gap].append(index)
        }
    }
}

/// Longest common subsequence of two lists, by dynamic programming after trimming the common
/// prefix and suffix (records' lists and notes are small; the table is capped, beyond which the
/// middle is treated as all changed rather than spending quadratic time).
enum LCS {
    static let maxCells = 4_000_000

    static func matches<T: Hashable>(_ a: [T], _ b: [T]) -> [Int?] {
        var result = [Int?](repeating: nil, count: a.count)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] {
            result[prefix] = prefix
            prefix += 1
        }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            result[a.count - 1 - suffix] = b.count - 1 - suffix
            suffix += 1
        }
        let n = a.count - prefix - suffix
        let m = b.count - prefix - suffix
        guard n > 0, m > 0, n * m <= maxCells else { return result }
        // table[i][j] = LCS length of a[prefix+i...] and b[prefix+j...] (row-major, (n+1)×(m+1)).
        let width = m + 1
        var table = [Int32](repeating: 0, count: (n + 1) * width)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i * width + j] = a[prefix + i] == b[prefix + j]
                    ? table[(i + 1) * width + j + 1] + 1
                    : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var i = 0, j = 0
        while i < n, j < m {
            if a[prefix + i] == b[prefix + j] {
                result[prefix + i] = prefix + j
                i += 1; j += 1
            } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }
}

/// The classic three-way merge of lines (diff3): hunks changed on one side are taken, hunks
/// changed identically on both are taken once, overlapping different hunks are a conflict.
enum Diff3 {
    /// The merged lines, or nil when two hunks overlap.
    static func merge(base: [String], ours: [String], theirs: [String]) -> [String]? {
        let matchA = LCS.matches(base, ours)
        let matchB = LCS.matches(base, theirs)
        var output: [String] = []
        var i = 0, j = 0, k = 0
        while true {
            var stable = i
            while stable < base.count, matchA[stable] == nil || matchB[stable] == nil { stable += 1 }
            guard stable < base.count, let ja = matchA[stable], let kb = matchB[stable] else {
                guard let chunk = resolve(base[i...], ours[j...], theirs[k...]) else { return nil }
                output += chunk
                return output
            }
            if stable == i, ja == j, kb == k {
                output.append(base[i])
                i += 1; j += 1; k += 1
                continue
            }
            guard let chunk = resolve(base[i..<stable], ours[j..<ja], theirs[k..<kb]) else { return nil }
            output += chunk
            i = stable; j = ja; k = kb
        }
    }

    private static func resolve(_ base: ArraySlice<String>, _ ours: ArraySlice<String>, _ theirs: ArraySlice<String>) -> [String]? {
        if ours.elementsEqual(base) { return Array(theirs) }
        if theirs.elementsEqual(base) || ours.elementsEqual(theirs) { return Array(ours) }
        return nil
    }
}
