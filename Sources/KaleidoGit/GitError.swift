/// An error from the git layer: a failed libgit2 call, or input this module refused.
///
/// `code` and `errorClass` carry libgit2's own numbers (`git_error_code`, `git_error_t`), which
/// are stable across libgit2 releases, so callers can match them:
///
/// ```swift
/// do { try repository.updateReference("refs/heads/main", to: new, expecting: old, message: "sync") }
/// catch GitError.Code.modified { /* someone moved the branch: fetch and merge again */ }
/// ```
///
/// `description` reads as a sentence for the user: what we tried, what libgit2 said, and what
/// to do when there is a useful hint.
public struct GitError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as libgit2's `git_error_code` (negative numbers).
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The raw `git_error_code`, e.g. `-3` for "not found".
        public let rawValue: Int32
        /// Wraps a raw `git_error_code`.
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// A generic error (`GIT_ERROR`).
        public static let generic = Code(rawValue: -1)
        /// The object, reference, path or repository does not exist (`GIT_ENOTFOUND`).
        public static let notFound = Code(rawValue: -3)
        /// Something already exists where we wanted to create it (`GIT_EEXISTS`).
        public static let exists = Code(rawValue: -4)
        /// A short id or name matches more than one object (`GIT_EAMBIGUOUS`).
        public static let ambiguous = Code(rawValue: -5)
        /// The operation needs a working tree and the repository is bare (`GIT_EBAREREPO`).
        public static let bareRepository = Code(rawValue: -8)
        /// HEAD points at a branch that has no commit yet (`GIT_EUNBORNBRANCH`).
        public static let unbornBranch = Code(rawValue: -9)
        /// A merge is in progress (`GIT_EUNMERGED`).
        public static let unmerged = Code(rawValue: -10)
        /// The reference update is not a fast-forward (`GIT_ENONFASTFORWARD`).
        public static let nonFastForward = Code(rawValue: -11)
        /// A reference name or revision spec is malformed (`GIT_EINVALIDSPEC`).
        public static let invalidSpec = Code(rawValue: -12)
        /// Checkout conflicts prevented the operation (`GIT_ECONFLICT`).
        public static let conflict = Code(rawValue: -13)
        /// A lock file is held by another process (`GIT_ELOCKED`).
        public static let locked = Code(rawValue: -14)
        /// A reference did not have the expected value: a lost compare-and-swap (`GIT_EMODIFIED`).
        public static let modified = Code(rawValue: -15)
        /// Authentication with a remote failed (`GIT_EAUTH`).
        public static let authentication = Code(rawValue: -16)
        /// The server's certificate or ssh host key was refused (`GIT_ECERTIFICATE`).
        public static let certificate = Code(rawValue: -17)
        /// The requested peel is impossible, e.g. a blob to a tree (`GIT_EPEEL`).
        public static let peel = Code(rawValue: -19)
        /// Invalid operation or input (`GIT_EINVALID`).
        public static let invalid = Code(rawValue: -21)
        /// The operation is not valid for a directory (`GIT_EDIRECTORY`).
        public static let directory = Code(rawValue: -23)
        /// A merge conflict exists and the operation cannot continue (`GIT_EMERGECONFLICT`).
        public static let mergeConflict = Code(rawValue: -24)
        /// An object's content does not match its id (`GIT_EMISMATCH`).
        public static let mismatch = Code(rawValue: -33)
        /// The repository is owned by another user (`GIT_EOWNER`).
        public static let owner = Code(rawValue: -36)

        /// The raw number, as libgit2 documents it.
        public var description: String { "\(rawValue)" }

        /// Lets `catch GitError.Code.notFound` match a thrown `GitError` with that code.
        public static func ~= (code: Code, error: any Error) -> Bool {
            (error as? GitError)?.code == code
        }
    }

    /// Which part of libgit2 failed, as libgit2's `git_error_t`.
    public struct Class: RawRepresentable, Hashable, Sendable {
        /// The raw `git_error_t`, e.g. `6` for the repository subsystem.
        public let rawValue: Int32
        /// Wraps a raw `git_error_t`.
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// No class: the error came from this module's own checks.
        public static let none = Class(rawValue: 0)
        /// Out of memory.
        public static let noMemory = Class(rawValue: 1)
        /// The operating system (files, permissions).
        public static let os = Class(rawValue: 2)
        /// Invalid arguments.
        public static let invalid = Class(rawValue: 3)
        /// References.
        public static let reference = Class(rawValue: 4)
        /// Opening or initialising repositories.
        public static let repository = Class(rawValue: 6)
        /// Configuration.
        public static let config = Class(rawValue: 7)
        /// The object database.
        public static let odb = Class(rawValue: 9)
        /// The index.
        public static let index = Class(rawValue: 10)
        /// Objects (lookup, type, peel).
        public static let object = Class(rawValue: 11)
        /// Networking.
        public static let net = Class(rawValue: 12)
        /// Trees.
        public static let tree = Class(rawValue: 14)
        /// Merges.
        public static let merge = Class(rawValue: 22)
        /// The ssh transport (libssh2).
        public static let ssh = Class(rawValue: 23)
        /// The file system.
        public static let filesystem = Class(rawValue: 30)
        /// libgit2 internals.
        public static let `internal` = Class(rawValue: 35)
    }

    /// What went wrong; match it against the `Code` constants.
    public let code: Code
    /// Which libgit2 subsystem reported it (`.none` for this module's own checks).
    public let errorClass: Class
    /// libgit2's message, or this module's, without the operation.
    public let message: String
    /// What we were doing, phrased to follow "Could not …", e.g. "open the repository at '/x'".
    public let operation: String
    /// What the user can do about it, as a sentence, when the operation knows better than the
    /// generic advice for `code`.
    public let hint: String?

    /// Creates an error; used by this module and by test doubles that imitate it.
    public init(code: Code, errorClass: Class, message: String, operation: String, hint: String? = nil) {
        self.code = code
        self.errorClass = errorClass
        self.message = message
        self.operation = operation
        self.hint = hint
    }

    /// Sentences for the user: what failed, libgit2's reason, and what to do when we know.
    public var description: String {
        var text = "Could not \(operation): \(message)"
        if !text.hasSuffix(".") { text += "." }
        let advice: String? = switch code {
        case _ where hint != nil: hint
        case .locked: "Another git process may be running: retry, or remove a stale .lock file."
        case .modified: "The reference moved meanwhile: read it again and retry."
        case .owner: "Check the folder's owner, or add it to git's safe.directory setting."
        default: nil
        }
        if let advice { text += " " + advice }
        return text
    }
}
