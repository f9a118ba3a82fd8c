import KaleidoMerge
import Testing

/// The one tie-break (`SymmetricRule`, docs/merge.md "`.symmetric`"): newer commit, then greater
/// commit id, then greater bytes; an unknown time or id loses to a known one. Each row is checked
/// from both sides, since two replicas each see themselves as ours.
@Suite struct SymmetricRuleTests {
    struct Row: CustomStringConvertible, Sendable {
        var name: String
        var ours: MergeSide
        var theirs: MergeSide
        /// Whether theirs wins; nil: the sides are the same file and ours is kept either way.
        var theirsWins: Bool?
        var description: String { name }
    }

    static func side(_ text: String, time: Int64?, id: String?) -> MergeSide {
        MergeSide(bytes: Array(text.utf8), commitTime: time, commitID: id)
    }

    static let rows: [Row] = [
        Row(name: "newer time wins over a greater id", ours: side("a", time: 100, id: "ff"), theirs: side("b", time: 200, id: "00"), theirsWins: true),
        Row(name: "older time loses whatever the bytes", ours: side("a", time: 200, id: "00"), theirs: side("z", time: 100, id: "ff"), theirsWins: false),
        Row(name: "equal times: greater id wins", ours: side("z", time: 100, id: "aa"), theirs: side("a", time: 100, id: "bb"), theirsWins: true),
        Row(name: "equal times and ids: greater bytes win", ours: side("a", time: 100, id: "aa"), theirs: side("b", time: 100, id: "aa"), theirsWins: true),
        Row(name: "a longer file with the same start is greater", ours: side("ab", time: 100, id: "aa"), theirs: side("a", time: 100, id: "aa"), theirsWins: false),
        Row(name: "a missing time loses to a known one", ours: side("a", time: nil, id: "ff"), theirs: side("b", time: 0, id: "00"), theirsWins: true),
        Row(name: "a missing time loses even to a time before 1970", ours: side("b", time: -5, id: "00"), theirs: side("a", time: nil, id: "ff"), theirsWins: false),
        Row(name: "both times missing: the ids decide", ours: side("a", time: nil, id: "01"), theirs: side("b", time: nil, id: "02"), theirsWins: true),
        Row(name: "a missing id loses to a known one", ours: side("z", time: 100, id: nil), theirs: side("a", time: 100, id: "00"), theirsWins: true),
        Row(name: "nothing known: the bytes decide", ours: side("b", time: nil, id: nil), theirs: side("a", time: nil, id: nil), theirsWins: false),
        Row(name: "the same file: ours kept", ours: side("a", time: 100, id: "aa"), theirs: side("a", time: 100, id: "aa"), theirsWins: nil),
    ]

    @Test(arguments: rows) func oneRuleFromBothSides(_ row: Row) {
        let forward = SymmetricRule.theirsWins(ours: row.ours, theirs: row.theirs)
        let backward = SymmetricRule.theirsWins(ours: row.theirs, theirs: row.ours)
        if let expected = row.theirsWins {
            #expect(forward == expected)
            // The other replica, with the sides swapped, picks the same file.
            #expect(backward == !expected)
        } else {
            #expect(!forward && !backward)
        }
    }

    /// The record merger's `.symmetric` output keeps the winner's value under this rule (rows
    /// decided by time or id, so that the merged sides' own bytes do not matter): the rule the
    /// sync engine uses for whole files is the one the field merge uses.
    @Test(arguments: rows.filter { $0.theirsWins != nil && ($0.ours.commitTime != $0.theirs.commitTime || $0.ours.commitID != $0.theirs.commitID) })
    func recordMergerFollowsTheRule(_ row: Row) throws {
        func side(_ name: String, like model: MergeSide) -> MergeSide {
            MergeSide(bytes: Array("id: p\nname: \(name)\n".utf8), commitTime: model.commitTime, commitID: model.commitID)
        }
        // Both sides change `name` from the base: a conflict, whose provisional value is the winner's.
        let base = MergeSide(bytes: Array("id: p\nname: Base\n".utf8))
        let result = try RecordMerger().merge(base: base, ours: side("Ours", like: row.ours), theirs: side("Theirs", like: row.theirs),
                                              rule: .symmetric, now: "2026-01-01T00:00:00Z")
        let text = String(decoding: result.bytes, as: UTF8.self)
        #expect(text.hasPrefix("id: p\nname: \(row.theirsWins == true ? "Theirs" : "Ours")\n"), "\(text)")
        #expect(result.conflicts.map(\.path) == ["name"])
    }
}
