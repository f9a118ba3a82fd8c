internal import CGit2

/// An open git repository: the owner of one libgit2 `git_repository` handle.
///
/// **Threading.** libgit2 objects are not thread-safe, so a `Repository` is confined to one
/// thread, actor or serial queue at a time. It is deliberately not `Sendable`: Swift 6 lets you
/// hand a freshly opened repository to an actor (a `sending` transfer) but not share it between
/// two. Open a second `Repository` on the same path if two contexts need one; git's lock files
/// keep concurrent writers to references safe.
///
/// **Errors.** Every throwing method throws `GitError`.
///
/// **Paths.** Paths inside the repository are slash-separated, relative to the root of a tree,
/// and written and looked up byte for byte, with no Unicode normalisation: "é" as one code
/// point and "é" as "e" plus a combining accent are two files, as in git. (Swift's `String ==`
/// calls them equal; see `writeTree(applying:to:)` for the form that keeps both.)
public final class Repository {
    /// The `git_repository`; freed in `deinit`, and kept alive by every handle read from it.
    let pointer: OpaquePointer

    private init(owning pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { git_repository_free(pointer) }

    /// Opens the repository at `path`: a working tree's root, its `.git` folder, or a bare
    /// repository. Parent folders are not searched.
    ///
    /// - Throws: `GitError` with code `.notFound` when `path` is not a repository.
    public static func open(at path: String) throws -> Repository {
        try Libgit2.prepare()
        var repository: OpaquePointer?
        try check(
            git_repository_open_ext(
                &repository, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil),
            "open a git repository at '\(path)'",
            hint: "Check the path, or create a repository there first.")
        guard let repository else { throw GitError.unexpectedNull("open '\(path)'") }
        return Repository(owning: repository)
    }

    /// Creates a new, empty repository at `path`, creating missing folders.
    ///
    /// - Parameters:
    ///   - bare: `true` for a repository without a working tree (a shared remote).
    ///   - initialBranch: the branch HEAD names until the first commit; given explicitly so that
    ///     the machine's `init.defaultBranch` does not matter.
    /// - Throws: `GitError` with code `.exists` if a repository is already there.
    public static func create(
        at path: String, bare: Bool = false, initialBranch: String = "main"
    ) throws -> Repository {
        try Libgit2.prepare()
        var options = git_repository_init_options()
        try check(
            git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
            "prepare to create a repository")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
        if bare { options.flags |= GIT_REPOSITORY_INIT_BARE.rawValue }
        var repository: OpaquePointer?
        let result = initialBranch.withCString { branch in
            options.initial_head = branch
            return git_repository_init_ext(&repository, path, &options)
        }
        try check(
            result, "create a git repository at '\(path)'",
            hint: result == GitError.Code.exists.rawValue
                ? "Open the existing repository instead, or choose another folder." : nil)
        guard let repository else { throw GitError.unexpectedNull("create '\(path)'") }
        return Repository(owning: repository)
    }

    /// Whether the repository has no working tree.
    public var isBare: Bool { git_repository_is_bare(pointer) == 1 }

    /// The path of the git folder (`…/.git/` or the bare repository itself), ending in "/".
    public var gitDirectory: String { String(borrowing: git_repository_path(pointer)) ?? "" }

    /// The root of the working tree, ending in "/", or `nil` for a bare repository.
    public var workingDirectory: String? { String(borrowing: git_repository_workdir(pointer)) }
}

// Confinement is the contract (see the type's documentation): forbid a Sendable conformance
// outright, so that nobody adds one "to silence a warning".
@available(*, unavailable, message: "A Repository is confined to one thread or actor; open one per context.")
extension Repository: Sendable {}
