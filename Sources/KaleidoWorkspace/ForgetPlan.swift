public import KaleidoKB

/// What `kaleido forget` found and would change: every place a person appears in the records,
/// and the new content of every file it touches. Built by `PersonForgetting`, written by
/// `ForgetPlan.apply` (nothing is written before).
public struct ForgetPlan: Sendable {
    /// How references to the person are handled.
    public enum Mode: Sendable {
        /// The person record becomes a minimal anonymised record under a new random id, and
        /// references point to it: records stay valid and counts stay right.
        case anonymise
        /// The person record is deleted and references are removed from their lists or keys.
        case remove
    }

    /// One place where the person appears.
    public struct Place: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// The person's own record.
            case personRecord
            /// A value equal to the person's id.
            case reference
            /// A name, alias, e-mail, phone number or the id inside free text.
            case text
            /// The same in a comment.
            case comment
            /// A record whose id (and file name) contains the person's name: renamed to `newID`.
            case recordID(newID: String)
            /// A reference to such a renamed record.
            case renamedReference(newID: String)
        }

        /// The file, relative to the KB root.
        public var file: String
        public var line: Int
        public var column: Int
        public var kind: Kind
        /// Where in the record (`participants.persons[0]`), empty for comments.
        public var field: String
        /// The text found, as written.
        public var found: String
    }

    public var mode: Mode
    /// The person forgotten.
    public var personID: String
    /// The anonymised record's id (nil with `.remove`).
    public var anonymisedID: String?
    public var places: [Place]
    /// New content of each file written (new files included), relative to the KB root.
    public var writes: [String: [UInt8]]
    /// Files deleted once the writes are done (the person's record, renamed records' old names).
    public var removals: [String]
    /// The person's names or aliases another person also bears: left as they are in free text
    /// (the text may be about the other one), for the consultant to check by hand.
    public var sharedNames: [String] = []

    /// The files changed, created or deleted, sorted.
    public var touchedFiles: [String] { Set(writes.keys).union(removals).sorted() }

    /// Writes every file (each atomically: a reader sees the old or the new content), new and
    /// changed ones first, then deletes the removed ones, and drops the index cache, which
    /// holds the person's names until it is rebuilt. Throws at the first failure, naming the
    /// files already written.
    public func apply(to kb: KnowledgeBase) throws(WorkspaceError) {
        var done: [String] = []
        for file in writes.keys.sorted() {
            do { try AtomicFile.write(writes[file]!, to: kb.path(file)) } catch {
                throw WorkspaceError.io("\(error.message)" + (done.isEmpty ? "" : " (already written: " + done.joined(separator: ", ") + ")"))
            }
            done.append(file)
        }
        for file in removals where writes[file] == nil {
            if unlink(kb.path(file)) != 0 {
                throw WorkspaceError.io("\(file): cannot delete it: " + String(cString: strerror(errno)))
            }
        }
        for cache in [".kaleido/cache/index.bin", ".kaleido/cache/overlay.bin"] { unlink(kb.path(cache)) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
