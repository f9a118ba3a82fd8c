internal import CGit2
internal import Foundation

extension Repository {
    /// The folder a remote URL names when the remote is a repository on this machine (a path,
    /// or `file://`), as libgit2's transport choice sees it; `nil` for a network remote.
    /// A relative path is taken from the working tree's root, as `git -C ROOT` would.
    public func localRemotePath(_ url: String) -> String? {
        var path: String
        if url.hasPrefix("file://") {
            path = String(url.dropFirst(7)).removingPercentEncoding ?? String(url.dropFirst(7))
        } else if url.contains("://") {
            return nil
        } else {
            path = url
        }
        if !path.hasPrefix("/") {
            guard let root = workingDirectory ?? Optional(gitDirectory) else { return nil }
            path = root + path
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            // scp-like `host:path` and missing folders go to libgit2, which reports them.
            return url.hasPrefix("file://") ? path : nil
        }
        return path
    }

    /// Pushes to a bare repository on this machine with a compare-and-swap on its branch.
    ///
    /// libgit2's local transport checks the remote tip it advertised, then writes the remote
    /// reference with `force`: two replicas pushing at the same instant both pass the check and
    /// the later write silently replaces the other's commits. Here the objects are written as
    /// one pack into the remote, then the branch moves only if it still holds the tip that was
    /// checked to be an ancestor of ours, so one push wins and the other is `.rejected`.
    ///
    /// - Returns: `.rejected` when the remote branch has commits we do not have, moved during
    ///   the push, or is locked by another push at this instant.
    /// - Throws: `GitError` when the remote is not a bare repository or cannot be written.
    func pushLocally(
        to path: String, remoteName: String, localReference: String, remoteReference: String,
        isCancelled: () -> Bool, progress: @escaping @Sendable () -> Void = {}
    ) throws -> PushOutcome {
        guard let target = try resolveReference(localReference) else {
            throw GitError(code: .notFound, errorClass: .reference, message: "'\(localReference)' does not exist",
                           operation: "push to '\(remoteName)' (\(path))")
        }
        let remote = try Repository.open(at: path)
        guard remote.isBare else {
            throw GitError(code: .bareRepository, errorClass: .invalid,
                           message: "the remote at \(path) has a working tree; a shared remote must be a bare repository",
                           operation: "push to '\(remoteName)' (\(path))",
                           hint: "Create it with `git init --bare`, or `git clone --bare` of the team's repository.")
        }
        let current = try remote.resolveReference(remoteReference)
        if current == target { return .pushed }
        if let current {
            guard hasObject(current), try isAncestor(current, of: target) else {
                return .rejected("the remote branch has commits this replica has not merged yet")
            }
        }
        if isCancelled() {
            throw GitError(code: GitError.Code(rawValue: GIT_EUSER.rawValue), errorClass: .none,
                           message: "cancelled", operation: "push to '\(remoteName)' (\(path))")
        }
        try writePack(of: target, excluding: current, into: remote.gitDirectory + "objects/pack", progress: progress)
        do {
            try remote.updateReference(remoteReference, to: target, expecting: current, message: "push")
        } catch let error as GitError where [.modified, .exists, .notFound].contains(error.code) {
            return .rejected("the remote branch moved during the push")
        } catch let error as GitError where error.code == .locked {
            return .rejected("the remote branch is locked by another push")
        }
        if remoteReference.hasPrefix("refs/heads/") {
            pointUnbornHead(of: remote, at: remoteReference)
            // What libgit2's push does after success: the tracking ref follows the remote.
            let tracking = "refs/remotes/\(remoteName)/" + remoteReference.dropFirst("refs/heads/".count)
            var raw: OpaquePointer?
            var oid = target.oid
            if git_reference_create(&raw, pointer, tracking, &oid, 1, "update by push") == 0, let raw {
                _ = ReferenceHandle(owning: raw)
            }
        }
        return .pushed
    }

    /// The first push to a new bare remote makes its HEAD name the pushed branch when HEAD
    /// names a branch that does not exist (`git init --bare` names `master` or whatever
    /// `init.defaultBranch` says): else `git clone` checks out nothing and the teammate sees
    /// an empty folder. A HEAD naming an existing branch is the team's choice and stays.
    /// Best effort: the push itself succeeded.
    private func pointUnbornHead(of remote: Repository, at branch: String) {
        guard case .unborn(let named)? = try? remote.head(), named != branch else { return }
        try? remote.pointHead(at: branch)
    }

    /// Whether the object database holds `id`.
    func hasObject(_ id: ObjectID) -> Bool {
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, pointer) == 0, let odb else { return false }
        defer { git_odb_free(odb) }
        var oid = id.oid
        return git_odb_exists(odb, &oid) == 1
    }

    /// Writes the objects reachable from `tip` but not from `base` as one pack (and its index)
    /// into `folder`; the pack is renamed into place by libgit2 once complete.
    /// `progress` is called as objects are counted, compressed and written: no network callback
    /// runs meanwhile, and a big pack on a slow share takes a while.
    private func writePack(of tip: ObjectID, excluding base: ObjectID?, into folder: String,
                           progress: @escaping @Sendable () -> Void) throws {
        var builder: OpaquePointer?
        try check(git_packbuilder_new(&builder, pointer), "prepare a pack")
        guard let builder else { throw GitError.unexpectedNull("prepare a pack") }
        defer { git_packbuilder_free(builder) }
        let beat = PackProgress(progress)
        let payload = Unmanaged.passUnretained(beat).toOpaque()
        try check(git_packbuilder_set_callbacks(builder, { _, _, _, payload in
            payload.map { Unmanaged<PackProgress>.fromOpaque($0).takeUnretainedValue().call() }
            return 0
        }, payload), "prepare a pack")
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, pointer), "walk the commits to push")
        guard let walk else { throw GitError.unexpectedNull("walk the commits to push") }
        defer { git_revwalk_free(walk) }
        var tipOID = tip.oid
        try check(git_revwalk_push(walk, &tipOID), "walk from \(tip)")
        if var baseOID = base?.oid {
            try check(git_revwalk_hide(walk, &baseOID), "walk from \(tip) without what the remote has")
        }
        try check(git_packbuilder_insert_walk(builder, walk), "collect the objects to push")
        guard git_packbuilder_object_count(builder) > 0 else { return }
        try withExtendedLifetime(beat) {
            try check(git_packbuilder_write(builder, folder, 0, { _, payload in
                payload.map { Unmanaged<PackProgress>.fromOpaque($0).takeUnretainedValue().call() }
                return 0
            }, payload), "write the pushed objects into \(folder)")
        }
    }
}

/// The progress closure of a pack being written, reached from libgit2's callbacks through
/// their payload; kept alive by `writePack` for as long as the builder runs.
private final class PackProgress {
    let call: @Sendable () -> Void
    init(_ call: @escaping @Sendable () -> Void) { self.call = call }
}
