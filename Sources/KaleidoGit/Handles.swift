internal import CGit2

// One final class per libgit2 handle type: each instance owns exactly one pointer and frees it
// in `deinit`, so no path (early return, thrown error) can leak or double-free it. Handles that
// belong to a repository keep the `Repository` alive, because libgit2 objects must not outlive
// the repository they were read from. All are internal: no C type leaves this module.

/// Owns a `git_tree`.
final class TreeHandle {
    let pointer: OpaquePointer
    private let repository: Repository

    /// Looks up the tree `id`, peeling a commit id to its tree.
    init(treeish id: ObjectID, in repository: Repository) throws {
        let object = try ObjectHandle(lookup: id, in: repository)
        var peeled: OpaquePointer?
        try check(
            git_object_peel(&peeled, object.pointer, GIT_OBJECT_TREE),
            "read \(id) as a tree (it must be a commit or a tree)")
        // git_object_peel hands us a git_object that is a git_tree; freeing it as a tree is the
        // documented way (git_tree_free is git_object_free on a tree).
        guard let peeled else { throw GitError.unexpectedNull("peel \(id) to a tree") }
        self.pointer = peeled
        self.repository = repository
    }

    deinit { git_tree_free(pointer) }

    var id: ObjectID { ObjectID(git_tree_id(pointer)) }
}

/// Owns a `git_object` of any type.
final class ObjectHandle {
    let pointer: OpaquePointer
    private let repository: Repository

    init(lookup id: ObjectID, in repository: Repository) throws {
        var oid = id.oid
        var object: OpaquePointer?
        try check(
            git_object_lookup(&object, repository.pointer, &oid, GIT_OBJECT_ANY),
            "find object \(id)")
        guard let object else { throw GitError.unexpectedNull("find object \(id)") }
        self.pointer = object
        self.repository = repository
    }

    /// Takes ownership of an object libgit2 just handed us (e.g. from `git_revparse_single`).
    init(owning pointer: OpaquePointer, in repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_object_free(pointer) }
}

/// Owns a `git_commit`.
final class CommitHandle {
    let pointer: OpaquePointer
    private let repository: Repository

    init(lookup id: ObjectID, in repository: Repository) throws {
        var oid = id.oid
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, repository.pointer, &oid), "read commit \(id)")
        guard let commit else { throw GitError.unexpectedNull("read commit \(id)") }
        self.pointer = commit
        self.repository = repository
    }

    deinit { git_commit_free(pointer) }
}

/// Owns a `git_blob`.
final class BlobHandle {
    let pointer: OpaquePointer
    private let repository: Repository

    init(lookup id: ObjectID, in repository: Repository) throws {
        var oid = id.oid
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, repository.pointer, &oid), "read blob \(id)")
        guard let blob else { throw GitError.unexpectedNull("read blob \(id)") }
        self.pointer = blob
        self.repository = repository
    }

    deinit { git_blob_free(pointer) }

    /// A copy of the blob's bytes.
    var content: [UInt8] {
        let size = Int(git_blob_rawsize(pointer))
        guard size > 0, let raw = git_blob_rawcontent(pointer) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }
}

/// Owns a `git_tree_entry` returned by `git_tree_entry_bypath` (which, unlike entries read
/// by index, the caller must free).
final class TreeEntryHandle {
    let pointer: OpaquePointer

    init(owning pointer: OpaquePointer) { self.pointer = pointer }

    deinit { git_tree_entry_free(pointer) }
}

/// Owns a `git_treebuilder`.
final class TreeBuilderHandle {
    let pointer: OpaquePointer
    private let repository: Repository

    /// Starts from the entries of `base`, or from an empty tree.
    init(base: TreeHandle?, in repository: Repository) throws {
        var builder: OpaquePointer?
        try check(
            git_treebuilder_new(&builder, repository.pointer, base?.pointer),
            "start building a tree")
        guard let builder else { throw GitError.unexpectedNull("start building a tree") }
        self.pointer = builder
        self.repository = repository
    }

    deinit { git_treebuilder_free(pointer) }
}

/// Owns a `git_reference`.
final class ReferenceHandle {
    let pointer: OpaquePointer

    init(owning pointer: OpaquePointer) { self.pointer = pointer }

    deinit { git_reference_free(pointer) }
}

/// Owns a `git_signature` made by `git_signature_new`.
final class SignatureHandle {
    let pointer: UnsafeMutablePointer<git_signature>

    init(_ signature: Signature) throws {
        var made: UnsafeMutablePointer<git_signature>?
        try check(
            git_signature_new(
                &made, signature.name, signature.email,
                git_time_t(signature.secondsSince1970), Int32(signature.timeZoneOffsetMinutes)),
            "use \(signature.name) <\(signature.email)> as a commit signature")
        guard let made else { throw GitError.unexpectedNull("make a commit signature") }
        self.pointer = made
    }

    deinit { git_signature_free(pointer) }
}

/// Owns a `git_diff`.
final class DiffHandle {
    let pointer: OpaquePointer
    private let repository: Repository

    init(owning pointer: OpaquePointer, in repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_diff_free(pointer) }
}

extension GitError {
    /// libgit2 reported success but gave no object: a broken promise, reported, not trapped.
    static func unexpectedNull(_ operation: String) -> GitError {
        GitError(
            code: .generic, errorClass: .internal,
            message: "libgit2 returned success without a result", operation: operation)
    }

    /// Input this module refuses before calling libgit2.
    static func invalidInput(_ message: String, _ operation: String) -> GitError {
        GitError(code: .invalid, errorClass: .none, message: message, operation: operation)
    }
}
