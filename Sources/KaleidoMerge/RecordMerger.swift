public import KaleidoKB
public import KaleidoYAML

/// The field-level three-way merge of one record file (docs/merge.md), pure: bytes in, bytes out.
///
/// The output is the text base's bytes (ours, or the winner under `.symmetric`) with surgical
/// edits: untouched bytes stay identical, comment lines stay, values taken from the other side
/// keep that side's spelling, re-indented where they land. Conflicts never write markers: the
/// provisional value stays and an entry is appended to the top-level `_conflicts` list.
/// Every result is parsed again before it is returned; should the surgery ever produce text that
/// does not read back as the merged data, the record is re-emitted whole (`reemitted`).
public struct RecordMerger: Sendable {
    /// The record type's schema hints (`x-merge-key`, `x-merge: atomic`); empty when no KB.
    public let hints: [FieldHint]
    /// Checks a merged record against its schema: the JSON pointers of the invalid places
    /// (`/contacts/0/phone`). A place invalid after the merge but valid on both sides gets a
    /// conflict entry.
    public let checker: (@Sendable (YAMLNode) -> [String])?

    /// A merger with the type's hints and, when the KB's schemas are at hand, a checker.
    public init(hints: [FieldHint] = [], checker: (@Sendable (YAMLNode) -> [String])? = nil) {
        self.hints = hints
        self.checker = checker
    }

    /// Merges `ours` and `theirs` against `base` (nil, or a file holding no document, when the
    /// file was added on both sides: merged against an empty record).
    ///
    /// `now` is the ISO 8601 time written as `at` in new conflict entries (nil writes none).
    /// Throws when a side does not parse or is not a mapping; the caller then keeps ours.
    public func merge(base: MergeSide?, ours: MergeSide, theirs: MergeSide,
                      rule: ProvisionalRule, now: String?) throws(MergeError) -> RecordMergeResult {
        let baseRoot = try base.flatMap { side throws(MergeError) in try Self.parse(side.bytes, side: "base", optional: true) }
        let oursRoot = try Self.parse(ours.bytes, side: "ours", optional: false) ?? YAMLNode(.mapping([], .flow))
        let theirsRoot = try Self.parse(theirs.bytes, side: "theirs", optional: false) ?? YAMLNode(.mapping([], .flow))
        let swap = rule == .symmetric && SymmetricRule.theirsWins(ours: ours, theirs: theirs)
        let (sideA, sideB) = swap ? (theirs, ours) : (ours, theirs)
        let (rootA, rootB) = swap ? (theirsRoot, oursRoot) : (oursRoot, theirsRoot)
        // Byte-level shortcuts: one side unchanged gives the other side exactly.
        if sideA.bytes == sideB.bytes { return RecordMergeResult(bytes: sideA.bytes, conflicts: []) }
        if let base, baseRoot != nil {
            if base.bytes == sideB.bytes { return RecordMergeResult(bytes: sideA.bytes, conflicts: []) }
            if base.bytes == sideA.bytes { return RecordMergeResult(bytes: sideB.bytes, conflicts: []) }
        }
        let provenance = ConflictEntries.Provenance(oursBy: sideA.author, theirsBy: sideB.author, at: now)
        let run = MergeRun(a: SourceText(bytes: sideA.bytes), b: SourceText(bytes: sideB.bytes),
                           baseText: baseRoot == nil ? nil : base.map { SourceText(bytes: $0.bytes) }, hints: hints, checker: checker,
                           mergesComments: true)
        return run.merge(base: baseRoot, a: rootA, b: rootB, provenance: provenance)
    }

    /// The file was deleted on one side and edited on the other (docs/merge.md: the edited record is
    /// kept, a conflict is recorded). `edited` is the surviving file; `editedIsOurs` says which
    /// side it is. The entry has path `.`, the string `edited` for the editing side and no value
    /// for the deleting side (absent = deleted).
    public func mergeDeletedFile(edited: MergeSide, editedIsOurs: Bool, deletedBy: String?,
                                 now: String?) throws(MergeError) -> RecordMergeResult {
        let root = try Self.parse(edited.bytes, side: editedIsOurs ? "ours" : "theirs", optional: false) ?? YAMLNode(.mapping([], .flow))
        let value = ConflictEntries.scalar("edited")
        let found = FoundConflict(path: ".", base: nil, ours: editedIsOurs ? value : nil, theirs: editedIsOurs ? nil : value)
        let provenance = ConflictEntries.Provenance(oursBy: editedIsOurs ? edited.author : deletedBy,
                                                    theirsBy: editedIsOurs ? deletedBy : edited.author, at: now)
        let text = SourceText(bytes: edited.bytes)
        let run = MergeRun(a: text, b: text, baseText: text, hints: hints, checker: nil)
        return run.merge(base: root, a: root, b: root, provenance: provenance, extra: [found])
    }

    /// A side's root mapping, or nil for an optional side that holds no document.
    static func parse(_ bytes: [UInt8], side: String, optional: Bool) throws(MergeError) -> YAMLNode? {
        let root: YAMLNode
        do {
            root = try YAMLParser().parseDocument(bytes).root
        } catch {
            if optional, error.kind == .documentCount, (try? YAMLParser().parseStream(bytes))?.isEmpty == true { return nil }
            throw MergeError(side: side, mark: error.mark, message: error.message)
        }
        if root.pairs == nil {
            if root.isNull, optional { return nil }
            throw MergeError(side: side, mark: root.span.start,
                             message: "this is not a record: its top level must be a mapping of fields (key: value)")
        }
        return root
    }
}
