public import KaleidoMerge

/// A conflict a merge recorded: fields of a record that both sides changed differently, or a
/// non-record file git could not merge (its losing version kept beside it).
public struct ConflictNote: Codable, Hashable, Sendable {
    /// The file, relative to the KB root.
    public var path: String
    /// Where the conflict is recorded: in the record, in a sibling copy, or nowhere (deleted).
    public var kind: ConflictKind
    /// The conflicting field paths, or a sentence.
    public var detail: String
    /// For `file`: the sibling holding the other side's version.
    public var sibling: String?
    /// When it was recorded (ISO 8601).
    public var at: String
}
