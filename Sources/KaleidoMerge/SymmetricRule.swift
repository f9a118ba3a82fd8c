/// The one tie-break between two sides that both changed something ("newer commit wins,
/// symmetric"), used by the record merger under `.symmetric` and by the sync engine for whole
/// files git cannot merge (the winner stays at the path, the loser goes beside it).
///
/// The rule must give the same answer on both replicas of a pair, each seeing itself as ours:
/// `theirsWins(ours: a, theirs: b) == !theirsWins(ours: b, theirs: a)` whenever `a` and `b`
/// differ at all. So it compares, in order: the head commit time (newer wins; an unknown time
/// is older than any known one), then the commit id (greater hex wins; an unknown id is smaller
/// than any known one), then the bytes (greater wins). Two sides equal in all three are the
/// same file: ours is kept.
public enum SymmetricRule {
    /// Whether `theirs` wins over `ours`.
    public static func theirsWins(ours: MergeSide, theirs: MergeSide) -> Bool {
        let timeOurs = ours.commitTime ?? .min, timeTheirs = theirs.commitTime ?? .min
        if timeOurs != timeTheirs { return timeTheirs > timeOurs }
        let idOurs = ours.commitID ?? "", idTheirs = theirs.commitID ?? ""
        if idOurs != idTheirs { return idTheirs > idOurs }
        return ours.bytes.lexicographicallyPrecedes(theirs.bytes)
    }
}
