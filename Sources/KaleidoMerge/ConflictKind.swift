/// What a merge could not settle in a file, as `kaleido status` and the sync state name it.
///
/// The raw values are the names written in `.git/kaleido/status.json` and printed by
/// `kaleido status --format json`: they must not change.
public enum ConflictKind: String, Codable, Sendable, CaseIterable {
    /// Fields of a record both sides changed differently: recorded in the record's `_conflicts`.
    case fields
    /// A file that is not a record, which git could not merge: the other side's version is kept
    /// in a sibling file.
    case file
    /// A file deleted on one side and edited on the other: the edit was kept, nothing is left
    /// to resolve.
    case deleted
}
