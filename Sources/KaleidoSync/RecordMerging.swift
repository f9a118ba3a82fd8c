internal import KaleidoGit
public import KaleidoMerge

/// One side of a record merge: the file's bytes and the side's head commit, which the
/// symmetric provisional rule and the `_conflicts` entries need (KaleidoMerge's own type).
public typealias RecordSide = MergeSide

/// What a record merge produced.
public struct RecordMergeOutput: Sendable {
    /// The merged file, valid YAML (never conflict markers).
    public var bytes: [UInt8]
    /// The field paths recorded as conflicts (in the file's `_conflicts`), empty when clean.
    public var conflicts: [String]

    public init(bytes: [UInt8], conflicts: [String]) {
        self.bytes = bytes
        self.conflicts = conflicts
    }
}

/// The structured merge of one record file, called in process for every record changed on
/// both sides (libgit2 does not run merge drivers). Implementations must be symmetric: two
/// replicas merging the same pair, each as "ours", produce the same data.
///
/// The implementation wraps KaleidoMerge's `RecordMerger` with `.symmetric` (`DefaultMerger`);
/// the engine's tests also use a line-merge stand-in of their own.
public protocol RecordMerging: Sendable {
    /// Merges `ours` and `theirs` against `base` (`nil`: added on both sides).
    /// - Parameter now: the ISO 8601 time written in new conflict entries.
    /// - Throws: when a side does not parse: the engine then keeps both versions as files.
    func merge(path: String, base: RecordSide?, ours: RecordSide, theirs: RecordSide, now: String) throws -> RecordMergeOutput

    /// The record was deleted on one side and edited on the other: the edited record is kept,
    /// with the conflict recorded in it when the implementation can.
    func mergeDeleted(path: String, edited: RecordSide, editedIsOurs: Bool, deletedBy: String?, now: String) throws -> RecordMergeOutput
}

extension RecordMerging {
    /// Keeps the edited file as it is, recording nothing in it.
    public func mergeDeleted(path: String, edited: RecordSide, editedIsOurs: Bool, deletedBy: String?, now: String) throws -> RecordMergeOutput {
        RecordMergeOutput(bytes: edited.bytes, conflicts: [])
    }
}
