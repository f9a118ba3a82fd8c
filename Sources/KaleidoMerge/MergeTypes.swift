public import KaleidoYAML

/// One side of a merge: the file's bytes and, when known, who and when (for `_conflicts`
/// entries and for the symmetric provisional rule).
public struct MergeSide: Sendable {
    /// The file's bytes (UTF-8 YAML).
    public var bytes: [UInt8]
    /// Who made this side, as `Name <email>`; written as `ours_by` / `theirs_by`.
    public var author: String?
    /// The side's head commit time in seconds since 1970 (the symmetric rule's first criterion).
    public var commitTime: Int64?
    /// The side's head commit id in hex (the symmetric rule's tie-breaker).
    public var commitID: String?

    /// A side with its bytes and, when known, its author and head commit.
    public init(bytes: [UInt8], author: String? = nil, commitTime: Int64? = nil, commitID: String? = nil) {
        self.bytes = bytes
        self.author = author
        self.commitTime = commitTime
        self.commitID = commitID
    }
}

/// How a conflict's provisional value is chosen.
public enum ProvisionalRule: Sendable {
    /// The git merge driver: ours stays, theirs goes to `_conflicts`; the output is ours' text.
    case ours
    /// The sync engine: the side with the newer `commitTime` wins, ties broken by the greater
    /// `commitID` (then by the bytes). The winner's text is the base of the output and the
    /// winner plays "ours" in `_conflicts` entries, so two replicas merging the same pair
    /// produce byte-identical files whichever side each one is on.
    case symmetric
}

/// The outcome of a record merge.
public struct RecordMergeResult: Sendable {
    /// The merged file: the text base's bytes with surgical edits.
    public var bytes: [UInt8]
    /// The conflicts recorded by this merge (also written into `_conflicts`).
    public var conflicts: [MergeConflict]
    /// True when surgery failed and the record had to be re-emitted whole (comments lost).
    /// Never expected: it is a bug to report, kept so that the output is at least correct.
    public var reemitted: Bool = false
    /// Whether the merge recorded no conflict.
    public var isClean: Bool { conflicts.isEmpty }

    /// A result with its bytes and conflicts.
    public init(bytes: [UInt8], conflicts: [MergeConflict], reemitted: Bool = false) {
        self.bytes = bytes
        self.conflicts = conflicts
        self.reemitted = reemitted
    }
}

/// One conflict recorded by a merge, as written in `_conflicts`.
///
/// `ours` is the provisional value that stays in the record (ours for the merge driver, the
/// winning side for the symmetric rule) and `theirs` the competing one. A value is its YAML text
/// (one line for a scalar, block text for a collection), nil when that side has no value (the
/// key did not exist in the base, or the side deleted it); in `_conflicts` an absent side's key
/// is omitted.
public struct MergeConflict: Sendable, Hashable, CustomStringConvertible {
    /// `phone`, `contacts[amel-b].phone`, `themes[2]`; `.` for the whole record (file level).
    public var path: String
    /// The common ancestor's value.
    public var base: String?
    /// The provisional value, kept in the record.
    public var ours: String?
    /// The competing value, kept in the entry.
    public var theirs: String?

    /// A conflict at `path` with each side's value as YAML text (nil = absent).
    public init(path: String, base: String?, ours: String?, theirs: String?) {
        self.path = path
        self.base = base
        self.ours = ours
        self.theirs = theirs
    }

    /// The path, for messages.
    public var description: String { path }
}

/// A merge that could not run: a side does not parse, or is not a record (a mapping).
/// The caller keeps ours untouched.
public struct MergeError: Error, Sendable, CustomStringConvertible {
    /// Which side failed: `base`, `ours` or `theirs`.
    public var side: String
    /// Where in that side's file, when the failure has a place.
    public var mark: SourceMark?
    /// A sentence saying what is wrong and what to do.
    public var message: String

    /// An error about `side`, at `mark` when known.
    public init(side: String, mark: SourceMark?, message: String) {
        self.side = side
        self.mark = mark
        self.message = message
    }

    /// `ours:3:7: error: …` — render with the file name through `diagnostic(file:)`.
    public var description: String {
        (mark.map { "\(side):\($0.line):\($0.column): " } ?? "\(side): ") + "error: " + message
    }

    /// The error as a diagnostic about `file` (the side's path as the user knows it).
    public func diagnostic(file: String) -> Diagnostic {
        Diagnostic(file: file, mark: mark ?? SourceMark(offset: 0, line: 0, column: 0), severity: .error,
                   message: message, rule: "merge")
    }
}
